/*
 * Text and references in SEPA files. The schemes carry only the EPC's Latin
 * set (a–z A–Z 0–9 / - ? : ( ) . , ' + space); other letters are converted
 * as the EPC's conversion table (EPC217-08) and the banks do: accents
 * dropped (é→e, Ö→O), letters without a decomposition written out (ß→ss,
 * Æ→AE, Ø→O, Ł→L), ligatures split (Ĳ→IJ). No script other than Latin is
 * romanised: a name with nothing Latin left is refused where it is entered.
 * Own code, not a transliteration package: those follow language customs
 * (ä→ae) and romanise every script, where the banks' table does neither.
 */

/** Latin letters and marks that Unicode's compatibility decomposition leaves alone. */
const letters: Record<string, string> = {
  ß: "ss", ẞ: "SS", Æ: "AE", æ: "ae", Œ: "OE", œ: "oe", Ø: "O", ø: "o", Ł: "L", ł: "l",
  Đ: "D", đ: "d", Ð: "D", ð: "d", Þ: "TH", þ: "th", Ħ: "H", ħ: "h", ı: "i", ĸ: "k",
  Ŋ: "N", ŋ: "n", Ŧ: "T", ŧ: "t", ſ: "s", ƒ: "f", Ɓ: "B", ƀ: "b", Ƚ: "L", ƚ: "l",
  "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
  "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-", "&": "+", "·": " ",
};

/**
 * A text in the EPC's Latin set, at most `max` characters: converted as
 * above, anything else (quotes, other scripts, control characters) a space,
 * spaces collapsed.
 */
export function sepaText(text: string, max: number) {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7E]|[&`]/g, (c) => letters[c] ?? " ")
    .replace(/[^A-Za-z0-9/?:().,'+ -]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max)
    .trim();
}

/** True when a name keeps a Latin letter in the SEPA set: "王小明" does not, "Łukasz 王" does. */
export function hasLatin(name: string) {
  return /[A-Za-z]/.test(sepaText(name, 70));
}

/**
 * A reference as the EPC allows it (mandate reference, message, payment and
 * end-to-end IDs): 1 to 35 characters of the Latin set, no space at either
 * end, and no "/" at either end nor two in a row.
 */
export function isSepaReference(id: string) {
  return /^[A-Za-z0-9/?:().,'+ -]{1,35}$/.test(id) && id === id.trim() && !id.startsWith("/") && !id.endsWith("/") && !id.includes("//");
}
