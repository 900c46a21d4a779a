import { Entity } from "electrodb";
import { createdAt, farmID, service, updatedAt } from "../entity-parts";

/*
 * People, the email addresses they sign in with, and the roles they hold.
 * One Service joins them with every other domain's (../entities.ts).
 */

export const PersonEntity = new Entity({
  model: { entity: "person", version: "1", service },
  attributes: {
    farmID,
    personID: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    /** Lower-cased; unique within a farm (guarded by EmailClaim). */
    email: { type: "string", required: true },
    /** `none` for people outside a household, such as the farmer. */
    householdID: { type: "string", required: true, default: "none" },
    adult: { type: "boolean", required: true, default: true },
    locale: { type: ["nl", "en"] as const, required: true, default: "nl" },
    /** Mail this person turned off (message/preferences.ts); login, money and vote mail always go. */
    newsOff: { type: "boolean" },
    remindersOff: { type: "boolean" },
    createdAt,
    updatedAt,
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["personID"] },
    },
    byEmail: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["farmID", "email"] },
      sk: { field: "gsi1sk", composite: [] },
    },
    byHousehold: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["farmID", "householdID"] },
      sk: { field: "gsi2sk", composite: ["personID"] },
    },
  },
});

/** Makes an email address unique within a farm: written in the same transaction as the person. */
export const EmailClaimEntity = new Entity({
  model: { entity: "emailClaim", version: "1", service },
  attributes: {
    farmID,
    email: { type: "string", required: true, readOnly: true },
    personID: { type: "string", required: true },
  },
  indexes: {
    byEmail: {
      pk: { field: "pk", composite: ["farmID", "email"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export const RoleGrantEntity = new Entity({
  model: { entity: "roleGrant", version: "1", service },
  attributes: {
    farmID,
    personID: { type: "string", required: true, readOnly: true },
    role: {
      type: ["farmer", "coordinator", "board", "treasurer", "admin"] as const,
      required: true,
      readOnly: true,
    },
    grantedBy: { type: "string" },
    createdAt,
  },
  indexes: {
    byPerson: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["personID", "role"] },
    },
  },
});
