import { checkRow } from "./columns";
import { findCreditorReference, isValidCreditorReference, electronicFormatRF } from "./rf";
import { account, collapse, labelled, parseBankDate, parseCents, present, reference, refusals, returnReasonIn, some, type Row } from "./text";
import type { ParsedFile, ParsedLine } from "./types";

/*
 * ABN AMRO's TXT export (TXT<date>.TAB): tab-separated, no header, 8 fields:
 * account, currency, transaction date (YYYYMMDD), opening balance, closing
 * balance, interest date, signed amount ("-25,00", "261,75"), description.
 * The counter-party is inside the description, in one of two forms:
 *
 * - the structured one of SEPA (as in MT940 :86:): `/TRTP/SEPA OVERBOEKING
 *   /IBAN/NL…/BIC/…/NAME/…/REMI/…/EREF/…` (also CSID, MARF, RTRN, …);
 * - the older one in columns of 32 characters: `SEPA Overboeking  IBAN: …
 *   BIC: …  Naam: …  Omschrijving: …  Kenmerk: …` (also Incassant:,
 *   Machtiging:), or free text for card payments and interest.
 *
 * ABN AMRO gives no reference of its own for a line.
 */

const slashTags = ["TRTP", "IBAN", "BIC", "NAME", "REMI", "EREF", "CSID", "MARF", "RTRN", "ORDP", "BENM", "ADDR", "ISDT", "PREF", "ULTC", "ULTD", "PURP", "CNTP", "SVCL"];
const slashPattern = new RegExp(`/(${slashTags.join("|")})/`, "g");

const labels = ["IBAN", "BIC", "Naam", "Omschrijving", "Kenmerk", "Machtiging", "Incassant", "Voor", "Betalingskenm."] as const;

/** The fields of the structured (slash) description. REMI may itself be `USTD//text` or `STRD/CUR/RF…`. */
function slashFields(text: string) {
  const found: Record<string, string> = {};
  const marks = [...text.matchAll(slashPattern)];
  marks.forEach((m, i) => {
    const end = marks[i + 1]?.index ?? text.length;
    found[m[1]!] ??= collapse(text.slice(m.index + m[0].length, end)).replace(/\/$/, "");
  });
  const remi = found.REMI ?? "";
  if (/^USTD\/\//.test(remi)) found.REMI = remi.slice(6);
  const structured = /^STRD\/CUR\/(.*)$/.exec(remi);
  if (structured) found.REMI = structured[1]!;
  return found;
}

type Details = Pick<ParsedLine, "counterIBAN" | "counterName" | "description" | "endToEndID" | "mandateID" | "creditorID">;

function detailsOf(text: string): Details {
  if (text.startsWith("/")) {
    const f = slashFields(text);
    return { counterIBAN: account(f.IBAN), counterName: some(f.NAME), description: f.REMI ?? "", endToEndID: reference(f.EREF), mandateID: reference(f.MARF), creditorID: reference(f.CSID) };
  }
  if (/\b(IBAN|Naam|Omschrijving):/.test(text)) {
    const f = labelled(text, labels);
    return {
      counterIBAN: account(f.IBAN),
      counterName: some(f.Naam),
      description: f.Omschrijving ?? "",
      endToEndID: reference(f.Kenmerk),
      mandateID: reference(f.Machtiging),
      creditorID: reference(f.Incassant),
    };
  }
  return { description: collapse(text) };
}

/** Whether rows look like ABN AMRO's TXT: 8 tab-separated fields, a currency, a YYYYMMDD date. */
export function isABNAMRO(rows: Row[]) {
  const first = rows[0]?.fields;
  return !!first && first.length >= 8 && /^[A-Z]{3}$/.test(first[1]!.trim()) && /^\d{8}$/.test(first[2]!.trim());
}

export function readABNAMRO(rows: Row[]): ParsedFile {
  const { list: refused, refuse } = refusals();
  const lines: ParsedFile["lines"] = [];
  let fileAccount: string | undefined;
  for (const row of rows) {
    const [own = "", currency = "", date = "", , , , amountText = ""] = row.fields.map((f) => f.trim());
    const bookingDate = parseBankDate(date);
    const amountCents = parseCents(amountText);
    const problem = checkRow(row, 8, bookingDate, date, amountCents, amountText);
    if (problem) {
      refuse(row.line, problem.code, problem.message);
      continue;
    }
    const text = row.fields.slice(7).join("\t");
    const details = detailsOf(text);
    const ownAccount = account(own);
    fileAccount ??= ownAccount;
    const kenmerk = details.endToEndID ?? "";
    const returned = returnReasonIn(text);
    lines.push(
      present({
        line: row.line,
        bookingDate: bookingDate!,
        amountCents: amountCents!,
        currency: currency || "EUR",
        ownAccount,
        ...details,
        endToEndID: isValidCreditorReference(kenmerk) ? undefined : details.endToEndID,
        structuredReference: isValidCreditorReference(kenmerk) ? electronicFormatRF(kenmerk) : findCreditorReference(details.description),
        returned: returned && present({ ...returned, originalEndToEndID: details.endToEndID }),
      }),
    );
  }
  return { format: "abnamro-txt", account: fileAccount, lines, refused };
}
