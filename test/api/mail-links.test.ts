import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { electionOpened } from "@akker/core/election/mail";
import { Farm } from "@akker/core/farm/farm";
import { Site } from "@akker/core/farm/site";
import { Mail } from "@akker/core/mail/mail";
import { createApp } from "../../functions/src/api/app";
import { jobs } from "../../functions/src/jobs/registry";
import { runJobs } from "../../functions/src/jobs/tick";
import { createTestFarm, useTestTable } from "../setup/table";

/*
 * Two farms on one deployment (FARM_DOMAINS): each farm's mail links lead
 * to its own host, whether a request made the mail or a job did (a job has
 * no request to take a host from). Before, every link was PUBLIC_URL, so
 * farm B's applicants were sent to farm A's site.
 */

let app: ReturnType<typeof createApp>;
const farms: Record<"a" | "b", string> = { a: "", b: "" };
const host = (farm: "a" | "b") => `${farm}.example.nl`;
const env = ["FARM_DOMAINS", "PUBLIC_URL", "DEFAULT_FARM_ID"] as const;
const before = Object.fromEntries(env.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  await useTestTable();
  farms.a = await createTestFarm(undefined, "Boerderij A");
  farms.b = await createTestFarm(undefined, "Boerderij B");
  process.env.FARM_DOMAINS = JSON.stringify({ [host("a")]: farms.a, [host("b")]: farms.b });
  process.env.PUBLIC_URL = `https://${host("a")}`;
  process.env.DEFAULT_FARM_ID = farms.a;
  app = createApp({ stage: "local" });
});

afterAll(() => {
  Clock.set(undefined);
  for (const k of env) if (before[k] === undefined) delete process.env[k];
  else process.env[k] = before[k];
});

let ip = 0;
/** A browser on the farm's own site. */
async function post(farm: "a" | "b", path: string, body: unknown) {
  const res = await app.request(path, {
    method: "POST",
    headers: { host: host(farm), origin: `http://${host(farm)}`, "content-type": "application/json", "x-forwarded-for": `10.77.0.${++ip}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function mailsTo(farm: "a" | "b", email: string) {
  const res = await app.request(`/api/dev/outbox?to=${encodeURIComponent(email)}`, { headers: { host: host(farm) } });
  return ((await res.json()) as { messages: { subject: string; text: string }[] }).messages;
}

/** Every link in a mail's text. */
const links = (text: string) => text.match(/https?:\/\/\S+/g) ?? [];

describe("mail links with several farms on one deployment", () => {
  it("a mail made by a request to farm B links to farm B's host, farm A's to farm A's", async () => {
    for (const farm of ["a", "b"] as const) {
      const email = `aanvraag-${farm}@example.nl`;
      const applied = await post(farm, "/api/applications", { name: `Aanvrager ${farm}`, email, adults: 2 });
      expect(applied.status, JSON.stringify(applied.body)).toBe(202);
      const [mail] = await mailsTo(farm, email);
      expect(links(mail!.text), farm).toEqual([expect.stringMatching(new RegExp(`^https://${host(farm)}/apply/confirm/[A-Za-z0-9_-]+$`))]);
    }
  });

  it("a mail made by a job, with no request, links to its farm's host too (an offer after one expired)", async () => {
    const start = Date.parse("2031-03-03T09:00:00Z");
    Clock.set(start);
    // Farm B has room for one household of two: the first in line is offered the place, the second waits.
    await withActor({ type: "system", farmID: farms.b }, () => Farm.update({ capacityMouths: 2, offerDays: 7 }));
    for (const n of [1, 2]) {
      const email = `wacht-${n}@example.nl`;
      expect((await post("b", "/api/applications", { name: `Wachtende ${n}`, email, adults: 2 })).status).toBe(202);
      const token = links((await mailsTo("b", email))[0]!.text)[0]!.split("/").pop();
      expect((await post("b", "/api/applications/confirm", { token })).status).toBe(200);
      Clock.set(Clock.now() + 1000);
    }
    await withActor({ type: "system", farmID: farms.b }, () => import("@akker/core/membership/application").then((m) => m.Application.offerInOrder()));
    expect(await mailsTo("b", "wacht-2@example.nl")).toHaveLength(2); // the confirm link and the status link, no offer yet

    // The offer lapses; the membership job offers the place to the next in line.
    Clock.set(start + 8 * 24 * 3600_000);
    const results = await runJobs({ jobs, farmIDs: [farms.b], now: new Date(Clock.now()) });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const [offer] = await mailsTo("b", "wacht-2@example.nl");
    expect(offer!.text).toMatch(/\/apply\/accept\//);
    expect(links(offer!.text)).toEqual([expect.stringMatching(new RegExp(`^https://${host("b")}/apply/accept/[A-Za-z0-9_-]+$`))]);
  });

  it("each farm's site: PUBLIC_URL for the farm it serves, its own FARM_DOMAINS host for another, with PUBLIC_URL's scheme and port", () => {
    expect(Site.url("/x", farms.a)).toBe(`https://${host("a")}/x`);
    expect(Site.url("/x", farms.b)).toBe(`https://${host("b")}/x`);
    // a farm with no host of its own, and a template rendered outside any farm: PUBLIC_URL
    expect(Site.url("/x", "farm_elsewhere")).toBe(`https://${host("a")}/x`);
    expect(Site.url("/x", undefined)).toBe(`https://${host("a")}/x`);
    const composed = withActor({ type: "system", farmID: farms.b }, () =>
      Mail.compose(electionOpened, "lid@example.nl", "nl", { farm: "B", title: "Begroting", closes: "morgen", link: "/elections/el_1" }),
    );
    expect(links(composed.text)).toEqual([`https://${host("b")}/elections/el_1`]);
    // locally: the local server's scheme and port, the farm's own name
    const publicURL = process.env.PUBLIC_URL;
    delete process.env.PUBLIC_URL;
    try {
      expect(Site.url("/x", farms.b)).toBe(`http://${host("b")}:${process.env.PORT ?? 3000}/x`);
    } finally {
      process.env.PUBLIC_URL = publicURL;
    }
  });
});
