import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { householdCreditorReference } from "@akker/core/contribution/bank/index";
import { composeIBAN } from "@akker/core/contribution/iban";
import { useDB } from "@akker/core/entities";
import { Household } from "@akker/core/household/household";
import { uploadBankFile } from "./bank-upload";
import { freshFarmApp, ledgerEntries, login, makeHousehold, type TestApp } from "./helpers";

/*
 * Importing the bank's own files (bank-import.ts): each format's fixture,
 * the same file twice, alike payments, a transfer from two formats,
 * matching by reference, account and name, and the review list.
 */

type Client = Awaited<ReturnType<typeof login>>;

let app: TestApp;
let farmID: string;
let treasurer: Client;
let member: Client;
const hh: Record<string, string> = {};

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

const upload = (who: Client, bytes: Uint8Array | string, type: string) => uploadBankFile(app, who, bytes, type);

async function imported(bytes: Uint8Array | string, type: string) {
  const res = await upload(treasurer, bytes, type);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function ledger() {
  return ledgerEntries(farmID);
}

const paidBy = async (name: string) => (await ledger()).filter((e) => e.householdID === hh[name]).map((e) => [e.date, e.amountCents]).sort();

async function review() {
  const res = await treasurer.get("/api/payments/review");
  expect(res.status).toBe(200);
  return res.body as { review: any[]; held: any[] };
}

const simple = (...lines: string[]) => ["datum;bedrag;omschrijving;rekening", ...lines].join("\n");

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(Date.parse("2027-01-20T10:00:00Z")));
  const people: [string, string][] = [
    ["Penning", "Paula Penning"],
    ["Jansen", "Jan Jansen"],
    ["De Vries", "Marieke de Vries"],
    ["El Amrani", "Yasmina El Amrani"],
    ["Van den Berg", "Eva van den Berg"],
    ["Bakker", "Sanne Bakker"],
    ["Brouwer", "Zoë Brouwer"],
    ["Meijer", "Anton Meijer"],
    ["Meijer-Dijk", "Bram Meijer"],
  ];
  for (const [name, person] of people) {
    const email = `${name.toLowerCase().replace(/\W/g, "")}@example.nl`;
    const { household } = await makeHousehold(farmID, { name, email, roles: name === "Penning" ? ["treasurer"] : [] });
    hh[name] = household.id;
    await withActor({ type: "system", farmID }, () => Household.addPerson(household.id, { name: person, email: `p.${email}`, locale: "nl" }));
  }
  treasurer = await login(app, "penning@example.nl", "10.1.0.1");
  member = await login(app, "jansen@example.nl", "10.1.0.2");
  const mandate = (name: string, iban: string, extra = {}) =>
    treasurer.put(`/api/households/${hh[name]}/mandate`, { iban, accountHolder: name, signedOn: "2026-09-01", ...extra });
  expect((await mandate("Jansen", "NL72INGB0598096747")).status).toBe(200);
  expect((await mandate("De Vries", "NL80ABNA0185427715")).status).toBe(200);
  // one account, two households: never guessed
  expect((await mandate("Meijer", "NL57ASNB4973920061")).status).toBe(200);
  expect((await mandate("Meijer-Dijk", "NL57ASNB4973920061", { shareIBAN: true })).status).toBe(200);
});

afterAll(() => Clock.set(undefined));

