import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { weekOf } from "@akker/core/week";
import { startE2E } from "./harness";

/*
 * Text people type is shown as text. Markup goes in through the API where
 * people can type it (household names, harvest crops and note, a work day's
 * title, place and description, an election's title, description, candidate
 * names and statements) and the screens that show it are opened in Chromium:
 * the markup must appear literally, make no element, run nothing and open
 * no dialog. The CSP would block inline script anyway (and report it, which
 * counts as a page error here), so the test also looks for the elements.
 */

let e2e: Awaited<ReturnType<typeof startE2E>>;

beforeAll(async () => {
  e2e = await startE2E({ households: 6 });
});

afterAll(async () => {
  await e2e?.stop();
});

/** Markup that would run, or leave an element behind, if the app rendered user text as HTML. At most 100 characters for the short fields. */
const payload = (where: string) => `${where} <img src=x onerror="__xss='${where}'"><script>__xss='${where}'</script><i class=xp>`;

/** An API session, as the browser would hold it after logging in. */
async function session(email: string) {
  const json = { "content-type": "application/json" };
  const asked = await fetch(`${e2e.url}/api/auth/code`, { method: "POST", headers: json, body: JSON.stringify({ email }) });
  expect(asked.status).toBe(202);
  const res = await fetch(`${e2e.url}/api/auth/verify`, { method: "POST", headers: json, body: JSON.stringify({ email, code: await e2e.code(email) }) });
  expect(res.status).toBe(200);
  const token = /akker_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")![1]!;
  const api = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${e2e.url}/api${path}`, {
      method,
      headers: { cookie: `akker_session=${token}`, origin: e2e.url, ...(body === undefined ? {} : json) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = r.status === 204 ? undefined : ((await r.json()) as any);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  return { token, api };
}

/** A phone page logged in with the session's cookie, noting any dialog. */
async function pageFor(token: string) {
  const page = await e2e.phone();
  await page.context().addCookies([{ name: "akker_session", value: token, url: e2e.url, httpOnly: true, sameSite: "Lax" }]);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return Object.assign(page, { dialogs });
}

/** Nothing the payloads carry has run or become an element, and each appears as typed. */
async function expectInert(page: Page & { errors: string[]; dialogs: string[] }, texts: string[]) {
  const main = await page.locator("main").innerText();
  for (const t of texts) expect(main, page.url()).toContain(t);
  expect(await page.evaluate("globalThis.__xss"), page.url()).toBeUndefined();
  expect(await page.locator('img[src="x"], main script, .xp').count(), page.url()).toBe(0);
  expect(page.dialogs).toEqual([]);
  expect(page.errors).toEqual([]);
}

describe("user-supplied text in Chromium", () => {
  it("renders household names, harvest, work day and election text literally, and runs none of it", async () => {
    const board = await session("bestuur@demo.test");
    const farmer = await session("boer@demo.test");
    const coordinator = await session("coordinator@demo.test");
    const member = await session("lid001@demo.test");

    const own = (await member.api("GET", "/me")).household.id as string;
    const households = (await board.api("GET", "/households")).households as { id: string }[];
    const other = households.find((h) => h.id !== own)!.id;
    await board.api("PATCH", `/households/${own}`, { name: payload("huishouden") });
    await board.api("PATCH", `/households/${other}`, { name: payload("buren") });

    const week = weekOf(Date.now());
    await farmer.api("PUT", `/harvests/${week}`, {
      items: [{ crop: payload("gewas"), unit: "piece", quantity: 60 }],
      note: payload("bericht"),
    });
    await farmer.api("POST", `/harvests/${week}/publish`);

    const start = new Date(Date.now() + 2 * 24 * 3600_000);
    start.setUTCHours(8, 0, 0, 0);
    const workday = (
      await coordinator.api("POST", "/workdays", {
        title: payload("meewerkdag"),
        task: "weeding",
        start: start.toISOString(),
        end: new Date(start.getTime() + 3 * 3600_000).toISOString(),
        capacity: 10,
        location: payload("plek"),
        description: `${payload("omschrijving")}\n<a href="javascript:__xss='link'">klik</a>`,
      })
    ).workday.id as string;

    const election = (
      await board.api("POST", "/elections", {
        kind: "board",
        title: payload("stemming"),
        description: payload("toelichting"),
        seats: 1,
        candidates: [
          { name: payload("kandidaat"), statement: `${payload("verklaring")}\n<iframe src="javascript:__xss='frame'"></iframe>` },
          { name: "Bram Jansen", statement: "" },
        ],
        opensAt: new Date(Date.now() + 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      })
    ).election.id as string;
    await board.api("POST", `/elections/${election}/open`);

    // The member: home (this week's share and the farmer's note), the work day, the election, the household.
    const page = await pageFor(member.token);
    await page.goto(e2e.url);
    await page.getByRole("list", { name: "Jullie aandeel" }).waitFor();
    await expectInert(page, [payload("gewas"), payload("bericht")]);

    await page.goto(`${e2e.url}/workdays/${workday}`);
    await page.getByRole("heading", { level: 1, name: payload("meewerkdag") }).waitFor();
    await expectInert(page, [payload("plek"), payload("omschrijving"), `<a href="javascript:__xss='link'">klik</a>`]);
    expect(await page.locator("main a[href^='javascript']").count()).toBe(0);

    await page.goto(`${e2e.url}/elections/${election}`);
    await page.getByRole("heading", { level: 1, name: payload("stemming") }).waitFor();
    await expectInert(page, [payload("toelichting"), payload("kandidaat"), payload("verklaring"), `<iframe src="javascript:__xss='frame'"></iframe>`]);
    expect(await page.locator("iframe").count()).toBe(0);

    await page.goto(`${e2e.url}/households/${own}`);
    await page.getByRole("heading", { level: 2, name: payload("huishouden") }).waitFor();
    await expectInert(page, []);

    // The farmer's split names every household.
    const farmerPage = await pageFor(farmer.token);
    await farmerPage.goto(`${e2e.url}/harvest/${week}`);
    // the households' table is folded under the per-crop summary
    await farmerPage.getByText(/^Alle \d+ huishoudens bekijken$/).click();
    await farmerPage.getByRole("table", { name: "Per huishouden" }).waitFor();
    await expectInert(farmerPage, [payload("huishouden"), payload("buren"), payload("gewas")]);
  });
});
