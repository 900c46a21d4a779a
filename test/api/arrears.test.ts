import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { ArrearsReminders } from "@akker/core/contribution/reminder";
import { Farm } from "@akker/core/farm/farm";
import { createApp } from "../../functions/src/api/app";
import { login, makeHousehold, freshFarmApp } from "./helpers";

/*
 * The treasurer's overview of arrears and the reminders for them. The year
 * 2027; households of two adults, so every instalment is the same but for a
 * spread cent. Arrears start five days after an instalment's pay-by date:
 * its own date for a transfer, the collection date for a direct debit.
 */

type Client = Awaited<ReturnType<typeof login>>;

let app: ReturnType<typeof createApp>;
let farmID: string;
const hh: Record<string, { id: string; email: string }> = {};
let ip = 1;
const at = (iso: string) => Clock.set(Date.parse(iso));
// one login per person and moment: the login limits count per address within the hour
const sessions = new Map<string, Promise<Client>>();
const as = (name: string) => {
  const key = `${name} ${Clock.now()}`;
  if (!sessions.has(key)) sessions.set(key, login(app, hh[name]!.email, `10.8.0.${ip++}`));
  return sessions.get(key)!;
};

async function outbox(email: string) {
  const res = await app.request(`/api/dev/outbox?to=${encodeURIComponent(email)}`);
  return ((await res.json()) as { messages: { subject: string; text: string }[] }).messages;
}
const reminders = async (name: string) => (await outbox(hh[name]!.email)).filter((m) => m.subject.startsWith("Herinnering"));

/** What the instalments from `from` to `to` (months 1–12, inclusive) amount to. */
let instalments: number[] = [];
const months = (from: number, to: number) => instalments.slice(from - 1, to).reduce((n, x) => n + x, 0);

async function pay(treasurer: Client, name: string, amountCents: number, date: string, reference: string) {
  const res = await treasurer.post("/api/payments", { householdID: hh[name]!.id, amountCents, date, reference });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
}

async function overview() {
  const res = await (await as("Penning")).get("/api/contribution/overview?year=2027");
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { ...res.body, row: (name: string) => res.body.households.find((r: any) => r.name === name) };
}

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(Date.parse("2026-11-15T10:00:00Z")));
  await withActor({ type: "system", farmID }, () =>
    Farm.update({ creditorName: "Herenboerderij Test", creditorIBAN: "NL91 ABNA 0417 1643 00", creditorID: "NL69ZZZ123456780000" }),
  );
  for (const name of ["Penning", "Deel", "Vooruit", "Betaald", "Incasso"]) {
    const email = `${name.toLowerCase()}@example.nl`;
    const { household } = await makeHousehold(farmID, { name, email, adults: 2, roles: name === "Penning" ? ["treasurer", "board"] : [] });
    hh[name] = { id: household.id, email };
  }
  at("2027-01-04T10:00:00Z");
  const treasurer = await as("Penning");
  expect((await treasurer.put("/api/seasons/2027", { budgetCents: 1_000_000, weeks: 52, vegetarianDiscountCents: 0 })).status).toBe(200);
  expect((await treasurer.post("/api/seasons/2027/confirm")).status).toBe(200);
  instalments = (await treasurer.get(`/api/households/${hh.Penning!.id}/statement?year=2027`)).body.instalments.map((i: any) => i.amountCents);
  const incasso = await as("Incasso");
  expect((await incasso.put(`/api/households/${hh.Incasso!.id}/mandate`, { iban: "NL20INGB0001234567", accountHolder: "I. Casso", signedOn: "2027-01-04" })).status).toBe(200);
  await pay(treasurer, "Penning", months(1, 12), "2027-01-04", "PENNING-2027");
  await pay(treasurer, "Vooruit", months(1, 8), "2027-01-04", "VOORUIT-2027");
  await pay(treasurer, "Deel", months(1, 2) + Math.floor(instalments[2]! / 2), "2027-01-04", "DEEL-2027");
  // Incasso paid January to May by transfer; June goes in the collection run
  await pay(treasurer, "Incasso", months(1, 5), "2027-01-04", "INCASSO-2027");
  // a household that joins on 10 May pays from June
  at("2027-05-10T10:00:00Z");
  const { household } = await makeHousehold(farmID, { name: "Nieuw", email: "nieuw@example.nl", adults: 2 });
  hh.Nieuw = { id: household.id, email: "nieuw@example.nl" };
  at("2027-06-01T08:00:00Z");
  const run = await (await as("Penning")).post("/api/sepa/2027-06");
  expect(run.status, JSON.stringify(run.body)).toBe(201);
  expect(run.body.collectionDate).toBe("2027-06-15");
  at("2027-06-01T09:00:00Z");
  await pay(await as("Penning"), "Betaald", months(1, 6), "2027-06-01", "BETAALD-2027");
});

