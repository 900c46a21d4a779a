import { Entity, Service } from "electrodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Clock } from "./clock";
import { useDynamo } from "./dynamo";
import { ApplicationEmailEntity, ApplicationEntity, ApplicationRequestEntity, ApplicationTokenEntity, CertificateEntity, DepositPaymentEntity, WaitlistEntity } from "./membership/entities";
import { CompositionPeriodEntity, IbanClaimEntity, LedgerEntryEntity, MandateEntity, PaymentClaimEntity, SeasonEntity, SolidarityChoiceEntity, SolidarityPotEntity } from "./contribution/entities";

/*
 * The data model, in one place. Every entity's partition key starts with the
 * farm, so one table hosts many farms and no query can cross from one farm
 * into another. ElectroDB prefixes keys with the entity name, so entities
 * that share a partition never collide.
 */

const service = "akker";

const farmID = { type: "string", required: true, readOnly: true } as const;
const createdAt = {
  type: "string",
  required: true,
  readOnly: true,
  default: () => Clock.iso(),
} as const;
const updatedAt = {
  type: "string",
  required: true,
  default: () => Clock.iso(),
  set: () => Clock.iso(),
  watch: "*",
} as const;
/** Epoch seconds; DynamoDB's TTL removes the item some time after. */
const expiresAtEpoch = { type: "number" } as const;

export const FarmEntity = new Entity({
  model: { entity: "farm", version: "1", service },
  attributes: {
    farmID,
    name: { type: "string", required: true },
    /** Host names that resolve to this farm (deployed); the default farm answers the rest. */
    domains: { type: "set", items: "string" },
    childFactor: { type: "number", required: true, default: 0.5 },
    defaultLocale: { type: ["nl", "en"] as const, required: true, default: "nl" },
    /** Opting out of a week closes this many days before its Monday… */
    optOutDaysBefore: { type: "number", required: true, default: 4 },
    /** …at this time in Amsterdam: Thursday 18:00 by default. */
    optOutTime: { type: "string", required: true, default: "18:00" },
    /** Hours of help a household is invited to give per season: shown as progress, never as a penalty. */
    targetHours: { type: "number", required: true, default: 20 },
    /** How many proxies (volmachten) one household may hold in an election. */
    maxProxies: { type: "number", required: true, default: 1 },
    /** Membership (see membership/): optional here, so farms made before them read the defaults in farm/farm.ts. */
    depositFullCents: { type: "number" },
    depositHalfCents: { type: "number" },
    depositInstalments: { type: "number" },
    minimumTermYears: { type: "number" },
    capacityMouths: { type: "number" },
    offerDays: { type: "number" },
    /** Contribution (see contribution/): the vegetarian price is the price less this, per mouth per week. */
    vegetarianDiscountCents: { type: "number" },
    /** The farm as SEPA creditor (incassant), for direct-debit files. */
    creditorName: { type: "string" },
    creditorIBAN: { type: "string" },
    creditorBIC: { type: "string" },
    creditorID: { type: "string" },
    createdAt,
    updatedAt,
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export const householdStatuses = ["active", "pending", "left"] as const;
export const certificates = ["full", "half"] as const;

export const HouseholdEntity = new Entity({
  model: { entity: "household", version: "1", service },
  attributes: {
    farmID,
    householdID: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    adults: { type: "number", required: true },
    children: { type: "number", required: true },
    vegetarian: { type: "boolean", required: true },
    certificate: { type: certificates, required: true },
    status: { type: householdStatuses, required: true },
    /** When its people were erased, after it left and settled (privacy/): the name is a pseudonym from then on. */
    erasedAt: { type: "string" },
    /** YYYY-MM-DD: the fiscal records kept at erasure are deleted after this day (7 years, art. 52 AWR). */
    retainUntil: { type: "string" },
    createdAt,
    updatedAt,
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["householdID"] },
    },
  },
});

export const PersonEntity = new Entity({
  model: { entity: "person", version: "1", service },
  attributes: {
    farmID,
    personID: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    /** Lower-cased; unique within a farm (guarded by EmailClaim). */
    email: { type: "string", required: true },
    /** `none` for people outside a household, such as the farmer. */
    householdID: { type: "string", required: true, default: "none" },
    adult: { type: "boolean", required: true, default: true },
    locale: { type: ["nl", "en"] as const, required: true, default: "nl" },
    createdAt,
    updatedAt,
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["personID"] },
    },
    byEmail: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["farmID", "email"] },
      sk: { field: "gsi1sk", composite: [] },
    },
    byHousehold: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["farmID", "householdID"] },
      sk: { field: "gsi2sk", composite: ["personID"] },
    },
  },
});

