import { Entity } from "electrodb";
import { expiresAtEpoch, farmID, service } from "../entity-parts";

/*
 * Rate-limit counters.
 * One Service joins them with every other domain's (../entities.ts).
 */

/** Fixed-window counters for rate limits; expire with TTL. */
export const RateLimitEntity = new Entity({
  model: { entity: "rateLimit", version: "1", service },
  attributes: {
    farmID,
    bucket: { type: "string", required: true, readOnly: true },
    window: { type: "number", required: true, readOnly: true },
    count: { type: "number", required: true, default: 0 },
    /** With growing delays (RateLimit.backoff): the first moment (ms) the next hit is let through. */
    nextAt: { type: "number" },
    expiresAtEpoch,
  },
  indexes: {
    byBucket: {
      pk: { field: "pk", composite: ["farmID", "bucket"] },
      sk: { field: "sk", composite: ["window"] },
    },
  },
});
