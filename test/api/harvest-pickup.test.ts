import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../functions/src/api/app";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { Farm } from "@akker/core/farm/farm";
import { login, makeHousehold, makePerson, freshFarmApp } from "./helpers";

let app: ReturnType<typeof createApp>;
let farmer: Awaited<ReturnType<typeof login>>;
let member: Awaited<ReturnType<typeof login>>;
const ids: Record<string, string> = {};
let farmID: string;

// Monday 5 April 2027, in week 14.
const monday = Date.parse("2027-04-05T08:00:00Z");

beforeAll(async () => {
  const { farmID: made0, app: made } = await freshFarmApp(monday);
  farmID = made0;
  app = made;
  for (const [name, adults] of [["Jansen", 2], ["Visser", 1], ["Bakker", 4]] as const) {
    const { household } = await makeHousehold(farmID, { name, email: `${name.toLowerCase()}@example.nl`, adults });
    ids[name] = household.id;
  }
  await makePerson(farmID, { name: "Boer", email: "boer@example.nl", roles: ["farmer"] });
  farmer = await login(app, "boer@example.nl", "10.6.0.2");
  member = await login(app, "jansen@example.nl", "10.6.0.3");
});

afterAll(() => Clock.set(undefined));

describe("the crop catalogue", () => {
  it("remembers the crops of past weeks with their unit, step and meat flag", async () => {
    expect((await farmer.get("/api/harvests/catalogue")).body).toEqual({ crops: [] });
    await farmer.put("/api/harvests/2027-W14", { items: [{ crop: "prei", unit: "piece", quantity: 10 }, { crop: "gehakt", unit: "kg", quantity: 3, step: 0.5, meat: true }] });
    await farmer.put("/api/harvests/2027-W15", { items: [{ crop: "Prei", unit: "bunch", quantity: 6, step: 2 }] });
    const res = await farmer.get("/api/harvests/catalogue");
    expect(res.status).toBe(200);
    expect(res.body.crops).toEqual([
      { crop: "Prei", unit: "bunch", step: 2, meat: false, weeks: 2, lastWeek: "2027-W15" },
      { crop: "gehakt", unit: "kg", step: 0.5, meat: true, weeks: 1, lastWeek: "2027-W14" },
    ]);
    expect((await member.get("/api/harvests/catalogue")).status).toBe(403);
  });
});

