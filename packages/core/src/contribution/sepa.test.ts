import { describe, expect, it } from "vitest";
import { validatePain008 } from "../../../../test/setup/xsd";
import { collectionDate, directDebitXML, sepaText, type Collection } from "./sepa";

const creditor = { name: "Herenboerderij De Akker", iban: "NL91ABNA0417164300", creditorID: "NL69ZZZ123456780000" };

function collection(n: number, sequence: Collection["sequence"]): Collection {
  return {
    householdID: `hh_${n}`,
    name: `Jansen-Ötzi & Zn. (${n})`,
    iban: "NL20INGB0001234567",
    mandateID: `AKKER-${n}`,
    signedOn: "2026-12-15",
    amountCents: 4334 + n,
    sequence,
    endToEndID: `202703-${n}`,
    remittance: "Bijdrage maart 2027 Herenboerderij De Akker",
  };
}

describe("the SEPA direct-debit file", () => {
  it("is a valid pain.008.001.02 with FRST and RCUR in their own blocks", async () => {
    const xml = directDebitXML({
      messageID: "AKKER-202703-TEST",
      created: new Date("2027-02-20T10:00:00Z"),
      collectionDate: "2027-03-01",
      creditor,
      collections: [collection(1, "FRST"), collection(2, "RCUR"), collection(3, "RCUR")],
    });
    const result = await validatePain008(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain('xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"');
    expect(xml.match(/<SeqTp>FRST<\/SeqTp>/g)).toHaveLength(1);
    expect(xml.match(/<SeqTp>RCUR<\/SeqTp>/g)).toHaveLength(1);
    expect(xml.match(/<DrctDbtTxInf>/g)).toHaveLength(3);
    expect(xml).toContain("<CtrlSum>130.08</CtrlSum>");
    expect(xml).toContain('<InstdAmt Ccy="EUR">43.35</InstdAmt>');
    expect(xml).toContain("<ReqdColltnDt>2027-03-01</ReqdColltnDt>");
    expect(xml).toContain("<DtOfSgntr>2026-12-15</DtOfSgntr>");
    expect(xml).toContain("<Nm>Jansen-Otzi + Zn. (1)</Nm>");
    // and the check bites: a sequence type that does not exist is refused
    expect((await validatePain008(xml.replace("<SeqTp>FRST</SeqTp>", "<SeqTp>ONCE</SeqTp>"))).valid).toBe(false);
  });

  it("keeps names in the SEPA character set", () => {
    expect(sepaText("Müller & Søn — ‘t Hof", 70)).toBe("Muller + S n t Hof");
    expect(sepaText("x".repeat(80), 70)).toHaveLength(70);
  });

  it("asks for the due date, or two days on when it is too close, never on a weekend", () => {
    expect(collectionDate("2027-03-01", "2027-02-20")).toBe("2027-03-01");
    // 1 May 2027 is a Saturday
    expect(collectionDate("2027-05-01", "2027-04-20")).toBe("2027-05-03");
    expect(collectionDate("2027-03-01", "2027-03-01")).toBe("2027-03-03");
    expect(collectionDate("2027-03-01", "2027-02-28")).toBe("2027-03-02");
  });
});
