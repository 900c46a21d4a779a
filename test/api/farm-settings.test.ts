import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Audit } from "@akker/core/audit/audit";
import { Season } from "@akker/core/contribution/season";
import { useDB } from "@akker/core/entities";
import { Farm } from "@akker/core/farm/farm";
import { Mailing } from "@akker/core/mail/mailing";
import { client, freshFarmApp, login, makeHousehold, makePerson, type TestApp } from "./helpers";

let app: TestApp;
let farmID: string;
let board: Awaited<ReturnType<typeof login>>;
let other: Awaited<ReturnType<typeof login>>;
let member: Awaited<ReturnType<typeof login>>;

const friday = { weekday: 5, from: "16:00", to: "19:00", place: "De schuur" };
const saturday = { weekday: 6, from: "10:00", to: "12:00", place: "De schuur" };

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(Date.parse("2026-12-06T10:00:00Z")));
  await makeHousehold(farmID, { name: "Bestuur", email: "bestuur@example.nl", roles: ["board"] });
  await makeHousehold(farmID, { name: "Voorzitter", email: "voorzitter@example.nl", roles: ["board"] });
  await makeHousehold(farmID, { name: "Lid", email: "lid@example.nl" });
  board = await login(app, "bestuur@example.nl", "10.8.0.1");
  other = await login(app, "voorzitter@example.nl", "10.8.0.2");
  member = await login(app, "lid@example.nl", "10.8.0.3");
});

async function read(c = board) {
  const res = await c.get("/api/farm/settings");
  expect(res.status).toBe(200);
  return res.body.settings;
}

