import { Entity } from "electrodb";
import { createdAt, farmID, service, updatedAt } from "../entity-parts";

/*
 * The harvest: weeks with their items, the households' shares, and opt-outs.
 * One Service joins them with every other domain's (../entities.ts).
 */

/** A list of amounts of crops: a share's lines, a week's leftovers, what was not collected (pickup-entities.ts). */
export const harvestLine = {
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
          ...harvestLine.items.properties,
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
    /** A publish under way holds the week until `publishingUntil`: two at once never write its shares over each other's mail marks. */
    publishing: { type: "string" },
    publishingUntil: { type: "string" },
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
    /** The lines the household was mailed for the version before (a correction mails only what changed); absent when it had none. */
    previousLines: harvestLine,
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

/**
 * A mark a person sets for a household in a week, an item of its own per
 * household so that marks set at once never overwrite each other: an
 * opt-out here, a collected share in pickup-entities.ts.
 */
export const householdWeekMark = {
  attributes: {
    farmID,
    week: { type: "string", required: true, readOnly: true },
    householdID: { type: "string", required: true, readOnly: true },
    /** Who set it. */
    personID: { type: "string", required: true },
    createdAt,
  },
  indexes: {
    byWeek: {
      pk: { field: "pk", composite: ["farmID", "week"] },
      sk: { field: "sk", composite: ["householdID"] },
    },
  },
} as const;

/** A household skipping a week (afmelden): its portion goes to the others. */
export const HarvestOptOutEntity = new Entity({
  model: { entity: "harvestOptOut", version: "1", service },
  ...householdWeekMark,
});
