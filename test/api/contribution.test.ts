import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createApp } from "../../functions/src/api/app";
import { Mailing } from "@akker/core/mail/mailing";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { useDB } from "@akker/core/entities";
import { Farm } from "@akker/core/farm/farm";
import { Household } from "@akker/core/household/household";
import { validatePain008 } from "../setup/xsd";
import { freshFarmApp, ledgerEntries, login, makeHousehold, makePerson } from "./helpers";

type Client = Awaited<ReturnType<typeof login>>;

let app: ReturnType<typeof createApp>;
let farmID: string;
let board: Client;
let treasurer: Client;
const hh: Record<string, { id: string; client: Client; email: string }> = {};
// Households joined in November 2026; "now" is Saturday 20 February 2027 in Amsterdam.
const joined = Date.parse("2026-11-15T10:00:00Z");
const now = Date.parse("2027-02-20T10:00:00Z");

// 16.5 mouths (1 vegetarian), 52 weeks, €8,580 and €2 off per vegetarian mouth per week:
// (858,000 + 200 × 52 × 1) / (16.5 × 52) = 1012.12… → 1013 cents; vegetarians 813.
const season = { budgetCents: 858_000, weeks: 52, vegetarianDiscountCents: 200 };
const rate = 1013;

const ids = () => Object.values(hh).map((h) => h.id);

async function ledgerCount() {
  return (await ledgerEntries(farmID)).length;
}

