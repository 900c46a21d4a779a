import { Entity } from "electrodb";
import { createdAt, expiresAtEpoch, farmID, service, updatedAt } from "../entity-parts";

/**
 * Herenburen: a household hands its share of a week to another household to
 * collect. One per giving household and week (the key), so a share is never
 * offered to two at once; it expires (TTL) weeks after its week.
 */
export const HarvestHandoverEntity = new Entity({
  model: { entity: "harvestHandover", version: "1", service },
  attributes: {
    farmID,
    week: { type: "string", required: true, readOnly: true },
    /** The household whose share it is. */
    householdID: { type: "string", required: true, readOnly: true },
    /** The household that collects it. */
    toHouseholdID: { type: "string", required: true, readOnly: true },
    status: { type: ["offered", "accepted"] as const, required: true },
    /** Who offered it, and who accepted. */
    personID: { type: "string", required: true, readOnly: true },
    acceptedBy: { type: "string" },
    expiresAtEpoch,
    createdAt,
    updatedAt,
  },
  indexes: {
    byWeek: {
      pk: { field: "pk", composite: ["farmID", "week"] },
      sk: { field: "sk", composite: ["householdID"] },
    },
  },
});
