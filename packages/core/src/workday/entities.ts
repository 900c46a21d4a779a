import { Entity } from "electrodb";
import { createdAt, farmID, service, updatedAt } from "../entity-parts";

/*
 * Work days, their signups, the hours helped and calendar links.
 * One Service joins them with every other domain's (../entities.ts).
 */

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
    /** Cancelled, and someone signed up still to be mailed (cancel-mail.ts). */
    cancelMailPending: { type: "boolean" },
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
    /** Mailed that the day was cancelled. */
    cancelMailed: { type: "boolean" },
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