async function statement(who: Client, name: string, year = 2027) {
  const res = await who.get(`/api/households/${hh[name]!.id}/statement?year=${year}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(joined));
  await withActor({ type: "system", farmID }, () =>
    Farm.update({ creditorName: "Herenboerderij Test", creditorIBAN: "NL91 ABNA 0417 1643 00", creditorID: "NL69ZZZ123456780000" }),
  );
  await makePerson(farmID, { name: "Bert Bestuur", email: "bestuur@example.nl", roles: ["board"] });
  const households: [string, number, number, ("treasurer")[]][] = [
    ["Penning", 2, 0, ["treasurer"]],
    ["Jansen", 2, 2, []],
    ["Visser", 1, 0, []],
    ["Bakker", 2, 1, []],
    ["Smit", 2, 0, []],
    ["Dekker", 4, 0, []],
    ["Boekhouding", 2, 0, []],
  ];
  for (const [name, adults, children, roles] of households) {
    const email = `${name.toLowerCase()}@example.nl`;
    const { household } = await makeHousehold(farmID, { name, email, adults, children, roles });
    hh[name] = { id: household.id, client: undefined as unknown as Client, email };
  }
  await withActor({ type: "system", farmID }, () => Household.update({ id: hh.Visser!.id, changes: { vegetarian: true } }));
  Clock.set(now);
  board = await login(app, "bestuur@example.nl", "10.9.0.1");
  let n = 2;
  for (const h of Object.values(hh)) h.client = await login(app, h.email, `10.9.0.${n++}`);
  treasurer = hh.Penning!.client;
});

afterAll(() => Clock.set(undefined));

describe("the OpenAPI document", () => {
  it("describes the bodies that may be left out and the bank statement's two forms", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as any;
    for (const [path, field] of [
      ["/api/seasons/{year}/confirm", "rateCents"],
      ["/api/payments/{id}/reverse", "note"],
    ] as const) {
      const body = doc.paths[path].post.requestBody;
      expect(body.required, path).toBe(false);
      expect(Object.keys(body.content["application/json"].schema.properties), path).toContain(field);
    }
    const upload = doc.paths["/api/payments/import"].post.requestBody;
    expect(upload.required).toBe(true);
    for (const type of ["application/xml", "text/xml", "text/csv", "text/plain", "application/octet-stream"]) expect(upload.content[type].schema.type, type).toBe("string");
    expect(upload.content["application/json"].schema.anyOf.map((s: any) => s.required)).toEqual([["file"], ["csv"]]);
  });
});

describe("season and price", () => {
  it("members cannot see or set the season; bad input changes nothing", async () => {
    const member = hh.Jansen!.client;
    expect((await member.get("/api/seasons/2027")).status).toBe(403);
    expect((await member.put("/api/seasons/2027", season)).status).toBe(403);
    expect((await board.get("/api/seasons/2027")).status).toBe(404);
    for (const body of [{ ...season, weeks: 0 }, { ...season, budgetCents: -1 }, { ...season, budgetCents: 10.5 }, { weeks: 52 }, { ...season, childFactor: 2 }, "nonsense"]) {
      const res = await board.put("/api/seasons/2027", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await board.put("/api/seasons/abcd", season)).status).toBe(400);
    expect((await board.get("/api/seasons/2027")).status).toBe(404);
  });

  it("the board enters budget and weeks; the platform proposes the price per mouth per week", async () => {
    const res = await board.put("/api/seasons/2027", season);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.season).toMatchObject({
      year: 2027,
      budgetCents: 858_000,
      weeks: 52,
      childFactor: 0.5,
      status: "proposed",
      proposal: { rateCents: rate, vegetarianRateCents: rate - 200, averageCents: 1000, mouths: 16.5, vegetarianMouths: 1, households: 7 },
      rateCents: null,
      versions: [],
      depositFullCents: 200_000,
    });
    // statements wait for the treasurer
    expect((await hh.Jansen!.client.get(`/api/households/${hh.Jansen!.id}/statement?year=2027`)).status).toBe(409);
  });

  it("only the treasurer confirms; the first version applies from 1 January", async () => {
    expect((await board.post("/api/seasons/2027/confirm")).status).toBe(403);
    const res = await treasurer.post("/api/seasons/2027/confirm");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.season).toMatchObject({ status: "confirmed", rateCents: rate, vegetarianRateCents: rate - 200 });
    expect(res.body.season.versions).toEqual([
      expect.objectContaining({ version: 1, rateCents: rate, vegetarianRateCents: rate - 200, effectiveFrom: "2027-01-01" }),
    ]);
    expect((await treasurer.post("/api/seasons/2027/confirm")).status).toBe(409);
    expect((await board.get("/api/seasons/2027")).body.season.status).toBe("confirmed");
  });
});

describe("statements", () => {
  it("a household sees its own year: 3 mouths × 52 weeks × the price, in 12 instalments", async () => {
    const s = await statement(hh.Jansen!.client, "Jansen");
    expect(s).toMatchObject({ year: 2027, mouths: 3, rateCents: rate, yearlyCents: 3 * 52 * rate, paidCents: 0, solidarity: { choice: "standard", percent: 0 } });
    expect(s.instalments).toHaveLength(12);
    expect(s.instalments.reduce((n: number, i: any) => n + i.amountCents, 0)).toBe(s.yearlyCents);
    expect(s.instalments.map((i: any) => i.due)).toEqual(Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, "0")}-01`));
    // 20 February: January and February are more than 14 days past due
    expect(s.instalments.slice(0, 3).map((i: any) => i.status)).toEqual(["late", "late", "upcoming"]);
    expect(s.balanceCents).toBe(-2 * 13_169);
    const veg = await statement(hh.Visser!.client, "Visser");
    expect(veg).toMatchObject({ mouths: 1, rateCents: rate - 200, yearlyCents: 52 * (rate - 200) });
  });

  it("another household's statement does not exist; the treasurer sees every one", async () => {
    const res = await hh.Visser!.client.get(`/api/households/${hh.Jansen!.id}/statement?year=2027`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain("13169");
    expect((await board.get(`/api/households/${hh.Jansen!.id}/statement?year=2027`)).status).toBe(404);
    expect((await treasurer.get(`/api/households/${hh.Jansen!.id}/statement?year=2027`)).status).toBe(200);
    expect((await treasurer.get(`/api/households/hh_nope/statement?year=2027`)).status).toBe(404);
    expect((await treasurer.get(`/api/households/${hh.Jansen!.id}/statement?year=20x7`)).status).toBe(400);
  });
});

