import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Mailing } from "@akker/core/mail/mailing";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { useDB } from "@akker/core/entities";
import { Farm } from "@akker/core/farm/farm";
import { validateAgainst } from "../setup/xsd";
import { checkAnswer } from "./contract";
import { freshFarmApp, ledgerEntries, login, makeHousehold, type TestApp } from "./helpers";

/*
 * The month's direct debit followed to the end (collection-booking.ts): a
 * run booked from the bank's camt.053, per transaction or as a batch total,
 * each collection once; a returned debit and a refund weeks later undone on
 * the household, told once, and collected again by the next run (FRST when
 * the mandate never held); what fits no run waits for review. The camt files
 * are made from the run's own IDs and checked against the official schema.
 */

type Client = Awaited<ReturnType<typeof login>>;
type Collection = { householdID: string; household: string; amountCents: number; sequence: "FRST" | "RCUR"; mandateID: string; endToEndID: string };

let app: TestApp;
let farmID: string;
let treasurer: Client;
const hh: Record<string, { id: string; email: string; iban: string }> = {};
const farmIBAN = "NL91ABNA0417164300";
const runs: Record<string, { messageID: string; collections: Collection[] }> = {};

const eur = (cents: number) => (Math.abs(cents) / 100).toFixed(2);
const byName = (month: string, name: string) => runs[month]!.collections.find((c) => c.household === name)!;

/** One transaction of an entry: a collection, or (with a reason code) its return. */
function tx(c: Collection, returnCode?: string) {
  const iban = Object.values(hh).find((h) => h.id === c.householdID)!.iban;
  return `<TxDtls><Refs><EndToEndId>${c.endToEndID}</EndToEndId><MndtId>${c.mandateID}</MndtId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">${eur(c.amountCents)}</Amt></TxAmt></AmtDtls><RltdPties><Dbtr><Nm>${c.household}</Nm></Dbtr><DbtrAcct><Id><IBAN>${iban}</IBAN></Id></DbtrAcct></RltdPties>${
    returnCode ? `<RtrInf><Rsn><Cd>${returnCode}</Cd></Rsn></RtrInf>` : ""
  }</TxDtls>`;
}

/** An entry on the farm's account; `batch` makes it a batch booking (with or without its transactions). */
function entry(o: { ref: string; date: string; cents: number; family: "ESDD" | "UPDD"; txs?: string[]; batch?: { id: string; tag: "PmtInfId" | "MsgId"; count: number } }) {
  const btch = o.batch ? `<Btch><${o.batch.tag}>${o.batch.id}</${o.batch.tag}><NbOfTxs>${o.batch.count}</NbOfTxs><TtlAmt Ccy="EUR">${eur(o.cents)}</TtlAmt><CdtDbtInd>CRDT</CdtDbtInd></Btch>` : "";
  return `<Ntry><Amt Ccy="EUR">${eur(o.cents)}</Amt><CdtDbtInd>${o.cents > 0 ? "CRDT" : "DBIT"}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${o.date}</Dt></BookgDt><ValDt><Dt>${o.date}</Dt></ValDt><AcctSvcrRef>${o.ref}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>${o.family}</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls>${btch}${(o.txs ?? []).join("")}</NtryDtls></Ntry>`;
}

