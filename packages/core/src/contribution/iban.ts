/*
 * IBAN and BIC checks, written here rather than taken from a package (the
 * one used before was 18 kB of the contribution Lambda for these few
 * functions). An IBAN is valid when its country is a SEPA country, it has
 * that country's length and BBAN format (letters, digits or either, as in
 * the IBAN registry), and its check digits are right (mod 97 = 1). The
 * national check digits inside some BBANs (Belgium, Spain, France, …) are
 * not checked: mod 97 already catches any one mistyped digit, two
 * neighbouring digits swapped, and nearly every other typing mistake.
 */

/**
 * The SEPA countries (the list the former package held) with the format of
 * their BBAN: digits (n), capital letters (a) or either (c). The IBAN's
 * length is 4 (country and check digits) plus the BBAN's.
 */
const bbanFormats =
  "AD8n12c AT16n BE12n BG4a6n8c CH5n12c CY8n16c CZ20n DE18n DK14n EE16n ES20n FI14n FR10n11c2n GB4a14n GI4a15c GR7n16c HR17n HU24n IE4c14n " +
  "IS22n IT1a10n12c LI5n12c LT16n LU3n13c LV4a13c MC10n11c2n MT4a5n18c NL4a10n NO11n PL24n PT21n RO4a16c SE20n SI15n SK20n SM1a10n12c VA18n";

const classes = { n: "[0-9]", a: "[A-Z]", c: "[A-Z0-9]" } as const;

const sepaCountries = new Map(
  bbanFormats.split(" ").map((entry) => {
    const format = entry.slice(2).replace(/(\d+)([anc])/g, (_, count: string, kind: keyof typeof classes) => `${classes[kind]}{${count}}`);
    return [entry.slice(0, 2), new RegExp(`^[A-Z]{2}[0-9]{2}${format}$`)];
  }),
);

/** The IBAN countries outside SEPA, with their IBAN's length. */
const otherLengths = new Map(
  (
    "AE23 AL28 AO25 AX18 AZ28 BA20 BF28 BH22 BI27 BJ28 BL27 BR29 BY28 CF27 CG27 CI28 CM27 CR22 CV25 DJ27 DO28 DZ26 EG29 FK18 FO18 GA27 GE22 GF27 " +
    "GL18 GP27 GQ27 GT28 GW25 HN28 IL23 IQ23 IR26 JO30 KM27 KW30 KZ20 LB28 LC32 LY25 MA28 MD24 ME22 MF27 MG27 MK19 ML28 MN20 MQ27 MR27 MU30 MZ25 " +
    "NC27 NE28 NI28 OM23 PF27 PK24 PM27 PS29 QA29 RE27 RS22 RU33 SA24 SC31 SD18 SN28 SO23 ST25 SV28 TD27 TF27 TG28 TL23 TN24 TR26 UA29 VG24 WF27 " +
    "XK20 YE30 YT27"
  )
    .split(" ")
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))]),
);

/** ISO 3166 country codes, for the country in a BIC. */
const isoCountries = new Set(
  (
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJ" +
    "FKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMG" +
    "MHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZ" +
    "TCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW"
  ).match(/../g),
);

/** The IBAN as stored and sent to the bank: no spaces or dashes, capitals. */
export function electronicFormatIBAN(iban: string) {
  return iban.replace(/[- ]/g, "").toUpperCase();
}

/** The IBAN as people read it: groups of four, `NL91 ABNA 0417 1643 00`. */
export function friendlyFormatIBAN(iban: string) {
  return electronicFormatIBAN(iban).replace(/(.{4})(?!$)/g, "$1 ");
}

/**
 * The remainder mod 97 of a code with its letters as numbers (A = 10 … Z =
 * 35), digit by digit so that no number gets large. NaN for other characters.
 */
export function mod97(code: string) {
  let rest = 0;
  for (const char of code) {
    const value = parseInt(char, 36);
    if (Number.isNaN(value) || char !== char.toUpperCase()) return NaN;
    rest = (rest * (value < 10 ? 10 : 100) + value) % 97;
  }
  return rest;
}

/** Country letters, check digits 02 to 98 that are right (mod 97 = 1), and letters or digits. */
function checksumOK(iban: string) {
  return /^[A-Z]{2}(0[2-9]|[1-8][0-9]|9[0-8])[A-Z0-9]+$/.test(iban) && mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

/** A valid IBAN (electronic format) of a SEPA country: length, BBAN format and check digits. */
export function isValidIBAN(iban: string) {
  return !!sepaCountries.get(iban.slice(0, 2))?.test(iban) && checksumOK(iban);
}

/**
 * A valid IBAN of a country outside SEPA (its length and check digits; the
 * BBAN's format not checked): for telling a foreign account, which direct
 * debit cannot reach, from a mistyped one.
 */
export function isIBANOutsideSEPA(iban: string) {
  return otherLengths.get(iban.slice(0, 2)) === iban.length && checksumOK(iban);
}

/** Whether direct debit (SEPA) reaches accounts in this country. */
export function isSEPACountry(countryCode: string) {
  return sepaCountries.has(countryCode);
}

/** The IBAN of an account (BBAN) in a country: the check digits computed. */
export function composeIBAN(countryCode: string, bban: string) {
  const electronic = electronicFormatIBAN(bban);
  const check = 98 - mod97(`${electronic}${countryCode}00`);
  return `${countryCode}${String(check).padStart(2, "0")}${electronic}`;
}

/** A BIC: bank (4 letters), country (ISO), location (2) and optional branch (3), in capitals. */
export function isValidBIC(bic: string) {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic) && isoCountries.has(bic.slice(4, 6));
}

/** Overseas territories whose banks' BICs carry their own country code while the IBAN carries the mother country's. */
const territories: Record<string, string[]> = {
  FI: ["AX"],
  FR: ["GF", "GP", "MQ", "RE", "PF", "TF", "YT", "NC", "BL", "MF", "PM", "WF"],
  GB: ["IM", "JE", "GG"],
};

/** Whether a BIC can be the bank of an IBAN's account: a bank of the IBAN's country (or one of its territories). */
export function bicFitsIBAN(bic: string, iban: string) {
  const country = iban.slice(0, 2);
  const bicCountry = bic.slice(4, 6);
  return bicCountry === country || !!territories[country]?.includes(bicCountry);
}