describe("payments", () => {
  const pay = (over: Record<string, unknown> = {}) => ({ householdID: hh.Jansen!.id, amountCents: 13_169, date: "2027-01-02", reference: "BIJDRAGE-2027-01-JANSEN", ...over });

  it("only the treasurer records payments; bad input is refused and records nothing", async () => {
    expect((await hh.Jansen!.client.post("/api/payments", pay())).status).toBe(403);
    for (const body of [pay({ amountCents: 0 }), pay({ amountCents: 12.5 }), pay({ date: "2027-02-30" }), pay({ reference: " " }), pay({ householdID: undefined })]) {
      const res = await treasurer.post("/api/payments", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("input.invalid");
    }
    expect((await treasurer.post("/api/payments", pay({ householdID: "hh_unknown" }))).status).toBe(404);
    expect(await ledgerCount()).toBe(0);
  });

  it("a payment is recorded once per reference: 201, then 200 with the same payment; 409 for another payment", async () => {
    const first = await treasurer.post("/api/payments", pay());
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ duplicate: false, payment: { householdID: hh.Jansen!.id, amountCents: 13_169, year: 2027, kind: "payment" } });
    const again = await treasurer.post("/api/payments", pay({ reference: "  bijdrage-2027-01-jansen " }));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, payment: { id: first.body.payment.id } });
    const other = await treasurer.post("/api/payments", pay({ amountCents: 100 }));
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("payment.reference_taken");
    expect(await ledgerCount()).toBe(1);
    const s = await statement(hh.Jansen!.client, "Jansen");
    expect(s.paidCents).toBe(13_169);
    expect(s.instalments[0]).toMatchObject({ status: "paid", paidCents: 13_169 });
    expect(s.payments).toHaveLength(1);
  });

  it("20 payments with the same reference at once record one", async () => {
    const before = await ledgerCount();
    const body = { householdID: hh.Penning!.id, amountCents: 8_780, date: "2027-02-01", reference: "NL-INCASSO-0001" };
    const results = await Promise.all(Array.from({ length: 20 }, () => treasurer.post("/api/payments", body)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(19);
    expect(new Set(results.map((r) => r.body.payment.id)).size).toBe(1);
    expect(await ledgerCount()).toBe(before + 1);
    expect((await statement(treasurer, "Penning")).paidCents).toBe(8_780);
  });

  it("a correction is a counter-entry: the payment stays, the balance goes back, a payment is reversed once", async () => {
    const wrong = await treasurer.post("/api/payments", pay({ householdID: hh.Bakker!.id, amountCents: 5_000, reference: "VERKEERD-1" }));
    expect(wrong.status).toBe(201);
    expect((await statement(treasurer, "Bakker")).paidCents).toBe(5_000);
    expect((await hh.Bakker!.client.post(`/api/payments/${wrong.body.payment.id}/reverse`)).status).toBe(403);
    const reversed = await treasurer.post(`/api/payments/${wrong.body.payment.id}/reverse`, { note: "hoorde bij Smit" });
    expect(reversed.status, JSON.stringify(reversed.body)).toBe(201);
    expect(reversed.body.reversal).toMatchObject({ kind: "reversal", amountCents: -5_000, reverses: wrong.body.payment.id, householdID: hh.Bakker!.id });
    expect((await treasurer.post(`/api/payments/${wrong.body.payment.id}/reverse`)).status).toBe(409);
    expect((await treasurer.post(`/api/payments/${reversed.body.reversal.id}/reverse`)).status).toBe(409);
    expect((await treasurer.post(`/api/payments/pay_nope/reverse`)).status).toBe(404);
    const bakker = await statement(treasurer, "Bakker");
    expect(bakker.paidCents).toBe(0);
    expect(bakker.payments.map((p: any) => p.amountCents)).toEqual([5_000, -5_000]);
    // the reversed reference can now be booked on the right household
    const right = await treasurer.post("/api/payments", pay({ householdID: hh.Smit!.id, amountCents: 5_000, reference: "VERKEERD-1" }));
    expect(right.status).toBe(201);
    expect((await statement(treasurer, "Smit")).paidCents).toBe(5_000);
    const ledger = await treasurer.get(`/api/payments?year=2027&householdID=${hh.Bakker!.id}`);
    expect(ledger.body.totalCents).toBe(0);
  });

  it("the ledger balance equals payments minus dues, for random histories", async () => {
    const h = hh.Boekhouding!;
    let expected = 0;
    const recorded: { id: string; amountCents: number; reversed: boolean }[] = [];
    let n = 0;
    const op = fc.oneof(
      fc.record({ kind: fc.constant("pay" as const), amountCents: fc.integer({ min: 1, max: 30_000 }), repeat: fc.boolean() }),
      fc.record({ kind: fc.constant("reverse" as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 5 }), async (ops) => {
        for (const o of ops) {
          if (o.kind === "pay") {
            const reference = `RND-${n++}`;
            const body = { householdID: h.id, amountCents: o.amountCents, date: "2027-02-10", reference };
            const res = await treasurer.post("/api/payments", body);
            expect(res.status).toBe(201);
            if (o.repeat) expect((await treasurer.post("/api/payments", body)).status).toBe(200);
            recorded.push({ id: res.body.payment.id, amountCents: o.amountCents, reversed: false });
            expected += o.amountCents;
          } else {
            const target = recorded.length ? recorded[o.pick % recorded.length]! : undefined;
            if (!target) continue;
            const res = await treasurer.post(`/api/payments/${target.id}/reverse`);
            expect(res.status).toBe(target.reversed ? 409 : 201);
            if (!target.reversed) expected -= target.amountCents;
            target.reversed = true;
          }
        }
        const s = await statement(h.client, "Boekhouding");
        const ledger = await treasurer.get(`/api/payments?year=2027&householdID=${h.id}`);
        expect(s.paidCents).toBe(expected);
        expect(ledger.body.totalCents).toBe(expected);
        expect(s.balanceCents).toBe(expected - s.dueCents);
        expect(s.dueCents).toBe(s.instalments.filter((i: any) => i.due <= "2027-02-20").reduce((a: number, i: any) => a + i.amountCents, 0));
      }),
      { numRuns: 8 },
    );
  });
});

