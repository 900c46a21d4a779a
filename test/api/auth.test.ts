import { createRequire, syncBuiltinESMExports } from "node:module";
import { afterEach, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { createApp } from "../../functions/src/api/app";
import { Clock } from "@akker/core/clock";
import { Auth } from "@akker/core/auth/auth";
import { Session } from "@akker/core/auth/session";
import { useDB } from "@akker/core/entities";
import { Mail } from "@akker/core/mail/mail";
import { client, codeFrom, login, makeHousehold, freshFarmApp } from "./helpers";

let app: ReturnType<typeof createApp>;
let farmID: string;

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp());
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
    // refused: the code is dead (401), or this address waits after so many wrong tries (429)
    expect([401, 429]).toContain((await c.post("/api/auth/verify", { email: "bo@example.nl", code })).status);
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

  it("code requests for one address come with growing delays, never more than an hour apart", async () => {
    const start = Date.parse("2027-03-01T09:00:00Z");
    Clock.set(start);
    const ask = (i: number) => client(app, { ip: `10.1.0.${i}` }).post("/api/auth/code", { email: "limit@example.nl" });
    const { free, firstDelaySeconds, maxDelaySeconds } = Auth.limits.codesPerAddress;
    for (let i = 0; i < free; i++) expect((await ask(i)).status).toBe(202);
    const refused = await ask(free);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("auth.rate_limited");
    expect(refused.body.error.retryAfterMinutes).toBe(firstDelaySeconds / 60);
    expect(refused.headers.get("retry-after")).toBe(String(firstDelaySeconds));
    // whoever keeps asking, the next code is never more than an hour away
    let now = start;
    const waits: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await ask(10 + i);
      if (res.status === 202) continue;
      expect(res.status).toBe(429);
      waits.push(res.body.error.retryAfterMinutes);
      now += res.body.error.retryAfterMinutes * 60_000;
      Clock.set(now);
    }
    expect(Math.max(...waits)).toBe(maxDelaySeconds / 60);
    expect(waits.slice(0, 4)).toEqual([1, 2, 4, 8]);
  });

  it("rate-limits code requests per client, also when they arrive at once", async () => {
    const c = client(app, { ip: "10.2.0.1" });
    const n = Auth.limits.codesPerClient.limit + 10;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => c.post("/api/auth/code", { email: `x${i}@example.nl` })),
    );
    expect(results.filter((r) => r.status === 202)).toHaveLength(Auth.limits.codesPerClient.limit);
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

