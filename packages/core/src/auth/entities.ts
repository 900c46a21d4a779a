import { Entity } from "electrodb";
import { expiresAtEpoch, farmID, service } from "../entity-parts";

/*
 * Sign-in: one-time login codes and the sessions they open.
 * One Service joins them with every other domain's (../entities.ts).
 */

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