describe("mandates and SEPA", () => {
  const mandate = { iban: "NL20 INGB 0001 2345 67", accountHolder: "J. Jansen", signedOn: "2027-01-15" };

  it("an invalid IBAN is refused with 400; another household's mandate does not exist", async () => {
    const own = hh.Jansen!.client;
    for (const iban of ["NL20INGB0001234568", "NL20 INGB 0001", "hello", "US64SVBKUS6S3300958879"]) {
      const res = await own.put(`/api/households/${hh.Jansen!.id}/mandate`, { ...mandate, iban });
      expect(res.status, iban).toBe(400);
      expect(res.body.error.issues[0].path).toBe("iban");
    }
    expect((await own.put(`/api/households/${hh.Jansen!.id}/mandate`, { ...mandate, signedOn: "2027-03-01" })).status).toBe(400);
    // a BIC of a bank abroad for a Dutch account: refused now, not when the month's SEPA file is made
    const abroad = await own.put(`/api/households/${hh.Jansen!.id}/mandate`, { ...mandate, bic: "DEUTDEFF" });
    expect(abroad.status).toBe(400);
    expect(abroad.body.error.issues).toEqual([{ path: "bic", message: "This BIC is of a bank in another country than the IBAN." }]);
    // none given yet: 200 with null, not the 404 of another household's
    const none = await own.get(`/api/households/${hh.Jansen!.id}/mandate`);
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ mandate: null });
    expect((await hh.Visser!.client.put(`/api/households/${hh.Jansen!.id}/mandate`, mandate)).status).toBe(404);
    expect((await board.put(`/api/households/${hh.Jansen!.id}/mandate`, mandate)).status).toBe(404);
  });

  it("members give their own mandate, the treasurer any", async () => {
    const res = await hh.Jansen!.client.put(`/api/households/${hh.Jansen!.id}/mandate`, mandate);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.mandate).toMatchObject({ iban: "NL20 INGB 0001 2345 67", accountHolder: "J. Jansen", status: "active", firstCollection: null });
    expect(res.body.mandate.mandateID).toMatch(/^AKKER-[0-9A-Z]{26}$/);
    const visser = await treasurer.put(`/api/households/${hh.Visser!.id}/mandate`, { iban: "DE89370400440532013000", accountHolder: "Visser", signedOn: "2026-12-01" });
    expect(visser.status, JSON.stringify(visser.body)).toBe(200);
    const dekker = await hh.Dekker!.client.put(`/api/households/${hh.Dekker!.id}/mandate`, { iban: "NL02ABNA0123456789", accountHolder: "Dekker", signedOn: "2026-12-01" });
    expect(dekker.status).toBe(200);
    expect((await treasurer.get(`/api/households/${hh.Dekker!.id}/mandate`)).body.mandate.accountHolder).toBe("Dekker");
  });

  it("the March file validates against the pain.008.001.02 XSD and holds exactly the open March instalments, FRST", async () => {
    expect((await hh.Jansen!.client.get("/api/sepa/2027-03.xml")).status).toBe(403);
    // Jansen paid January only; Visser paid up to and including March, so nothing is open in March for Visser
    const visserYear = 52 * (rate - 200);
    const visserMonths = (await statement(treasurer, "Visser")).instalments.map((i: any) => i.amountCents);
    await treasurer.post("/api/payments", { householdID: hh.Visser!.id, amountCents: visserMonths[0] + visserMonths[1] + visserMonths[2], date: "2027-02-15", reference: "VISSER-Q1" });
    expect(visserMonths.reduce((a: number, b: number) => a + b, 0)).toBe(visserYear);

    const preview = await treasurer.get("/api/sepa/2027-03.json");
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    // a file comes from a run the treasurer created (test/api/sepa-run.test.ts), never from a download alone
    expect((await treasurer.get("/api/sepa/2027-03.xml")).status).toBe(409);
    expect((await treasurer.post("/api/sepa/2027-03")).status).toBe(201);
    // the file waits for every household's notice, sent after the answer
    await Mailing.settled();
    const res = await treasurer.get("/api/sepa/2027-03.xml");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/xml/);
    const xml = res.body as string;
    const check = await validatePain008(xml);
    expect(check.errors).toEqual([]);
    expect(check.valid).toBe(true);

    const expected = [];
    for (const name of ["Jansen", "Dekker"]) {
      const s = await statement(treasurer, name);
      expected.push({ name, amountCents: s.instalments[2].amountCents - s.instalments[2].paidCents });
    }
    const amounts = [...xml.matchAll(/<InstdAmt Ccy="EUR">([\d.]+)<\/InstdAmt>/g)].map((m) => Math.round(Number(m[1]) * 100));
    expect(amounts.sort()).toEqual(expected.map((e) => e.amountCents).sort());
    expect(amounts).toContain(13_169);
    // told on Saturday 20 February, collected 14 days on: Saturday 6 March, so Monday 8 March
    expect(preview.body).toMatchObject({ month: "2027-03", status: "preview", count: 2, first: 2, recurring: 0, collectionDate: "2027-03-08" });
    expect(preview.body.totalCents).toBe(expected.reduce((n, e) => n + e.amountCents, 0));
    expect(xml.match(/<SeqTp>FRST<\/SeqTp>/g)).toHaveLength(1);
    expect(xml).not.toContain("<SeqTp>RCUR</SeqTp>");
    expect(xml).not.toContain("DE89370400440532013000");
    expect(xml).toContain("<ReqdColltnDt>2027-03-08</ReqdColltnDt>");
    expect(xml).toContain("<Id>NL69ZZZ123456780000</Id>");
  });

  it("after the first collection the next month is RCUR; the March run stays as made; a new mandate is FRST again", async () => {
    expect((await treasurer.post("/api/sepa/2027-04")).status).toBe(201);
    await Mailing.settled();
    const april = await treasurer.get("/api/sepa/2027-04.xml");
    expect(april.status).toBe(200);
    expect((await validatePain008(april.body)).valid).toBe(true);
    // Visser's April is open now: a first collection for its mandate
    expect((april.body as string).match(/<SeqTp>(FRST|RCUR)<\/SeqTp>/g)).toEqual(["<SeqTp>FRST</SeqTp>", "<SeqTp>RCUR</SeqTp>"]);
    const summary = (await treasurer.get("/api/sepa/2027-04.json")).body;
    expect(summary.collections.map((c: any) => [c.name, c.sequence]).sort()).toEqual([
      ["Dekker", "RCUR"],
      ["J. Jansen", "RCUR"],
      ["Visser", "FRST"],
    ]);
    const march = (await treasurer.get("/api/sepa/2027-03.json")).body;
    expect(march.first).toBe(2);
    await hh.Dekker!.client.put(`/api/households/${hh.Dekker!.id}/mandate`, { iban: "NL39RABO0300065264", accountHolder: "Dekker", signedOn: "2027-02-01" });
    const may = (await treasurer.get("/api/sepa/2027-05.json")).body;
    expect(may.collections.find((c: any) => c.name === "Dekker").sequence).toBe("FRST");
    // a revoked mandate collects nothing
    expect((await hh.Dekker!.client.delete(`/api/households/${hh.Dekker!.id}/mandate`)).body.mandate.status).toBe("revoked");
    expect((await treasurer.get("/api/sepa/2027-05.json")).body.collections.map((c: any) => c.name)).not.toContain("Dekker");
    expect((await treasurer.get("/api/sepa/2027-13.xml")).status).toBe(400);
  });

  it("imports a bank statement: matched by household, reference or IBAN, the rest reported; importing again books nothing", async () => {
    const rf = (await statement(hh.Bakker!.client, "Bakker")).paymentReference;
    expect(rf).toMatch(/^RF\d{2}( \d{4}){3}$/);
    const csv = [
      "datum;bedrag;omschrijving;rekening",
      `2027-02-01;131,69;BIJDRAGE-2027-01-JANSEN;${hh.Jansen!.id}`,
      `2027-02-03;"131,69";Bijdrage februari Jansen;NL20 INGB 0001 2345 67`,
      `03-02-2027;25,00;Gift onbekend;NL02RABO0123456789`,
      `2027-02-04;-10,00;Kosten bank;${hh.Jansen!.id}`,
      `2027-02-05;87,80;Penning februari;${hh.Penning!.id}`,
      `2027-02-05;50,00;Bijdrage ${rf};NL02RABO0123456789`,
    ].join("\n");
    expect((await hh.Jansen!.client.post("/api/payments/import", csv, { "content-type": "text/csv" })).status).toBe(403);
    expect((await treasurer.post("/api/payments/import", csv, { "content-type": "text/html" })).status).toBe(400);
    const before = await ledgerCount();
    const res = await treasurer.post("/api/payments/import", `${csv}\n2027-02-06;veel;Rommel;${hh.Penning!.id}`, { "content-type": "text/csv" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ format: "simple-csv", imported: 3, alreadyThere: 0 });
    expect(res.body.refused).toEqual([{ line: 8, code: "bank.line.amount", message: expect.any(String) }]);
    expect(res.body.notForUs).toEqual([expect.objectContaining({ line: 5, reason: "debit" })]);
    // line 2 was recorded by hand under the same reference: the treasurer decides
    expect(res.body.review).toEqual([
      expect.objectContaining({ line: 2, reason: "by_hand", candidates: [{ householdID: hh.Jansen!.id, name: "Jansen" }] }),
      expect.objectContaining({ line: 4, reason: "unknown", amountCents: 2500 }),
    ]);
    expect(res.body.payments.map((p: any) => [p.householdID, p.amountCents, p.source])).toEqual([
      [hh.Jansen!.id, 13_169, "import"],
      [hh.Penning!.id, 8_780, "import"],
      [hh.Bakker!.id, 5_000, "import"],
    ]);
    const again = await treasurer.post("/api/payments/import", { file: csv });
    expect(again.body).toMatchObject({ imported: 0, alreadyThere: 5 });
    expect(await ledgerCount()).toBe(before + 3);
    expect((await statement(hh.Jansen!.client, "Jansen")).paidCents).toBe(2 * 13_169);
  });
});

