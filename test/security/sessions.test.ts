import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { Session } from "@akker/core/auth/session";
import { Clock } from "@akker/core/clock";
import { createApp } from "../../functions/src/api/app";
import { createTestFarm } from "../setup/table";
import { client, codeFrom, login, makeHousehold, freshFarmApp } from "../api/helpers";

/*
 * Sessions beyond test/api/auth.test.ts, which already proves: the local
 * cookie's HttpOnly and SameSite=Lax without Secure, that logout kills the
 * session server-side, the idle and absolute timeouts, and hashed storage.
 */

let app: ReturnType<typeof createApp>;
let farmID: string;

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp());
  await makeHousehold(farmID, { name: "Jansen", email: "lid@example.nl" });
  await makeHousehold(farmID, { name: "Mallory", email: "mallory@example.nl" });
  await makeHousehold(farmID, { name: "Visser", email: "visser@example.nl" });
});

afterEach(() => Clock.set(undefined));

const tokenOf = (cookie: string) => cookie.split("=")[1]!;

/** Logs in on the given app (a deployed stage has no outbox route, so the code is read from the local app). */
async function loginOn(target: ReturnType<typeof createApp>, email: string, ip: string, headers: Record<string, string> = {}) {
  const c = client(target, { ip });
  expect((await c.post("/api/auth/code", { email }, headers)).status).toBe(202);
  const res = await c.post("/api/auth/verify", { email, code: await codeFrom(app, email) }, headers);
  expect(res.status).toBe(200);
  return { c, res, cookie: res.headers.get("set-cookie")! };
}

describe("sessions", () => {
  it("a made-up, malformed or stolen-from-the-database cookie is no session", async () => {
    const real = await login(app, "lid@example.nl", "10.30.0.1");
    const stored = Session.hashToken(tokenOf(real.cookie)); // what a leaked table holds
    for (const token of ["", "x", "A".repeat(43), stored, "A".repeat(5000), "%00", tokenOf(real.cookie) + "x"]) {
      const c = client(app);
      c.cookie = `akker_session=${token}`;
      const res = await c.get("/api/me");
      expect(res.status, token.slice(0, 50)).toBe(401);
      expect(res.body.error.code).toBe("auth.required");
    }
  });

  it("fixation: a cookie planted before login is not adopted; login issues a fresh token", async () => {
    // the attacker plants a token of their own choosing…
    const victim = client(app, { ip: "10.30.0.2" });
    victim.cookie = "akker_session=planted-by-the-attacker-0123456789012345678901";
    expect((await victim.get("/api/me")).status).toBe(401);
    await victim.post("/api/auth/code", { email: "visser@example.nl" });
    const res = await victim.post("/api/auth/verify", { email: "visser@example.nl", code: await codeFrom(app, "visser@example.nl") });
    expect(res.status).toBe(200);
    expect(tokenOf(victim.cookie)).not.toBe("planted-by-the-attacker-0123456789012345678901");
    const attacker = client(app);
    attacker.cookie = "akker_session=planted-by-the-attacker-0123456789012345678901";
    expect((await attacker.get("/api/me")).status).toBe(401);

    // …or a real session of their own: after the victim logs in over it, it is still only the attacker's.
    const mallory = await login(app, "mallory@example.nl", "10.30.0.3");
    const planted = mallory.cookie;
    const victim2 = client(app, { ip: "10.30.0.4" });
    victim2.cookie = planted;
    await victim2.post("/api/auth/code", { email: "lid@example.nl" });
    await victim2.post("/api/auth/verify", { email: "lid@example.nl", code: await codeFrom(app, "lid@example.nl") });
    expect(victim2.cookie).not.toBe(planted);
    expect((await victim2.get("/api/me")).body.person.email).toBe("lid@example.nl");
    const attacker2 = client(app);
    attacker2.cookie = planted;
    expect((await attacker2.get("/api/me")).body.person.email).toBe("mallory@example.nl");
  });

  it("logout ends this session only, clears the cookie with the same attributes, and cannot be replayed", async () => {
    const phone = await login(app, "lid@example.nl", "10.30.0.5");
    const laptop = await login(app, "lid@example.nl", "10.30.0.6");
    const old = phone.cookie;
    const out = await phone.post("/api/auth/logout");
    expect(out.status).toBe(204);
    const cleared = out.headers.get("set-cookie")!;
    expect(cleared).toMatch(/^akker_session=;/);
    expect(cleared).toMatch(/Max-Age=0/);
    expect(cleared).toMatch(/Path=\//);
    expect(cleared).toMatch(/HttpOnly/);
    expect(cleared).toMatch(/SameSite=Lax/);
    const replay = client(app);
    replay.cookie = old;
    expect((await replay.get("/api/me")).status).toBe(401);
    expect((await replay.post("/api/auth/logout")).status).toBe(401);
    expect((await laptop.get("/api/me")).status).toBe(200);
  });

  it("cookie attributes: HttpOnly, SameSite=Lax, Path=/, lifetime = the absolute timeout; Secure when deployed, not on local", async () => {
    const local = await loginOn(app, "visser@example.nl", "10.30.0.7");
    const prod = await loginOn(createApp({ stage: "prod" }), "visser@example.nl", "10.30.0.8", { origin: "https://localhost" });
    for (const [cookie, secure] of [[local.cookie, false], [prod.cookie, true]] as const) {
      const attrs = cookie.split(";").map((a) => a.trim());
      expect(attrs[0]).toMatch(/^akker_session=[A-Za-z0-9_-]{43}$/);
      expect(attrs).toContain("HttpOnly");
      expect(attrs).toContain("SameSite=Lax");
      expect(attrs).toContain("Path=/");
      expect(attrs).toContain(`Max-Age=${Session.absoluteMs / 1000}`);
      expect(attrs.some((a) => /^Domain=/i.test(a))).toBe(false); // host-only: no sibling subdomain gets it
      expect(attrs.includes("Secure")).toBe(secure);
    }
    const out = await prod.c.post("/api/auth/logout", undefined, { origin: "https://localhost" });
    expect(out.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("a session belongs to its farm: another farm's host does not know it", async () => {
    const other = await createTestFarm();
    process.env.FARM_DOMAINS = JSON.stringify({ "andere.example.nl": other });
    try {
      const c = await login(app, "lid@example.nl", "10.30.0.9");
      const res = await app.request("/api/me", { headers: { cookie: c.cookie, "x-forwarded-host": "andere.example.nl" } });
      expect(res.status).toBe(401);
      expect((await c.get("/api/me")).status).toBe(200);
    } finally {
      delete process.env.FARM_DOMAINS;
    }
  });

  it("a session idle just longer than the idle timeout is dead, long before the absolute one", async () => {
    // The timeouts themselves are proven in test/api/auth.test.ts; this pins the boundary.
    const start = Date.now();
    Clock.set(start);
    const c = await login(app, "mallory@example.nl", "10.30.0.10");
    Clock.set(start + Session.idleMs);
    expect((await c.get("/api/me")).status).toBe(200);
    Clock.set(start + 2 * Session.idleMs + 1);
    expect((await c.get("/api/me")).status).toBe(401);
  });
});
