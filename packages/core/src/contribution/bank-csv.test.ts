import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseAmount, parseBankCSV, parseDate, splitFields } from "./bank-csv";

describe("the bank statement CSV", () => {
  it("reads amounts as Dutch banks write them, in cents", () => {
    expect(parseAmount("43,34")).toBe(4334);
    expect(parseAmount("43.34")).toBe(4334);
    expect(parseAmount("1.043,50")).toBe(104350);
    expect(parseAmount("1.043")).toBe(104300);
    expect(parseAmount("€ 12")).toBe(1200);
    expect(parseAmount("12,5")).toBe(1250);
    expect(parseAmount("-5,00")).toBe(-500);
    expect(parseAmount("12,345")).toBeUndefined();
    expect(parseAmount("twaalf")).toBeUndefined();
    expect(parseAmount("")).toBeUndefined();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), (cents) => {
        const text = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
        expect(parseAmount(text)).toBe(cents);
      }),
    );
  });

  it("reads ISO and Dutch dates, and no impossible ones", () => {
    expect(parseDate("2027-03-02")).toBe("2027-03-02");
    expect(parseDate("02-03-2027")).toBe("2027-03-02");
    expect(parseDate("2/3/2027")).toBe("2027-03-02");
    expect(parseDate("2027-02-30")).toBeUndefined();
    expect(parseDate("gisteren")).toBeUndefined();
  });

  it("splits on semicolons, honouring quotes", () => {
    expect(splitFields('2027-03-02;"1.043,50";"Bijdrage; maart ""Jansen""";hh_x')).toEqual(["2027-03-02", "1.043,50", 'Bijdrage; maart "Jansen"', "hh_x"]);
  });

  it("parses lines, skips the header and debits, and reports lines it cannot read", () => {
    const hh = "hh_01jabcdefghjkmnpqrstvwxyz0";
    const ok = parseBankCSV(`datum;bedrag;omschrijving;rekening\r\n2027-03-02;43,34;Bijdrage maart;${hh}\n\n02-03-2027;10;Gift;NL91 ABNA 0417 1643 00\n2027-03-03;-12,00;Terugboeking;${hh}\n`);
    expect(ok.issues).toEqual([]);
    expect(ok.lines).toEqual([
      { line: 2, date: "2027-03-02", amountCents: 4334, reference: "Bijdrage maart", householdID: hh },
      { line: 4, date: "2027-03-02", amountCents: 1000, reference: "Gift", iban: "NL91ABNA0417164300" },
    ]);
    expect(ok.skipped).toEqual([{ line: 5, reason: "debit, not a payment" }]);
    const bad = parseBankCSV(`2027-13-01;1;a;${hh}\n2027-01-01;x;a;${hh}\n2027-01-01;1;;${hh}\n2027-01-01;1;a;Jansen\n2027-01-01;1;a`);
    expect(bad.issues.map((i) => i.path)).toEqual(["line 1", "line 2", "line 3", "line 4", "line 5"]);
    expect(bad.lines).toEqual([]);
  });
});
