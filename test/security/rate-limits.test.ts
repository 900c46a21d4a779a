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
  it("guessing a login code: at most (codes per address × tries per code) guesses per window, then nothing", async () => {
    const start = Date.parse("2027-05-03T10:00:00Z");
    Clock.set(start);
    const email = "doelwit@example.nl";
    let guesses = 0;
    let last = "";
    for (let i = 0; i < Auth.limits.perAddress.limit; i++) {
      // every request from another address, so only the per-address limit counts
      const attacker = client(app, { ip: `10.50.0.${i}` });
      expect((await attacker.post("/api/auth/code", { email })).status).toBe(202);
      last = await codeFrom(app, email);
      const wrong = last === "000000" ? "000001" : "000000";
      for (let t = 0; t < Auth.maxAttempts; t++) {
        expect((await attacker.post("/api/auth/verify", { email, code: wrong })).status).toBe(401);
        guesses++;
      }
      // the code is dead now, even for the right guess
      expect((await attacker.post("/api/auth/verify", { email, code: last })).status).toBe(401);
    }
    expect(guesses).toBe(Auth.limits.perAddress.limit * Auth.maxAttempts);
    const mailed = await outboxSize(email);
    const limited = await client(app, { ip: "10.50.1.1" }).post("/api/auth/code", { email });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("auth.rate_limited");
    expect(await outboxSize(email)).toBe(mailed); // no new code mailed
    expect((await client(app, { ip: "10.50.1.1" }).post("/api/auth/verify", { email, code: last })).status).toBe(401);

    // the next window: the owner can log in again
    Clock.set(start + Auth.limits.perAddress.windowSeconds * 1000);
    const owner = client(app, { ip: "10.50.1.2" });
    expect((await owner.post("/api/auth/code", { email })).status).toBe(202);
    expect((await owner.post("/api/auth/verify", { email, code: await codeFrom(app, email) })).status).toBe(200);
  });

  it("guessing a login code over a day: at most 12 codes for one address, however the attempts are spread", async () => {
    const day = Date.parse("2027-05-04T00:00:00Z");
    const email = "doelwit-dag@example.nl";
    const statuses: number[] = [];
    // a new 15-minute window every 5 codes, each request from another address
    for (let i = 0; i < Auth.limits.perAddressDaily.limit + 3; i++) {
      Clock.set(day + Math.floor(i / Auth.limits.perAddress.limit) * Auth.limits.perAddress.windowSeconds * 1000);
      statuses.push((await client(app, { ip: `10.52.0.${i}` }).post("/api/auth/code", { email })).status);
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(Auth.limits.perAddressDaily.limit);
    expect(statuses.slice(Auth.limits.perAddressDaily.limit)).toEqual([429, 429, 429]);
    // the next day the owner can log in again
    Clock.set(day + Auth.limits.perAddressDaily.windowSeconds * 1000);
    const owner = client(app, { ip: "10.52.1.1" });
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
      for (let i = 0; i <= Auth.limits.perClient.limit; i++) {
        const res = await fetch(`${server.url}/api/auth/code`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${i}` },
          body: JSON.stringify({ email: `spoof${i}@example.nl` }),
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([...Array(Auth.limits.perClient.limit).fill(202), 429]);
    } finally {
      await server.close();
    }
  });

  // Last: loading the Lambda entry point turns mail over to the (absent) queue; unknown addresses get no mail.
  it("deployed, the client is CloudFront's viewer address, not what X-Forwarded-For claims", async () => {
    process.env.ORIGIN_SECRET = "origin-secret-for-tests-0123456789";
    process.env.MAIL_QUEUE_URL ??= "https://sqs.eu-west-1.amazonaws.com/123456789012/test-mail";
    const { handler } = await import("../../functions/src/api/lambda/core");
    const statuses = [];
    for (let i = 0; i <= Auth.limits.perClient.limit; i++) {
      const res = await handler(
        functionUrlEvent({
          method: "POST",
          path: "/api/auth/code",
          headers: {
            origin: "https://akker.example.nl",
            [originHeader]: process.env.ORIGIN_SECRET,
            "cloudfront-viewer-address": "198.51.100.7:40000",
            "x-forwarded-for": `203.0.113.${i}, 130.176.0.1`,
          },
          body: { email: `lambda${i}@example.nl` },
        }),
      );
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([...Array(Auth.limits.perClient.limit).fill(202), 429]);
  });
});
