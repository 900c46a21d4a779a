import { randomBytes } from "node:crypto";
import { Entity } from "electrodb";
import { createdAt, farmID, service, updatedAt } from "../entity-parts";

/*
 * The farm: its name, its hosts and the settings every other domain reads.
 * One Service joins them with every other domain's (../entities.ts).
 */

const newVersion = () => randomBytes(9).toString("base64url");

export const FarmEntity = new Entity({
  model: { entity: "farm", version: "1", service },
  attributes: {
    farmID,
    name: { type: "string", required: true },
    /** Host names that resolve to this farm (deployed); the default farm answers the rest. */
    domains: { type: "set", items: "string" },
    childFactor: { type: "number", required: true, default: 0.5 },
    defaultLocale: { type: ["nl", "en"] as const, required: true, default: "nl" },
    /** Opting out of a week closes this many days before its Monday… */
    optOutDaysBefore: { type: "number", required: true, default: 4 },
    /** …at this time in Amsterdam: Thursday 18:00 by default. */
    optOutTime: { type: "string", required: true, default: "18:00" },
    /** When and where members collect their share, each week: one or more moments. */
    pickup: {
      type: "list",
      items: {
        type: "map",
        properties: {
          /** ISO weekday: 1 Monday … 7 Sunday. */
          weekday: { type: "number", required: true },
          from: { type: "string", required: true },
          to: { type: "string", required: true },
          place: { type: "string", required: true },
        },
      },
    },
    /** Hours of help a household is invited to give per season: shown as progress, never as a penalty. */
    targetHours: { type: "number", required: true, default: 20 },
    /** How many proxies (volmachten) one household may hold in an election. */
    maxProxies: { type: "number", required: true, default: 1 },
    /** Membership (see membership/): optional here, so farms made before them read the defaults in farm/farm.ts. */
    depositFullCents: { type: "number" },
    depositHalfCents: { type: "number" },
    depositInstalments: { type: "number" },
    minimumTermYears: { type: "number" },
    capacityMouths: { type: "number" },
    offerDays: { type: "number" },
    /** Contribution (see contribution/): the vegetarian price is the price less this, per mouth per week. */
    vegetarianDiscountCents: { type: "number" },
    /** The farm as SEPA creditor (incassant), for direct-debit files. */
    creditorName: { type: "string" },
    creditorIBAN: { type: "string" },
    creditorBIC: { type: "string" },
    creditorID: { type: "string" },
    createdAt,
    updatedAt,
    /**
     * New on every write of the farm, whoever writes it (watch "*"): the
     * board's settings screen saves only over the version it read.
     */
    version: { type: "string", default: () => newVersion(), set: () => newVersion(), watch: "*" },
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
