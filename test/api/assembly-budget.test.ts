import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Clock } from "@akker/core/clock";
import { useDB } from "@akker/core/entities";
import { Mailing } from "@akker/core/mail/mailing";
import { login, makeHousehold, freshFarmApp, type TestApp } from "./helpers";

/* The ALV's budget motion: its price per mouth and per household, and an adopted budget becoming the season's draft once. */

let app: TestApp;
let farmID: string;
let board: Awaited<ReturnType<typeof login>>;
let treasurer: Awaited<ReturnType<typeof login>>;
const voters: Record<string, { client: Awaited<ReturnType<typeof login>>; householdID: string }> = {};
const now = Date.parse("2027-10-01T09:00:00Z");
const iso = (t: number) => new Date(t).toISOString();

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(now));
  await makeHousehold(farmID, { name: "Bestuur", email: "begroting-bestuur@example.nl", roles: ["board"] });
  await makeHousehold(farmID, { name: "Kas", email: "begroting-kas@example.nl", adults: 1, roles: ["treasurer"] });
  board = await login(app, "begroting-bestuur@example.nl", "10.17.0.1");
  treasurer = await login(app, "begroting-kas@example.nl", "10.17.0.2");
  let n = 0;
  for (const [name, adults, children] of [["Akkerman", 2, 2], ["Bos", 1, 0], ["Claassen", 2, 0]] as const) {
    const email = `begroting-${name.toLowerCase()}@example.nl`;
    const { household } = await makeHousehold(farmID, { name, email, adults, children });
    voters[name] = { client: await login(app, email, `10.17.1.${++n}`), householdID: household.id };
  }
});

afterAll(() => Clock.set(undefined));

async function season(year: number) {
  return (await useDB().entities.season.get({ farmID, year }).go()).data;
}

describe("the budget motion", () => {
  let id: string;
  let itemID: string;
  // 2 + 1 + 3 + 1 + 2 mouths (a child counts half) = 9; 9 × 40 weeks × € 10
  const budget = { year: 2028, budgetCents: 9 * 40 * 1000, weeks: 40 };

  it("is a motion that carries next season's figures", async () => {
    const made = await board.post("/api/assemblies", { title: "ALV najaar", startsAt: iso(now + 7 * 24 * 3600_000), place: "De schuur" });
    id = made.body.assembly.id;
    const wrong = await board.post(`/api/assemblies/${id}/items`, { kind: "discussion", title: "Begroting", budget });
    expect([wrong.status, wrong.body.error.code]).toEqual([400, "input.invalid"]);
    const bad = await board.post(`/api/assemblies/${id}/items`, { kind: "motion", title: "Begroting", budget: { ...budget, weeks: 60 } });
    expect(bad.status).toBe(400);
    expect((await board.get(`/api/assemblies/${id}`)).body.assembly.items).toEqual([]);
    const res = await board.post(`/api/assemblies/${id}/items`, { kind: "motion", title: "Begroting 2028", budget });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    itemID = res.body.assembly.items[0].id;
    expect(res.body.assembly.items[0].budget).toMatchObject({ ...budget, rateCents: 1000, mouths: 9, households: 5, applied: false });
  });

  it("shows each household what it means for them, with the child factor and its solidarity choice", async () => {
    await board.post(`/api/assemblies/${id}/announce`);
    await useDB().entities.solidarityChoice.put({ farmID, year: 2028, householdID: voters.Bos!.householdID, choice: "supporter", percent: 10, potCents: 0, mouths: 1 }).go();
    const a = (await voters.Akkerman!.client.get(`/api/assemblies/${id}`)).body.assembly.items[0].budget;
    expect(a.mine).toEqual({ mouths: 3, vegetarian: false, solidarityPercent: 0, weekCents: 3000, monthCents: 10000, yearCents: 120000 });
    const b = (await voters.Bos!.client.get(`/api/assemblies/${id}`)).body.assembly.items[0].budget;
    expect(b.mine).toEqual({ mouths: 1, vegetarian: false, solidarityPercent: 10, weekCents: 1100, monthCents: 3667, yearCents: 44000 });
  });

  it("becomes next season's price for the treasurer to confirm once adopted, once however often it closes", async () => {
    await board.post(`/api/assemblies/${id}/open`);
    const electionID = (await board.get(`/api/assemblies/${id}`)).body.assembly.items[0].election.id;
    for (const v of Object.values(voters)) {
      const res = await v.client.post(`/api/assemblies/${id}/ballot`, { votes: [{ itemID, vote: "yes" }] });
      expect(res.body.receipts[0].error).toBeNull();
    }
    expect(await season(2028)).toBeFalsy();
    const closes = await Promise.all([board.post(`/api/assemblies/${id}/close`), board.post(`/api/assemblies/${id}/close`)]);
    expect(closes.map((c) => c.status)).toEqual([200, 200]);
    await Mailing.settled();
    expect((await board.post(`/api/assemblies/${id}/close`)).status).toBe(200);
    await Mailing.settled();
    const s = await season(2028);
    expect(s).toMatchObject({ budgetCents: budget.budgetCents, weeks: 40, pending: true, revision: 0 });
    expect(s!.proposal.rateCents).toBe(1000);
    const audit = (await useDB().entities.audit.query.byID({ farmID }).go({ pages: "all" })).data;
    expect(audit.filter((e) => e.action === "assembly.budget_adopted")).toHaveLength(1);
    expect(audit.filter((e) => e.action === "season.saved")).toHaveLength(1);
    const item = (await board.get(`/api/assemblies/${id}`)).body.assembly.items[0];
    expect([item.budget.applied, item.election.id]).toEqual([true, electionID]);
    const shown = await treasurer.get("/api/seasons/2028");
    expect(shown.body.season ?? shown.body).toMatchObject({ status: "proposed" });
    const confirmed = await treasurer.post("/api/seasons/2028/confirm", {});
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  });
});
