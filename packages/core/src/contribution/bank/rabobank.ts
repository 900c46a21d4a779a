import { columnsOf, readHeaded } from "./columns";
import { findCreditorReference, isValidCreditorReference, electronicFormatRF } from "./rf";
import { account, collapse, present, reference, some, type Row } from "./text";
import type { ParsedFile } from "./types";

/*
 * Rabobank's CSV export (since 2018): comma-separated, every field in double
 * quotes, a header, 26 columns. Amounts are signed ("+250,00", "-4,99"),
 * dates YYYY-MM-DD, and `Volgnr` numbers the account's movements, which
 * makes it the bank's own reference for a line.
 *
 * "IBAN/BBAN","Munt","BIC","Volgnr","Datum","Rentedatum","Bedrag","Saldo na trn",
 * "Tegenrekening IBAN/BBAN","Naam tegenpartij","Naam uiteindelijke partij",
 * "Naam initiërende partij","BIC tegenpartij","Code","Batch ID","Transactiereferentie",
 * "Machtigingskenmerk","Incassant ID","Betalingskenmerk","Omschrijving-1",
 * "Omschrijving-2","Omschrijving-3","Reden retour","Oorspr bedrag","Oorspr munt","Koers"
 */

const names = {
  own: ["IBAN/BBAN"],
  currency: ["Munt"],
  sequence: ["Volgnr"],
  date: ["Datum"],
  amount: ["Bedrag"],
  counterIBAN: ["Tegenrekening IBAN/BBAN"],
  counterName: ["Naam tegenpartij"],
  endToEnd: ["Transactiereferentie"],
  mandate: ["Machtigingskenmerk"],
  creditor: ["Incassant ID"],
  paymentReference: ["Betalingskenmerk"],
  description1: ["Omschrijving-1"],
  description2: ["Omschrijving-2"],
  description3: ["Omschrijving-3"],
  returnReason: ["Reden retour"],
};

/** Whether a header row is Rabobank's. */
export function isRabobankHeader(fields: string[]) {
  const c = columnsOf(fields, names);
  return c.has("own") && c.has("sequence") && c.has("date") && c.has("amount");
}

export function readRabobank(rows: Row[]): ParsedFile {
  const read = readHeaded(rows, names, (columns) => columns, (row, get, { bookingDate, amountCents }) => {
    const description = collapse([get("description1"), get("description2"), get("description3")].join(" "));
    const paymentReference = get("paymentReference");
    const endToEndID = reference(get("endToEnd"));
    const reason = collapse(get("returnReason"));
    return present({
      line: row.line,
      bookingDate,
      amountCents,
      currency: get("currency") || "EUR",
      ownAccount: account(get("own")),
      counterIBAN: account(get("counterIBAN")),
      counterName: some(get("counterName")),
      description,
      bankRef: reference(get("sequence")),
      endToEndID,
      mandateID: reference(get("mandate")),
      creditorID: reference(get("creditor")),
      structuredReference: isValidCreditorReference(paymentReference) ? electronicFormatRF(paymentReference) : findCreditorReference(description),
      returned: reason ? present({ reasonCode: /^[A-Z]{2}\d{2}\b/.exec(reason)?.[0], reasonText: reason, originalEndToEndID: endToEndID }) : undefined,
    });
  });
  return { format: "rabobank-csv", ...read };
}
