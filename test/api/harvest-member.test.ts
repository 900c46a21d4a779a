import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { Farm } from "@akker/core/farm/farm";
import { Handover } from "@akker/core/harvest/handover";
import { Household } from "@akker/core/household/household";
import { createApp } from "../../functions/src/api/app";
import { freshFarmApp, login, makeHousehold, makePerson } from "./helpers";

/*
 * A member household's own planning: the coming weeks from a weekend, a
 * holiday in one request, Herenburen (handing a share to a neighbour), the
 * season's share against the exact one, and whom to write to.
 */

let app: ReturnType<typeof createApp>;
let farmer: Awaited<ReturnType<typeof login>>;
let jansen: Awaited<ReturnType<typeof login>>;
let visser: Awaited<ReturnType<typeof login>>;
let smit: Awaited<ReturnType<typeof login>>;
const ids: Record<string, string> = {};
let farmID: string;

// Sunday 11 April 2027, in week 14: week 15's opt-out closed Thursday 8 April 18:00.
const sunday = Date.parse("2027-04-11T10:00:00Z");

beforeAll(async () => {
  const { farmID: made0, app: made } = await freshFarmApp(sunday);
  farmID = made0;
  app = made;
  for (const [name, adults, children] of [["Jansen", 2, 2], ["Visser", 1, 0], ["Smit", 2, 0]] as const) {
    const { household } = await makeHousehold(farmID, { name, email: `${name.toLowerCase()}@example.nl`, adults, children });
    ids[name] = household.id;
  }
  await makeHousehold(farmID, { name: "Bestuur", email: "bestuur@example.nl", roles: ["board"] });
  await makePerson(farmID, { name: "Boer", email: "boer@example.nl", roles: ["farmer"] });
  farmer = await login(app, "boer@example.nl", "10.7.0.1");
  jansen = await login(app, "jansen@example.nl", "10.7.0.2");
  visser = await login(app, "visser@example.nl", "10.7.0.3");
  smit = await login(app, "smit@example.nl", "10.7.0.4");
});

afterAll(() => Clock.set(undefined));

