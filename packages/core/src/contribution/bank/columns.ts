import { headerKey, parseBankDate, parseCents, quote, refusals, type Row } from "./text";
import type { ParsedFile, RefusalCode } from "./types";

/*
 * Columns found by their header's name rather than their position, so that
 * a bank adding a column (ING added "Saldo na mutatie" and "Tag") or
 * exporting in English changes nothing here.
 */

/** A row's fields by column name; `get` gives "" for a column the file lacks. */
export function columnsOf<N extends string>(header: string[], names: Record<N, string[]>) {
  const keys = header.map(headerKey);
  const index = new Map<string, number>(Object.entries<string[]>(names).map(([name, aliases]) => [name, keys.findIndex((k) => aliases.map(headerKey).includes(k))]));
  return {
    has: (name: N) => (index.get(name) ?? -1) >= 0,
    get: (row: Row, name: N) => {
      const i = index.get(name) ?? -1;
      return i >= 0 ? (row.fields[i] ?? "").trim() : "";
    },
  };
}

/** The checks every text row gets: its number of fields, its date, its amount; the refusal's code and message when one fails. */
export function checkRow(
  row: Row,
  expectedFields: number,
  date: string | undefined,
  dateText: string,
  amount: number | undefined,
  amountText: string,
): { code: RefusalCode; message: string } | undefined {
  if (row.fields.length < expectedFields) return { code: "bank.line.fields", message: `Expected ${expectedFields} fields, found ${row.fields.length}.` };
  if (!date) return { code: "bank.line.date", message: `Not a date: ${quote(dateText)}.` };
  if (amount === undefined) return { code: "bank.line.amount", message: `Not an amount: ${quote(amountText)}.` };
  return undefined;
}

type Line = ParsedFile["lines"][number];

/**
 * Reads a file with a header row: each data row with too few fields, no
 * date (column "date") or no amount (column "amount") is refused; the
 * others go to `read`, which gives the line or refuses the row itself.
 */
export function readHeaded<N extends string>(
  rows: Row[],
  names: Record<N | "date" | "amount", string[]>,
  fieldsNeeded: (headerLength: number) => number,
  read: (row: Row, get: (name: N | "date" | "amount") => string, checked: { bookingDate: string; amountCents: number }, refuse: (code: RefusalCode, message: string) => void) => Line | undefined,
): Omit<ParsedFile, "format"> {
  const [header, ...data] = rows;
  const c = columnsOf(header!.fields, names);
  const { list: refused, refuse } = refusals();
  const lines: Line[] = [];
  for (const row of data) {
    const get = (name: N | "date" | "amount") => c.get(row, name);
    const bookingDate = parseBankDate(get("date"));
    const amountCents = parseCents(get("amount"));
    const problem = checkRow(row, fieldsNeeded(header!.fields.length), bookingDate, get("date"), amountCents, get("amount"));
    if (problem) refuse(row.line, problem.code, problem.message);
    else {
      const line = read(row, get, { bookingDate: bookingDate!, amountCents: amountCents! }, (code, message) => refuse(row.line, code, message));
      if (line) lines.push(line);
    }
  }
  return { account: lines.find((l) => l.ownAccount)?.ownAccount, lines, refused };
}
