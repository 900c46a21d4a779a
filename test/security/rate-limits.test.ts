import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { functionUrlEvent } from "../api/lambda-event";
import { Auth } from "@akker/core/auth/auth";
import { Clock } from "@akker/core/clock";
import { Application } from "@akker/core/membership/application";
import { createApp } from "../../functions/src/api/app";
import { freePort } from "../../functions/src/local/dynamo-local";
import { startLocalServer } from "../../functions/src/local/server";
import { originHeader } from "../../functions/src/api/origin";
import { createTestFarm, useTestTable } from "../setup/table";
import { client, codeFrom, makeHousehold } from "../api/helpers";

/*
 * Rate limits beyond test/api/auth.test.ts, which proves the code request
 * limits per address and per client (also all at once) and that a code dies
 * after 5 wrong tries. Here: what that adds up to for someone guessing, the
 * waiting list's limits, and that the client is the one the platform sees,
 * not whatever X-Forwarded-For claims.
 */

let app: ReturnType<typeof createApp>;
let table: Awaited<ReturnType<typeof useTestTable>>;

beforeAll(async () => {
  table = await useTestTable();
  const farmID = await createTestFarm();
  process.env.DEFAULT_FARM_ID = farmID;
  app = createApp({ stage: "local" });
  await makeHousehold(farmID, { name: "Doelwit", email: "doelwit@example.nl" });
  await makeHousehold(farmID, { name: "Doelwit Dag", email: "doelwit-dag@example.nl" });
});

afterEach(() => Clock.set(undefined));

async function outboxSize(email: string) {
  return (((await (await app.request(`/api/dev/outbox?to=${email}`)).json()) as any).messages as unknown[]).length;
}