describe("solidarity", () => {
  it("a supporter pays more, and the pot grows by the extra", async () => {
    const res = await hh.Dekker!.client.put(`/api/households/${hh.Dekker!.id}/solidarity`, { choice: "supporter", percent: 25 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.solidarity).toEqual({ year: 2027, choice: "supporter", percent: 25, reason: null });
    const s = await statement(hh.Dekker!.client, "Dekker");
    expect(s.solidarity).toEqual({ choice: "supporter", percent: 25 });
    expect(s.yearlyCents).toBe((4 * 52 * rate * 125) / 100);
    const pot = (await hh.Smit!.client.get("/api/contribution/solidarity?year=2027")).body;
    expect(pot).toMatchObject({ supporters: 1, supporterMouths: 4, reduced: 0, carriesMouths: 0, supportCents: (4 * 52 * rate) / 4, grantedCents: 0 });
  });

  it("a reduction beyond the pot is refused with 409; within it, it is granted and the statement follows", async () => {
    const smit = hh.Smit!.client;
    // Smit's 2 mouths × 52 × 1013 = 105,352 a year; the pot holds 52,676
    const tooMuch = await smit.put(`/api/households/${hh.Smit!.id}/solidarity`, { choice: "reduced", percent: 75, reason: "werkloos" });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.code).toBe("solidarity.pot_exhausted");
    expect((await smit.get(`/api/households/${hh.Smit!.id}/solidarity?year=2027`)).body.solidarity.choice).toBe("standard");
    const ok = await smit.put(`/api/households/${hh.Smit!.id}/solidarity`, { choice: "reduced", percent: 50, reason: "werkloos" });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await statement(smit, "Smit")).yearlyCents).toBe((2 * 52 * rate) / 2);
    const pot = (await hh.Jansen!.client.get("/api/contribution/solidarity?year=2027")).body;
    expect(pot).toMatchObject({ supporters: 1, reduced: 1, carriesMouths: 2, grantedCents: 52_676, supportCents: 52_676, availableCents: 0 });
    // the pot is empty now: even a small reduction waits
    const bakker = await hh.Bakker!.client.put(`/api/households/${hh.Bakker!.id}/solidarity`, { choice: "reduced", percent: 5 });
    expect(bakker.status).toBe(409);
  });

  it("two reductions at once cannot both take the pot's last euros", async () => {
    await hh.Penning!.client.put(`/api/households/${hh.Penning!.id}/solidarity`, { choice: "supporter", percent: 10 });
    // the pot now has 10% of Penning's 2 × 52 × 1013 = 105,352 to spare: 10,535
    const [a, b] = await Promise.all([
      hh.Bakker!.client.put(`/api/households/${hh.Bakker!.id}/solidarity`, { choice: "reduced", percent: 10 }),
      hh.Jansen!.client.put(`/api/households/${hh.Jansen!.id}/solidarity`, { choice: "reduced", percent: 10 }),
    ]);
    // Bakker's 10% is 13,169 and Jansen's 15,803: neither fits
    expect([a.status, b.status]).toEqual([409, 409]);
    const [c, d] = await Promise.all([
      hh.Bakker!.client.put(`/api/households/${hh.Bakker!.id}/solidarity`, { choice: "reduced", percent: 5 }),
      hh.Visser!.client.put(`/api/households/${hh.Visser!.id}/solidarity`, { choice: "reduced", percent: 20 }),
    ]);
    // Bakker's 5% is 6,585 and Visser's 20% of 52 × 813 is 8,455: each fits alone, not both
    expect([c.status, d.status].sort()).toEqual([200, 409]);
    const pot = (await hh.Jansen!.client.get("/api/contribution/solidarity?year=2027")).body;
    expect(pot.grantedCents).toBeLessThanOrEqual(pot.supportCents);
  });

  it("no route shows a household's choice to anyone but itself and the treasurer", async () => {
    const member = hh.Jansen!.client;
    expect((await member.get(`/api/households/${hh.Smit!.id}/solidarity`)).status).toBe(404);
    expect((await board.get(`/api/households/${hh.Smit!.id}/solidarity`)).status).toBe(404);
    expect((await member.put(`/api/households/${hh.Smit!.id}/solidarity`, { choice: "standard" })).status).toBe(404);
    expect((await treasurer.put(`/api/households/${hh.Smit!.id}/solidarity`, { choice: "standard" })).status).toBe(404);
    expect((await member.get(`/api/households/${hh.Smit!.id}/statement?year=2027`)).status).toBe(404);
    expect((await member.get("/api/contribution/solidarity/households?year=2027")).status).toBe(403);
    expect((await board.get("/api/contribution/solidarity/households?year=2027")).status).toBe(403);
    for (const who of [member, board]) {
      const totals = await who.get("/api/contribution/solidarity?year=2027");
      expect(totals.status).toBe(200);
      const text = JSON.stringify(totals.body);
      for (const id of ids()) expect(text).not.toContain(id);
      for (const name of ["Smit", "Dekker", "werkloos"]) expect(text).not.toContain(name);
    }
    const list = await treasurer.get("/api/contribution/solidarity/households?year=2027");
    expect(list.status).toBe(200);
    expect(list.body.households.find((h: any) => h.name === "Smit")).toMatchObject({ choice: "reduced", percent: 50, reason: "werkloos" });
    // the audit log keeps that a choice changed, not what it is
    const audits = (await useDB().entities.audit.scan.where((a, op) => op.eq(a.action, "solidarity.changed")).go({ pages: "all" })).data;
    expect(JSON.stringify(audits)).not.toMatch(/reduced|supporter|werkloos/);
  });
});

