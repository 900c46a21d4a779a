import { columnsOf, readHeaded } from "./columns";
import { findCreditorReference, isValidCreditorReference, electronicFormatRF } from "./rf";
import { account, collapse, labelled, present, reference, returnReasonIn, some, type Row } from "./text";
import type { ParsedFile } from "./types";

/*
 * ING's CSV export, in its two variants: comma-separated (every field
 * quoted) and semicolon-separated, Dutch or English headers, 9 columns or
 * 11 (newer exports add "Saldo na mutatie" and "Tag"):
 *
 * "Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij",
 * "Bedrag (EUR)","Mutatiesoort","Mededelingen"[,"Saldo na mutatie","Tag"]
 *
 * Dates are YYYYMMDD; amounts are unsigned, "Af Bij" (Debit/credit) gives
 * the direction. "Mededelingen" holds the details as labelled text:
 * "Naam: … Omschrijving: … IBAN: … Kenmerk: … Machtiging ID: … Incassant
 * ID: … Valutadatum: …". ING gives no reference of its own for a line.
 */

const names = {
  date: ["Datum", "Date"],
  name: ["Naam / Omschrijving", "Name / Description"],
  own: ["Rekening", "Account"],
  counterIBAN: ["Tegenrekening", "Counterparty"],
  direction: ["Af Bij", "Debit/credit"],
  amount: ["Bedrag (EUR)", "Amount (EUR)"],
  kind: ["Mutatiesoort", "Transactietype", "Transaction type"],
  notes: ["Mededelingen", "Notifications"],
};

const labels = [
  "Naam", "Name", "Omschrijving", "Description", "IBAN", "BIC", "Kenmerk", "Reference", "Machtiging ID", "Mandate ID",
  "Incassant ID", "Creditor ID", "Datum/Tijd", "Date/time", "Valutadatum", "Value date", "Pasvolgnr", "Transactie", "Term", "Reden", "Reason",
] as const;

/** Whether a header row is ING's. */
export function isINGHeader(fields: string[]) {
  const c = columnsOf(fields, names);
  return c.has("date") && c.has("direction") && c.has("amount") && c.has("notes");
}

const firstWord = (text: string | undefined) => text?.split(" ")[0];

export function readING(rows: Row[]): ParsedFile {
  const read = readHeaded(rows, names, (columns) => Math.min(columns, 9), (row, get, { bookingDate, amountCents }, refuse) => {
    const direction = get("direction").toLowerCase();
    if (!["af", "bij", "debit", "credit"].includes(direction)) {
      refuse("bank.line.direction", `"Af Bij" is "${get("direction").slice(0, 20)}", neither Af nor Bij.`);
      return undefined;
    }
    const notes = get("notes");
    const parts = labelled(notes, labels);
    // a transfer's own words are under "Omschrijving:"; a card payment has none, so all of it describes the line
    const description = parts.Omschrijving ?? parts.Description ?? collapse(notes);
    const kenmerk = parts.Kenmerk ?? parts.Reference ?? "";
    const endToEndID = isValidCreditorReference(kenmerk) ? undefined : reference(kenmerk);
    const returned = returnReasonIn(notes);
    return present({
      line: row.line,
      bookingDate,
      amountCents: (direction === "af" || direction === "debit" ? -1 : 1) * Math.abs(amountCents),
      currency: "EUR",
      ownAccount: account(get("own")),
      counterIBAN: account(get("counterIBAN")) ?? account(parts.IBAN),
      counterName: some(parts.Naam ?? parts.Name) ?? some(get("name")),
      description,
      endToEndID,
      // IDs are one word; ING runs on with "Doorlopende incasso" and the like
      mandateID: reference(firstWord(parts["Machtiging ID"] ?? parts["Mandate ID"])),
      creditorID: reference(firstWord(parts["Incassant ID"] ?? parts["Creditor ID"])),
      structuredReference: isValidCreditorReference(kenmerk) ? electronicFormatRF(kenmerk) : findCreditorReference(description),
      returned: returned && present({ ...returned, reasonText: some(parts.Reden ?? parts.Reason), originalEndToEndID: endToEndID }),
    });
  });
  return { format: "ing-csv", ...read };
}
