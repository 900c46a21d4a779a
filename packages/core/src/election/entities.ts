import { Entity } from "electrodb";
import { createdAt, farmID, service, updatedAt } from "../entity-parts";

/*
 * Elections: the roll, the secret ballots and the proxies.
 * One Service joins them with every other domain's (../entities.ts).
 */

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
    /** A vote item of this ALV: the meeting mails its opening and results, once for all its items (assembly/mail-run.ts). */
    assemblyID: { type: "string", readOnly: true },
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