afterAll(() => Clock.set(undefined));

describe("the overview on 10 June 2027", () => {
  beforeAll(() => at("2027-06-10T08:00:00Z"));

  it("counts what is unpaid past its date and five days as arrears (it said €0 while money was unpaid)", async () => {
    const o = await overview();
    // paid January, February and half of March: the rest of March to June is in arrears, July on still to collect
    expect(o.row("Deel")).toMatchObject({
      dueCents: months(1, 6),
      paidCents: months(1, 2) + Math.floor(instalments[2]! / 2),
      openCents: months(3, 6) - Math.floor(instalments[2]! / 2),
      lateCents: months(3, 6) - Math.floor(instalments[2]! / 2),
      toCollectCents: months(7, 12),
      state: "late",
      late: true,
      daysLate: 101, // since 1 March
    });
    expect(o.totals.lateCents).toBeGreaterThan(0);
  });

  it("a household that paid ahead owes nothing and has less to collect", async () => {
    const o = await overview();
    expect(o.row("Vooruit")).toMatchObject({ openCents: 0, lateCents: 0, toCollectCents: months(9, 12), balanceCents: months(7, 8), state: "paid", daysLate: 0 });
    expect(o.row("Betaald")).toMatchObject({ openCents: 0, lateCents: 0, toCollectCents: months(7, 12), state: "paid" });
  });

  it("a household that joined in May owes from June, and June is in arrears after the 6th", async () => {
    const o = await overview();
    expect(o.row("Nieuw")).toMatchObject({ yearlyCents: months(6, 12), dueCents: instalments[5], lateCents: instalments[5], daysLate: 9, state: "late" });
  });

  it("a direct-debit household is not in arrears before its collection date: June is still to collect", async () => {
    const o = await overview();
    expect(o.row("Incasso")).toMatchObject({ mandate: true, openCents: instalments[5], lateCents: 0, toCollectCents: months(6, 12), state: "open" });
    const statement = (await (await as("Incasso")).get(`/api/households/${hh.Incasso!.id}/statement?year=2027`)).body;
    expect(statement.instalments[5]).toMatchObject({ status: "due", payBy: "2027-06-15", inRun: true });
    at("2027-06-21T08:00:00Z");
    expect((await overview()).row("Incasso")).toMatchObject({ lateCents: instalments[5], state: "late", daysLate: 6 });
    at("2027-06-10T08:00:00Z");
  });

  it("totals add up, and the budget stands against the year's contribution", async () => {
    const o = await overview();
    for (const k of ["yearlyCents", "dueCents", "paidCents", "openCents", "toCollectCents", "lateCents", "balanceCents"])
      expect(o.totals[k], k).toBe(o.households.reduce((n: number, r: any) => n + r[k], 0));
    expect(o.totals.late).toBe(2);
    expect(o).toMatchObject({ today: "2027-06-10", graceDays: 5 });
    expect(o.budget).toEqual({ budgetCents: 1_000_000, contributionCents: o.totals.yearlyCents, differenceCents: o.totals.yearlyCents - 1_000_000 });
    for (const r of o.households) expect(Math.min(r.paidCents, r.yearlyCents) + r.toCollectCents + r.lateCents, r.name).toBe(r.yearlyCents);
  });

  it("only the treasurer sees the overview and the reminder schedule", async () => {
    const member = await as("Deel");
    expect((await member.get("/api/contribution/overview?year=2027")).status).toBe(403);
    expect((await member.get("/api/contribution/reminders/2027")).status).toBe(403);
    expect((await member.put("/api/contribution/reminders/2027", { steps: [14] })).status).toBe(403);
  });
});

