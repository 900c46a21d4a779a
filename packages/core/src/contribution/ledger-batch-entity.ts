import { Entity } from "electrodb";
import { createdAt, farmID, service } from "../entity-parts";

/*
 * The payments one bank import booked on one household for one year, kept as
 * one item (bank-import.ts): a year's file of 5,000 lines writes about 200
 * items instead of 10,000, which is what lets it finish within 2 s. The item
 * is written in the same transaction as the household's likeness (which lists
 * each line, payment-likeness.ts) and its audit event, so it is all there or
 * not at all. Each payment in it is a ledger entry like any other
 * (payment.ts reads both): its ID is the batch's with its place, so it can be
 * found and reversed like any other. The bank line each was booked from is
 * kept in it too, as a line the treasurer assigns is kept in bankLine.
 */

/** One payment in a batch and the bank line it was booked from. */
export interface BatchLine {
  amountCents: number;
  date: string;
  reference: string;
  /** The line's identity, its likeness (bank-import.ts) and the file's format. */
  key: string;
  likeness: string;
  format: string;
  line: number;
  counterIBAN?: string;
  /** The payer's name as the bank gave it; the household's pseudonym once it is erased. */
  counterName?: string;
  description?: string;
  structuredReference?: string;
  endToEndID?: string;
  bankRef?: string;
  matchedBy: string;
}

export const LedgerBatchEntity = new Entity({
  model: { entity: "ledgerBatch", version: "1", service },
  attributes: {
    farmID,
    householdID: { type: "string", required: true, readOnly: true },
    /** The contribution year of its payments (their booking date's). */
    year: { type: "number", required: true, readOnly: true },
    batchID: { type: "string", required: true, readOnly: true },
    /** JSON `BatchLine[]`: one string, not a list of maps, so that writing 200 of them costs no validation per field. */
    lines: { type: "string", required: true },
    createdBy: { type: "string", required: true, readOnly: true },
    createdAt,
  },
  indexes: {
    byHousehold: {
      pk: { field: "pk", composite: ["farmID", "householdID"] },
      sk: { field: "sk", composite: ["year", "batchID"] },
    },
    byID: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["farmID", "batchID"] },
      sk: { field: "gsi1sk", composite: [] },
    },
    byYear: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["farmID", "year"] },
      sk: { field: "gsi2sk", composite: ["householdID", "batchID"] },
    },
  },
});
