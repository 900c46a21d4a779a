import { Entity } from "electrodb";
import { farmID, service, updatedAt } from "../entity-parts";

/**
 * What a new payment on a household in a year is compared with: the
 * payments recorded by hand (date, amount) and the likeness of the bank
 * lines booked on it (payment-likeness.ts). Every booking on the household,
 * by hand, by import or from the review list, bumps `version` on the
 * condition that it is still the version it read, so a hand payment and an
 * import of the same transfer at once cannot both book.
 */
export const PaymentLikenessEntity = new Entity({
  model: { entity: "paymentLikeness", version: "1", service },
  attributes: {
    farmID,
    householdID: { type: "string", required: true, readOnly: true },
    /** The year of the booking date. */
    year: { type: "number", required: true, readOnly: true },
    version: { type: "number", required: true, default: 0 },
    /** Payments recorded by hand and not reversed: `date|amountCents|entryID`. */
    hand: { type: "set", items: "string" },
    /** Bank lines booked: JSON `[likeness, format, key]`. */
    lines: { type: "set", items: "string" },
    updatedAt,
  },
  indexes: {
    byHousehold: {
      pk: { field: "pk", composite: ["farmID", "householdID"] },
      sk: { field: "sk", composite: ["year"] },
    },
  },
});