describe("reminders for arrears", () => {
  it("refuses a bad schedule and changes nothing; by default the treasurer's address is the contact", async () => {
    at("2027-06-10T08:00:00Z");
    const treasurer = await as("Penning");
    expect((await treasurer.get("/api/contribution/reminders/2027")).body.schedule).toMatchObject({ steps: [], contact: null, graceDays: 5 });
    for (const body of [{ steps: [30, 14] }, { steps: [2] }, { steps: [14.5] }, { steps: [6, 7, 8, 9, 10, 11] }, { steps: [14], contact: "nope" }, { steps: "14" }, {}]) {
      const res = await treasurer.put("/api/contribution/reminders/2027", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code, JSON.stringify(res.body)).toBe("input.invalid");
    }
    expect((await treasurer.put("/api/contribution/reminders/2031", { steps: [14] })).status).toBe(404);
    expect((await treasurer.get("/api/contribution/reminders/2027")).body.schedule.steps).toEqual([]);
    // no schedule, no reminders
    expect(await withActor({ type: "system", farmID }, () => ArrearsReminders.run(new Date(Clock.now())))).toBe(0);
    const res = await treasurer.put("/api/contribution/reminders/2027", { steps: [14, 30] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.schedule).toMatchObject({ steps: [14, 30], contact: "penning@example.nl" });
  });

  it("mails the highest step reached once, kindly, to the household's own people only", async () => {
    at("2027-06-10T08:00:00Z");
    expect(await withActor({ type: "system", farmID }, () => ArrearsReminders.run(new Date(Clock.now())))).toBe(1);
    const [mail, ...more] = await reminders("Deel");
    expect(more).toHaveLength(0);
    // March, April and May are 30 days or more past; June only 9
    expect(mail!.text).toMatch(/maart 2027/);
    expect(mail!.text).toMatch(/mei 2027/);
    expect(mail!.text).not.toMatch(/juni 2027/);
    expect(mail!.text).toContain("solidariteitsregeling");
    expect(mail!.text).toContain("penning@example.nl");
    expect(mail!.text).toContain("NL91 ABNA 0417 1643 00");
    expect(mail!.text).toMatch(/RF\d\d /);
    for (const name of ["Penning", "Vooruit", "Betaald", "Incasso", "Nieuw"]) expect(await reminders(name), name).toHaveLength(0);
  });

  it("steps reached later are mailed once, however many jobs run at once", async () => {
    at("2027-06-15T08:00:00Z");
    const runs = await Promise.all(Array.from({ length: 4 }, () => withActor({ type: "system", farmID }, () => ArrearsReminders.run(new Date(Clock.now())))));
    expect(runs.reduce((a, b) => a + b, 0)).toBe(2); // Deel's and Nieuw's June, at 14 days
    expect(await reminders("Deel")).toHaveLength(2);
    expect(await reminders("Nieuw")).toHaveLength(1);
    // the next tick the same day does nothing
    expect(await withActor({ type: "system", farmID }, () => ArrearsReminders.run(new Date(Clock.now())))).toBe(0);
    // Incasso's collection is booked; on 1 July June is 30 days late for Deel and Nieuw, and nobody else is reminded
    await pay(await as("Penning"), "Incasso", instalments[5]!, "2027-06-16", "INCASSO-2027-06");
    at("2027-07-01T08:00:00Z");
    expect(await withActor({ type: "system", farmID }, () => ArrearsReminders.run(new Date(Clock.now())))).toBe(2);
    expect(await reminders("Deel")).toHaveLength(3);
    expect(await reminders("Nieuw")).toHaveLength(2);
    for (const name of ["Penning", "Vooruit", "Betaald", "Incasso"]) expect(await reminders(name), name).toHaveLength(0);
  });

  it("reminds of last year's instalments in the new year, by last year's schedule", async () => {
    at("2028-01-10T09:00:00Z");
    expect(await withActor({ type: "system", farmID }, () => ArrearsReminders.run(new Date(Clock.now())))).toBeGreaterThan(0);
    const deel = await reminders("Deel");
    expect(deel).toHaveLength(4);
    expect(deel[0]!.text).toMatch(/december 2027/);
    // a household with a mandate whose months were never in a run was never asked: not in arrears
    for (const name of ["Penning", "Incasso"]) expect(await reminders(name), name).toHaveLength(0);
  });

  it("mails nobody before nine in the morning", async () => {
    at("2027-07-20T06:00:00Z");
    expect(await withActor({ type: "system", farmID }, () => ArrearsReminders.run(new Date(Clock.now())))).toBe(0);
  });
});
