import { isDate } from "./rules";

/*
 * The field readers of the platform's own simple CSV (read by bank/simple.ts):
 * four fields separated by semicolons (as Dutch banks export), an optional
 * header line, fields optionally in double quotes.
 *
 *   datum;bedrag;omschrijving;rekening
 *   2027-03-02;43,34;Bijdrage maart Jansen;hh_01j…
 *   02-03-2027;1.043,50;Bijdrage Q2;NL91 ABNA 0417 1643 00
 *
 * - date: YYYY-MM-DD or DD-MM-YYYY;
 * - amount: euros with a decimal comma or point (thousands separators and €
 *   allowed); negative for a debit;
 * - description: the payer's words;
 * - household: a household ID (hh_…), or the IBAN it paid from.
 *
 * Importing it is the bank import's business (bank-import.ts), as for every
 * other format.
 */

/** Splits one line on `;`, honouring double quotes ("" is a quote inside quotes). */
export function splitFields(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((f) => f.trim());
}

/** "1.043,50", "43.34", "€ 12", "-5,00" → cents; undefined when it is not an amount. */
export function parseAmount(text: string): number | undefined {
  let s = text.replace(/[€\s]/g, "");
  const negative = s.startsWith("-");
  s = s.replace(/^[+-]/, "");
  if (s.includes(",")) s = s.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, ""); // 1.043 is thousands, not 1.04
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
  return negative ? -cents : cents;
}

/** YYYY-MM-DD or DD-MM-YYYY (also with slashes) → YYYY-MM-DD. */
export function parseDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const nl = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(text);
  const date = iso ? text : nl ? `${nl[3]}-${nl[2]!.padStart(2, "0")}-${nl[1]!.padStart(2, "0")}` : undefined;
  return date && isDate(date) ? date : undefined;
}