/** Makes an email address unique within a farm: written in the same transaction as the person. */
export const EmailClaimEntity = new Entity({
  model: { entity: "emailClaim", version: "1", service },
  attributes: {
    farmID,
    email: { type: "string", required: true, readOnly: true },
    personID: { type: "string", required: true },
  },
  indexes: {
    byEmail: {
      pk: { field: "pk", composite: ["farmID", "email"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export const RoleGrantEntity = new Entity({
  model: { entity: "roleGrant", version: "1", service },
  attributes: {
    farmID,
    personID: { type: "string", required: true, readOnly: true },
    role: {
      type: ["farmer", "coordinator", "board", "treasurer", "admin"] as const,
      required: true,
      readOnly: true,
    },
    grantedBy: { type: "string" },
    createdAt,
  },
  indexes: {
    byPerson: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["personID", "role"] },
    },
  },
});

export const LoginCodeEntity = new Entity({
  model: { entity: "loginCode", version: "1", service },
  attributes: {
    farmID,
    email: { type: "string", required: true, readOnly: true },
    /** HMAC of the code: the code itself is never stored. */
    codeHash: { type: "string", required: true },
    expiresAt: { type: "number", required: true },
    attempts: { type: "number", required: true, default: 0 },
    expiresAtEpoch,
  },
  indexes: {
    byEmail: {
      pk: { field: "pk", composite: ["farmID", "email"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export const SessionEntity = new Entity({
  model: { entity: "session", version: "1", service },
  attributes: {
    farmID,
    /** SHA-256 of the cookie's token: a database reader cannot log in with it. */
    tokenHash: { type: "string", required: true, readOnly: true },
    personID: { type: "string", required: true },
    createdAt: { type: "number", required: true },
    lastSeenAt: { type: "number", required: true },
    expiresAtEpoch,
  },
  indexes: {
    byToken: {
      pk: { field: "pk", composite: ["farmID", "tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
    /** A person's sessions: for their data export (without the hash) and erasure. */
    byPerson: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["farmID", "personID"] },
      sk: { field: "gsi1sk", composite: ["tokenHash"] },
    },
  },
});

/** A composed mail message (core's Mail.Message), as the outbox and the kept mail store it. */
const mailMessage = {
  farmID,
  messageID: { type: "string", required: true, readOnly: true },
  to: { type: "string", required: true },
  subject: { type: "string", required: true },
  text: { type: "string", required: true },
  locale: { type: ["nl", "en"] as const, required: true },
  sentAt: { type: "string", required: true },
  expiresAtEpoch,
} as const;

export const OutboxEntity = new Entity({
  model: { entity: "outbox", version: "1", service },
  attributes: mailMessage,
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["messageID"] },
    },
    byRecipient: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["farmID", "to"] },
      sk: { field: "gsi1sk", composite: ["messageID"] },
    },
  },
});

/**
 * A message kept in the same transaction as the change it tells about,
 * until it is handed to the transport (Mail.commitWith): a change never
 * commits without its mail, and a process that dies in between leaves it
 * here for the mail job to send. TTL drops one no transport ever took.
 */
export const PendingMailEntity = new Entity({
  model: { entity: "pendingMail", version: "1", service },
  attributes: mailMessage,
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["messageID"] },
    },
  },
});

export const AuditEntity = new Entity({
  model: { entity: "audit", version: "1", service },
  attributes: {
    farmID,
    eventID: { type: "string", required: true, readOnly: true },
    actorID: { type: "string", required: true },
    action: { type: "string", required: true },
    subjectID: { type: "string" },
    /** What changed, never a secret. */
    data: { type: "any" },
    createdAt,
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["eventID"] },
    },
    bySubject: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["farmID", "subjectID"] },
      sk: { field: "gsi1sk", composite: ["eventID"] },
    },
  },
});

/** Fixed-window counters for rate limits; expire with TTL. */
export const RateLimitEntity = new Entity({
  model: { entity: "rateLimit", version: "1", service },
  attributes: {
    farmID,
    bucket: { type: "string", required: true, readOnly: true },
    window: { type: "number", required: true, readOnly: true },
    count: { type: "number", required: true, default: 0 },
    /** With growing delays (RateLimit.backoff): the first moment (ms) the next hit is let through. */
    nextAt: { type: "number" },
    expiresAtEpoch,
  },
  indexes: {
    byBucket: {
      pk: { field: "pk", composite: ["farmID", "bucket"] },
      sk: { field: "sk", composite: ["window"] },
    },
  },
});

