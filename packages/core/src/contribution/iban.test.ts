import { describe, expect, it } from "vitest";
import { composeIBAN, electronicFormatIBAN, friendlyFormatIBAN, isIBANOutsideSEPA, isSEPACountry, isValidBIC, isValidIBAN, mod97 } from "./iban";

/** Real account numbers of several countries (the IBAN registry's and banks' examples). */
const valid = ["NL91ABNA0417164300", "NL20INGB0001234567", "DE89370400440532013000", "BE68539007547034", "GB82WEST12345698765432", "FR1420041010050500013M02606", "AT611904300234573201", "CH9300762011623852957", "IT60X0542811101000000123456", "ES9121000418450200051332", "NO9386011117947", "MT84MALT011000012345MTLCAST001S"];

describe("IBAN", () => {
  it("accepts real IBANs of SEPA countries", () => {
    for (const iban of valid) expect(isValidIBAN(iban), iban).toBe(true);
  });

  it("refuses a wrong check digit, a mistyped or swapped character", () => {
    expect(isValidIBAN("NL92ABNA0417164300")).toBe(false);
    expect(isValidIBAN("NL91ABNA0417164301")).toBe(false);
    expect(isValidIBAN("NL91ABNA0417163400")).toBe(false);
    expect(isValidIBAN("DE89370400440532013001")).toBe(false);
    expect(isValidIBAN("GB82WEST12345698765423")).toBe(false);
    expect(isValidIBAN("FR1420041010050500013M02607")).toBe(false);
  });

  it("refuses check digits 00, 01 and 99 even where mod 97 comes out right", () => {
    // 97 ≡ 00 and 98 ≡ 01 (mod 97): the registry only issues 02 to 98
    expect(isValidIBAN("LI97312004Q5201588ZRG")).toBe(true);
    expect(isValidIBAN("LI00312004Q5201588ZRG")).toBe(false);
    expect(isValidIBAN("NL98INGB0000000002")).toBe(true);
    expect(isValidIBAN("NL01INGB0000000002")).toBe(false);
  });

  it("refuses the wrong length or BBAN format of the country", () => {
    expect(isValidIBAN("NL91ABNA041716430")).toBe(false);
    expect(isValidIBAN("NL91ABNA04171643000")).toBe(false);
    expect(isValidIBAN("NL20INGB0001")).toBe(false);
    expect(isValidIBAN("BE68539007547034" + "0")).toBe(false);
    // right check digits, but an NL bank code has no digits
    expect(isValidIBAN("NL26A7NA0417164300")).toBe(false);
    expect(isValidIBAN("NL91ABNA04171643-0")).toBe(false);
    expect(isValidIBAN("")).toBe(false);
    expect(isValidIBAN("HELLO")).toBe(false);
  });

  it("is for SEPA countries; a valid IBAN elsewhere is known as such", () => {
    expect(isValidIBAN("TR330006100519786457841326")).toBe(false);
    expect(isIBANOutsideSEPA("TR330006100519786457841326")).toBe(true);
    expect(isIBANOutsideSEPA("TR330006100519786457841327")).toBe(false);
    expect(isIBANOutsideSEPA("NL91ABNA0417164300")).toBe(false);
    // the US has no IBAN
    expect(isIBANOutsideSEPA("US64SVBKUS6S3300958879")).toBe(false);
    for (const c of ["NL", "DE", "BE", "FR", "GB", "CH", "NO", "IS", "LI", "MC", "SM", "VA", "AD", "GI"]) expect(isSEPACountry(c), c).toBe(true);
    for (const c of ["TR", "US", "RU", "nl", "XX", ""]) expect(isSEPACountry(c), c).toBe(false);
  });

  it("takes input with spaces, dashes and small letters in electronic format", () => {
    expect(electronicFormatIBAN(" nl91 abna 0417 1643 00 ")).toBe("NL91ABNA0417164300");
    expect(electronicFormatIBAN("NL91-ABNA-0417-1643-00")).toBe("NL91ABNA0417164300");
    expect(isValidIBAN(electronicFormatIBAN("be68 5390 0754 7034"))).toBe(true);
    // validity itself is of the electronic format
    expect(isValidIBAN("nl91abna0417164300")).toBe(false);
    expect(isValidIBAN("NL91 ABNA 0417 1643 00")).toBe(false);
  });

  it("writes the friendly format in groups of four", () => {
    expect(friendlyFormatIBAN("NL91ABNA0417164300")).toBe("NL91 ABNA 0417 1643 00");
    expect(friendlyFormatIBAN("FR1420041010050500013M02606")).toBe("FR14 2004 1010 0505 0001 3M02 606");
    expect(friendlyFormatIBAN("BE68539007547034")).toBe("BE68 5390 0754 7034");
    expect(friendlyFormatIBAN("nl91 abna0417164300")).toBe("NL91 ABNA 0417 1643 00");
  });

  it("composes an IBAN from a country and account", () => {
    expect(composeIBAN("NL", "ABNA0417164300")).toBe("NL91ABNA0417164300");
    expect(composeIBAN("DE", "370400440532013000")).toBe("DE89370400440532013000");
    expect(composeIBAN("GB", "WEST12345698765432")).toBe("GB82WEST12345698765432");
    expect(composeIBAN("NL", "INGB0000000002")).toBe("NL98INGB0000000002");
    for (const iban of valid) expect(composeIBAN(iban.slice(0, 2), iban.slice(4))).toBe(iban);
  });

  it("computes mod 97 of long codes exactly", () => {
    // 3214282912345698765432161182 mod 97 = 1 (Wikipedia's GB example)
    expect(mod97("WEST12345698765432GB82")).toBe(1);
    expect(mod97("3214282912345698765432161182")).toBe(1);
    expect(mod97("ab")).toBeNaN();
    expect(mod97("A-B")).toBeNaN();
  });
});

describe("BIC", () => {
  it("accepts 8 and 11 characters with a real country", () => {
    for (const bic of ["ABNANL2A", "INGBNL2A", "RABONL2U", "DEUTDEFF", "DEUTDEFF500", "NEDSZAJJXXX", "BNPAFRPPXXX", "GEBABEBB"]) expect(isValidBIC(bic), bic).toBe(true);
  });

  it("refuses other lengths, digits in bank or country, spaces, small letters and unknown countries", () => {
    for (const bic of ["", "ABNANL2", "ABNANL2AX", "ABNANL2AXX", "ABNANL2AXXXX", "ABN4NL2A", "ABNAN12A", "ABNA NL 2A", "abnanl2a", "ABNAXX2A", "ABNAZZ2A"]) expect(isValidBIC(bic), bic).toBe(false);
  });
});
