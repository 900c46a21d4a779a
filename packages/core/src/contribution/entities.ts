import { Entity } from "electrodb";
import { createdAt, expiresAtEpoch, farmID, service, updatedAt } from "../entity-parts";

/*
 * The contribution's data: seasons with their price versions, the ledger,
 * mandates, the solidarity choices and pot, and the composition history the
 * statements are pro-rated on. Registered in the one Service in ../entities.ts;
 * every partition key starts with the farm, as everywhere.
 */

const priceVersion = {
  type: "list",
  items: {
    type: "map",
    properties: {
      version: { type: "number", required: true },
      rateCents: { type: "number", required: true },
      vegetarianRateCents: { type: "number", required: true },
      /** YYYY-MM-DD: a month pays the version in effect on its first day. */
      effectiveFrom: { type: "string", required: true },
      confirmedAt: { type: "string", required: true },
      confirmedBy: { type: "string", required: true },
    },
  },
} as const;

/** One year's contribution: the board's budget and the price versions the treasurer confirmed. */
export const SeasonEntity = new Entity({
  model: { entity: "season", version: "1", service },
  attributes: {
    farmID,
    year: { type: "number", required: true, readOnly: true },
    budgetCents: { type: "number", required: true },
    weeks: { type: "number", required: true },
    vegetarianDiscountCents: { type: "number", required: true },
    /** The child factor this year's statements count with (the farm's when the season was saved). */
    childFactor: { type: "number", required: true },
    /** The platform's proposal, made from the budget and the mouths when the season was last saved. */
    proposal: {
      type: "map",
      required: true,
      properties: {
        rateCents: { type: "number" },
        vegetarianRateCents: { type: "number" },
        averageCents: { type: "number" },
        mouths: { type: "number", required: true },
        vegetarianMouths: { type: "number", required: true },
        households: { type: "number", required: true },
      },
    },
    versions: { ...priceVersion, required: true, default: () => [] },
    /** Saved since the last confirmation: the proposal waits for the treasurer. */
    pending: { type: "boolean", required: true, default: true },
    /** Bumped by every write: the optimistic lock between board and treasurer. */
    revision: { type: "number", required: true, default: 0 },
    updatedBy: { type: "string" },
    createdAt,
    updatedAt,
  },
  indexes: {
    byYear: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["year"] },
    },
  },
});

/**
 * One line of the ledger: a payment, or the counter-entry that reverses one;
 * a collection booked from the bank statement, or the return that undoes it
 * (collection-booking.ts). Entries are only ever added; the balance is their
 * sum minus what is due.
 */
export const LedgerEntryEntity = new Entity({
  model: { entity: "ledgerEntry", version: "1", service },
  attributes: {
    farmID,
    householdID: { type: "string", required: true, readOnly: true },
    entryID: { type: "string", required: true, readOnly: true },
    /** The contribution year the money counts for. */
    year: { type: "number", required: true, readOnly: true },
    kind: { type: ["payment", "reversal", "collection", "return"] as const, required: true, readOnly: true },
    /** Signed: a reversal or a return is the negative of what it undoes. */
    amountCents: { type: "number", required: true, readOnly: true },
    /** YYYY-MM-DD, the booking date on the bank statement. */
    date: { type: "string", required: true, readOnly: true },
    reference: { type: "string", required: true, readOnly: true },
    source: { type: ["manual", "import"] as const, required: true, readOnly: true },
    /** For a reversal: the payment it reverses; for a return: the collection it undoes, when booked. */
    reverses: { type: "string", readOnly: true },
    note: { type: "string", readOnly: true },
    createdBy: { type: "string", required: true, readOnly: true },
    createdAt,
  },
  indexes: {
    byHousehold: {
      pk: { field: "pk", composite: ["farmID", "householdID"] },
      sk: { field: "sk", composite: ["year", "entryID"] },
    },
    byID: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["farmID", "entryID"] },
      sk: { field: "gsi1sk", composite: [] },
    },
    byYear: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["farmID", "year"] },
      sk: { field: "gsi2sk", composite: ["householdID", "entryID"] },
    },
  },
});

/**
 * Claims a bank reference (or "reversal of X") for one ledger entry, written
 * in the same transaction as the entry: however often a reference arrives,
 * one entry gets it.
 */