describe("the pickup", () => {
  it("refuses ticks before the week is published, and for a household without a share", async () => {
    const early = await farmer.put(`/api/harvests/2027-W15/pickups/${ids.Jansen}`, { collected: true });
    expect(early.status).toBe(404);
    expect(early.body.error.code).toBe("harvest.not_published");
    await farmer.post("/api/harvests/2027-W15/publish");
    const stranger = await farmer.put("/api/harvests/2027-W15/pickups/hh_unknown", { collected: true });
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe("harvest.no_share");
    expect((await farmer.get("/api/harvests/2027-W15/pickups")).body.collected).toEqual([]);
    expect((await member.put(`/api/harvests/2027-W15/pickups/${ids.Jansen}`, { collected: true })).status).toBe(403);
  });

  it("a tick is idempotent, and two phones ticking at once lose nothing", async () => {
    const taps = await Promise.all([
      farmer.put(`/api/harvests/2027-W15/pickups/${ids.Jansen}`, { collected: true }),
      farmer.put(`/api/harvests/2027-W15/pickups/${ids.Jansen}`, { collected: true }),
      farmer.put(`/api/harvests/2027-W15/pickups/${ids.Visser}`, { collected: true }),
    ]);
    expect(taps.map((t) => t.status)).toEqual([200, 200, 200]);
    const res = await farmer.get("/api/harvests/2027-W15/pickups");
    expect(res.body.collected.map((c: any) => c.householdID).sort()).toEqual([ids.Jansen, ids.Visser].sort());
    const undo = await farmer.put(`/api/harvests/2027-W15/pickups/${ids.Visser}`, { collected: false });
    expect(undo.body.collected.map((c: any) => c.householdID)).toEqual([ids.Jansen]);
    expect((await farmer.put(`/api/harvests/2027-W15/pickups/${ids.Visser}`, { collected: false })).status).toBe(200);
  });

  it("closing counts the shares not collected, per crop, and the season lists it", async () => {
    const bad = await farmer.put("/api/harvests/2027-W15/uncollected", { destination: "compost" });
    expect(bad.status).toBe(400);
    expect((await farmer.get("/api/harvests/2027-W15/pickups")).body.closed).toBeNull();
    const res = await farmer.put("/api/harvests/2027-W15/uncollected", { destination: "food_bank" });
    expect(res.status).toBe(200);
    const shares = (await farmer.get("/api/harvests/2027-W15")).body.allocations;
    const left = shares.filter((a: any) => a.householdID !== ids.Jansen).flatMap((a: any) => a.lines);
    const bunches = left.reduce((n: number, l: any) => n + l.quantity, 0);
    expect(res.body.closed).toMatchObject({ week: "2027-W15", destination: "food_bank", shares: 3, households: 2, automatic: false });
    expect(res.body.closed.lines).toEqual(bunches ? [{ crop: "Prei", unit: "bunch", quantity: bunches }] : []);
    const season = await farmer.get("/api/harvests/uncollected?year=2027");
    expect(season.body.year).toBe(2027);
    expect(season.body.weeks.map((w: any) => [w.week, w.households, w.destination])).toEqual([["2027-W15", 2, "food_bank"]]);
    expect((await farmer.get("/api/harvests/uncollected")).body.year).toBe(2027);
    expect((await farmer.get("/api/harvests/uncollected?year=1900")).status).toBe(400);
  });

  it("a week nobody closed counts by itself once its last pickup moment is over, and the season shows it", async () => {
    const pickup = [
      { weekday: 2, from: "17:00", to: "19:00", place: "De schuur" },
      { weekday: 5, from: "16:00", to: "19:00", place: "De schuur" },
    ];
    await withActor({ type: "system", farmID }, () => Farm.update({ pickup }));
    expect((await farmer.put("/api/harvests/2027-W16", { items: [{ crop: "Prei", unit: "piece", quantity: 12 }] })).status).toBe(200);
    expect((await farmer.post("/api/harvests/2027-W16/publish")).status).toBe(200);
    await farmer.put(`/api/harvests/2027-W16/pickups/${ids.Bakker}`, { collected: true });
    let boer = farmer;
    const season = async () => (await boer.get("/api/harvests/uncollected?year=2027")).body.weeks.map((w: any) => [w.week, w.households, w.destination, w.automatic]);
    try {
      // Friday 23 April 18:59 in Amsterdam: the last moment runs till 19:00
      Clock.set(Date.parse("2027-04-23T16:59:00Z"));
      // a session idles out after 14 days: the farmer logs in again that Friday
      boer = await login(app, "boer@example.nl", "10.6.0.4");
      expect((await boer.get("/api/harvests/2027-W16/pickups")).body.closed).toBeNull();
      expect(await season()).toEqual([["2027-W15", 2, "food_bank", false]]);

      Clock.set(Date.parse("2027-04-23T17:00:00Z"));
      const over = await boer.get("/api/harvests/2027-W16/pickups");
      expect(over.body.closed).toMatchObject({ week: "2027-W16", destination: "counted", shares: 3, households: 2, automatic: true, closedAt: "2027-04-23T19:00:00+02:00" });
      const leeks = (await boer.get("/api/harvests/2027-W16")).body.allocations
        .filter((a: any) => a.householdID !== ids.Bakker)
        .flatMap((a: any) => a.lines)
        .reduce((n: number, l: any) => n + l.quantity, 0);
      expect(over.body.closed.lines).toEqual([{ crop: "Prei", unit: "piece", quantity: leeks }]);
      expect(await season()).toEqual([["2027-W15", 2, "food_bank", false], ["2027-W16", 2, "counted", true]]);

      // counted on read: a late tick counts at once; closing by hand says where it went
      await boer.put(`/api/harvests/2027-W16/pickups/${ids.Visser}`, { collected: true });
      expect((await boer.get("/api/harvests/2027-W16/pickups")).body.closed.households).toBe(1);
      const closed = await boer.put("/api/harvests/2027-W16/uncollected", { destination: "free_table" });
      expect(closed.body.closed).toMatchObject({ households: 1, destination: "free_table", automatic: false });
      expect(await season()).toEqual([["2027-W15", 2, "food_bank", false], ["2027-W16", 1, "free_table", false]]);
    } finally {
      Clock.set(monday);
    }
  });
});
