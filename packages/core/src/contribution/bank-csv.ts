import type { Issue } from "../error";
import { isDate } from "./rules";

/*
 * The bank statement format the payment import reads: one credit per line,
 * four fields separated by semicolons (as Dutch banks export), an optional
 * header line, fields optionally in double quotes.
 *
 *   datum;bedrag;omschrijving;rekening
 *   2027-03-02;43,34;Bijdrage maart Jansen;hh_01j…
 *   02-03-2027;1.043,50;Bijdrage Q2;NL91 ABNA 0417 1643 00
 *
 * - date: YYYY-MM-DD or DD-MM-YYYY;
 * - amount: euros with a decimal comma or point (thousands separators and €
 *   allowed); debits (negative amounts) are skipped: they are not payments;
 * - reference: the bank's description or payment reference, the key that
 *   keeps a payment from being recorded twice;
 * - household: a household ID (hh_…), or the IBAN it paid from, matched to
 *   the households' active mandates (bank-match.ts).
 *
 * The reader of every bank format (bank/index.ts) reads this one too
 * (bank/simple.ts, with these helpers), one refused line at a time.
 */

export interface BankLine {
  line: number;
  date: string;
  amountCents: number;
  reference: string;
  /** Exactly one of these two. */
  householdID?: string;
  iban?: string;
}

export interface ParsedStatement {
  lines: BankLine[];
  skipped: { line: number; reason: string }[];
  issues: Issue[];
}

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

/**
 * Reads a bank statement. Lines that cannot be read become issues (the
 * import then records nothing); debits are skipped with a reason.
 */
export function parseBankCSV(text: string): ParsedStatement {
  const result: ParsedStatement = { lines: [], skipped: [], issues: [] };
  const rows = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  rows.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const fields = splitFields(raw);
    const [dateText = "", amountText = "", reference = "", who = ""] = fields;
    // a header: the first line, not starting with a date
    if (line === 1 && !parseDate(dateText) && /dat|date/i.test(dateText)) return;
    const problem = (message: string) => result.issues.push({ path: `line ${line}`, message });
    if (fields.length < 4) return problem("Expected 4 fields: date;amount;reference;household or IBAN.");
    const date = parseDate(dateText);
    if (!date) return problem(`Not a date: "${dateText.slice(0, 40)}".`);
    const amountCents = parseAmount(amountText);
    if (amountCents === undefined) return problem(`Not an amount: "${amountText.slice(0, 40)}".`);
    if (!reference) return problem("The reference is empty.");
    if (reference.length > 140) return problem("The reference is longer than 140 characters.");
    if (amountCents <= 0) {
      result.skipped.push({ line, reason: amountCents === 0 ? "zero amount" : "debit, not a payment" });
      return;
    }
    const compact = who.replace(/\s/g, "");
    if (/^hh_[0-9a-z]{26}$/.test(compact)) result.lines.push({ line, date, amountCents, reference, householdID: compact });
    else if (/^[A-Za-z]{2}\d{2}[A-Za-z0-9]{8,30}$/.test(compact)) result.lines.push({ line, date, amountCents, reference, iban: compact.toUpperCase() });
    else problem(`Neither a household ID nor an IBAN: "${who.slice(0, 40)}".`);
  });
  return result;
}
