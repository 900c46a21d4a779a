import { Entity } from "electrodb";
import { createdAt, farmID, service, updatedAt } from "../entity-parts";

/*
 * A household: who shares one harvest share and one vote.
 * One Service joins them with every other domain's (../entities.ts).
 */

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