const harvestLine = {
  type: "list",
  items: {
    type: "map",
    properties: {
      crop: { type: "string", required: true },
      unit: { type: ["kg", "piece", "bunch"] as const, required: true },
      quantity: { type: "number", required: true },
    },
  },
} as const;

/** One harvest week: the farmer's items, draft or published. */
export const HarvestWeekEntity = new Entity({
  model: { entity: "harvestWeek", version: "1", service },
  attributes: {
    farmID,
    week: { type: "string", required: true, readOnly: true },
    status: { type: ["draft", "published"] as const, required: true },
    items: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: {
          crop: { type: "string", required: true },
          unit: { type: ["kg", "piece", "bunch"] as const, required: true },
          quantity: { type: "number", required: true },
          step: { type: "number" },
          meat: { type: "boolean" },
        },
      },
    },
    note: { type: "string" },
    /** How often it was published: 0 for a draft, 2+ when corrected after publishing. */
    version: { type: "number", required: true, default: 0 },
    /** Edited since the last publish: the members still see the published split. */
    dirty: { type: "boolean", required: true, default: false },
    /** Counts every change the split depends on (opt-outs, edits): a publish holds only at the revision it read. */
    revision: { type: "number" },
    publishedAt: { type: "string" },
    /** Every household has been mailed this version (Harvest.mailShares): the mail job need not look. */
    mailedVersion: { type: "number" },
    leftovers: harvestLine,
    createdAt,
    updatedAt,
  },
  indexes: {
    byWeek: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["week"] },
    },
  },
});

/** A household's published share of a week, with the balances it carries on. */
export const HarvestShareEntity = new Entity({
  model: { entity: "harvestShare", version: "1", service },
  attributes: {
    farmID,
    week: { type: "string", required: true, readOnly: true },
    householdID: { type: "string", required: true, readOnly: true },
    lines: { ...harvestLine, required: true },
    version: { type: "number", required: true },
    /** Received minus exact share per crop, after this week (see harvest/allocate.ts). */
    balances: { type: "any", required: true },
    /** The version whose mail the household has been sent (kept with this mark: Harvest.mailShares). */
    mailedVersion: { type: "number" },
  },
  indexes: {
    byWeek: {
      pk: { field: "pk", composite: ["farmID", "week"] },
      sk: { field: "sk", composite: ["householdID"] },
    },
    byHousehold: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["farmID", "householdID"] },
      sk: { field: "gsi1sk", composite: ["week"] },
    },
  },
});

/** A household skipping a week (afmelden): its portion goes to the others. */
export const HarvestOptOutEntity = new Entity({
  model: { entity: "harvestOptOut", version: "1", service },
  attributes: {
    farmID,
    week: { type: "string", required: true, readOnly: true },
    householdID: { type: "string", required: true, readOnly: true },
    personID: { type: "string", required: true },
    createdAt,
  },
  indexes: {
    byWeek: {
      pk: { field: "pk", composite: ["farmID", "week"] },
      sk: { field: "sk", composite: ["householdID"] },
    },
  },
});

export const workdayTasks = ["harvest", "weeding", "cleaning", "tour", "workshop", "other"] as const;

/** A work day (meewerkdag): a time, a task and a number of places. */
export const WorkdayEntity = new Entity({
  model: { entity: "workday", version: "1", service },
  attributes: {
    farmID,
    workdayID: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    task: { type: workdayTasks, required: true },
    /** UTC ISO instants; shown on the farm's clock (Europe/Amsterdam). */
    start: { type: "string", required: true },
    end: { type: "string", required: true },
    capacity: { type: "number", required: true },
    location: { type: "string" },
    description: { type: "string" },
    status: { type: ["scheduled", "cancelled"] as const, required: true, default: "scheduled" },
    /** Kept equal to the sign-up items, in the same transactions. */
    confirmed: { type: "number", required: true, default: 0 },
    waitlisted: { type: "number", required: true, default: 0 },
    /** The last waitlist position handed out: the queue's order. */
    seq: { type: "number", required: true, default: 0 },
    /** Bumped by every sign-up change: the optimistic lock that serialises them. */
    version: { type: "number", required: true, default: 0 },
    seriesID: { type: "string" },
    rosterSent: { type: "boolean" },
    createdBy: { type: "string" },
    createdAt,
    updatedAt,
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["workdayID"] },
    },
    byStart: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["farmID"] },
      sk: { field: "gsi1sk", composite: ["start", "workdayID"] },
    },
  },
});