describe("guessing login codes", () => {
  const wrongFor = (code: string, i = 0) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0");

  it("one client gets a budget of tries, whatever addresses it tries (429 with the minutes to wait)", async () => {
    const start = Date.parse("2027-03-02T09:00:00Z");
    Clock.set(start);
    const attacker = client(app, { ip: "10.3.0.1" });
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof attacker.post>> | undefined;
    for (let i = 0; i < 60; i++) {
      last = await attacker.post("/api/auth/verify", { email: `guess${i % 12}@example.nl`, code: "123456" });
      statuses.push(last.status);
    }
    const allowed = Auth.limits.triesPerClient.limit;
    expect(statuses.slice(0, allowed).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(allowed).every((s) => s === 429)).toBe(true);
    expect(last!.body.error.code).toBe("auth.too_many_tries");
    expect(last!.body.error.retryAfterMinutes).toBe(15);
    // another client is not held up by it
    const owner = client(app, { ip: "10.3.0.2" });
    expect((await owner.post("/api/auth/code", { email: "an@example.nl" })).status).toBe(202);
    expect((await owner.post("/api/auth/verify", { email: "an@example.nl", code: await codeFrom(app, "an@example.nl") })).status).toBe(200);
    // a right code gives its try back: logging in again and again never runs into the budget
    for (let i = 0; i < allowed + 2; i++) {
      const email = `gezin${i}@example.nl`;
      await makeHousehold(farmID, { name: `Gezin ${i}`, email });
      expect((await owner.post("/api/auth/code", { email })).status).toBe(202);
      expect((await owner.post("/api/auth/verify", { email, code: await codeFrom(app, email) })).status).toBe(200);
    }
  });

  it("the farm gets a budget of wrong tries, however many clients they come from; a right code waits too", async () => {
    const start = Date.parse("2027-03-03T09:00:00Z");
    Clock.set(start);
    const statuses: number[] = [];
    for (let i = 0; i < Auth.limits.failuresPerFarm.limit + 5; i++)
      statuses.push((await client(app, { ip: `10.4.${i >> 8}.${i & 255}` }).post("/api/auth/verify", { email: `bot${i}@example.nl`, code: "123456" })).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(Auth.limits.failuresPerFarm.limit);
    expect(statuses.slice(Auth.limits.failuresPerFarm.limit)).toEqual([429, 429, 429, 429, 429]);

    // until the hour is over, not even the right code is looked at
    const owner = client(app, { ip: "10.4.9.1" });
    expect((await owner.post("/api/auth/code", { email: "cor@example.nl" })).status).toBe(202);
    const code = await codeFrom(app, "cor@example.nl");
    const held = await owner.post("/api/auth/verify", { email: "cor@example.nl", code });
    expect(held.status).toBe(429);
    expect(held.body.error.code).toBe("auth.too_many_tries");
    Clock.set(start + Auth.limits.failuresPerFarm.windowSeconds * 1000 - 5 * 60_000);
    expect((await owner.post("/api/auth/code", { email: "cor@example.nl" })).status).toBe(202);
    Clock.set(start + Auth.limits.failuresPerFarm.windowSeconds * 1000);
    expect((await owner.post("/api/auth/verify", { email: "cor@example.nl", code: await codeFrom(app, "cor@example.nl") })).status).toBe(200);
  });

  it("concurrent guesses with the right one among them: a code is compared at most 5 times", async () => {
    const rounds = 6;
    const start = Date.parse("2027-03-04T00:00:00Z");
    // count the comparisons of code hashes (auth.ts compares with node:crypto's timingSafeEqual)
    const crypto = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
    const timingSafeEqual = crypto.timingSafeEqual;
    let compared = 0;
    crypto.timingSafeEqual = (a, b) => {
      compared++;
      return timingSafeEqual(a, b);
    };
    syncBuiltinESMExports();
    onTestFinished(() => {
      crypto.timingSafeEqual = timingSafeEqual;
      syncBuiltinESMExports();
    });
    for (let round = 0; round < rounds; round++) {
      // each round an hour later, so the farm's budget is not what stops them
      Clock.set(start + round * 2 * 3600_000);
      const email = `race${round}@example.nl`;
      await makeHousehold(farmID, { name: `Race ${round}`, email });
      expect((await client(app, { ip: `10.5.${round}.250` }).post("/api/auth/code", { email })).status).toBe(202);
      const code = await codeFrom(app, email);
      // 15 different guesses from 15 clients, the right one among the last
      const guesses = Array.from({ length: 15 }, (_, i) => (i === 11 ? code : wrongFor(code, i)));
      compared = 0;
      const answers = await Promise.all(
        guesses.map((guess, i) => client(app, { ip: `10.5.${round}.${i}` }).post("/api/auth/verify", { email, code: guess })),
      );
      expect(compared).toBeGreaterThan(0);
      expect(compared).toBeLessThanOrEqual(Auth.maxAttempts);
      const won = answers.filter((a) => a.status === 200);
      expect(won.length).toBeLessThanOrEqual(1);
      expect(answers.every((a) => a.status === 200 || a.status === 401)).toBe(true);
      const stored = (await useDB().entities.loginCode.get({ farmID, email }).go()).data;
      if (won.length) {
        expect(answers[11]!.status).toBe(200);
        expect(stored).toBeNull();
      } else {
        // every try was taken by a wrong guess: the code is dead
        expect(stored?.attempts).toBe(Auth.maxAttempts);
      }
    }
  });

  it("a try is counted before the code is compared: a dead code is never compared, even when right", async () => {
    Clock.set(Date.parse("2027-03-05T09:00:00Z"));
    const email = "dirk@example.nl";
    const c = client(app, { ip: "10.6.0.1" });
    expect((await c.post("/api/auth/code", { email })).status).toBe(202);
    const code = await codeFrom(app, email);
    await useDB().entities.loginCode.patch({ farmID, email }).set({ attempts: Auth.maxAttempts - 1 }).go();
    // two at once, the right one and a wrong one, for the last try: never both compared
    const [right, wrong] = await Promise.all([
      c.post("/api/auth/verify", { email, code }),
      c.post("/api/auth/verify", { email, code: wrongFor(code) }),
    ]);
    expect(wrong.status).toBe(401);
    const stored = (await useDB().entities.loginCode.get({ farmID, email }).go()).data;
    if (right.status === 200) expect(stored).toBeNull();
    else expect(stored?.attempts).toBe(Auth.maxAttempts);
  });
});

describe("known and unknown addresses", () => {
  it("do the same work: an unknown address also gets a code stored (that no one ever reads)", async () => {
    Clock.set(Date.parse("2027-03-06T09:00:00Z"));
    const c = client(app, { ip: "10.7.0.1" });
    expect((await c.post("/api/auth/code", { email: "niemand@example.nl" })).status).toBe(202);
    const stored = (await useDB().entities.loginCode.get({ farmID, email: "niemand@example.nl" }).go()).data;
    expect(stored?.codeHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stored?.attempts).toBe(0);
    // and a guess at it is refused like any wrong code
    const guess = await c.post("/api/auth/verify", { email: "niemand@example.nl", code: "123456" });
    expect(guess.status).toBe(401);
    expect(guess.body.error.code).toBe("auth.code_invalid");
  });

  it("are answered in the same time, even when handing over the mail is slow", async () => {
    const floor = 200;
    Auth.setAnswerMs(floor);
    // a slow mail service: only known addresses are mailed, so without the floor they answer later
    Mail.setTransport(async (m) => {
      await new Promise((r) => setTimeout(r, 80));
      await Mail.outboxTransport(m);
    });
    try {
      const n = 8;
      for (let i = 0; i < n; i++) await makeHousehold(farmID, { name: `Tijd ${i}`, email: `tijd${i}@example.nl` });
      const time = async (email: string, ip: string) => {
        const t = performance.now();
        const res = await client(app, { ip }).post("/api/auth/code", { email });
        expect(res.status).toBe(202);
        return performance.now() - t;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < n; i++) {
        known.push(await time(`tijd${i}@example.nl`, `10.8.0.${i}`));
        unknown.push(await time(`niet-tijd${i}@example.nl`, `10.8.1.${i}`));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
      expect(median(unknown)).toBeGreaterThanOrEqual(floor - 1);
      // generous: the difference is the noise of a busy machine, not the 80 ms of the mail
      expect(Math.abs(median(known) - median(unknown))).toBeLessThan(40);
    } finally {
      Auth.setAnswerMs(0);
      Mail.setTransport(Mail.outboxTransport);
    }
  });
});
