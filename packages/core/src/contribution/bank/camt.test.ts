import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { VisibleError } from "../../error";
import { parseBankFile } from "./index";

const fixture = (name: string) => readFileSync(new URL(`../../../../../test/fixtures/camt/${name}`, import.meta.url), "utf8");
const bytes = (text: string) => new TextEncoder().encode(text);
const v02 = fixture("rabobank-2026-12.camt053.v02.xml");
const v08 = fixture("ing-2027-01.camt053.v08.xml");

/** Validates against the official schema (libxml2 in WebAssembly). */
async function validate(xml: string, version: "02" | "08") {
  const xsd = `camt.053.001.${version}.xsd`;
  const result = await validateXML({ xml: [{ fileName: "statement.xml", contents: xml }], schema: [{ fileName: xsd, contents: fixture(xsd) }] });
  return result.errors.map((e) => e.message);
}

function refusedWith(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (e instanceof VisibleError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("camt.053 statements", () => {
  it("has fixtures that the official XSDs accept", async () => {
    expect(await validate(v02, "02")).toEqual([]);
    expect(await validate(v08, "08")).toEqual([]);
  });

  it("reads a .001.02 statement: transfers, a structured reference, a batch in detail and as a total, a return, a reversal", () => {
    const file = parseBankFile(bytes(v02));
    expect(file.format).toBe("camt053");
    expect(file.account).toBe("NL71RABO6627312220");
    expect(file.refused).toEqual([]);
    const [jansen, devries, vdberg, b1, b2, b3, total, returned, supplier, reversal, mulder] = file.lines;
    expect(file.lines).toHaveLength(11);
    expect(jansen).toMatchObject({ bookingDate: "2026-12-01", amountCents: 4334, currency: "EUR", counterIBAN: "NL72INGB0598096747", counterName: "J.P. Jansen" });
    expect(jansen).toMatchObject({ description: "Bijdrage Herenboeren december", bankRef: "RABO2026120100481731" });
    expect(jansen!.endToEndID).toBeUndefined(); // NOTPROVIDED
    expect(devries).toMatchObject({ description: "Bijdrage Herenboeren december", counterIBAN: "NL80ABNA0185427715" });
    expect(vdberg).toMatchObject({ amountCents: 8668, structuredReference: "RF23217233315692", endToEndID: "VDB-2026-12" });
    for (const [line, iban, e2e] of [
      [b1, "NL19SNSB6902145008", "AKKER-2026-12-0001"],
      [b2, "NL42TRIO5500508830", "AKKER-2026-12-0002"],
      [b3, "NL55KNAB5588810376", "AKKER-2026-12-0003"],
    ] as const) {
      expect(line).toMatchObject({ amountCents: 4334, counterIBAN: iban, endToEndID: e2e, bankRef: `RABO2026120300090001/${e2e}` });
      expect(line!.batch).toEqual({ paymentInfoID: "AKKER-2026-12-RCUR", transactions: 3, totalCents: 13002, kind: "detailed" });
    }
    expect(b1!.mandateID).toBe("AKKER-M-0001");
    expect(total).toMatchObject({ amountCents: 17336, description: "SEPA Incasso batch AKKER-2026-12-FRST" });
    expect(total!.batch).toEqual({ paymentInfoID: "AKKER-2026-12-FRST", transactions: 4, totalCents: 17336, kind: "total" });
    expect(returned).toMatchObject({ amountCents: -4334, counterIBAN: "NL55KNAB5588810376", counterName: "R. Smit", mandateID: "AKKER-M-0003" });
    expect(returned!.returned).toEqual({ reasonCode: "AC04", reasonText: "Rekening opgeheven", originalEndToEndID: "AKKER-2026-12-0003" });
    // money out: the other party is the creditor; CDATA and entities read as text
    expect(supplier).toMatchObject({ amountCents: -125000, counterName: "Zaadhandel De Kiem B.V.", counterIBAN: "NL21RABO0047758597" });
    expect(supplier!.description).toBe("Factuur 2026-118 zaaizaad & pootgoed");
    expect(reversal!.returned).toEqual({ reversal: true, originalEndToEndID: "AKKER-BET-121" });
    expect(mulder).toMatchObject({ counterName: "Mulder & Zn", structuredReference: "RF82836142850881" });
    // lines point at the <Ntry> (or, in a batch, the <TxDtls>) in the file
    const sourceLines = v02.split("\n");
    expect(sourceLines[jansen!.line - 1]).toMatch(/<Ntry>/);
    expect(sourceLines[b2!.line - 1]).toMatch(/<TxDtls>/);
  });

  it("reads a .001.08 statement: amounts on TxDtls, names under Pty, refunds and refusals by the payer", () => {
    const file = parseBankFile(bytes(v08));
    expect(file.account).toBe("NL77INGB0816834955");
    expect(file.lines.map((l) => l.amountCents)).toEqual([4334, 8668, 4334, 4334, -4334, -4334, 4334, 4334]);
    const [jansen, , bakker, meijer, refund, refusal, twice1, twice2] = file.lines;
    expect(jansen).toMatchObject({ counterName: "J.P. Jansen", description: "Bijdrage Herenboeren januari" });
    expect(bakker!.batch).toMatchObject({ transactions: 2, kind: "detailed", paymentInfoID: "AKKER-2027-01-RCUR" });
    expect(meijer).toMatchObject({ counterName: "A. Meijer", mandateID: "AKKER-M-0004" });
    expect(refund!.returned).toEqual({ reasonCode: "MD06", reasonText: "Terugboeking op verzoek van de debiteur", originalEndToEndID: "AKKER-2026-11-0002" });
    expect(refusal!.returned).toEqual({ reasonCode: "MS02", originalEndToEndID: "AKKER-2027-01-0002" });
    // no AcctSvcrRef: the same payment made twice is two lines with two keys
    expect(twice1!.bankRef).toBeUndefined();
    expect(twice1!.key).not.toBe(twice2!.key);
  });

  it("reads a statement whose elements carry a namespace prefix the same way", () => {
    const prefixed = v02
      .replace(/<(\/?)([A-Z][A-Za-z]*)/g, "<$1camt:$2")
      .replace('xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"', 'xmlns:camt="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"');
    expect(parseBankFile(bytes(prefixed))).toEqual(parseBankFile(bytes(v02)));
  });

  it("refuses an entry it cannot read, alone, with its line; the rest of the file still reads", () => {
    const bad = v02
      .replace("<Amt Ccy=\"EUR\">86.68</Amt>", "<Amt Ccy=\"EUR\">86,68</Amt>")
      .replace("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>DEBIT</CdtDbtInd>")
      .replace("<Sts>BOOK</Sts>", "<Sts>PDNG</Sts>");
    const file = parseBankFile(bytes(bad));
    expect(file.refused.map((r) => r.code)).toEqual(["bank.line.entry", "bank.line.amount", "bank.line.direction"]);
    const lines = bad.split("\n");
    for (const r of file.refused) expect(lines[r.line - 1]).toMatch(/<Ntry>/);
    expect(file.refused[1]!.message).toContain('"86,68"');
    expect(file.lines).toHaveLength(8);
  });

  it("refuses a whole file only when it is not a readable camt.053", () => {
    expect(refusedWith(() => parseBankFile(bytes(v02.replace("</Stmt>", "</Statement>")))).code).toBe("bank.file.xml");
    const broken = refusedWith(() => parseBankFile(bytes(v02.replace("Mulder &amp; Zn", "Mulder & Zn"))));
    expect(broken.issues?.[0]?.path).toBe(`line ${v02.split("\n").findIndex((l) => l.includes("Mulder &amp; Zn")) + 1}`);
    const camt054 = v02.replaceAll("camt.053.001.02", "camt.054.001.02").replaceAll("BkToCstmrStmt", "BkToCstmrDbtCdtNtfctn");
    expect(refusedWith(() => parseBankFile(bytes(camt054))).code).toBe("bank.file.not_camt053");
    expect(refusedWith(() => parseBankFile(bytes(v02.replaceAll("camt.053.001.02", "pain.008.001.02")))).code).toBe("bank.file.not_camt053");
  });

  it("accepts the other versions by namespace", () => {
    const v04 = v08.replaceAll("camt.053.001.08", "camt.053.001.04");
    expect(parseBankFile(bytes(v04)).lines).toEqual(parseBankFile(bytes(v08)).lines.map((l) => ({ ...l, key: expect.any(String) })));
  });
});
