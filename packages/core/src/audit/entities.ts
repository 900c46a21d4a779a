import { Entity } from "electrodb";
import { createdAt, farmID, service } from "../entity-parts";

/*
 * The audit trail: who did what to which subject.
 * One Service joins them with every other domain's (../entities.ts).
 */

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
