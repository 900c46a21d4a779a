import { Entity } from "electrodb";
import { createdAt, farmID, service, updatedAt } from "../entity-parts";

/*
 * The library: a document (statutes, house rules, budget, ALV papers,
 * minutes …) with every version uploaded, newest last. The files themselves
 * are in the document store (files.ts); one Service joins this with every
 * other domain's (../entities.ts).
 */

const version = {
  type: "map",
  properties: {
    version: { type: "number", required: true },
    key: { type: "string", required: true },
    name: { type: "string", required: true },
    type: { type: "string", required: true },
    bytes: { type: "number", required: true },
    uploadedAt: { type: "string", required: true },
    uploadedBy: { type: "string", required: true },
  },
} as const;

export const DocumentEntity = new Entity({
  model: { entity: "document", version: "1", service },
  attributes: {
    farmID,
    documentID: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    category: { type: ["statutes", "rules", "budget", "annual", "alv", "minutes", "other"] as const, required: true },
    /** Who reads it: every member, or the board only. */
    audience: { type: ["members", "board"] as const, required: true },
    /** The meeting (assembly) whose papers or minutes it is, if any. */
    assemblyID: { type: "string" },
    versions: { type: "list", required: true, items: version },
    /** Bumped by every change: a change holds only on the revision it read. */
    revision: { type: "number", required: true, default: 0 },
    createdBy: { type: "string", required: true, readOnly: true },
    createdAt,
    updatedAt,
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["documentID"] },
    },
  },
});
