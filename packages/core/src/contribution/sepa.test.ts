import { describe, expect, it } from "vitest";
import { validatePain008 } from "../../../../test/setup/xsd";
import { collectionProblem, directDebitXML, type Collection } from "./sepa-xml";

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
      created: "2027-02-20T11:00:00+01:00",
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

  it("writes, element for element, the document the `sepa` package wrote, with the zone and BtchBookg of our choice", async () => {
    // made by that package (3.0.0) from this very input before it was replaced; since then CreDtTm carries its zone
    // and each collection is booked on its own (BtchBookg false)
  const expected = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02 pain.008.001.02.xsd">',
    "<CstmrDrctDbtInitn><GrpHdr><MsgId>AKKER-202703-TEST</MsgId><CreDtTm>2027-02-20T11:05:09+01:00</CreDtTm><NbOfTxs>2</NbOfTxs>",
    "<CtrlSum>43.45</CtrlSum><InitgPty><Nm>Herenboerderij De Akker</Nm></InitgPty></GrpHdr><PmtInf><PmtInfId>AKKER-202703-TEST.0</PmtInfId>",
    "<PmtMtd>DD</PmtMtd><BtchBookg>false</BtchBookg><NbOfTxs>1</NbOfTxs><CtrlSum>43.35</CtrlSum><PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl>",
    "<LclInstrm><Cd>CORE</Cd></LclInstrm><SeqTp>FRST</SeqTp></PmtTpInf><ReqdColltnDt>2027-03-01</ReqdColltnDt><Cdtr>",
    "<Nm>Herenboerderij De Akker</Nm></Cdtr><CdtrAcct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></CdtrAcct><CdtrAgt><FinInstnId><BIC>ABNANL2A</BIC>",
    "</FinInstnId></CdtrAgt><ChrgBr>SLEV</ChrgBr><CdtrSchmeId><Id><PrvtId><Othr><Id>NL69ZZZ123456780000</Id><SchmeNm><Prtry>SEPA</Prtry>",
    "</SchmeNm></Othr></PrvtId></Id></CdtrSchmeId><DrctDbtTxInf><PmtId><InstrId>AKKER-202703-TEST.0.0</InstrId><EndToEndId>202703-1</EndToEndId>",
    '</PmtId><InstdAmt Ccy="EUR">43.35</InstdAmt><DrctDbtTx><MndtRltdInf><MndtId>AKKER-1</MndtId><DtOfSgntr>2026-12-15</DtOfSgntr>',
    "<AmdmntInd>false</AmdmntInd></MndtRltdInf></DrctDbtTx><DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt><Dbtr>",
    "<Nm>Jansen-Otzi + Zn.</Nm></Dbtr><DbtrAcct><Id><IBAN>NL20INGB0001234567</IBAN></Id></DbtrAcct><RmtInf>",
    "<Ustrd>Bijdrage maart 2027 Herenboerderij De Akker</Ustrd></RmtInf></DrctDbtTxInf></PmtInf><PmtInf><PmtInfId>AKKER-202703-TEST.1</PmtInfId>",
    "<PmtMtd>DD</PmtMtd><BtchBookg>false</BtchBookg><NbOfTxs>1</NbOfTxs><CtrlSum>0.10</CtrlSum><PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl><LclInstrm>",
    "<Cd>CORE</Cd></LclInstrm><SeqTp>RCUR</SeqTp></PmtTpInf><ReqdColltnDt>2027-03-01</ReqdColltnDt><Cdtr><Nm>Herenboerderij De Akker</Nm></Cdtr>",
    "<CdtrAcct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></CdtrAcct><CdtrAgt><FinInstnId><BIC>ABNANL2A</BIC></FinInstnId></CdtrAgt>",
    "<ChrgBr>SLEV</ChrgBr><CdtrSchmeId><Id><PrvtId><Othr><Id>NL69ZZZ123456780000</Id><SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id>",
    "</CdtrSchmeId><DrctDbtTxInf><PmtId><InstrId>AKKER-202703-TEST.1.0</InstrId><EndToEndId>202703-2</EndToEndId></PmtId>",
    '<InstdAmt Ccy="EUR">0.10</InstdAmt><DrctDbtTx><MndtRltdInf><MndtId>O&apos;BRIEN/1</MndtId><DtOfSgntr>2027-01-02</DtOfSgntr>',
    "<AmdmntInd>false</AmdmntInd></MndtRltdInf></DrctDbtTx><DbtrAgt><FinInstnId><BIC>DEUTDEFF500</BIC></FinInstnId></DbtrAgt><Dbtr>",
    "<Nm>O&apos;Brien</Nm></Dbtr><DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct><RmtInf><Ustrd>Bijdrage maart 2027</Ustrd>",
    "</RmtInf></DrctDbtTxInf></PmtInf></CstmrDrctDbtInitn></Document>",
  ].join("");
    const xml = directDebitXML({
      messageID: "AKKER-202703-TEST",
      created: "2027-02-20T11:05:09+01:00",
      collectionDate: "2027-03-01",
      creditor: { ...creditor, bic: "ABNANL2A" },
      collections: [
        { ...collection(1, "FRST"), name: "Jansen-Ötzi & Zn.", amountCents: 4335 },
        { ...collection(2, "RCUR"), name: "O'Brien", iban: "DE89370400440532013000", bic: "DEUTDEFF500", mandateID: "O'BRIEN/1", signedOn: "2027-01-02", amountCents: 10, remittance: "Bijdrage maart 2027" },
      ],
    });
    expect(xml).toBe(expected);
    expect((await validatePain008(xml)).errors).toEqual([]);
  });

  it("escapes text for XML and keeps the control sums exact to the cent", async () => {
    const amounts = [10, 20, 1, 99_999_999, 33, 7, 4335];
    const collections = Array.from({ length: 210 }, (_, i) => ({ ...collection(i, i % 3 ? "RCUR" : "FRST"), amountCents: amounts[i % amounts.length]! }));
    collections[0] = { ...collections[0]!, mandateID: "A'B (1)/2", name: `<Smit> & "Zn" 'x'` };
    const xml = directDebitXML({ messageID: "M-1", created: "2027-01-01T00:00:00+01:00", collectionDate: "2027-03-01", creditor, collections });
    expect((await validatePain008(xml)).errors).toEqual([]);
    expect(xml).toContain("<MndtId>A&apos;B (1)/2</MndtId>");
    expect(xml).toContain("<Nm>Smit + Zn &apos;x&apos;</Nm>");
    const cents = (list: typeof collections) => list.reduce((n, c) => n + c.amountCents, 0);
    const euros = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, "0")}`;
    const first = collections.filter((c) => c.sequence === "FRST");
    const recurring = collections.filter((c) => c.sequence === "RCUR");
    const sums = [...xml.matchAll(/<CtrlSum>([^<]*)<\/CtrlSum>/g)].map((m) => m[1]);
    const counts = [...xml.matchAll(/<NbOfTxs>([^<]*)<\/NbOfTxs>/g)].map((m) => m[1]);
    expect(sums).toEqual([euros(cents(collections)), euros(cents(first)), euros(cents(recurring))]);
    expect(counts).toEqual(["210", "70", "140"]);
    expect(xml).toContain('<InstdAmt Ccy="EUR">999999.99</InstdAmt>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">0.01</InstdAmt>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">0.07</InstdAmt>');
  });

  it("numbers the payment blocks it writes: only RCUR is block 0", () => {
    const xml = directDebitXML({ messageID: "M-2", created: "2027-01-01T00:00:00+01:00", collectionDate: "2027-03-01", creditor, collections: [collection(1, "RCUR")] });
    expect(xml).toContain("<PmtInfId>M-2.0</PmtInfId>");
    expect(xml).toContain("<InstrId>M-2.0.0</InstrId>");
    expect(xml).not.toContain("FRST");
  });

  it("makes no file the bank would refuse", () => {
    const make = (changes: Partial<Collection>, cred: Partial<typeof creditor> & { bic?: string } = {}) => () =>
      directDebitXML({ messageID: "M-3", created: "2027-01-01T00:00:00+01:00", collectionDate: "2027-03-01", creditor: { ...creditor, ...cred }, collections: [{ ...collection(1, "FRST"), ...changes }] });
    expect(make({})).not.toThrow();
    expect(make({ iban: "NL20INGB0001234568" })).toThrow(/^SEPA file: iban of/);
    expect(make({ amountCents: 0 })).toThrow(/amount/);
    expect(make({ amountCents: 12.5 })).toThrow(/amount/);
    expect(make({ bic: "DEUTDEFF" })).toThrow(/^SEPA file: bic of/);
    expect(make({ bic: "INGBNL2" })).toThrow(/^SEPA file: bic of/);
    expect(make({ bic: "INGBNL2A" })).not.toThrow();
    expect(make({ mandateID: "x".repeat(36) })).toThrow(/mandate_reference/);
    expect(make({ mandateID: "/X" })).toThrow(/mandate_reference/);
    expect(make({ endToEndID: "a//b" })).toThrow(/end-to-end ID/);
    expect(make({ signedOn: "2026-02-30" })).toThrow(/signature_date/);
    expect(make({}, { creditorID: "NL70ZZZ123456780000" })).toThrow(/creditor ID/);
    expect(make({}, { iban: "NL91ABNA0417164301" })).toThrow(/IBAN/);
    // text that is no reference, or that XML cannot hold (names are made SEPA text first)
    expect(make({ endToEndID: "a\u0001b" })).toThrow(/end-to-end ID/);
    expect(make({ name: "bad \u0001 name" })).not.toThrow();
    expect(make({ name: "王小明" })).toThrow(/account_holder/);
  });

  it("tells why a collection would be refused, so a run can leave it out", () => {
    const c = collection(1, "RCUR");
    expect(collectionProblem(c)).toBeUndefined();
    for (const mandateID of ["/X", "A//B", "X/", " X", "x".repeat(36), "A_B", ""]) expect(collectionProblem({ ...c, mandateID }), mandateID).toBe("mandate_reference");
    expect(collectionProblem({ ...c, name: "王小明" })).toBe("account_holder");
    expect(collectionProblem({ ...c, iban: "NL20INGB0001234568" })).toBe("iban");
    expect(collectionProblem({ ...c, bic: "DEUTDEFF" })).toBe("bic");
    expect(collectionProblem({ ...c, signedOn: "2026-02-30" })).toBe("signature_date");
    expect(collectionProblem({ ...c, amountCents: 0 })).toBe("amount");
  });

  it("refuses a creation time without its zone", () => {
    const make = (created: string) => () => directDebitXML({ messageID: "M-4", created, collectionDate: "2027-03-01", creditor, collections: [collection(1, "FRST")] });
    expect(make("2027-02-20T11:05:09")).toThrow(/zone/);
    expect(make("2027-02-20T10:05:09Z")).not.toThrow();
  });
});
