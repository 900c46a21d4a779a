import { Entity } from "electrodb";
import { createdAt, farmID, service, updatedAt } from "../entity-parts";

/*
 * The bank import (bank-import.ts, bank-review.ts): what came in from the
 * bank's files, what was learnt from the treasurer's choices, and the mark
 * that catches one transfer read from two formats. Beside the rest of the
 * contribution's data (entities.ts); registered in the one Service in
 * ../entities.ts.
 */

/**
 * One line of a bank file as imported, keyed by its identity (bank/identity.ts):
 * the claim that keeps it from being booked twice, written in the same
 * transaction as the payment it books, and, while it waits, an item of the
 * treasurer's review list. Collections and returns are kept here too ("held")
 * until the collection run books them.
 */
export const BankLineEntity = new Entity({
  model: { entity: "bankLine", version: "1", service },
  attributes: {
    farmID,
    key: { type: "string", required: true, readOnly: true },
    state: { type: ["booked", "review", "dismissed", "held"] as const, required: true },
    /** Why it waits (review) or what it is (held): see BankImport.Reason. */
    reason: { type: "string" },
    /** The households it could be, for an ambiguous line. */
    candidates: { type: "list", items: { type: "string" } },
    /** A conflict or the same transfer from another format: the key of the line it may repeat. */
    repeats: { type: "string", readOnly: true },
    format: { type: "string", required: true, readOnly: true },
    line: { type: "number", required: true, readOnly: true },
    bookingDate: { type: "string", required: true, readOnly: true },
    amountCents: { type: "number", required: true, readOnly: true },
    currency: { type: "string", required: true, readOnly: true },
    counterIBAN: { type: "string", readOnly: true },
    /** Its likeness (bank-import.ts), to find the same transfer booked from another format. */
    likeness: { type: "string", readOnly: true },
    /** The payer's name as the bank gave it; a household's pseudonym once it is erased (bank-privacy.ts). */
    counterName: { type: "string" },
    description: { type: "string", readOnly: true },
    structuredReference: { type: "string", readOnly: true },
    endToEndID: { type: "string", readOnly: true },
    bankRef: { type: "string", readOnly: true },
    /** A return: its reason code and the EndToEndId of what it undoes. */
    returnCode: { type: "string", readOnly: true },
    returnOf: { type: "string", readOnly: true },
    /** A collection: the batch's PmtInfId. */
    batchID: { type: "string", readOnly: true },
    /** Once booked: on whom, as which ledger entry, found how. */
    householdID: { type: "string" },
    entryID: { type: "string" },
    year: { type: "number" },
    matchedBy: { type: "string" },
    decidedBy: { type: "string" },
    createdAt,
    updatedAt,
  },
  indexes: {
    byKey: {
      pk: { field: "pk", composite: ["farmID", "key"] },
      sk: { field: "sk", composite: [] },
    },
    /** The review list (and the held collections and returns). */
    byState: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["farmID", "state"] },
      sk: { field: "gsi1sk", composite: ["key"] },
    },
  },
});

/**
 * An account the treasurer assigned a bank line from, with the households
 * it was assigned to: the next import books its transfers on that household
 * (on more than one, they wait for review again).
 */
export const BankAccountEntity = new Entity({
  model: { entity: "bankAccount", version: "1", service },
  attributes: {
    farmID,
    /** Electronic format. */
    iban: { type: "string", required: true, readOnly: true },
    householdIDs: { type: "set", items: "string" },
    updatedAt,
  },
  indexes: {
    byIBAN: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["iban"] },
    },
  },
});

/**
 * A transfer's likeness (date, amount, currency, account, and its place among
 * alike lines of the file) of a line that waits or is held, claimed by the
 * first format it came in: the same transfer read later from another format's
 * file has another identity, and waits for review instead of being booked
 * again. A booked line's likeness is kept on its household (likeness-entity.ts).
 */
export const BankLikenessEntity = new Entity({
  model: { entity: "bankLikeness", version: "1", service },
  attributes: {
    farmID,
    likeness: { type: "string", required: true, readOnly: true },
    format: { type: "string", required: true, readOnly: true },
    key: { type: "string", required: true, readOnly: true },
    createdAt,
  },
  indexes: {
    byLikeness: {
      pk: { field: "pk", composite: ["farmID", "likeness"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/**
 * The farm's bank lease (bank-lease.ts): held by the one import or review
 * assignment that books bank lines now, until `until` unless renewed, so a
 * crashed holder's lease lapses by itself.
 */
export const BankLeaseEntity = new Entity({
  model: { entity: "bankLease", version: "1", service },
  attributes: {
    farmID,
    holder: { type: "string", required: true },
    /** What holds it: "import" or "review". */
    what: { type: "string", required: true },
    until: { type: "string", required: true },
  },
  indexes: {
    byFarm: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
