import { Entity } from "electrodb";
import { createdAt, farmID, service, updatedAt } from "../entity-parts";

/*
 * Open polls: the question and each household's answer. One Service joins
 * them with every other domain's (../entities.ts).
 */

/** A poll: dates to pick, items to rate 1–5, or one choice among options. */
export const PollEntity = new Entity({
  model: { entity: "poll", version: "1", service },
  attributes: {
    farmID,
    pollID: { type: "string", required: true, readOnly: true },
    kind: { type: ["dates", "rating", "choice"] as const, required: true, readOnly: true },
    title: { type: "string", required: true },
    description: { type: "string" },
    /** Numbered o1, o2, … in the order given; answers name them so, so they change only before the first answer. */
    options: {
      type: "list",
      items: {
        type: "map",
        properties: {
          id: { type: "string", required: true },
          label: { type: "string", required: true },
          /** For a `dates` poll: the day (YYYY-MM-DD). */
          date: { type: "string" },
        },
      },
    },
    /** Answers count only while open and before closesAt (UTC ISO), checked in their write; a draft is the staff's alone. */
    status: { type: ["draft", "open", "closed"] as const, required: true, default: "open" },
    /** Set by the first answer, in its transaction: from then on title, question and options stay as answered. */
    answered: { type: "boolean" },
    /** Bumped by every edit: an edit holds, and a first answer counts, only on the revision read. */
    revision: { type: "number", required: true, default: 0 },
    /** The members are mailed that it opened (those who kept news mail on); done once all are. */
    mail: { type: "boolean" },
    mailDone: { type: "boolean" },
    closesAt: { type: "string" },
    closedAt: { type: "string" },
    createdBy: { type: "string", required: true, readOnly: true },
    createdAt,
    updatedAt,
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["pollID"] },
    },
  },
});

/** A household's answer to a poll: one per household (the key), replaced while the poll is open. */
export const PollAnswerEntity = new Entity({
  model: { entity: "pollAnswer", version: "1", service },
  attributes: {
    farmID,
    pollID: { type: "string", required: true, readOnly: true },
    householdID: { type: "string", required: true, readOnly: true },
    /** Who of the household answered last. */
    personID: { type: "string", required: true },
    /** Option ID → "yes" | "maybe" | "no" (dates), 1–5 (rating) or "chosen" (choice). */
    values: { type: "any", required: true },
    comment: { type: "string" },
    createdAt,
    updatedAt,
  },
  indexes: {
    byPoll: {
      pk: { field: "pk", composite: ["farmID", "pollID"] },
      sk: { field: "sk", composite: ["householdID"] },
    },
  },
});

/** A person mailed that a poll opened: written in the transaction that keeps the mail, so nobody is mailed twice. */
export const PollMailEntity = new Entity({
  model: { entity: "pollMail", version: "1", service },
  attributes: {
    farmID,
    pollID: { type: "string", required: true, readOnly: true },
    personID: { type: "string", required: true, readOnly: true },
    createdAt,
  },
  indexes: {
    byPoll: {
      pk: { field: "pk", composite: ["farmID", "pollID"] },
      sk: { field: "sk", composite: ["personID"] },
    },
  },
});
