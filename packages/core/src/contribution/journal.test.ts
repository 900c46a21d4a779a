import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { validateXAF } from "../../../../test/setup/xsd";
import { Journal } from "./journal";
import { Xaf } from "./xaf";

const hostile = `-2+3+cmd|' /C calc'!A0`;
const jansen = "hh_01jansen00000000000000000";
const evil = "hh_01evil0000000000000000000";

const sources: Journal.Sources = {
  from: "2027-03-01",
  to: "2027-03-31",
  names: new Map([
    [jansen, "Jansen & <De Vries>"],
    [evil, hostile],
  ]),
  dues: [
    { householdID: jansen, month: "2027-02", due: "2027-02-01", amountCents: 13_169 },
    { householdID: jansen, month: "2027-03", due: "2027-03-01", amountCents: 13_169 },
    { householdID: evil, month: "2027-03", due: "2027-03-01", amountCents: 8_779 },
    { householdID: evil, month: "2027-04", due: "2027-04-01", amountCents: 0 },
  ],
  ledger: [
    { id: "pay_01a", householdID: jansen, kind: "payment", amountCents: 13_169, date: "2027-03-02", reference: "Bijdrage maart" },
    { id: "pay_01b", householdID: evil, kind: "payment", amountCents: 8_779, date: "2027-03-05", reference: "=HYPERLINK(\"x\")" },
    { id: "pay_01c", householdID: evil, kind: "reversal", amountCents: -8_779, date: "2027-03-20", reference: "storno" },
    { id: "pay_01d", householdID: jansen, kind: "payment", amountCents: 500, date: "2027-04-01", reference: "april" },
  ],
  deposits: [{ reference: "INLEG-1", householdID: jansen, amountCents: 200_000, date: "2027-03-10" }],
  refunds: [{ householdID: evil, date: "2027-03-31", amountCents: 100_000 }],
};

function books(s: Journal.Sources, period = "2027-03"): Journal.Books {
  const r = Journal.range(period);
  return { farm: "Herenboerderij <Test>", period, ...r, names: s.names, transactions: Journal.build(s) };
}