export const PaymentClaimEntity = new Entity({
  model: { entity: "paymentClaim", version: "1", service },
  attributes: {
    farmID,
    claim: { type: "string", required: true, readOnly: true },
    entryID: { type: "string", required: true },
    householdID: { type: "string", required: true },
    year: { type: "number", required: true },
    /** The entry was reversed: the treasurer may record the reference again (an import still sees a duplicate). */
    reversed: { type: "boolean", required: true, default: false },
    createdAt,
  },
  indexes: {
    byClaim: {
      pk: { field: "pk", composite: ["farmID", "claim"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/**
 * A household's composition from a date on, as the contribution saw it. The
 * statement records a new period when the household no longer matches the last.
 */
export const CompositionPeriodEntity = new Entity({
  model: { entity: "compositionPeriod", version: "1", service },
  attributes: {
    farmID,
    householdID: { type: "string", required: true, readOnly: true },
    /** YYYY-MM-DD on the farm's clock. */
    from: { type: "string", required: true, readOnly: true },
    adults: { type: "number", required: true },
    children: { type: "number", required: true },
    vegetarian: { type: "boolean", required: true },
    active: { type: "boolean", required: true },
    createdAt,
  },
  indexes: {
    byFarm: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["householdID", "from"] },
    },
  },
});

/** A household's SEPA direct-debit mandate (machtiging). */
export const MandateEntity = new Entity({
  model: { entity: "mandate", version: "1", service },
  attributes: {
    farmID,
    householdID: { type: "string", required: true, readOnly: true },
    mandateID: { type: "string", required: true },
    /** Electronic format: no spaces, upper case. */
    iban: { type: "string", required: true },
    bic: { type: "string" },
    accountHolder: { type: "string", required: true },
    /** YYYY-MM-DD. */
    signedOn: { type: "string", required: true },
    status: { type: ["active", "revoked"] as const, required: true },
    /** YYYY-MM of the first collection file that held this mandate: that one is FRST, later ones RCUR. */
    firstCollection: { type: "string" },
    /** The treasurer let this mandate use an IBAN another household's mandate holds too. */
    sharedIBAN: { type: "boolean" },
    /** Bumped by every give and revoke: the lock that keeps the IBAN claims in step with the mandate. */
    revision: { type: "number" },
    createdAt,
    updatedAt,
  },
  indexes: {
    byHousehold: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["householdID"] },
    },
  },
});

/**
 * Which households' active mandates hold an IBAN (electronic format), written
 * in the same transaction as each mandate: a mandate may take an IBAN only
 * when no other household holds it, or when the treasurer lets them share
 * it, so two households racing for one account cannot both get it.
 */
export const IbanClaimEntity = new Entity({
  model: { entity: "ibanClaim", version: "1", service },
  attributes: {
    farmID,
    iban: { type: "string", required: true, readOnly: true },
    /** Absent when no active mandate holds the IBAN (DynamoDB keeps no empty set). */
    householdIDs: { type: "set", items: "string" },
    updatedAt,
  },
  indexes: {
    byIBAN: {
      pk: { field: "pk", composite: ["farmID", "iban"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/** A household's solidarity choice for a year: the reason is for the treasurer's eyes only. */
export const SolidarityChoiceEntity = new Entity({
  model: { entity: "solidarityChoice", version: "1", service },
  attributes: {
    farmID,
    year: { type: "number", required: true, readOnly: true },
    householdID: { type: "string", required: true, readOnly: true },
    choice: { type: ["standard", "supporter", "reduced"] as const, required: true },
    percent: { type: "number", required: true },
    reason: { type: "string" },
    /** What the choice adds to (supporter) or takes from (reduced) the pot, in cents, when it was made. */
    potCents: { type: "number", required: true },
    mouths: { type: "number", required: true },
    createdAt,
    updatedAt,
  },
  indexes: {
    byYear: {
      pk: { field: "pk", composite: ["farmID", "year"] },
      sk: { field: "sk", composite: ["householdID"] },
    },
  },
});

/** The year's solidarity pot: the supporters' extra and the reductions it carries, kept with the choices. */
export const SolidarityPotEntity = new Entity({
  model: { entity: "solidarityPot", version: "1", service },
  attributes: {
    farmID,
    year: { type: "number", required: true, readOnly: true },
    supportCents: { type: "number", required: true, default: 0 },
    grantedCents: { type: "number", required: true, default: 0 },
    supporters: { type: "number", required: true, default: 0 },
    supporterMouths: { type: "number", required: true, default: 0 },
    reduced: { type: "number", required: true, default: 0 },
    reducedMouths: { type: "number", required: true, default: 0 },
    /** Bumped by every change: the lock that serialises choices. */
    version: { type: "number", required: true, default: 0 },
    updatedAt,
  },
  indexes: {
    byYear: {
      pk: { field: "pk", composite: ["farmID", "year"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/**
 * A month's direct-debit collection run, made once by the treasurer: what it
 * collects is frozen in its items, so the file made from it is the same,
 * byte for byte, however often it is downloaded. Written only after all its
 * items, on the condition that the month has none yet.
 */
export const SepaRunEntity = new Entity({
  model: { entity: "sepaRun", version: "1", service },
  attributes: {
    farmID,
    /** YYYY-MM. */
    month: { type: "string", required: true, readOnly: true },
    /** Keys the items: a losing concurrent create leaves its own, never the winner's. */
    runID: { type: "string", required: true, readOnly: true },
    messageID: { type: "string", required: true, readOnly: true },
    /** The file's CreDtTm: Amsterdam time with its offset. */
    created: { type: "string", required: true, readOnly: true },
    collectionDate: { type: "string", required: true, readOnly: true },
    creditor: {
      type: "map",
      required: true,
      readOnly: true,
      properties: {
        name: { type: "string", required: true },
        iban: { type: "string", required: true },
        bic: { type: "string" },
        creditorID: { type: "string", required: true },
      },
    },
    count: { type: "number", required: true, readOnly: true },
    totalCents: { type: "number", required: true, readOnly: true },
    /** SHA-256 of the file as made: a download that differs is refused. */
    digest: { type: "string", required: true, readOnly: true },
    /** Households with an active mandate whose collection could not go in the file, with the reason. */
    leftOut: {
      type: "list",
      required: true,
      readOnly: true,
      items: {
        type: "map",
        properties: {
          householdID: { type: "string", required: true },
          household: { type: "string", required: true },
          amountCents: { type: "number", required: true },
          reason: { type: "string", required: true },
        },
      },
    },
    createdBy: { type: "string", required: true, readOnly: true },
    createdAt,
  },
  indexes: {
    byMonth: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["month"] },
    },
  },
});

/** One household's collection in a run; `notified` once its pre-notification is kept for delivery. */
export const SepaRunItemEntity = new Entity({
  model: { entity: "sepaRunItem", version: "1", service },
  attributes: {
    farmID,
    runID: { type: "string", required: true, readOnly: true },
    householdID: { type: "string", required: true, readOnly: true },
    month: { type: "string", required: true, readOnly: true },
    household: { type: "string", required: true, readOnly: true },
    endToEndID: { type: "string", required: true, readOnly: true },
    /** The account holder in the SEPA character set, as the file names them. */
    name: { type: "string", required: true, readOnly: true },
    iban: { type: "string", required: true, readOnly: true },
    bic: { type: "string", readOnly: true },
    mandateID: { type: "string", required: true, readOnly: true },
    signedOn: { type: "string", required: true, readOnly: true },
    amountCents: { type: "number", required: true, readOnly: true },
    /** The part of `amountCents` that collects a return of last year's runs again: booked on that year. */
    previousYearCents: { type: "number", readOnly: true },
    sequence: { type: ["FRST", "RCUR"] as const, required: true, readOnly: true },
    remittance: { type: "string", required: true, readOnly: true },
    notified: { type: "boolean" },
    /*
     * Booked from the bank statement (collection-booking.ts), each claimed on
     * the condition that it is not yet: the collection's ledger entry and the
     * bank line that booked it; a return's entry, reason and amount; and the
     * later run (YYYY-MM) that collects the returned amount again.
     */
    collectedEntry: { type: "string" },
    collectedBy: { type: "string" },
    returnedEntry: { type: "string" },
    returnCode: { type: "string" },
    returnedCents: { type: "number" },
    recollectedIn: { type: "string" },
    createdAt,
  },
  indexes: {
    byRun: {
      pk: { field: "pk", composite: ["farmID", "runID"] },
      sk: { field: "sk", composite: ["householdID"] },
    },
    /** A household's collections, for its data export (and a losing create's items too: check the run). */
    byHousehold: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["farmID", "householdID"] },
      sk: { field: "gsi2sk", composite: ["month", "runID"] },
    },
  },
});

/*
 * Reminders for arrears (reminder.ts): the treasurer's schedule per season,
 * and the mark that each step was mailed.
 */

/** A season's reminder schedule: the steps, in days after an instalment's pay-by date, and whom members may contact. */
export const ArrearsScheduleEntity = new Entity({
  model: { entity: "arrearsSchedule", version: "1", service },
  attributes: {
    farmID,
    year: { type: "number", required: true, readOnly: true },
    steps: { type: "list", required: true, items: { type: "number" } },
    contact: { type: "string", required: true },
    /** YYYY-MM-DD of the last whole run of the job: it runs once a day. */
    lastRun: { type: "string" },
    updatedBy: { type: "string", required: true },
    updatedAt,
  },
  indexes: {
    byYear: {
      pk: { field: "pk", composite: ["farmID", "year"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/**
 * That a household was reminded of one instalment at one step: created on
 * the condition that it does not exist, in the transaction that keeps the
 * mail, so a step is mailed once however many jobs run.
 */
export const ArrearsReminderEntity = new Entity({
  model: { entity: "arrearsReminder", version: "1", service },
  attributes: {
    farmID,
    householdID: { type: "string", required: true, readOnly: true },
    /** YYYY-MM: the instalment. */
    month: { type: "string", required: true, readOnly: true },
    /** The step, in days after the pay-by date. */
    step: { type: "number", required: true, readOnly: true },
    openCents: { type: "number", required: true, readOnly: true },
    /** Gone after 18 months: the reminder is long past, and nothing is kept of a household that left. */
    expiresAtEpoch,
    createdAt,
  },
  indexes: {
    byHousehold: {
      pk: { field: "pk", composite: ["farmID", "householdID"] },
      sk: { field: "sk", composite: ["month", "step"] },
    },
  },
});
