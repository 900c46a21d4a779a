import { Entity } from "electrodb";
import { farmID, service, updatedAt } from "../entity-parts";
import { harvestLine, householdWeekMark } from "./entities";

/*
 * The pickup: who collected their share of a week, and what was left
 * uncollected when the farmer closed the week's pickup (harvest/pickup.ts).
 */

/** One household's share collected: an item of its own, so two phones ticking at once never overwrite each other. */
export const HarvestPickupEntity = new Entity({
  model: { entity: "harvestPickup", version: "1", service },
  ...householdWeekMark,
});

/** A week's pickup closed: the shares nobody collected, and where they went. */
export const HarvestUncollectedEntity = new Entity({
  model: { entity: "harvestUncollected", version: "1", service },
  attributes: {
    farmID,
    week: { type: "string", required: true, readOnly: true },
    destination: { type: ["free_table", "food_bank", "counted"] as const, required: true },
    /** Households with a share in the published split, and how many of them did not collect it. */
    shares: { type: "number", required: true },
    households: { type: "number", required: true },
    lines: { ...harvestLine, required: true },
    personID: { type: "string", required: true },
    updatedAt,
  },
  indexes: {
    byWeek: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["week"] },
    },
  },
});