/** A camt.053.001.02 statement of the farm's account, checked against the official schema. */
async function statement(date: string, entries: string[]) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>ABNA-${date}</MsgId><CreDtTm>${date}T06:00:00+01:00</CreDtTm></GrpHdr><Stmt><Id>STMT-${date}</Id><CreDtTm>${date}T06:00:00+01:00</CreDtTm><Acct><Id><IBAN>${farmIBAN}</IBAN></Id><Ccy>EUR</Ccy></Acct><Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>${entries.join("")}</Stmt></BkToCstmrStmt></Document>`;
  const checked = await validateAgainst("camt/camt.053.001.02.xsd", xml);
  expect(checked.errors).toEqual([]);
  return xml;
}

async function imported(xml: string) {
  const res = await app.request("/api/payments/import", {
    method: "POST",
    headers: { origin: "http://localhost", cookie: treasurer.cookie, "content-type": "application/xml", "x-forwarded-for": "10.9.0.1" },
    body: xml,
  });
  const body = (await res.json()) as any;
  checkAnswer(app, "POST", "/api/payments/import", res, body);
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body;
}

async function createRun(month: string) {
  const res = await treasurer.post(`/api/sepa/${month}`);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  // its households are told after the answer: the run as the bank file has it
  await Mailing.settled();
  runs[month] = res.body;
  return res.body as { messageID: string; collections: Collection[] };
}

const ledger = async (name: string) =>
  ledgerEntries(farmID, hh[name]!.id);

async function returnMails(name: string) {
  const res = await app.request(`/api/dev/outbox?to=${encodeURIComponent(hh[name]!.email)}`);
  return ((await res.json()) as { messages: { subject: string; text: string }[] }).messages.filter((m) => /teruggeboekt/.test(m.subject));
}

let logins = 0;
/** Moves the farm's clock and logs the treasurer in again: a session idles out after 14 days. */
async function at(iso: string) {
  Clock.set(Date.parse(iso));
  treasurer = await login(app, hh.Penning!.email, `10.9.1.${++logins}`);
}

const mandate = async (name: string) => (await useDB().entities.mandate.get({ farmID, householdID: hh[name]!.id }).go()).data!;

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(Date.parse("2027-01-20T10:00:00Z")));
  await withActor({ type: "system", farmID }, () => Farm.update({ creditorName: "Herenboerderij Test", creditorIBAN: farmIBAN, creditorID: "NL69ZZZ123456780000" }));
  const people: [string, string][] = [["Penning", ""], ["Jansen", "NL20INGB0001234567"], ["Visser", "NL02ABNA0123456789"], ["Dekker", "NL39RABO0300065264"]];
  for (const [name, iban] of people) {
    const email = `${name.toLowerCase()}@example.nl`;
    const { household } = await makeHousehold(farmID, { name, email, adults: 2, roles: name === "Penning" ? ["treasurer", "board"] : [] });
    hh[name] = { id: household.id, email, iban };
  }
  await at("2027-02-20T10:00:00Z");
  expect((await treasurer.put("/api/seasons/2027", { budgetCents: 858_000, weeks: 52, vegetarianDiscountCents: 200 })).status).toBe(200);
  expect((await treasurer.post("/api/seasons/2027/confirm")).status).toBe(200);
  for (const [name, iban] of people.slice(1)) {
    const res = await treasurer.put(`/api/households/${hh[name]!.id}/mandate`, { iban, accountHolder: name, signedOn: "2027-01-15" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
});

afterAll(() => Clock.set(undefined));

describe("booking a collection run from the bank statement", () => {
  it("books each collection the statement lists on its household, once, however often the statement comes", async () => {
    const run = await createRun("2027-03");
    expect(run.collections.map((c) => c.sequence)).toEqual(["FRST", "FRST", "FRST"]);
    await at("2027-03-09T10:00:00Z");
    const total = run.collections.reduce((n, c) => n + c.amountCents, 0);
    const xml = await statement("2027-03-08", [
      entry({ ref: "ABNA0308001", date: "2027-03-08", cents: total, family: "ESDD", txs: run.collections.map((c) => tx(c)), batch: { id: `${run.messageID}.0`, tag: "PmtInfId", count: 3 } }),
    ]);
    const report = await imported(xml);
    expect(report).toMatchObject({ imported: 3, alreadyThere: 0, held: [], review: [] });
    expect(report.payments.map((p: any) => [p.householdID, p.kind, p.amountCents, p.date]).sort()).toEqual(
      run.collections.map((c) => [c.householdID, "collection", c.amountCents, "2027-03-08"]).sort(),
    );
    const items = (await useDB().entities.sepaRunItem.query.byHousehold({ farmID, householdID: hh.Jansen!.id }).go()).data;
    expect(items[0]!.collectedEntry).toBe((await ledger("Jansen"))[0]!.entryID);
    // the same statement again, twice at once: nothing new
    const again = await Promise.all([imported(xml), imported(xml)]);
    for (const r of again) expect(r).toMatchObject({ imported: 0, alreadyThere: 3, payments: [], held: [], review: [] });
    for (const name of ["Jansen", "Visser", "Dekker"]) expect((await ledger(name)).map((e) => e.kind), name).toEqual(["collection"]);
  });

  it("undoes a returned debit (AC04) on the household, tells it once, and makes its mandate FRST again", async () => {
    const jansen = byName("2027-03", "Jansen");
    const xml = await statement("2027-03-10", [entry({ ref: "ABNA0310001", date: "2027-03-10", cents: -jansen.amountCents, family: "UPDD", txs: [tx(jansen, "AC04")] })]);
    const report = await imported(xml);
    const [collection] = await ledger("Jansen");
    expect(report.payments).toEqual([
      expect.objectContaining({ householdID: hh.Jansen!.id, kind: "return", amountCents: -jansen.amountCents, date: "2027-03-10", reverses: collection!.entryID }),
    ]);
    expect(report.held).toEqual([]);
    const mails = await returnMails("Jansen");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("niet van deze rekening worden afgeschreven");
    expect(mails[0]!.text).toContain("opnieuw af met de volgende incasso");
    expect(await returnMails("Visser")).toEqual([]);
    expect(await imported(xml)).toMatchObject({ imported: 0, alreadyThere: 1, payments: [] });
    expect(await returnMails("Jansen")).toHaveLength(1);
    const march = runs["2027-03"]!.collections.reduce((n, c) => n + c.amountCents, 0);
    expect((await treasurer.get("/api/sepa/2027-03.json")).body.booked).toEqual({ collected: 3, collectedCents: march, returned: 1, returnedCents: jansen.amountCents });
    expect((await ledger("Jansen")).map((e) => e.kind)).toEqual(["collection", "return"]);
    // its only collection came back: the mandate never held
    expect((await mandate("Jansen")).firstCollection).toBeUndefined();
    expect((await mandate("Visser")).firstCollection).toBe("2027-03");
  });

  it("collects the returned amount again with the next run, FRST for the mandate that never held", async () => {
    await at("2027-03-20T10:00:00Z");
    const run = await createRun("2027-04");
    const jansen = byName("2027-04", "Jansen");
    const visser = byName("2027-04", "Visser");
    expect([jansen.sequence, visser.sequence, byName("2027-04", "Dekker").sequence]).toEqual(["FRST", "RCUR", "RCUR"]);
    // this month's instalment and March's again (the households pay alike)
    expect(jansen.amountCents).toBe(visser.amountCents + byName("2027-03", "Jansen").amountCents);
    expect(run.collections).toHaveLength(3);
    // March waits for April's collection now, not in arrears
    const statement = await treasurer.get(`/api/households/${hh.Jansen!.id}/statement?year=2027`);
    expect(statement.body.instalments[2]).toMatchObject({ month: "2027-03", payBy: (run as any).collectionDate, inRun: true, status: "due" });
  });

  it("books a batch total against the run it names, once even from two imports at once", async () => {
    const run = runs["2027-04"]!;
    await at("2027-04-07T10:00:00Z");
    const total = run.collections.reduce((n, c) => n + c.amountCents, 0);
    const xml = await statement("2027-04-06", [entry({ ref: "ABNA0406001", date: "2027-04-06", cents: total, family: "ESDD", batch: { id: run.messageID, tag: "MsgId", count: 3 } })]);
    const reports = await Promise.all([imported(xml), imported(xml)]);
    expect(reports.map((r) => r.imported + r.alreadyThere)).toEqual([1, 1]);
    const booked = (await Promise.all(["Jansen", "Visser", "Dekker"].map(ledger))).flat().filter((e) => e.date === "2027-04-06");
    expect(booked.map((e) => [e.householdID, e.kind, e.amountCents]).sort()).toEqual(run.collections.map((c) => [c.householdID, "collection", c.amountCents]).sort());
    expect(reports.flatMap((r) => [...r.held, ...r.review])).toEqual([]);
  });

  it("undoes a refund asked weeks later (MD06); a mandate that held stays RCUR and the next run collects it again", async () => {
    await at("2027-04-29T10:00:00Z");
    const visser = byName("2027-03", "Visser");
    const xml = await statement("2027-04-28", [entry({ ref: "ABNA0428001", date: "2027-04-28", cents: -visser.amountCents, family: "UPDD", txs: [tx(visser, "MD06")] })]);
    // twice at once: booked and told once
    const reports = await Promise.all([imported(xml), imported(xml)]);
    expect(reports.map((r) => r.imported + r.alreadyThere).sort()).toEqual([1, 1]);
    expect((await ledger("Visser")).filter((e) => e.kind === "return")).toEqual([expect.objectContaining({ amountCents: -visser.amountCents, date: "2027-04-28" })]);
    const mails = await returnMails("Visser");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("Je hebt je bank gevraagd het bedrag terug te boeken");
    expect((await mandate("Visser")).firstCollection).toBe("2027-03");
    await createRun("2027-05");
    const may = { jansen: byName("2027-05", "Jansen"), visser: byName("2027-05", "Visser"), dekker: byName("2027-05", "Dekker") };
    expect([may.jansen.sequence, may.visser.sequence, may.dekker.sequence]).toEqual(["RCUR", "RCUR", "RCUR"]);
    // Jansen's March came back once and was collected again in April: May is May alone
    expect(may.jansen.amountCents).toBe(may.dekker.amountCents);
    expect(may.visser.amountCents).toBe(may.dekker.amountCents + visser.amountCents);
  });

  it("books a run from Rabobank's CSV too: each collection by its reference, and a refusal (MS02) in the same file", async () => {
    await at("2027-05-12T10:00:00Z");
    const may = runs["2027-05"]!.collections;
    const header = readFileSync(new URL("../fixtures/bank/rabobank-2026-11-12.csv", import.meta.url), "utf8").split("\n")[0]!.trim();
    const row = (n: number, date: string, c: Collection, cents: number, reason = "") => {
      const money = `${cents < 0 ? "-" : "+"}${eur(cents).replace(".", ",")}`;
      const iban = Object.values(hh).find((h) => h.id === c.householdID)!.iban;
      return [farmIBAN, "EUR", "ABNANL2A", String(9000 + n).padStart(18, "0"), date, date, money, "+0,00", iban, c.household, "", "", "", reason ? "ei" : "id", "", c.endToEndID, c.mandateID, "NL69ZZZ123456780000", "", "Bijdrage mei", "", "", reason, "", "", ""]
        .map((f) => `"${f}"`)
        .join(",");
    };
    const dekker = may.find((c) => c.household === "Dekker")!;
    const csv = [header, ...may.map((c, i) => row(i, "2027-05-13", c, c.amountCents)), row(9, "2027-05-17", dekker, -dekker.amountCents, "MS02 Geweigerd door debiteur")].join("\r\n");
    const res = await app.request("/api/payments/import", {
      method: "POST",
      headers: { origin: "http://localhost", cookie: treasurer.cookie, "content-type": "text/csv", "x-forwarded-for": "10.9.0.3" },
      body: csv,
    });
    const report = (await res.json()) as any;
    expect(res.status, JSON.stringify(report)).toBe(200);
    expect(report).toMatchObject({ format: "rabobank-csv", imported: 4, held: [], review: [] });
    const entries = (await ledger("Dekker")).filter((e) => e.date >= "2027-05-13");
    expect(entries.map((e) => [e.kind, e.amountCents])).toEqual([["collection", dekker.amountCents], ["return", -dekker.amountCents]]);
    expect(entries[1]!.reverses).toBe(entries[0]!.entryID);
    expect((await returnMails("Dekker"))[0]!.text).toContain("De incasso is geweigerd");
  });

  it("puts a collection that fits no item of the run it names up for review, and keeps what names no run of ours", async () => {
    const march = runs["2027-03"]!;
    const stranger = { ...byName("2027-03", "Dekker"), endToEndID: "202703-NOBODY", amountCents: 1_234 };
    const xml = await statement("2027-05-10", [
      entry({ ref: "ABNA0510001", date: "2027-05-10", cents: 1_234, family: "ESDD", txs: [tx(stranger)] }),
      entry({ ref: "ABNA0510002", date: "2027-05-10", cents: 99_999, family: "ESDD", batch: { id: `${march.messageID}.0`, tag: "PmtInfId", count: 3 } }),
      entry({ ref: "ABNA0510003", date: "2027-05-10", cents: 5_000, family: "ESDD", batch: { id: "OTHER-CREDITOR-1", tag: "PmtInfId", count: 2 } }),
    ]);
    const before = await Promise.all(["Jansen", "Visser", "Dekker"].map(ledger));
    const report = await imported(xml);
    expect(report.payments).toEqual([]);
    expect(report.review.map((r: any) => [r.amountCents, r.reason, r.state])).toEqual([
      [1_234, "collection", "review"],
      [99_999, "collection", "review"],
    ]);
    expect(report.held.map((r: any) => r.amountCents)).toEqual([5_000]);
    const list = await treasurer.get("/api/payments/review");
    expect(list.body.review.map((r: any) => r.amountCents).sort()).toEqual([1_234, 99_999]);
    expect(await Promise.all(["Jansen", "Visser", "Dekker"].map(ledger))).toEqual(before);
  });
  it("collects a December return with January's run and books that part on the year it belongs to", async () => {
    await at("2027-11-25T10:00:00Z");
    const december = await createRun("2027-12");
    const [jansen, visser] = [byName("2027-12", "Jansen"), byName("2027-12", "Visser")];
    expect(jansen.amountCents).toBe(visser.amountCents);
    await at("2027-12-11T10:00:00Z");
    const xml = await statement("2027-12-10", [
      entry({ ref: "ABNA1206001", date: "2027-12-06", cents: december.collections.reduce((n, c) => n + c.amountCents, 0), family: "ESDD", txs: december.collections.map((c) => tx(c)) }),
      entry({ ref: "ABNA1210001", date: "2027-12-10", cents: -jansen.amountCents, family: "UPDD", txs: [tx(jansen, "MS03")] }),
    ]);
    expect(await imported(xml)).toMatchObject({ imported: december.collections.length + 1, held: [], review: [] });
    // the next year's price, confirmed before January's run is made in December
    expect((await treasurer.put("/api/seasons/2028", { budgetCents: 858_000, weeks: 52, vegetarianDiscountCents: 200 })).status).toBe(200);
    expect((await treasurer.post("/api/seasons/2028/confirm")).status).toBe(200);
    await at("2027-12-20T10:00:00Z");
    const january = await createRun("2028-01");
    const [jansenJan, visserJan] = [byName("2028-01", "Jansen"), byName("2028-01", "Visser")];
    expect(jansenJan.amountCents).toBe(visserJan.amountCents + jansen.amountCents);
    // December waits for January's collection now, not in arrears
    const waiting = await treasurer.get(`/api/households/${hh.Jansen!.id}/statement?year=2027`);
    expect(waiting.body.instalments[11]).toMatchObject({ month: "2027-12", payBy: (january as any).collectionDate, inRun: true });
    // January books December's part on 2027 and January's on 2028
    await at("2028-01-08T10:00:00Z");
    const janXml = await statement("2028-01-06", [
      entry({ ref: "ABNA0106001", date: "2028-01-06", cents: january.collections.reduce((n, c) => n + c.amountCents, 0), family: "ESDD", txs: january.collections.map((c) => tx(c)) }),
    ]);
    await imported(janXml);
    const booked = (await ledger("Jansen")).filter((e) => e.date === "2028-01-06");
    expect(booked.map((e) => [e.year, e.kind, e.amountCents]).sort()).toEqual([
      [2027, "collection", jansen.amountCents],
      [2028, "collection", visserJan.amountCents],
    ]);
    const statementOf = (year: number) => treasurer.get(`/api/households/${hh.Jansen!.id}/statement?year=${year}`);
    const [last, now] = await Promise.all([statementOf(2027), statementOf(2028)]);
    // (earlier months of 2027 that no run collected are paid first: the statement pays the oldest first)
    expect(last.body.paidCents - waiting.body.paidCents).toBe(jansen.amountCents);
    expect(now.body.instalments[0]).toMatchObject({ month: "2028-01", status: "paid" });
    // and February asks nothing of it again
    await at("2028-01-20T10:00:00Z");
    await createRun("2028-02");
    expect(byName("2028-02", "Jansen").amountCents).toBe(byName("2028-02", "Visser").amountCents);
  });
});
