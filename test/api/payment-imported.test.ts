import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Clock } from "@akker/core/clock";
import { composeIBAN } from "@akker/core/contribution/iban";
import { useDB } from "@akker/core/entities";
import { freshFarmApp, ledgerEntries, login, makeHousehold, type TestApp } from "./helpers";

/*
 * The other order of "never double a payment": a transfer an import booked,
 * then typed in by hand (Payment.record's payment.maybe_imported).
 */

let app: TestApp;
let farmID: string;
let treasurer: Awaited<ReturnType<typeof login>>;
let household: string;

const ledger = () => ledgerEntries(farmID, household);

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(Date.parse("2027-01-20T10:00:00Z")));
  await makeHousehold(farmID, { name: "Penning", email: "penning@example.nl", roles: ["treasurer"] });
  household = (await makeHousehold(farmID, { name: "Jansen", email: "jansen@example.nl" })).household.id;
  treasurer = await login(app, "penning@example.nl", "10.1.0.1");
  const file = ["datum;bedrag;omschrijving;rekening", `2027-01-05;43,34;Bijdrage januari;${household}`].join("\n");
  const res = await treasurer.post("/api/payments/import", { file });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.imported).toBe(1);
});

afterAll(() => Clock.set(undefined));

describe("POST /api/payments after an import", () => {
  const byHand = (extra: Record<string, unknown> = {}) =>
    treasurer.post("/api/payments", { householdID: household, amountCents: 4334, date: "2027-01-05", reference: "overschrijving Jansen", ...extra });

  it("refuses the transfer the import booked, naming it, and books nothing", async () => {
    const res = await byHand();
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: "payment.maybe_imported",
      importedDate: "2027-01-05",
      importedAmountCents: 4334,
      importedReference: "Bijdrage januari",
    });
    expect(res.body.error.message).toContain("€ 43.34 on 2027-01-05");
    expect(res.body.error.message).toContain("Bijdrage januari");
    expect(await ledger()).toHaveLength(1);
  });

  it("books another amount on that day without asking", async () => {
    const res = await byHand({ amountCents: 2167, reference: "Solidariteit januari" });
    expect(res.status).toBe(201);
    expect(await ledger()).toHaveLength(2);
  });

  it("books it when the treasurer says it is another payment, once however often it is sent", async () => {
    const res = await byHand({ alsoImported: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.payment).toMatchObject({ amountCents: 4334, date: "2027-01-05", source: "manual" });
    // the same request again is the payment it recorded, not a third one
    const again = await byHand({ alsoImported: true });
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(await ledger()).toHaveLength(3);
  });

  it("asks nothing once the imported payment is reversed", async () => {
    const imported = (await ledger()).find((e) => e.source === "import")!;
    const reversed = await treasurer.post(`/api/payments/${imported.entryID}/reverse`, {});
    expect(reversed.status, JSON.stringify(reversed.body)).toBe(201);
    const res = await byHand({ reference: "Bijdrage januari, goed geboekt" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
});

describe("a hand payment and a bank file at once", () => {
  const ofDay = async (date: string) => (await ledger()).filter((e) => e.date === date && e.amountCents === 4334);

  it("books the same transfer once, sent by hand and imported at the same instant", async () => {
    for (const day of ["10", "11", "12", "13", "14", "15"]) {
      const date = `2027-02-${day}`;
      const file = ["datum;bedrag;omschrijving;rekening", `${date};43,34;Bijdrage februari;${household}`].join("\n");
      const [hand, imported] = await Promise.all([
        treasurer.post("/api/payments", { householdID: household, amountCents: 4334, date, reference: `overschrijving ${date}` }),
        treasurer.post("/api/payments/import", { file }),
      ]);
      expect(imported.status, JSON.stringify(imported.body)).toBe(200);
      expect(await ofDay(date), date).toHaveLength(1);
      if (hand.status === 201) expect(imported.body.review, date).toEqual([expect.objectContaining({ reason: "by_hand" })]);
      else {
        expect(hand.body.error.code, date).toBe("payment.maybe_imported");
        expect(imported.body.imported, date).toBe(1);
      }
    }
  });
});

describe("assigning a waiting line after a payment by hand", () => {
  it("asks before booking a line alike to a payment recorded by hand, and books it when told it is another", async () => {
    const res = await treasurer.post("/api/payments", { householdID: household, amountCents: 5000, date: "2027-03-02", reference: "contant maart" });
    expect(res.status).toBe(201);
    const file = ["datum;bedrag;omschrijving;rekening", "2027-03-02;50,00;Maart;NL02RABO0123456789"].join("\n");
    const report = (await treasurer.post("/api/payments/import", { file })).body;
    const line = report.review.find((r: any) => r.amountCents === 5000)!;
    expect(line).toMatchObject({ reason: "unknown" });
    const asked = await treasurer.post(`/api/payments/review/${line.id}`, { householdID: household });
    expect(asked.status).toBe(409);
    expect(asked.body.error).toMatchObject({ code: "payment.maybe_imported", importedDate: "2027-03-02", importedAmountCents: 5000, importedReference: "contant maart", importedSource: "manual" });
    expect(asked.body.error.message).toContain("recorded by hand");
    expect((await ledger()).filter((e) => e.date === "2027-03-02")).toHaveLength(1);
    const told = await treasurer.post(`/api/payments/review/${line.id}`, { householdID: household, alsoImported: true });
    expect(told.status, JSON.stringify(told.body)).toBe(200);
    expect(told.body).toMatchObject({ created: true, payment: { amountCents: 5000, source: "import" } });
    expect((await ledger()).filter((e) => e.date === "2027-03-02")).toHaveLength(2);
  });

  it("books a waiting line once when it is assigned and typed in by hand at the same instant", async () => {
    for (const day of ["10", "11", "12", "13"]) {
      const date = `2027-03-${day}`;
      // an account nobody's yet, so the line waits
      const file = ["datum;bedrag;omschrijving;rekening", `${date};61,00;Maart;${composeIBAN("NL", `TRIO00000${day}000`.slice(0, 14))}`].join("\n");
      const line = (await treasurer.post("/api/payments/import", { file })).body.review[0];
      const [hand, assigned] = await Promise.all([
        treasurer.post("/api/payments", { householdID: household, amountCents: 6100, date, reference: `contant ${date}` }),
        treasurer.post(`/api/payments/review/${line.id}`, { householdID: household }),
      ]);
      expect((await ledger()).filter((e) => e.date === date), date).toHaveLength(1);
      expect([hand.status, assigned.status].sort(), date).toEqual([hand.status === 201 ? 201 : 200, 409].sort());
    }
  });
});