describe("farm settings", () => {
  it("the board reads the settings with their defaults and a version", async () => {
    const s = await read();
    expect(s).toMatchObject({ capacityMouths: 500, optOutDaysBefore: 4, optOutTime: "18:00", childFactor: 0.5, targetHours: 20, maxProxies: 1, pickup: [] });
    expect(typeof s.version).toBe("string");
  });

  it("saves all fields, pickup moments in week order, and audits what changed", async () => {
    const s = await read();
    const res = await board.put("/api/farm/settings", { ...s, capacityMouths: 520, pickup: [saturday, friday] });
    expect(res.status).toBe(200);
    expect(res.body.settings).toMatchObject({ capacityMouths: 520, pickup: [friday, saturday] });
    expect(res.body.settings.version).not.toBe(s.version);
    // the other domains read the farm's settings at once
    const farm = await withActor({ type: "system", farmID }, () => Farm.current());
    expect(farm.capacityMouths).toBe(520);
    const events = await withActor({ type: "system", farmID }, () => Audit.forSubject(farmID));
    const event = events.find((e) => e.action === "farm.settings");
    expect(event?.data).toEqual({ capacityMouths: { from: 500, to: 520 }, pickup: { from: [], to: [friday, saturday] } });
  });

  it("refuses bad input with a clear error and changes nothing", async () => {
    const s = await read();
    const bad = [
      [{ capacityMouths: 0 }, "capacityMouths"],
      [{ optOutTime: "25:00" }, "optOutTime"],
      [{ optOutDaysBefore: 15 }, "optOutDaysBefore"],
      [{ childFactor: 1.5 }, "childFactor"],
      [{ targetHours: -1 }, "targetHours"],
      [{ maxProxies: 11 }, "maxProxies"],
      [{ pickup: [{ ...friday, from: "19:00", to: "16:00" }] }, "pickup.0.to"],
      [{ pickup: [{ ...friday, weekday: 8 }] }, "pickup.0.weekday"],
      [{ pickup: [{ ...friday, place: "  " }] }, "pickup.0.place"],
    ] as const;
    for (const [change, path] of bad) {
      const res = await board.put("/api/farm/settings", { ...s, ...change });
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe("input.invalid");
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect((await board.put("/api/farm/settings", { version: s.version })).status).toBe(400);
    expect(await read()).toEqual(s);
  });

  it("of two board members saving the same version, the second is refused and must reload", async () => {
    const s = await read();
    const [a, b] = await Promise.all([
      board.put("/api/farm/settings", { ...s, targetHours: 24 }),
      other.put("/api/farm/settings", { ...s, maxProxies: 2 }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.error.code).toBe("farm.changed");
    const after = await read(other);
    // exactly the winner's change, nothing of the loser's
    expect([after.targetHours, after.maxProxies]).toEqual(a.status === 200 ? [24, 1] : [20, 2]);
    const again = await other.put("/api/farm/settings", { ...after, maxProxies: 2 });
    expect(again.status).toBe(200);
    expect(again.body.settings).toMatchObject({ maxProxies: 2 });
  });

  it("a write of the farm elsewhere (a season save) makes an older version stale", async () => {
    const s = await read();
    await withActor({ type: "system", farmID }, () => Season.save(2027, { budgetCents: 100_000_00, weeks: 50, targetHours: 30 }));
    const res = await board.put("/api/farm/settings", { ...s, capacityMouths: 530 });
    expect(res.status).toBe(409);
    expect((await read()).capacityMouths).toBe(s.capacityMouths);
  });

  it("only the board reads or writes them", async () => {
    const s = await read();
    expect((await client(app).get("/api/farm/settings")).status).toBe(401);
    expect((await member.get("/api/farm/settings")).status).toBe(403);
    expect((await member.put("/api/farm/settings", { ...s, capacityMouths: 1 })).status).toBe(403);
    expect((await read()).capacityMouths).toBe(s.capacityMouths);
  });
});

describe("the farm's public page", () => {
  it("answers without a login: pickup, costs, the waiting list in mouths, and nothing personal", async () => {
    await withActor({ type: "system", farmID }, async () => {
      const now = new Date().toISOString();
      for (const [i, a] of [
        [1, { adults: 2, children: 1 }],
        [2, { adults: 1, children: 0 }],
      ] as const)
        await useDB()
          .entities.application.create({
            farmID,
            applicationID: `app_0${i}`,
            name: `Aanvrager ${i}`,
            email: `a${i}@example.nl`,
            ...a,
            vegetarian: false,
            certificate: "full",
            plan: "once",
            locale: "nl",
            status: "waiting",
            createdAt: now,
          } as never)
          .go();
    });
    // next year's price, confirmed: this year has none
    await withActor({ type: "system", farmID }, () => Season.confirm(2027, { rateCents: 1850, vegetarianRateCents: 1650 }));
    const res = await client(app).get("/api/farm/public");
    expect(res.status).toBe(200);
    expect(res.body.farm).toMatchObject({
      pickup: [friday, saturday],
      depositFullCents: 200_000,
      waiting: { applications: 2, mouths: 3.5 },
      price: { year: 2027, rateCents: 1850, vegetarianRateCents: 1650 },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/example\.nl|Aanvrager/);
  });
});

describe("the share mail", () => {
  it("tells when and where to pick the share up", async () => {
    await makePerson(farmID, { name: "Boer", email: "boer@example.nl", roles: ["farmer"] });
    const farmer = await login(app, "boer@example.nl", "10.8.0.4");
    expect((await farmer.put("/api/harvests/2026-W50", { items: [{ crop: "prei", unit: "piece", quantity: 20 }] })).status).toBe(200);
    expect((await farmer.post("/api/harvests/2026-W50/publish")).status).toBe(200);
    await Mailing.settled();
    const res = await app.request("/api/dev/outbox?to=lid@example.nl");
    const { messages } = (await res.json()) as { messages: { subject: string; text: string }[] };
    const share = messages.find((m) => /oogst/.test(m.subject));
    expect(share?.text).toContain("Ophalen:\n- vrijdag 16:00–19:00, De schuur\n- zaterdag 10:00–12:00, De schuur");
  });
});