describe("rate limits", () => {
  it("guessing at one address for a day: growing delays hold it to a few dozen guesses, and no wait is over an hour", async () => {
    const day = Date.parse("2027-05-03T00:00:00Z");
    const end = day + 23 * 3600_000;
    const email = "doelwit@example.nl";
    let now = day;
    let ip = 0;
    // every request from another client, so only what counts per address holds the attacker
    const attacker = () => client(app, { ip: `10.50.${ip >> 8 & 255}.${ip++ & 255}` });
    let guesses = 0;
    let mailed = 0;
    const waits: number[] = [];
    const wait = (res: { body: any }) => {
      expect(res.body.error.code).toMatch(/^auth\.(rate_limited|too_many_tries)$/);
      waits.push(res.body.error.retryAfterMinutes);
      now += res.body.error.retryAfterMinutes * 60_000;
    };
    let code: { value: string; at: number; tries: number } | undefined;
    while (now < end) {
      Clock.set(now);
      if (!code || code.tries >= Auth.maxAttempts || now - code.at >= Auth.codeTTLMinutes * 60_000) {
        const asked = await attacker().post("/api/auth/code", { email });
        if (asked.status === 429) wait(asked);
        else {
          expect(asked.status).toBe(202);
          mailed++;
          code = { value: await codeFrom(app, email), at: now, tries: 0 };
        }
        continue;
      }
      const wrong = code.value === "000000" ? "000001" : "000000";
      const res = await attacker().post("/api/auth/verify", { email, code: wrong });
      if (res.status === 429) wait(res);
      else {
        expect(res.status).toBe(401);
        guesses++;
        code.tries++;
      }
    }
    // 5 at once, 6 in the first hour, then one an hour (the farm's budget would stop a spread attack sooner)
    expect(guesses).toBeLessThanOrEqual(Auth.limits.failuresPerAddress.free + 6 + 23);
    expect(guesses).toBeGreaterThan(20);
    expect(Math.max(...waits)).toBeLessThanOrEqual(60);
    expect(mailed).toBeLessThanOrEqual(guesses);

    // the owner, after a day of this, is in within the hour
    const started = now;
    const owner = client(app, { ip: "10.50.200.1" });
    for (;;) {
      Clock.set(now);
      const asked = await owner.post("/api/auth/code", { email });
      if (asked.status === 429) {
        wait(asked);
        continue;
      }
      const res = await owner.post("/api/auth/verify", { email, code: await codeFrom(app, email) });
      if (res.status === 429) {
        wait(res);
        continue;
      }
      expect(res.status).toBe(200);
      break;
    }
    expect(now - started).toBeLessThanOrEqual(60 * 60_000);
  });

  it("code requests for one address over a day: a few dozen, never a wait over an hour, never locked out for the day", async () => {
    const day = Date.parse("2027-05-04T00:00:00Z");
    const email = "doelwit-dag@example.nl";
    let now = day;
    let granted = 0;
    const waits: number[] = [];
    for (let i = 0; now < day + 24 * 3600_000 - 60 * 60_000; i++) {
      Clock.set(now);
      const res = await client(app, { ip: `10.52.${i >> 8}.${i & 255}` }).post("/api/auth/code", { email });
      if (res.status === 202) granted++;
      else {
        expect(res.status).toBe(429);
        waits.push(res.body.error.retryAfterMinutes);
        now += res.body.error.retryAfterMinutes * 60_000;
      }
    }
    expect(granted).toBeLessThanOrEqual(Auth.limits.codesPerAddress.free + 6 + 23);
    expect(Math.max(...waits)).toBe(60);
    // an hour later at most, the owner gets a code and logs in
    Clock.set(now + 60 * 60_000);
    const owner = client(app, { ip: "10.52.200.1" });
    expect((await owner.post("/api/auth/code", { email })).status).toBe(202);
    expect((await owner.post("/api/auth/verify", { email, code: await codeFrom(app, email) })).status).toBe(200);
  });

  it("the waiting list: per address and per client, and a refused application leaves no trace", async () => {
    Clock.set(Date.parse("2027-05-03T12:00:00Z"));
    const apply = (ip: string, email: string) => client(app, { ip }).post("/api/applications", { name: "Nieuw", email, adults: 2 });
    const address = [];
    for (let i = 0; i <= Application.limits.perAddress.limit; i++) address.push((await apply(`10.51.0.${i}`, "wacht@example.nl")).status);
    expect(address).toEqual([...Array(Application.limits.perAddress.limit).fill(202), 429]);

    const one = [];
    for (let i = 0; i <= Application.limits.perClient.limit; i++) one.push((await apply("10.51.1.1", `wacht${i}@example.nl`)).status);
    expect(one).toEqual([...Array(Application.limits.perClient.limit).fill(202), 429]);
    expect(await outboxSize(`wacht${Application.limits.perClient.limit}@example.nl`)).toBe(0);
  });

  it("the local server counts the connection's address, not what X-Forwarded-For claims", async () => {
    const server = await startLocalServer({
      port: await freePort(),
      endpoint: table.endpoint,
      tableName: table.tableName,
      webDir: mkdtempSync(join(tmpdir(), "akker-web-")),
      hostname: "127.0.0.1",
    });
    try {
      const statuses = [];
      for (let i = 0; i <= Auth.limits.codesPerClient.limit; i++) {
        const res = await fetch(`${server.url}/api/auth/code`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${i}` },
          body: JSON.stringify({ email: `spoof${i}@example.nl` }),
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([...Array(Auth.limits.codesPerClient.limit).fill(202), 429]);
    } finally {
      await server.close();
    }
  });

  // Last: loading the Lambda entry point turns mail over to the (absent) queue; unknown addresses get no mail.
  describe("deployed", () => {
    const lambda = async () => {
      process.env.ORIGIN_SECRET = "origin-secret-for-tests-0123456789";
      process.env.MAIL_QUEUE_URL ??= "https://sqs.eu-west-1.amazonaws.com/123456789012/test-mail";
      return (await import("../../functions/src/api/lambda/core")).handler;
    };
    const askCodes = async (n: number, name: string, headers: (i: number) => Record<string, string>) => {
      const handler = await lambda();
      const statuses = [];
      for (let i = 0; i < n; i++) {
        const event = functionUrlEvent({
          method: "POST",
          path: "/api/auth/code",
          headers: { origin: "https://akker.example.nl", [originHeader]: process.env.ORIGIN_SECRET!, ...headers(i) },
          body: { email: `${name}${i}@example.nl` },
        });
        // what CloudFront sends unless it is told the viewer's address
        if (headers(i)["cloudfront-viewer-address"] === undefined) delete event.headers["cloudfront-viewer-address"];
        statuses.push((await handler(event)).statusCode);
      }
      return statuses;
    };
    const limited = [...Array(Auth.limits.codesPerClient.limit).fill(202), 429];

    it("the client is CloudFront's viewer address, not what X-Forwarded-For claims", async () => {
      const statuses = await askCodes(Auth.limits.codesPerClient.limit + 1, "lambda", (i) => ({
        "cloudfront-viewer-address": "198.51.100.7:40000",
        "x-forwarded-for": `203.0.113.${i}, 130.176.0.1`,
      }));
      expect(statuses).toEqual(limited);
    });

    it("without CloudFront's viewer address, the client is the edge that sent it, never X-Forwarded-For", async () => {
      Clock.set(Date.parse("2027-05-05T10:00:00Z"));
      const statuses = await askCodes(Auth.limits.codesPerClient.limit + 1, "zonder", (i) => ({
        "x-forwarded-for": `203.0.113.${i}`,
      }));
      expect(statuses).toEqual(limited);
    });

    it("IPv6 viewers count by their /64: a new address in it is the same client", async () => {
      Clock.set(Date.parse("2027-05-06T10:00:00Z"));
      const statuses = await askCodes(Auth.limits.codesPerClient.limit + 1, "zes", (i) => ({
        "cloudfront-viewer-address": `2001:db8:7:42:${((i * 7919) % 65536).toString(16)}::${i + 1}:443`,
      }));
      expect(statuses).toEqual(limited);
      // another /64 is another client
      const other = await askCodes(1, "zeven", () => ({ "cloudfront-viewer-address": "2001:db8:7:43::1:443" }));
      expect(other).toEqual([202]);
    });
  });
});