describe("the journal", () => {
  it("books each source in balance, within the period only", () => {
    const t = Journal.build(sources);
    expect(t.map((x) => [x.journal, x.document, x.date])).toEqual([
      ["contributions", "202703-01evil0000000000000000000", "2027-03-01"],
      ["contributions", "202703-01jansen00000000000000000", "2027-03-01"],
      ["bank", "pay_01a", "2027-03-02"],
      ["bank", "pay_01b", "2027-03-05"],
      ["bank", "inleg INLEG-1", "2027-03-10"],
      ["bank", "pay_01c", "2027-03-20"],
      ["bank", `inleg terug ${evil}`, "2027-03-31"],
    ]);
    for (const x of t) expect(x.lines.reduce((n, l) => n + l.debitCents - l.creditCents, 0), x.document).toBe(0);
    const line = (doc: string) => t.find((x) => x.document === doc)!.lines.map((l) => [l.account, l.debitCents, l.creditCents, l.householdID]);
    // debit, then credit: [account, debit, credit, relation]
    const expected: [string, unknown[][]][] = [
      ["202703-01jansen00000000000000000", [["receivable", 13_169, 0, jansen], ["contributions", 0, 13_169, null]]],
      ["pay_01a", [["bank", 13_169, 0, null], ["receivable", 0, 13_169, jansen]]],
      // a reversal is a negative payment: the receivable comes back, the bank goes down
      ["pay_01c", [["receivable", 8_779, 0, evil], ["bank", 0, 8_779, null]]],
      ["inleg INLEG-1", [["bank", 200_000, 0, null], ["deposits", 0, 200_000, jansen]]],
      [`inleg terug ${evil}`, [["deposits", 100_000, 0, evil], ["bank", 0, 100_000, null]]],
    ];
    for (const [doc, lines] of expected) expect(line(doc), doc).toEqual(lines);
  });

  it("knows a year and a month, and nothing else", () => {
    expect(Journal.range("2027")).toMatchObject({ from: "2027-01-01", to: "2027-12-31", months: [...Array(12).keys()].map((i) => i + 1) });
    expect(Journal.range("2028-02")).toMatchObject({ from: "2028-02-01", to: "2028-02-29", months: [2] });
    for (const ok of ["2027", "2027-01", "2027-12", "2000", "2200-12"]) expect(Journal.Period.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["27", "2027-13", "2027-00", "2027-3", "1999", "2201", "2027-03-01", "maart", ""]) expect(Journal.Period.safeParse(bad).success, bad).toBe(false);
  });

  it("as CSV: one line per booking line, dates and amounts as Dutch tools read them, hostile text neutralised", () => {
    const csv = Journal.csv(books(sources));
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(lines[0]).toBe('"datum";"dagboek";"boekstuk";"rekening";"omschrijving";"debet";"credit";"relatie"');
    expect(lines).toHaveLength(1 + 7 * 2);
    expect(lines).toContain(`"02-03-2027";"BNK";"pay_01a";"1100";"Betaling bijdrage – Jansen & <De Vries> – Bijdrage maart";"131,69";"";""`);
    expect(lines).toContain(`"20-03-2027";"BNK";"pay_01c";"1300";"Tegenboeking betaling – ${hostile} – storno";"87,79";"";"${evil}"`);
    expect(csv).not.toMatch(/(^|;)"[=+\-@]/m);
  });

  it("as XAF 3.2: valid against the public schema, with totals that add up", async () => {
    const xml = Xaf.write(books(sources), "2027-04-02");
    const result = await validateXAF(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain("<linesCount>14</linesCount><totalDebit>3526.75</totalDebit><totalCredit>3526.75</totalCredit>");
    expect(xml).toContain("<custSupName>Jansen &amp; &lt;De Vries&gt;</custSupName>");
    expect(xml).toContain("<periods><period><periodNumber>3</periodNumber><periodDesc>maart 2027</periodDesc>");
    // a year's file has its twelve periods; an empty one is valid too
    const year = Xaf.write(books({ ...sources, from: "2027-01-01", to: "2027-12-31" }, "2027"), "2028-01-05");
    expect((await validateXAF(year)).errors).toEqual([]);
    expect(year.match(/<period>/g)).toHaveLength(12);
    const empty = Xaf.write(books({ ...sources, dues: [], ledger: [], deposits: [], refunds: [] }), "2027-04-02");
    expect((await validateXAF(empty)).errors).toEqual([]);
  });

  it("balances and validates for any ledger", async () => {
    const id = fc.constantFrom(jansen, evil);
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2027-03-${String(d).padStart(2, "0")}`);
    const cents = fc.integer({ min: -1_000_000, max: 1_000_000 });
    const entry = fc.record({
      id: fc.string({ minLength: 1, maxLength: 30 }).map((s) => `pay_${s}`),
      householdID: id,
      kind: fc.constantFrom(...(Object.keys(Journal.ledgerPostings) as (keyof typeof Journal.ledgerPostings)[])),
      amountCents: cents,
      date: day,
      reference: fc.string({ maxLength: 140, unit: "binary" }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 30 }), fc.string({ maxLength: 80 }), async (ledger, name) => {
        const s = { ...sources, names: new Map([[jansen, name], [evil, hostile]]), ledger };
        const b = books(s);
        for (const t of b.transactions) {
          expect(t.lines.reduce((n, l) => n + l.debitCents, 0)).toBe(t.lines.reduce((n, l) => n + l.creditCents, 0));
          for (const l of t.lines) expect(l.debitCents >= 0 && l.creditCents >= 0).toBe(true);
        }
        expect((await validateXAF(Xaf.write(b, "2027-04-02"))).errors).toEqual([]);
      }),
      { numRuns: 10 },
    );
  });
});