describe("the coming weeks", () => {
  it("on a Sunday start at the first week still open, eight of them", async () => {
    const res = await jansen.get("/api/harvests/mine/weeks");
    expect(res.status).toBe(200);
    const weeks = res.body.weeks as { week: string; canOptOut: boolean; optOutDeadline: string }[];
    expect(weeks.map((w) => w.week)).toEqual(["2027-W16", "2027-W17", "2027-W18", "2027-W19", "2027-W20", "2027-W21", "2027-W22", "2027-W23"]);
    expect(weeks.every((w) => w.canOptOut)).toBe(true);
    expect(weeks[0]!.optOutDeadline).toBe("2027-04-15T18:00:00+02:00");
  });

  it("a holiday four weeks ahead opts out of every week it touches, in one request", async () => {
    // Saturday 8 May to Sunday 16 May: weeks 18 and 19
    const res = await jansen.post("/api/harvests/mine/holiday", { from: "2027-05-08", to: "2027-05-16" });
    expect(res.status).toBe(200);
    expect(res.body.weeks.map((w: any) => [w.week, w.result])).toEqual([["2027-W18", "done"], ["2027-W19", "done"]]);
    const weeks = (await jansen.get("/api/harvests/mine/weeks")).body.weeks as { week: string; optedOut: boolean }[];
    expect(weeks.filter((w) => w.optedOut).map((w) => w.week)).toEqual(["2027-W18", "2027-W19"]);
    // and back in for one week of it
    const back = await jansen.post("/api/harvests/mine/holiday", { from: "2027-05-15", to: "2027-05-16", optedOut: false });
    expect(back.body.weeks).toMatchObject([{ week: "2027-W19", result: "done" }]);
  });

  it("a week past its deadline is refused with the reason, the open ones are done", async () => {
    const res = await visser.post("/api/harvests/mine/holiday", { from: "2027-04-12", to: "2027-04-20" });
    expect(res.status).toBe(200);
    expect(res.body.weeks).toMatchObject([
      { week: "2027-W15", result: "refused", code: "harvest.deadline_passed" },
      { week: "2027-W16", result: "done", code: null },
    ]);
    expect((await visser.get("/api/harvests/2027-W15/mine")).body.optedOut).toBe(false);
  });

  it("bad ranges change nothing and say why", async () => {
    const cases: [unknown, number, string][] = [
      [{ from: "2027-04-12", to: "2027-04-13" }, 409, "harvest.deadline_passed"],
      [{ from: "2027-06-10", to: "2027-06-01" }, 400, "harvest.range_backwards"],
      [{ from: "2027-06-01", to: "2027-12-01" }, 400, "harvest.range_too_long"],
      [{ from: "2028-06-01", to: "2028-06-02" }, 400, "harvest.range_too_far"],
      [{ from: "2027-02-30", to: "2027-03-02" }, 400, "input.invalid"],
    ];
    for (const [body, status, code] of cases) {
      const res = await smit.post("/api/harvests/mine/holiday", body);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    const weeks = (await smit.get("/api/harvests/mine/weeks")).body.weeks as { optedOut: boolean }[];
    expect(weeks.some((w) => w.optedOut)).toBe(false);
  });
});

describe("Herenburen", () => {
  const week = "2027-W15";

  it("a share goes to one household at a time, even when offered twice at once", async () => {
    const [a, b] = await Promise.all([
      jansen.put(`/api/harvests/${week}/handover`, { toHouseholdID: ids.Visser }),
      jansen.put(`/api/harvests/${week}/handover`, { toHouseholdID: ids.Smit }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const lost = a.status === 409 ? a : b;
    expect(lost.body.error.code).toBe("handover.taken");
    const given = (await jansen.get(`/api/harvests/${week}/handover`)).body.given;
    expect(given.status).toBe("offered");
  });

  it("finds neighbours by a few letters of their name: names only, never the whole list or the own household", async () => {
    const found = await jansen.get("/api/harvests/mine/neighbours?q=vis");
    expect(found.status).toBe(200);
    expect(found.body.households).toEqual([{ id: ids.Visser, name: "Visser" }]);
    // a letter inside a name counts too, after names that start with it
    expect((await jansen.get("/api/harvests/mine/neighbours?q=%20ss%20")).body.households.map((h: any) => h.name)).toEqual(["Visser"]);
    // never the caller's own household
    expect((await jansen.get("/api/harvests/mine/neighbours?q=jan")).body.households).toEqual([]);
    for (const query of ["", "?q=", "?q=v", "?q=%20v%20"]) {
      const res = await jansen.get(`/api/harvests/mine/neighbours${query}`);
      expect([res.status, res.body.error.code]).toEqual([400, "input.invalid"]);
    }
  });

  it("searching is limited per person, so the farm's list cannot be walked", async () => {
    const budget = Handover.searchBudget.limit;
    const answers = await Promise.all(Array.from({ length: budget + 5 }, () => visser.get("/api/harvests/mine/neighbours?q=sm")));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(budget);
    expect(answers.find((r) => r.status === 429)?.body.error.code).toBe("handover.rate_limited");
    // another person of the farm searches on
    expect((await smit.get("/api/harvests/mine/neighbours?q=vis")).status).toBe(200);
  });

  it("can be withdrawn before it is accepted", async () => {
    const res = await jansen.delete(`/api/harvests/${week}/handover`);
    expect(res.status).toBe(200);
    expect(res.body.given).toBeNull();
    expect((await smit.get(`/api/harvests/${week}/handover`)).body.received).toEqual([]);
  });

  it("the neighbour accepts; both households and the farmer's pick list show it; no withdrawal after", async () => {
    expect((await jansen.put(`/api/harvests/${week}/handover`, { toHouseholdID: ids.Visser })).status).toBe(200);
    const offered = await visser.get(`/api/harvests/${week}/handover`);
    expect(offered.body.received).toEqual([{ householdID: ids.Jansen, name: "Jansen", status: "offered" }]);
    // only the household it was offered to can accept
    expect((await smit.post(`/api/harvests/${week}/handover/answer`, { fromHouseholdID: ids.Jansen, accepted: true })).status).toBe(404);
    const accepted = await visser.post(`/api/harvests/${week}/handover/answer`, { fromHouseholdID: ids.Jansen, accepted: true });
    expect(accepted.status).toBe(200);
    expect(accepted.body.received[0].status).toBe("accepted");
    expect((await jansen.get(`/api/harvests/${week}/handover`)).body.given).toEqual({ householdID: ids.Visser, name: "Visser", status: "accepted" });
    const late = await jansen.delete(`/api/harvests/${week}/handover`);
    expect([late.status, late.body.error.code]).toEqual([409, "handover.accepted"]);

    expect((await farmer.put(`/api/harvests/${week}`, { items: [{ crop: "prei", unit: "piece", quantity: 30 }] })).status).toBe(200);
    const overview = await farmer.get(`/api/harvests/${week}`);
    const jansens = overview.body.allocations.find((a: any) => a.householdID === ids.Jansen);
    expect(jansens.collectedBy).toEqual({ householdID: ids.Visser, name: "Visser" });
    expect(overview.body.allocations.find((a: any) => a.householdID === ids.Smit).collectedBy).toBeNull();
  });

  it("bad handovers change nothing", async () => {
    const self = await smit.put(`/api/harvests/${week}/handover`, { toHouseholdID: ids.Smit });
    expect([self.status, self.body.error.code]).toEqual([400, "handover.self"]);
    const unknown = await smit.put(`/api/harvests/${week}/handover`, { toHouseholdID: "hh_nobody" });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "handover.unknown_household"]);
    // Jansen opted out of week 18: nothing to hand over
    const out = await jansen.put("/api/harvests/2027-W18/handover", { toHouseholdID: ids.Smit });
    expect([out.status, out.body.error.code]).toEqual([409, "handover.opted_out"]);
    expect((await smit.get(`/api/harvests/${week}/handover`)).body.given).toBeNull();
  });

  it("is gone for the neighbour once the giving household opts out of the week", async () => {
    expect((await smit.put("/api/harvests/2027-W17/handover", { toHouseholdID: ids.Visser })).status).toBe(200);
    expect((await visser.get("/api/harvests/2027-W17/handover")).body.received).toHaveLength(1);
    expect((await smit.put("/api/harvests/2027-W17/opt-out", { optedOut: true })).status).toBe(200);
    expect((await visser.get("/api/harvests/2027-W17/handover")).body.received).toEqual([]);
    expect((await smit.get("/api/harvests/2027-W17/handover")).body.given).toBeNull();
  });

  it("is closed once the week's pickup is over", async () => {
    Clock.set(Date.parse("2027-04-18T22:00:00Z")); // Monday 19 April 00:00 in Amsterdam
    try {
      const res = await smit.put(`/api/harvests/${week}/handover`, { toHouseholdID: ids.Visser });
      expect([res.status, res.body.error.code]).toEqual([409, "handover.closed"]);
      expect((await smit.get(`/api/harvests/${week}/handover`)).body.open).toBe(false);
    } finally {
      Clock.set(sunday);
    }
  });

  it("closes with the end of the week's last pickup moment, once the farm has set them", async () => {
    const pickup = [
      { weekday: 5, from: "16:00", to: "18:00", place: "De schuur" },
      { weekday: 2, from: "17:00", to: "19:00", place: "De schuur" },
    ];
    await withActor({ type: "system", farmID }, () => Farm.update({ pickup }));
    try {
      Clock.set(Date.parse("2027-04-16T15:59:00Z")); // Friday 16 April 17:59 in Amsterdam
      expect((await smit.get(`/api/harvests/${week}/handover`)).body).toMatchObject({ open: true, closes: "2027-04-16T18:00:00+02:00" });
      Clock.set(Date.parse("2027-04-16T16:00:00Z"));
      const res = await smit.put(`/api/harvests/${week}/handover`, { toHouseholdID: ids.Visser });
      expect([res.status, res.body.error.code]).toEqual([409, "handover.closed"]);
    } finally {
      await withActor({ type: "system", farmID }, () => Farm.update({ pickup: [] }));
      Clock.set(sunday);
    }
  });
});

describe("my share over the season", () => {
  it("holds what was received against the exact share and the farm's per mouth", async () => {
    expect((await farmer.post("/api/harvests/2027-W15/publish")).status).toBe(200);
    expect((await farmer.put("/api/harvests/2027-W16", { items: [{ crop: "Prei", unit: "piece", quantity: 13 }] })).status).toBe(200);
    expect((await farmer.post("/api/harvests/2027-W16/publish")).status).toBe(200);
    const res = await jansen.get("/api/harvests/mine/season?year=2027");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: "2027", mouths: 3, weeks: 2, weeksTaken: 2 });
    const prei = res.body.crops[0];
    // 30 leeks over 8 mouths, then 13 over 7 (Visser opted out of week 16); Jansen has three mouths
    expect(prei).toMatchObject({ crop: "prei", unit: "piece" });
    expect(prei.perMouth).toBeCloseTo(30 / 8 + 13 / 7, 3);
    expect(prei.exact).toBeCloseTo(3 * (30 / 8 + 13 / 7), 3);
    expect(Math.abs(prei.received - prei.exact)).toBeLessThan(1);
    expect((await jansen.get("/api/harvests/mine/season?year=27")).status).toBe(400);
  });

  it("whom to write to: the farmer's and the board's addresses", async () => {
    const res = await jansen.get("/api/harvests/mine/contact");
    expect(res.body).toEqual({ farmer: ["boer@example.nl"], board: ["bestuur@example.nl"] });
  });
});

// last: the households it adds would change the season's figures above
describe("the neighbour search", () => {
  it("answers at most 8 matches, only of active households", async () => {
    for (let n = 1; n <= 10; n++) await makeHousehold(farmID, { name: `Buur ${n}`, email: `buur${n}@example.nl` });
    await withActor({ type: "system", farmID }, () =>
      Household.create({ name: "Buur vertrokken", adults: 1, children: 0, vegetarian: false, certificate: "half", status: "left", people: [] }),
    );
    const res = await smit.get("/api/harvests/mine/neighbours?q=buur");
    expect(res.body.households).toHaveLength(8);
    expect(res.body.households.every((h: any) => Object.keys(h).sort().join() === "id,name")).toBe(true);
    expect((await smit.get("/api/harvests/mine/neighbours?q=vertr")).body.households).toEqual([]);
  });
});
