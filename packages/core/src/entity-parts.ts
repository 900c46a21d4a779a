import { Clock } from "./clock";

/*
 * The attributes every entity shares, written once. Every entity's partition
 * key starts with the farm, so one table hosts many farms and no query can
 * cross from one farm into another. ElectroDB prefixes keys with the entity
 * name, so entities that share a partition never collide.
 */

/** ElectroDB's service name: part of every key, so it never changes. */
export const service = "akker";

export const farmID = { type: "string", required: true, readOnly: true } as const;
export const createdAt = {
  type: "string",
  required: true,
  readOnly: true,
  default: () => Clock.iso(),
} as const;
export const updatedAt = {
  type: "string",
  required: true,
  default: () => Clock.iso(),
  set: () => Clock.iso(),
  watch: "*",
} as const;
/** Epoch seconds; DynamoDB's TTL removes the item some time after. */
export const expiresAtEpoch = { type: "number" } as const;
