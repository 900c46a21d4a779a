import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../functions/src/api/app";
import { Clock } from "@akker/core/clock";
import { Auth } from "@akker/core/auth/auth";
import { Session } from "@akker/core/auth/session";
import { useDB } from "@akker/core/entities";
import { createTestFarm, useTestTable } from "../setup/table";
import { client, codeFrom, login, makeHousehold } from "./helpers";

let app: ReturnType<typeof createApp>;
let farmID: string;

beforeAll(async () => {
  await useTestTable();
  farmID = await createTestFarm();
  process.env.DEFAULT_FARM_ID = farmID;
  app = createApp({ stage: "local" });
  await makeHousehold(farmID, { name: "Jansen", email: "an@example.nl" });
  await makeHousehold(farmID, { name: "Visser", email: "bo@example.nl" });
  await makeHousehold(farmID, { name: "Smit", email: "cor@example.nl" });
  await makeHousehold(farmID, { name: "Bakker", email: "dirk@example.nl" });
});

afterEach(() => Clock.set(undefined));

describe("login with a mailed code", () => {
  it("logs in with the mailed code and answers with me", async () => {
    const c = client(app);
    expect((await c.get("/api/me")).status).toBe(401);
    const asked = await c.post("/api/auth/code", { email: "An@Example.nl " });
    expect(asked.status).toBe(202);
    const code = await codeFrom(app, "an@example.nl");
    expect(code).toMatch(/^\d{6}$/);
    const res = await c.post("/api/auth/verify", { email: "an@example.nl", code });
    expect(res.status).toBe(200);
    expect(res.body.me.person.email).toBe("an@example.nl");
    expect(res.body.me.household.name).toBe("Jansen");
    expect(res.body.me.roles).toEqual(["member"]);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/akker_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // local stage; deployed stages set Secure
    const me = await c.get("/api/me");
    expect(me.status).toBe(200);
    expect(me.body.farm.id).toBe(farmID);
  });

  it("answers the same for an unknown address, and mails nothing", async () => {
    const c = client(app, { ip: "10.0.0.2" });
    const known = await c.post("/api/auth/code", { email: "bo@example.nl" });
    const unknown = await c.post("/api/auth/code", { email: "nobody@example.nl" });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    const outbox = await app.request("/api/dev/outbox?to=nobody@example.nl");
    expect(((await outbox.json()) as any).messages).toEqual([]);
  });

  it("refuses a wrong code, and a code is single use", async () => {
    const c = client(app, { ip: "10.0.0.3" });
    await c.post("/api/auth/code", { email: "cor@example.nl" });
    const code = await codeFrom(app, "cor@example.nl");
    const wrong = code === "000000" ? "000001" : "000000";
    const bad = await c.post("/api/auth/verify", { email: "cor@example.nl", code: wrong });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe("auth.code_invalid");
    expect((await c.post("/api/auth/verify", { email: "cor@example.nl", code })).status).toBe(200);
    const again = client(app, { ip: "10.0.0.3" });
    expect((await again.post("/api/auth/verify", { email: "cor@example.nl", code })).status).toBe(401);
  });

  it("refuses an expired code", async () => {
    const c = client(app, { ip: "10.0.0.4" });
    const start = Date.now();
    Clock.set(start);
    await c.post("/api/auth/code", { email: "dirk@example.nl" });
    const code = await codeFrom(app, "dirk@example.nl");
    Clock.set(start + Auth.codeTTLMinutes * 60_000 + 1);
    const res = await c.post("/api/auth/verify", { email: "dirk@example.nl", code });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("auth.code_invalid");
  });

  it("kills a code after 5 wrong tries, even with the right code after", async () => {
    const c = client(app, { ip: "10.0.0.5" });
    await c.post("/api/auth/code", { email: "bo@example.nl" });
    const code = await codeFrom(app, "bo@example.nl");
    const wrong = code === "999999" ? "999998" : "999999";
    const tries = await Promise.all(
      Array.from({ length: 8 }, () => c.post("/api/auth/verify", { email: "bo@example.nl", code: wrong })),
    );
    expect(tries.every((t) => t.status === 401)).toBe(true);
    const stored = await useDB().entities.loginCode.get({ farmID, email: "bo@example.nl" }).go();
    expect(stored.data?.attempts).toBe(5);
    expect((await c.post("/api/auth/verify", { email: "bo@example.nl", code })).status).toBe(401);
  });

  it("stores codes and sessions hashed, never in the clear", async () => {
    const c = client(app, { ip: "10.0.0.6" });
    await c.post("/api/auth/code", { email: "an@example.nl" });
    const code = await codeFrom(app, "an@example.nl");
    const stored = await useDB().entities.loginCode.get({ farmID, email: "an@example.nl" }).go();
    expect(JSON.stringify(stored.data)).not.toContain(code);
    await c.post("/api/auth/verify", { email: "an@example.nl", code });
    const token = c.cookie.split("=")[1]!;
    const sessions = await useDB().entities.session.get({ farmID, tokenHash: Session.hashToken(token) }).go();
    expect(sessions.data).toBeTruthy();
    expect(JSON.stringify(sessions.data)).not.toContain(token);
  });

  it("rate-limits code requests per address", async () => {
    const results = [];
    for (let i = 0; i < Auth.limits.perAddress.limit + 2; i++)
      results.push((await client(app, { ip: `10.1.0.${i}` }).post("/api/auth/code", { email: "limit@example.nl" })).status);
    expect(results.slice(0, Auth.limits.perAddress.limit).every((s) => s === 202)).toBe(true);
    expect(results.slice(Auth.limits.perAddress.limit)).toEqual([429, 429]);
  });

  it("rate-limits code requests per client, also when they arrive at once", async () => {
    const c = client(app, { ip: "10.2.0.1" });
    const n = Auth.limits.perClient.limit + 10;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => c.post("/api/auth/code", { email: `x${i}@example.nl` })),
    );
    expect(results.filter((r) => r.status === 202)).toHaveLength(Auth.limits.perClient.limit);
    const limited = results.filter((r) => r.status === 429);
    expect(limited).toHaveLength(10);
    expect(limited[0]!.body.error.code).toBe("auth.rate_limited");
  });

  it("a session is dead after logout, server-side", async () => {
    const c = await login(app, "an@example.nl", "10.0.0.7");
    const stolen = c.cookie;
    const out = await c.post("/api/auth/logout");
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/akker_session=;/);
    const replay = client(app);
    replay.cookie = stolen;
    expect((await replay.get("/api/me")).status).toBe(401);
  });

  it("a session dies when idle too long, and after the absolute timeout", async () => {
    const start = Date.now();
    Clock.set(start);
    const c = await login(app, "cor@example.nl", "10.0.0.8");
    Clock.set(start + Session.idleMs - 1000);
    expect((await c.get("/api/me")).status).toBe(200);
    Clock.set(start + 2 * Session.idleMs - 2000);
    expect((await c.get("/api/me")).status).toBe(200);
    Clock.set(start + 3 * Session.idleMs + 1000);
    expect((await c.get("/api/me")).status).toBe(401);

    Clock.set(start);
    const d = await login(app, "dirk@example.nl", "10.0.0.9");
    for (let t = start; t < start + Session.absoluteMs; t += Session.idleMs / 2) {
      Clock.set(t);
      expect((await d.get("/api/me")).status).toBe(200);
    }
    Clock.set(start + Session.absoluteMs + 1000);
    expect((await d.get("/api/me")).status).toBe(401);
  });

  it("rejects malformed bodies with the issues", async () => {
    const c = client(app, { ip: "10.0.0.10" });
    const res = await c.post("/api/auth/code", { email: "not-an-address" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("input.invalid");
    expect(res.body.error.issues[0].path).toBe("email");
    const broken = await c.post("/api/auth/verify", "{not json");
    expect(broken.status).toBe(400);
    const form = await app.request("/api/auth/code", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
      body: "email=an@example.nl",
    });
    expect(form.status).toBe(400);
  });
});