describe("price changes, overview and role checks", () => {
  it("a changed price is a new version from its effective date; statements follow and still add up", async () => {
    const saved = await board.put("/api/seasons/2027", { ...season, budgetCents: 1_000_000 });
    expect(saved.body.season.status).toBe("changed");
    expect(saved.body.season.rateCents).toBe(rate);
    const bad = await treasurer.post("/api/seasons/2027/confirm", { effectiveFrom: "2026-12-01" });
    expect(bad.status).toBe(400);
    const res = await treasurer.post("/api/seasons/2027/confirm", { effectiveFrom: "2027-07-01" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const newRate = res.body.season.versions[1].rateCents;
    expect(newRate).toBe(Math.ceil((1_000_000 * 1000 + 200 * 52 * 1000) / (16_500 * 52)));
    expect(res.body.season.versions[1]).toMatchObject({ version: 2, effectiveFrom: "2027-07-01" });
    expect(res.body.season.rateCents).toBe(rate); // in effect today (February)
    const s = await statement(hh.Boekhouding!.client, "Boekhouding");
    expect(s.instalments.map((i: any) => i.rateCents)).toEqual([...Array(6).fill(rate), ...Array(6).fill(newRate)]);
    expect(s.instalments.reduce((n: number, i: any) => n + i.amountCents, 0)).toBe(s.yearlyCents);
    expect(s.yearlyCents).toBe((2 * 52 * (rate * 6 + newRate * 6)) / 12);
  });

  it("the treasurer's overview shows due, paid and late per household with totals that add up; also as CSV", async () => {
    expect((await hh.Jansen!.client.get("/api/contribution/overview?year=2027")).status).toBe(403);
    expect((await board.get("/api/contribution/overview?year=2027")).status).toBe(403);
    const res = await treasurer.get("/api/contribution/overview?year=2027");
    expect(res.status).toBe(200);
    const { households, totals } = res.body;
    expect(households).toHaveLength(7);
    for (const k of ["yearlyCents", "dueCents", "paidCents", "lateCents", "balanceCents"])
      expect(totals[k]).toBe(households.reduce((n: number, r: any) => n + r[k], 0));
    const jansen = households.find((r: any) => r.name === "Jansen");
    expect(jansen).toMatchObject({ paidCents: 2 * 13_169, dueCents: 2 * 13_169, balanceCents: 0, late: false, mandate: true });
    expect(households.find((r: any) => r.name === "Bakker").late).toBe(true);
    const csv = await treasurer.get("/api/contribution/overview.csv?year=2027");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (csv.body as string).trim().split("\r\n");
    expect(lines[0]).toBe('"huishouden";"id";"monden";"jaarbedrag";"verschuldigd";"betaald";"achterstand";"saldo";"machtiging"');
    expect(lines).toHaveLength(9);
    expect(lines.find((l) => l.startsWith('"Jansen"'))).toContain('"263,38"');
  });

  it("a composition change mid-year is pro rata: from the first month after it", async () => {
    const before = await statement(treasurer, "Bakker");
    Clock.set(Date.parse("2027-05-10T10:00:00Z"));
    try {
      await withActor({ type: "system", farmID }, () => Household.update({ id: hh.Bakker!.id, changes: { children: 3 } }));
      const fresh = await login(app, "penning@example.nl", "10.9.1.1");
      const after = await statement(fresh, "Bakker");
      expect(after.instalments.slice(0, 5).map((i: any) => i.mouths)).toEqual(Array(5).fill(2.5));
      expect(after.instalments.slice(5).map((i: any) => i.mouths)).toEqual(Array(7).fill(3.5));
      expect(after.instalments.slice(0, 5).map((i: any) => i.amountCents)).toEqual(before.instalments.slice(0, 5).map((i: any) => i.amountCents));
      expect(after.mouths).toBe(3.083); // (2.5 × 5 + 3.5 × 7) / 12
      expect(after.instalments.reduce((n: number, i: any) => n + i.amountCents, 0)).toBe(after.yearlyCents);
    } finally {
      Clock.set(now);
    }
  });

  it("every contribution route is in the OpenAPI document", async () => {
    const doc = (await board.get("/api/openapi.json")).body;
    for (const p of ["/api/seasons/{year}", "/api/seasons/{year}/confirm", "/api/households/{id}/statement", "/api/payments", "/api/payments/import", "/api/sepa/{file}", "/api/households/{id}/solidarity", "/api/contribution/solidarity", "/api/contribution/overview"])
      expect(doc.paths[p], p).toBeDefined();
    expect(doc.paths["/api/payments"].post["x-auth"]).toEqual(["treasurer"]);
  });
});