/** One person on a work day: confirmed, or waiting in line. */
export const SignupEntity = new Entity({
  model: { entity: "signup", version: "1", service },
  attributes: {
    farmID,
    workdayID: { type: "string", required: true, readOnly: true },
    personID: { type: "string", required: true, readOnly: true },
    householdID: { type: "string", required: true },
    status: { type: ["confirmed", "waitlisted"] as const, required: true },
    position: { type: "number", required: true },
    /** The work day's start, for the person's list in date order. */
    start: { type: "string", required: true },
    reminded: { type: "boolean" },
    createdAt,
  },
  indexes: {
    byWorkday: {
      pk: { field: "pk", composite: ["farmID", "workdayID"] },
      sk: { field: "sk", composite: ["personID"] },
    },
    byPerson: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["farmID", "personID"] },
      sk: { field: "gsi1sk", composite: ["start", "workdayID"] },
    },
  },
});

/** Hours a household helped: from attendance on a work day, or reported for flexible work. */
export const HoursEntity = new Entity({
  model: { entity: "hours", version: "1", service },
  attributes: {
    farmID,
    entryID: { type: "string", required: true, readOnly: true },
    householdID: { type: "string", required: true, readOnly: true },
    personID: { type: "string", required: true },
    season: { type: "string", required: true, readOnly: true },
    workdayID: { type: "string" },
    task: { type: workdayTasks, required: true },
    /** The day worked, YYYY-MM-DD on the farm's clock. */
    date: { type: "string", required: true },
    hours: { type: "number", required: true },
    note: { type: "string" },
    status: { type: ["pending", "approved", "declined"] as const, required: true },
    decidedBy: { type: "string" },
    /** Every decision on reported hours, oldest first: a changed decision is added, never overwritten. */
    decisions: {
      type: "list",
      items: {
        type: "map",
        properties: {
          status: { type: ["approved", "declined"] as const, required: true },
          by: { type: "string", required: true },
          at: { type: "string", required: true },
        },
      },
    },
    createdAt,
    updatedAt,
  },
  indexes: {
    byHousehold: {
      pk: { field: "pk", composite: ["farmID", "householdID"] },
      sk: { field: "sk", composite: ["entryID"] },
    },
    bySeason: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["farmID", "season"] },
      sk: { field: "gsi1sk", composite: ["entryID"] },
    },
  },
});