describe("POST /api/payments/import", () => {
  it("is the treasurer's: a member gets 403 and nothing is written", async () => {
    const before = (await ledger()).length;
    expect((await upload(member, fixture("bank/rabobank-2026-11-12.csv"), "text/csv")).status).toBe(403);
    expect((await ledger()).length).toBe(before);
  });

  it("refuses what is no bank file, and other media types, whole", async () => {
    for (const [body, type, code] of [
      ["hello;world", "text/csv", "bank.file.unknown_format"],
      ["<a><b></a>", "application/xml", "bank.file.xml"],
      ["", "application/octet-stream", "bank.file.empty"],
      ["a=b", "application/x-www-form-urlencoded", "input.content_type"],
      [JSON.stringify({ nothing: 1 }), "application/json", "input.invalid"],
    ] as const) {
      const res = await upload(treasurer, body, type);
      expect(res.status, type).toBe(400);
      expect(res.body.error.code, type).toBe(code);
    }
    const huge = await upload(treasurer, "x".repeat(5 * 1024 * 1024 + 1), "text/csv");
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("input.too_large");
  });

  it("reads a Rabobank CSV: matched by mandate and name, alike payments apart, a standing order twice, the rest reported", async () => {
    const report = await imported(fixture("bank/rabobank-2026-11-12.csv"), "text/csv");
    expect(report).toMatchObject({ format: "rabobank-csv", lines: 10, imported: 6, alreadyThere: 0, refused: [] });
    // a standing order in two months is two payments
    expect(await paidBy("Jansen")).toEqual([["2026-11-02", 4334], ["2026-12-01", 4334]]);
    expect(await paidBy("De Vries")).toEqual([["2026-11-02", 4334], ["2026-12-01", 4334]]);
    // no mandate: by name; E.W. van den Berg by name too (the RF in the file is nobody's)
    expect(await paidBy("El Amrani")).toEqual([["2026-12-01", 4334]]);
    expect(await paidBy("Van den Berg")).toEqual([["2026-12-02", 8668]]);
    expect(report.notForUs).toEqual([expect.objectContaining({ line: 4, reason: "debit", amountCents: -125_000 })]);
    // the collection's total and a returned debit: kept for the collection run, not booked
    expect(report.held).toEqual([
      expect.objectContaining({ line: 9, state: "held", reason: "collection", amountCents: 13_002 }),
      expect.objectContaining({ line: 10, state: "held", reason: "return", returnCode: "AC04" }),
    ]);
    // Mulder & Zn: nobody's, for the treasurer
    expect(report.review.map((r: any) => [r.line, r.reason, r.counterName])).toEqual([[11, "unknown", "Mulder & Zn"]]);
  });

  it("books nothing new from the same file again", async () => {
    const before = (await ledger()).length;
    const again = await imported(fixture("bank/rabobank-2026-11-12.csv"), "application/octet-stream");
    expect(again).toMatchObject({ imported: 0, alreadyThere: 9, review: [], held: [], payments: [] });
    expect((await ledger()).length).toBe(before);
  });

  it("books a movement the file lists twice (a statement page repeated) once", async () => {
    const line = '"NL71RABO6627312220","EUR","RABONL2U","000000000000009001","2027-01-09","2027-01-09","+43,34","+0,00","NL53ABNA5527573706","Z. Brouwer","","","ABNANL2A","cb","","","","","","Bijdrage januari","","","","","",""';
    const header = fixture("bank/rabobank-2026-11-12.csv").toString("utf8").split(/\r?\n/)[0];
    const report = await imported([header, line, line].join("\r\n"), "text/csv");
    expect(report).toMatchObject({ imported: 1, alreadyThere: 1 });
  });

  it("holds a line whose bank reference comes back with other content for review, once", async () => {
    const changed = fixture("bank/rabobank-2026-11-12.csv").toString("utf8").replace('"000000000000004712","2026-11-02","2026-11-02","+43,34"', '"000000000000004712","2026-11-02","2026-11-02","+50,00"');
    const before = (await ledger()).length;
    const report = await imported(changed, "text/csv");
    expect(report).toMatchObject({ imported: 0, alreadyThere: 8 });
    expect(report.review).toEqual([expect.objectContaining({ line: 3, reason: "conflict", amountCents: 5000, counterName: "M. de Vries" })]);
    expect((await imported(changed, "text/csv")).alreadyThere).toBe(9);
    expect((await ledger()).length).toBe(before);
  });

  it("holds a transfer met again in another format's file for review instead of booking it twice", async () => {
    const report = await imported(fixture("camt/rabobank-2026-12.camt053.v02.xml"), "application/xml");
    expect(report.format).toBe("camt053");
    const repeated = report.review.filter((r: any) => r.reason === "other_format").map((r: any) => r.counterName);
    expect(repeated.sort()).toEqual(["E.W. van den Berg", "J.P. Jansen", "M. de Vries", "Mulder & Zn"]);
    expect(await paidBy("Jansen")).toEqual([["2026-11-02", 4334], ["2026-12-01", 4334]]);
    // the collection's transactions and its total, and the return: kept for the collection run
    expect(report.held.map((h: any) => h.reason)).toEqual(["collection", "collection", "collection", "collection", "return", "return"]);
    expect(report.notForUs.map((n: any) => n.reason)).toEqual(["debit"]);
  });

  it("reads ING's CSV in both variants as one: two households with the same description are two payments", async () => {
    await imported(fixture("bank/ing-2026-11-12-semicolon.csv"), "text/csv");
    const before = (await ledger()).length;
    const comma = await imported(fixture("bank/ing-2026-11-12-comma.csv"), "text/csv");
    expect(comma).toMatchObject({ imported: 0, alreadyThere: 7 });
    expect((await ledger()).length).toBe(before);
    expect(await paidBy("Bakker")).toEqual([["2026-12-01", 4334]]);
  });

  it("reads ING's camt.053.001.08 as text/xml: a collection and its returns kept for the run, two identical transfers two payments", async () => {
    const report = await imported(fixture("camt/ing-2027-01.camt053.v08.xml"), "text/xml");
    expect(report).toMatchObject({ format: "camt053", lines: 8, refused: [] });
    expect(report.held.map((h: any) => [h.reason, h.batchID ?? h.returnCode])).toEqual([
      ["collection", "AKKER-2027-01-RCUR"],
      ["collection", "AKKER-2027-01-RCUR"],
      ["return", "MD06"],
      ["return", "MS02"],
    ]);
    // Y. El Amrani paid twice on one day, the same amount and words: two payments, both booked
    expect((await paidBy("El Amrani")).filter(([date]) => date === "2027-01-15")).toEqual([["2027-01-15", 4334], ["2027-01-15", 4334]]);
  });

  it("reads ABN AMRO's TXT in Windows-1252, as text/plain", async () => {
    const report = await imported(fixture("bank/abnamro-2026-11-12.TAB"), "text/plain");
    expect(report.format).toBe("abnamro-txt");
    expect(report.review.find((r: any) => r.counterName === "Zoë Brouwer")).toBeUndefined();
    expect(report.refused).toEqual([]);
  });

  it("matches a household's RF reference before anything else, in any spacing and case", async () => {
    const rf = householdCreditorReference(hh["Bakker"]!);
    const spaced = rf.replace(/(.{4})(?!$)/g, "$1 ");
    const report = await imported(new TextEncoder().encode(simple(`2027-01-05;43,34;Bijdrage januari ${spaced.toLowerCase()};NL72INGB0598096747`)), "text/csv");
    expect(report.payments).toEqual([expect.objectContaining({ householdID: hh["Bakker"], amountCents: 4334 })]);
  });

  it("holds the same transfer from another format for review when it matches another household this time", async () => {
    // booked on Bakker by its RF reference above; the bank's CSV of the same transfer has no reference,
    // and its account is Jansen's mandate: without looking at every household it would be booked twice
    const before = await paidBy("Jansen");
    const header = fixture("bank/rabobank-2026-11-12.csv").toString("utf8").split(/\r?\n/)[0];
    const line = '"NL71RABO6627312220","EUR","RABONL2U","000000000000009105","2027-01-05","2027-01-05","+43,34","+0,00","NL72INGB0598096747","J. Jansen","","","INGBNL2A","cb","","","","","","Bijdrage januari","","","","","",""';
    const report = await imported([header, line].join("\r\n"), "text/csv");
    expect(report.payments).toEqual([]);
    expect(report.review).toEqual([expect.objectContaining({ reason: "other_format", amountCents: 4334 })]);
    expect(await paidBy("Jansen")).toEqual(before);
  });

  it("refuses an unreadable line alone, with its line number and code, and books the rest", async () => {
    const res = await treasurer.post("/api/payments/import", { file: simple("2027-01-06;veel;Rommel;NL72INGB0598096747", "2027-01-06;12,00;Extra;NL72INGB0598096747") });
    expect(res.status).toBe(200);
    expect(res.body.refused).toEqual([{ line: 2, code: "bank.line.amount", message: expect.stringContaining("amount") }]);
    expect(res.body.imported).toBe(1);
    // today's JSON {csv} still works
    const csv = await treasurer.post("/api/payments/import", { csv: simple("2027-01-07;12,00;Extra;NL72INGB0598096747") });
    expect(csv.body.imported).toBe(1);
  });

  it("leaves an account of two households for review with both as candidates", async () => {
    const report = await imported(new TextEncoder().encode(simple("2027-01-08;43,34;Bijdrage;NL57ASNB4973920061")), "text/csv");
    expect(report.review).toEqual([expect.objectContaining({ reason: "ambiguous", candidates: expect.arrayContaining([{ householdID: hh["Meijer"], name: "Meijer" }]) })]);
    expect(report.review[0].candidates).toHaveLength(2);
  });

  it("books each line once when the same file is imported four times at once", async () => {
    const file = new TextEncoder().encode(simple(...Array.from({ length: 30 }, (_, i) => `2027-01-1${i % 10};${10 + i},00;Bijdrage ${i % 3};NL72INGB0598096747`)));
    const before = (await ledger()).length;
    const reports = await Promise.all([1, 2, 3, 4].map(() => imported(file, "text/csv")));
    expect(reports.reduce((n, r) => n + r.imported, 0)).toBe(30);
    expect(reports.reduce((n, r) => n + r.alreadyThere, 0)).toBe(90);
    expect((await ledger()).length).toBe(before + 30);
  });

  it("finds a booked line there after its account moved to another household, without booking it there", async () => {
    // read from the booked household's likeness (bank-import.ts), not from its claim
    const iban = composeIBAN("NL", "TRIO0197735513");
    const mandate = (name: string) => treasurer.put(`/api/households/${hh[name]}/mandate`, { iban, accountHolder: name, signedOn: "2026-09-01" });
    const file = new TextEncoder().encode(simple("2027-01-22;43,34;Bijdrage;" + iban, "2027-01-22;43,34;Bijdrage;" + iban));
    expect((await mandate("Bakker")).status).toBe(200);
    expect((await imported(file, "text/csv")).payments.map((p: any) => p.householdID)).toEqual([hh["Bakker"], hh["Bakker"]]);
    expect((await treasurer.delete(`/api/households/${hh["Bakker"]}/mandate`)).status).toBe(200);
    expect((await mandate("Van den Berg")).status).toBe(200);
    const before = (await ledger()).length;
    expect(await imported(file, "text/csv")).toMatchObject({ imported: 0, alreadyThere: 2, review: [], payments: [] });
    expect((await ledger()).length).toBe(before);
    expect((await treasurer.delete(`/api/households/${hh["Van den Berg"]}/mandate`)).status).toBe(200);
  });
});

