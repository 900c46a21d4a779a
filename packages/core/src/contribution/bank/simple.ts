import { parseDate, splitFields } from "../bank-csv";
import { checkRow } from "./columns";
import { findCreditorReference } from "./rf";
import { account, parseCents, present, quote, refusals, type Row } from "./text";
import type { ParsedFile } from "./types";

/*
 * The platform's own simple CSV (described in ../bank-csv.ts): one movement
 * per line, `date;amount;reference;household ID or IBAN`, an optional
 * header. Unlike the old reader it keeps debits (signed amounts) and refuses
 * one line at a time.
 */

/** Whether the first row looks like the simple CSV: a header naming a date, or a date, then 4 or more fields. */
export function isSimple(firstLine: string) {
  const fields = splitFields(firstLine);
  return fields.length >= 4 && (!!parseDate(fields[0]!) || /^(datum|date)$/i.test(fields[0]!));
}

export function readSimple(text: string): ParsedFile {
  const { list: refused, refuse } = refusals();
  const lines: ParsedFile["lines"] = [];
  const rows: Row[] = text.split(/\r?\n/).flatMap((raw, i) => (raw.trim() ? [{ line: i + 1, fields: splitFields(raw) }] : []));
  for (const row of rows) {
    const [dateText = "", amountText = "", description = "", who = ""] = row.fields;
    if (row === rows[0] && /^(datum|date)$/i.test(dateText)) continue;
    const bookingDate = parseDate(dateText);
    const amountCents = parseCents(amountText);
    const problem = checkRow(row, 4, bookingDate, dateText, amountCents, amountText);
    if (problem) {
      refuse(row.line, problem.code, problem.message);
      continue;
    }
    const compact = who.replace(/\s/g, "");
    const household = /^hh_[0-9a-z]{26}$/.test(compact) ? compact : undefined;
    if (!household && !/^[A-Za-z]{2}\d{2}[A-Za-z0-9]{8,30}$/.test(compact)) {
      refuse(row.line, "bank.line.account", `Neither a household ID nor an IBAN: ${quote(who)}.`);
      continue;
    }
    lines.push(
      present({
        line: row.line,
        bookingDate: bookingDate!,
        amountCents: amountCents!,
        currency: "EUR",
        householdID: household,
        counterIBAN: household ? undefined : account(compact),
        description,
        structuredReference: findCreditorReference(description),
      }),
    );
  }
  return { format: "simple-csv", lines, refused };
}
