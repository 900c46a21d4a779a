import { isDate } from "../../week";
import { electronicFormatIBAN } from "../iban";
import type { BankReturn, Refusal, RefusalCode } from "./types";

/*
 * What the bank's text formats share: records split on a delimiter with
 * optional double quotes, Dutch amounts and dates, and free text that
 * needs its runs of spaces collapsed (ABN AMRO pads fields to 32 columns).
 */

export interface Row {
  /** The 1-based line the record starts on. */
  line: number;
  fields: string[];
}

/**
 * Splits text into records of fields. A field in double quotes may hold the
 * delimiter, a line break or `""` for a quote; empty lines are skipped.
 * Fields are sliced, not built a character at a time: files run to megabytes.
 */
export function readDelimited(text: string, delimiter: string): Row[] {
  const rows: Row[] = [];
  let fields: string[] = [];
  let line = 1;
  let start = 1;
  let pos = 0;
  const endRecord = () => {
    if (fields.length > 1 || fields[0]!.trim()) rows.push({ line: start, fields });
    fields = [];
    start = line;
  };
  while (pos <= text.length) {
    // leading blanks before an opening quote belong to no field
    let at = pos;
    while (text[at] === " " || text[at] === "\t") at++;
    if (text[at] === '"') {
      let value = "";
      let from = at + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        const end = quote === -1 ? text.length : quote;
        const piece = text.slice(from, end);
        for (let i = piece.indexOf("\n"); i !== -1; i = piece.indexOf("\n", i + 1)) line++;
        value += piece;
        if (quote !== -1 && text[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
        } else {
          pos = quote === -1 ? text.length : quote + 1;
          break;
        }
      }
      // anything between the closing quote and the delimiter is kept, as the old reader did
      const stop = nextStop(text, pos, delimiter);
      fields.push(value + text.slice(pos, stop));
      pos = stop;
    } else {
      const stop = nextStop(text, pos, delimiter);
      fields.push(text.slice(pos, stop));
      pos = stop;
    }
    const ch = text[pos];
    if (ch === delimiter) pos++;
    else {
      pos += ch === "\r" && text[pos + 1] === "\n" ? 2 : 1;
      if (ch !== undefined) line++;
      endRecord();
      if (ch === undefined) break;
    }
  }
  return rows;
}

/** The position of the next delimiter or line end from `from`. */
function nextStop(text: string, from: number, delimiter: string) {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === delimiter || ch === "\n" || ch === "\r") return i;
  }
  return text.length;
}

/** Runs of white space as one space, trimmed. */
export function collapse(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/**
 * An amount as Dutch banks write it, in cents: "+250,00", "-4,99",
 * "1.043,50", "85,50", "1234.56", "1,234.56" (the last separator is the
 * decimal one when both appear). Undefined when it is not an amount.
 */
export function parseCents(text: string): number | undefined {
  let s = text.replace(/[\s€]/g, "");
  const negative = s.startsWith("-");
  s = s.replace(/^[+-]/, "");
  const comma = s.lastIndexOf(",");
  const point = s.lastIndexOf(".");
  if (comma !== -1 && point !== -1) s = comma > point ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  else if (comma !== -1) s = s.replace(",", ".");
  else if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, ""); // 1.043 is thousands, not 1.04
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
  return negative ? -cents : cents;
}

/** YYYYMMDD, YYYY-MM-DD or DD-MM-YYYY (also with slashes or dots) → YYYY-MM-DD; undefined when no real date. */
export function parseBankDate(text: string): string | undefined {
  const s = text.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s);
  let date = m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) date = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return date && isDate(date) ? date : undefined;
}

/** An account as the bank wrote it, in electronic format when it looks like an IBAN; undefined when empty. */
export function account(text: string | undefined): string | undefined {
  const compact = (text ?? "").replace(/[\s-]/g, "");
  if (!compact) return undefined;
  return /^[A-Za-z]{2}\d{2}[A-Za-z0-9]{8,30}$/.test(compact) ? electronicFormatIBAN(compact) : compact;
}

/** "NOTPROVIDED" and empty references are no reference. */
export function reference(text: string | undefined): string | undefined {
  const s = (text ?? "").trim();
  return s && s.toUpperCase() !== "NOTPROVIDED" ? s : undefined;
}

/** A return reason code in free text ("Reden: MD06", "/RTRN/AC04/", "MS02 Geweigerd"), for the formats without a field for it. */
export function returnReasonIn(text: string): BankReturn | undefined {
  const m = /(?:\/RTRN\/|\b(?:reden|retourreden|reason|reden retour)\s*:?\s*)([A-Z]{2}\d{2})\b/i.exec(text);
  return m ? { reasonCode: m[1]!.toUpperCase() } : undefined;
}

/** Collects refusals for one file. */
export function refusals() {
  const list: Refusal[] = [];
  return {
    list,
    refuse(line: number, code: RefusalCode, message: string) {
      list.push({ line, code, message });
    },
  };
}

/** A field's value quoted in a message, cut short. */
export function quote(text: string | undefined) {
  const s = collapse(text);
  return `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;
}

/** The canonical form of a column header, for finding columns by name: lower case, letters and digits only. */
export function headerKey(text: string) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** The object without its undefined fields, so that lines carry only what the bank said. */
export function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Text, or undefined when it is empty after collapsing. */
export function some(text: string | undefined): string | undefined {
  return collapse(text) || undefined;
}

/**
 * The values after labels in a bank's free text ("Naam: Jansen Omschrijving:
 * Bijdrage IBAN: NL…"), each up to the next label; the text before the first
 * label under "". Labels are matched case-insensitively and must be followed
 * by a colon; the result's keys are the labels as given.
 */
export function labelled(text: string, labels: readonly string[]): Record<string, string> {
  const pattern = labelPatterns.get(labels) ?? labelPattern(labels);
  const found: Record<string, string> = {};
  let last = 0;
  let label = "";
  for (const m of text.matchAll(pattern)) {
    const value = collapse(text.slice(last, m.index));
    if (!found[label]) found[label] = value;
    label = labels.find((l) => l.toLowerCase() === m[1]!.toLowerCase())!;
    last = m.index + m[0].length;
  }
  if (!found[label]) found[label] = collapse(text.slice(last));
  return found;
}

/** One pattern per list of labels, made once: a file has thousands of lines. */
const labelPatterns = new WeakMap<readonly string[], RegExp>();

function labelPattern(labels: readonly string[]) {
  const escaped = labels.map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?:^|(?<=[\\s.,;]))(${escaped.join("|")}):\\s?`, "gi");
  labelPatterns.set(labels, pattern);
  return pattern;
}