describe("the review list", () => {
  it("is the treasurer's", async () => {
    expect((await member.get("/api/payments/review")).status).toBe(403);
  });

  it("assigns a line in one tap, once however often it is tapped, and remembers the account for the next import", async () => {
    const line = (await review()).review.find((r) => r.counterName === "Mulder & Zn" && r.reason === "unknown")!;
    expect(line).toBeDefined();
    const taps = await Promise.all([1, 2, 3, 4, 5].map(() => treasurer.post(`/api/payments/review/${line.id}`, { householdID: hh["Brouwer"] })));
    expect(taps.map((t) => t.status)).toEqual([200, 200, 200, 200, 200]);
    expect(taps.filter((t) => t.body.created)).toHaveLength(1);
    expect((await paidBy("Brouwer")).filter(([, cents]) => cents === line.amountCents)).toHaveLength(1);
    expect((await review()).review.map((r) => r.id)).not.toContain(line.id);
    // decided: another household is refused, and a member may not decide
    expect((await treasurer.post(`/api/payments/review/${line.id}`, { householdID: hh["Jansen"] })).status).toBe(409);
    expect((await member.post(`/api/payments/review/${line.id}`, { dismiss: true })).status).toBe(403);
    // the next transfer from that account finds Brouwer by it
    const next = await imported(new TextEncoder().encode(simple(`2027-01-15;21,67;Solidariteit;${line.counterIBAN}`)), "text/csv");
    expect(next.payments).toEqual([expect.objectContaining({ householdID: hh["Brouwer"], amountCents: 2167 })]);
  });

  it("dismisses a line that is no contribution; held lines are for the collection run", async () => {
    const list = await review();
    const unknown = list.review.find((r) => r.reason === "unknown")!;
    const res = await treasurer.post(`/api/payments/review/${unknown.id}`, { dismiss: true });
    expect(res.status).toBe(200);
    expect(res.body.line.state).toBe("dismissed");
    expect((await review()).review.map((r) => r.id)).not.toContain(unknown.id);
    const held = list.held[0]!;
    expect((await treasurer.post(`/api/payments/review/${held.id}`, { householdID: hh["Jansen"] })).body.error.code).toBe("bank.line_held");
    expect((await treasurer.post(`/api/payments/review/${"ab".repeat(10)}`, { dismiss: true })).status).toBe(404);
    expect((await treasurer.post(`/api/payments/review/${unknown.id}`, { householdID: "hh_nobody" })).status).toBe(409);
  });
});