/** A person's secret calendar link: the lookup by token (hashed) … */
export const CalendarTokenEntity = new Entity({
  model: { entity: "calendarToken", version: "1", service },
  attributes: {
    farmID,
    tokenHash: { type: "string", required: true, readOnly: true },
    personID: { type: "string", required: true },
  },
  indexes: {
    byToken: {
      pk: { field: "pk", composite: ["farmID", "tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/** … and the person's current link, so it can be shown again and renewed. */
export const CalendarLinkEntity = new Entity({
  model: { entity: "calendarLink", version: "1", service },
  attributes: {
    farmID,
    personID: { type: "string", required: true, readOnly: true },
    token: { type: "string", required: true },
    tokenHash: { type: "string", required: true },
  },
  indexes: {
    byPerson: {
      pk: { field: "pk", composite: ["farmID", "personID"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/** An election or an ALV vote. */
export const ElectionEntity = new Entity({
  model: { entity: "election", version: "1", service },
  attributes: {
    farmID,
    electionID: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    description: { type: "string" },
    kind: { type: ["board", "motion"] as const, required: true, readOnly: true },
    seats: { type: "number" },
    candidates: {
      type: "list",
      items: {
        type: "map",
        properties: {
          id: { type: "string", required: true },
          name: { type: "string", required: true },
          statement: { type: "string" },
        },
      },
    },
    majority: { type: ["simple", "two-thirds"] as const },
    quorumPercent: { type: "number" },
    /**
     * ISO instants (UTC). Ballots, proxies and withdrawals count only while
     * opensAt ≤ now < closesAt, checked in their transaction; opening early
     * moves opensAt to that moment, closing early moves closesAt.
     */
    opensAt: { type: "string", required: true },
    closesAt: { type: "string", required: true },
    status: { type: ["draft", "open", "closed"] as const, required: true, default: "draft" },
    /** Households on the roll, frozen when the election opens. */
    eligible: { type: "number", required: true, default: 0 },
    /** The tally, stored when the election closes. */
    result: { type: "any" },
    /** Every household on the roll has been mailed the opening (each marked on its roll entry). */
    openedMailSent: { type: "boolean" },
    /** Every household on the roll has been mailed the result. */
    resultsMailSent: { type: "boolean" },
    createdAt,
    updatedAt,
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["electionID"] },
    },
  },
});

/** A household on an election's voter roll: whether it voted, never how. */
export const RollEntity = new Entity({
  model: { entity: "roll", version: "1", service },
  attributes: {
    farmID,
    electionID: { type: "string", required: true, readOnly: true },
    householdID: { type: "string", required: true, readOnly: true },
    voted: { type: "boolean", required: true, default: false },
    via: { type: ["self", "proxy"] as const },
    /** The household this one handed its vote to (volmacht). */
    proxyTo: { type: "string" },
    /** How many proxies this household holds. */
    proxiesHeld: { type: "number", required: true, default: 0 },
    /**
     * The people of the household when the vote opened (person IDs): only they
     * act for it (cast its ballot or one it holds by proxy, give or withdraw
     * its proxy). Absent on entries written before the roll froze people.
     */
    voters: { type: "list", items: { type: "string" } },
    /** Which mails this household has been sent, each marked with its mails kept in one transaction. */
    openedMailed: { type: "boolean" },
    reminded: { type: "boolean" },
    resultsMailed: { type: "boolean" },
  },
  indexes: {
    byElection: {
      pk: { field: "pk", composite: ["farmID", "electionID"] },
      sk: { field: "sk", composite: ["householdID"] },
    },
  },
});

/**
 * A secret ballot: its key is a random tracker (no order), and it holds no
 * person, household, session or time finer than the day.
 */
export const BallotEntity = new Entity({
  model: { entity: "ballot", version: "1", service },
  attributes: {
    farmID,
    electionID: { type: "string", required: true, readOnly: true },
    tracker: { type: "string", required: true, readOnly: true },
    choices: { type: "list", items: { type: "string" } },
    vote: { type: ["yes", "no", "abstain"] as const },
    day: { type: "string", required: true },
  },
  indexes: {
    byElection: {
      pk: { field: "pk", composite: ["farmID", "electionID"] },
      sk: { field: "sk", composite: ["tracker"] },
    },
  },
});

/** A proxy (volmacht): one household hands its vote to another. */
export const ProxyEntity = new Entity({
  model: { entity: "proxy", version: "1", service },
  attributes: {
    farmID,
    electionID: { type: "string", required: true, readOnly: true },
    fromHouseholdID: { type: "string", required: true, readOnly: true },
    toHouseholdID: { type: "string", required: true },
    status: { type: ["active", "used"] as const, required: true },
    createdAt,
  },
  indexes: {
    byElection: {
      pk: { field: "pk", composite: ["farmID", "electionID"] },
      sk: { field: "sk", composite: ["fromHouseholdID"] },
    },
  },
});

/** Every entity, by name; one Service over the table joins them (useDB). */
export const entities = {
  farm: FarmEntity,
  household: HouseholdEntity,
  person: PersonEntity,
  emailClaim: EmailClaimEntity,
  roleGrant: RoleGrantEntity,
  loginCode: LoginCodeEntity,
  session: SessionEntity,
  outbox: OutboxEntity,
  pendingMail: PendingMailEntity,
  audit: AuditEntity,
  rateLimit: RateLimitEntity,
  harvestWeek: HarvestWeekEntity,
  harvestShare: HarvestShareEntity,
  harvestOptOut: HarvestOptOutEntity,
  workday: WorkdayEntity,
  signup: SignupEntity,
  hours: HoursEntity,
  calendarToken: CalendarTokenEntity,
  calendarLink: CalendarLinkEntity,
  election: ElectionEntity,
  roll: RollEntity,
  ballot: BallotEntity,
  proxy: ProxyEntity,
  season: SeasonEntity,
  ledgerEntry: LedgerEntryEntity,
  paymentClaim: PaymentClaimEntity,
  compositionPeriod: CompositionPeriodEntity,
  mandate: MandateEntity,
  ibanClaim: IbanClaimEntity,
  solidarityChoice: SolidarityChoiceEntity,
  solidarityPot: SolidarityPotEntity,
  certificate: CertificateEntity,
  depositPayment: DepositPaymentEntity,
  application: ApplicationEntity,
  applicationToken: ApplicationTokenEntity,
  applicationEmail: ApplicationEmailEntity,
  applicationRequest: ApplicationRequestEntity,
  waitlist: WaitlistEntity,
};

function build(client: DynamoDBDocumentClient, table: string) {
  return new Service(entities, { client, table });
}

let cached: { service: ReturnType<typeof build>; client: unknown; table: string } | undefined;

/** The ElectroDB service bound to the configured table. */
export function useDB() {
  const { client, table } = useDynamo();
  if (!cached || cached.client !== client || cached.table !== table) {
    cached = { service: build(client, table), client, table };
  }
  return cached.service;
}
