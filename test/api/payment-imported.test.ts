import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Clock } from "@akker/core/clock";
import { useDB } from "@akker/core/entities";
import { freshFarmApp, login, makeHousehold, type TestApp } from "./helpers";

/*
 * The other order of "never double a payment": a transfer an import booked,
 * then typed in by hand (Payment.record's payment.maybe_imported).
 */

let app: TestApp;
let farmID: string;
let treasurer: Awaited<ReturnType<typeof login>>;
let household: string;

const ledger = async () =>
  (await useDB().entities.ledgerEntry.query.byHousehold({ farmID, householdID: household }).go({ pages: "all" })).data;

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
