import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VisibleError } from "../../error";
import { decodeBankFile } from "./decode";
import { parseBankFile } from "./index";
import { parseCents, readDelimited } from "./text";

const raw = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../../test/fixtures/bank/${name}`, import.meta.url)));
const text = (name: string) => decodeBankFile(raw(name)).text;
const bytes = (s: string) => new TextEncoder().encode(s);

describe("bytes to text", () => {
  it("reads UTF-8 with or without a byte-order mark, and Windows-1252 when the bytes are not UTF-8", () => {
    expect(decodeBankFile(bytes("Zoë"))).toEqual({ text: "Zoë", encoding: "utf-8" });
    expect(decodeBankFile(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("Zoë")]))).toEqual({ text: "Zoë", encoding: "utf-8" });
    expect(decodeBankFile(new Uint8Array([0x5a, 0x6f, 0xeb, 0x20, 0x80, 0x20, 0x93, 0x78, 0x94]))).toEqual({ text: "Zoë € “x”", encoding: "windows-1252" });
  });
});

describe("delimited text", () => {
  it("splits on the delimiter outside quotes, keeps quoted line breaks, and numbers records by their first line", () => {
    const rows = readDelimited('a;"b;c";"say ""hi"""\r\n\r\n"multi\nline";x\n  "q" ;\nlast', ";");
    expect(rows).toEqual([
      { line: 1, fields: ["a", "b;c", 'say "hi"'] },
      { line: 3, fields: ["multi\nline", "x"] },
      { line: 5, fields: ["q ", ""] },
      { line: 6, fields: ["last"] },
    ]);
  });

  it("reads amounts as the banks write them", () => {
    expect(["+250,00", "-4,99", "1.043,50", "85,50", "1234.56", "1,234.56", "€ 12", "1.043"].map(parseCents)).toEqual([25000, -499, 104350, 8550, 123456, 123456, 1200, 104300]);
    expect(["12,345", "", "twaalf", "1,2,3"].map(parseCents)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("Rabobank CSV", () => {
  const file = parseBankFile(raw("rabobank-2026-11-12.csv"));

  it("reads every line with Volgnr as the bank's reference", () => {
    expect(file.format).toBe("rabobank-csv");
    expect(file.account).toBe("NL71RABO6627312220");
    expect(file.refused).toEqual([]);
    expect(file.lines.map((l) => l.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(file.lines[0]).toMatchObject({ bookingDate: "2026-11-02", amountCents: 4334, counterIBAN: "NL72INGB0598096747", counterName: "J.P. Jansen" });
    expect(file.lines[0]).toMatchObject({ description: "Maandbijdrage Herenboeren", bankRef: "000000000000004711" });
    expect(file.lines[2]).toMatchObject({ amountCents: -125000, endToEndID: "AKKER-BET-118" });
    expect(file.lines[6]).toMatchObject({ structuredReference: "RF23217233315692", description: "" }); // from Betalingskenmerk
    expect(file.lines[7]).toMatchObject({ amountCents: 13002, creditorID: "NL51ZZZ742519870000" });
    expect(file.lines[8]).toMatchObject({ amountCents: -4334, mandateID: "AKKER-M-0003", description: "Storno incasso Herenboeren bijdrage december 2026" });
    expect(file.lines[8]!.returned).toEqual({ reasonCode: "AC04", reasonText: "AC04 Rekening opgeheven", originalEndToEndID: "AKKER-2026-12-0003" });
    expect(file.lines[9]!.description).toBe('Solidariteitsbijdrage, incl. "extra" groente');
  });

  it("refuses a line it cannot read, alone, with its line number", () => {
    const lines = text("rabobank-2026-11-12.csv").split("\r\n");
    lines[3] = lines[3]!.replace('"2026-11-05"', '"05-13-2026"');
    lines[5] = lines[5]!.replace('"+43,34"', '"+43,3,4"');
    lines[6] = lines[6]!.match(/"[^"]*"/g)!.slice(0, 20).join(",");
    const bad = parseBankFile(bytes(lines.join("\r\n")));
    expect(bad.refused).toEqual([
      { line: 4, code: "bank.line.date", message: 'Not a date: "05-13-2026".' },
      { line: 6, code: "bank.line.amount", message: 'Not an amount: "+43,3,4".' },
      { line: 7, code: "bank.line.fields", message: "Expected 26 fields, found 20." },
    ]);
    expect(bad.lines).toHaveLength(7);
  });
});

describe("ING CSV", () => {
  const semicolon = parseBankFile(raw("ing-2026-11-12-semicolon.csv"));
  const comma = parseBankFile(raw("ing-2026-11-12-comma.csv"));

  it("reads both variants to the same lines and the same keys", () => {
    expect(semicolon.format).toBe("ing-csv");
    expect(comma.format).toBe("ing-csv");
    expect(comma).toEqual(semicolon);
    expect(semicolon.account).toBe("NL77INGB0816834955");
    expect(semicolon.refused).toEqual([]);
  });

  it("signs amounts by Af/Bij and reads Mededelingen", () => {
    const [smit, elAmrani, vdBerg, jansenDec, devries, bakker, supplier, jansenNov] = semicolon.lines;
    expect(semicolon.lines).toHaveLength(8);
    expect(smit).toMatchObject({ bookingDate: "2026-12-08", amountCents: -4334, endToEndID: "AKKER-2026-12-0003" });
    expect(smit!.returned).toEqual({ reasonCode: "AC04", reasonText: "AC04 Rekening opgeheven", originalEndToEndID: "AKKER-2026-12-0003" });
    expect(elAmrani).toMatchObject({ structuredReference: "RF89539321205247", description: "Herenboeren" });
    expect(elAmrani!.endToEndID).toBeUndefined();
    expect(vdBerg).toMatchObject({ structuredReference: "RF23217233315692", description: "bijdrage nov/dec rf23 2172 3331 5692" });
    expect(devries).toMatchObject({ counterName: "M. de Vries", counterIBAN: "NL80ABNA0185427715", description: "Bijdrage Herenboeren december" });
    expect(bakker).toMatchObject({ counterName: "S. Bakker", description: "Bijdrage Herenboeren december" });
    expect(supplier).toMatchObject({ amountCents: -125000, mandateID: "DK-0042", creditorID: "NL98ZZZ302145670000", endToEndID: "DK-2026-118" });
    expect(jansenNov).toMatchObject({ bookingDate: "2026-11-02", description: "Maandbijdrage Herenboeren" });
    expect(jansenDec).toMatchObject({ bookingDate: "2026-12-01", description: "Maandbijdrage Herenboeren" });
  });

  it("reads the English export the same way", () => {
    const [, ...rows] = text("ing-2026-11-12-comma.csv").split("\r\n");
    const english = [
      '"Date","Name / Description","Account","Counterparty","Code","Debit/credit","Amount (EUR)","Transaction type","Notifications"',
      ...rows.map((r) => r.replace('"Af"', '"Debit"').replace('"Bij"', '"Credit"')),
    ].join("\r\n");
    expect(parseBankFile(bytes(english))).toEqual(comma);
  });

  it("refuses a line without Af or Bij, and one with a bad date", () => {
    const lines = text("ing-2026-11-12-semicolon.csv").split("\r\n");
    lines[2] = lines[2]!.replace('"Bij"', '"Plus"');
    lines[3] = lines[3]!.replace('"20261202"', '"2026120"');
    expect(parseBankFile(bytes(lines.join("\r\n"))).refused).toEqual([
      { line: 3, code: "bank.line.direction", message: '"Af Bij" is "Plus", neither Af nor Bij.' },
      { line: 4, code: "bank.line.date", message: 'Not a date: "2026120".' },
    ]);
  });
});

describe("ABN AMRO TXT", () => {
  const file = parseBankFile(raw("abnamro-2026-11-12.TAB"));

  it("reads a Windows-1252 file and finds the counter-party in both description forms", () => {
    expect(file.format).toBe("abnamro-txt");
    expect(file.account).toBe("527371878");
    expect(file.lines.every((l) => l.ownAccount === "527371878")).toBe(true);
    expect(file.refused).toEqual([]);
    const [jansenNov, jansenDec, brouwer, devries, deBoer, smit, card, mulder, interest] = file.lines;
    expect(file.lines).toHaveLength(9);
    expect(jansenNov).toMatchObject({ amountCents: 4334, counterIBAN: "NL72INGB0598096747", counterName: "J.P. Jansen", description: "Maandbijdrage Herenboeren" });
    expect(jansenNov!.endToEndID).toBeUndefined(); // NOTPROVIDED
    expect(jansenDec!.bookingDate).toBe("2026-12-01");
    expect(brouwer).toMatchObject({ counterName: "Zoë Brouwer", counterIBAN: "NL53ABNA5527573706", description: "Bijdrage december" });
    expect(devries).toMatchObject({ counterName: "M. de Vries", description: "Bijdrage december", endToEndID: "2026-12-MDV" });
    expect(deBoer).toMatchObject({ counterName: "K. de Boer", structuredReference: "RF82836142850881" });
    expect(smit).toMatchObject({ amountCents: -4334, mandateID: "AKKER-M-0003", creditorID: "NL51ZZZ742519870000", endToEndID: "AKKER-2026-12-0003" });
    expect(smit!.returned).toEqual({ reasonCode: "AC04", originalEndToEndID: "AKKER-2026-12-0003" });
    expect(card).toMatchObject({ amountCents: -3850, description: "BEA, Betaalpas Café De Zwaan,PAS017 NR:AB12CD, 10.12.26/12:31 Wageningen € 38,50 lunch oogstploeg" });
    expect(mulder).toMatchObject({ counterName: "Mulder & Zn", description: "Solidariteitsbijdrage Herenboeren 2026" });
    expect(interest).toMatchObject({ amountCents: 112, description: "Rente over de periode 01-10-2026 t/m 31-12-2026" });
  });
});

describe("the simple CSV", () => {
  it("still reads, now with signed amounts and one refusal per bad line", () => {
    const file = parseBankFile(raw("simple-2026-12.csv"));
    expect(file.format).toBe("simple-csv");
    expect(file.lines).toMatchObject([
      { line: 2, bookingDate: "2026-12-01", amountCents: 4334, householdID: "hh_01jz8k3m4n5p6q7r8s9t0v1w2x", description: "Bijdrage december Jansen" },
      { line: 3, bookingDate: "2026-12-01", amountCents: 4334, counterIBAN: "NL80ABNA0185427715" },
      { line: 4, amountCents: 104350, structuredReference: "RF23217233315692" },
    ]);
    const bad = parseBankFile(bytes("2026-12-01;-5,00;Terugbetaling;NL80ABNA0185427715\n2026-12-32;5,00;x;NL80ABNA0185427715\n2026-12-01;5,00;x;Jansen\n2026-12-01;5,00\n"));
    expect(bad.lines.map((l) => l.amountCents)).toEqual([-500]);
    expect(bad.refused.map((r) => [r.line, r.code])).toEqual([
      [2, "bank.line.date"],
      [3, "bank.line.account"],
      [4, "bank.line.fields"],
    ]);
  });
});

describe("a file of no known format", () => {
  it("is refused whole with one clear error", () => {
    for (const content of ["", "  \n", "hello world\nthis is not a bank file\n", "a,b,c\n1,2,3\n", "%PDF-1.7\n"]) {
      let error: unknown;
      try {
        parseBankFile(bytes(content));
      } catch (e) {
        error = e;
      }
      expect(error, content).toBeInstanceOf(VisibleError);
      expect((error as VisibleError).code, content).toMatch(/^bank\.file\.(unknown_format|empty)$/);
    }
  });
});
