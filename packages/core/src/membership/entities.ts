import { Entity } from "electrodb";
import { createdAt, farmID, service, updatedAt } from "../entity-parts";

/*
 * Membership data: certificates with their deposits, and the waiting list.
 * Listed in the one service in ../entities.ts, under the same farm-first keys.
 */

const certificate = { type: ["full", "half"] as const, required: true } as const;
const depositPlan = { type: ["once", "instalments"] as const, required: true, default: "once" } as const;

/** What an applicant gives: the same on a request and on the application it becomes. */
const applicant = {
  name: { type: "string", required: true },
  /** Lower-cased. */
  email: { type: "string", required: true },
  adults: { type: "number", required: true },
  children: { type: "number", required: true },
  vegetarian: { type: "boolean", required: true },
  certificate,
  plan: depositPlan,
  locale: { type: ["nl", "en"] as const, required: true, default: "nl" },
} as const;

/**
 * A household's certificate and its deposit. A household without one (made
 * by the board before this existed) reads as a pending certificate; the
 * first write about it creates this item.
 */
export const CertificateEntity = new Entity({
  model: { entity: "certificate", version: "1", service },
  attributes: {
    farmID,
    householdID: { type: "string", required: true, readOnly: true },
    /** The certificate the deposit was set for; the household's own field says which it holds now. */
    certificate,
    /** Fixed when the certificate is issued: a later change of the farm's deposit does not touch it. */
    depositCents: { type: "number", required: true },
    plan: depositPlan,
    instalments: { type: "number", required: true },
    /** Kept equal to the sum of the deposit payments, in the same transactions. */
    paidCents: { type: "number", required: true, default: 0 },
    /** YYYY-MM-DD on the farm's clock; its year starts the minimum term. */
    memberSince: { type: "string", required: true },
    noticeGivenAt: { type: "string" },
    noticeGivenBy: { type: "string" },
    /** The last day of membership (31 December of the year notice was given for). */
    endDate: { type: "string" },
    refundedAt: { type: "string" },
    refundedCents: { type: "number" },
    /** Bumped by every payment: the optimistic lock that keeps paidCents ≤ depositCents. */
    version: { type: "number", required: true, default: 0 },
    createdAt,
    updatedAt,
  },
  indexes: {
    byHousehold: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["householdID"] },
    },
  },
});

/** A deposit payment, keyed by its bank reference: the same reference is recorded once. */
export const DepositPaymentEntity = new Entity({
  model: { entity: "depositPayment", version: "1", service },
  attributes: {
    farmID,
    reference: { type: "string", required: true, readOnly: true },
    householdID: { type: "string", required: true, readOnly: true },
    amountCents: { type: "number", required: true, readOnly: true },
    /** YYYY-MM-DD, the day the money arrived. */
    date: { type: "string", required: true, readOnly: true },
    recordedBy: { type: "string", required: true },
    createdAt,
  },
  indexes: {
    byReference: {
      pk: { field: "pk", composite: ["farmID", "reference"] },
      sk: { field: "sk", composite: [] },
    },
    byHousehold: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["farmID", "householdID"] },
      sk: { field: "gsi1sk", composite: ["date", "reference"] },
    },
  },
});

export const applicationStatuses = ["waiting", "offered", "accepted", "declined", "expired", "withdrawn"] as const;

/** A place on the waiting list (wachtlijst). The ID is time-sortable: its order is the list's order. */
export const ApplicationEntity = new Entity({
  model: { entity: "application", version: "1", service },
  attributes: {
    farmID,
    applicationID: { type: "string", required: true, readOnly: true },
    ...applicant,
    status: { type: applicationStatuses, required: true, default: "waiting" },
    /** SHA-256 of the current offer's link token; a new offer makes the old link useless. */
    offerTokenHash: { type: "string" },
    offeredAt: { type: "string" },
    /** Epoch milliseconds: compared in conditions, so accepting after it fails even mid-flight. */
    offerExpiresAt: { type: "number" },
    offeredBy: { type: "string" },
    /** When it stopped waiting: accepted, declined, expired or withdrawn. */
    closedAt: { type: "string" },
    householdID: { type: "string" },
    createdAt,
    updatedAt,
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["applicationID"] },
    },
  },
});

/**
 * An application that waits for its address to be confirmed, keyed by the
 * hash of the link mailed to that address. It is on no list and counts for
 * nothing; confirming turns it into an application (in the list's order from
 * then on), and DynamoDB's TTL removes one never confirmed.
 */
export const ApplicationRequestEntity = new Entity({
  model: { entity: "applicationRequest", version: "1", service },
  attributes: {
    farmID,
    tokenHash: { type: "string", required: true, readOnly: true },
    ...applicant,
    /** Epoch milliseconds: compared when confirming, as TTL removes items only some time after. */
    expiresAt: { type: "number", required: true },
    /** Epoch seconds, for DynamoDB's TTL. */
    expiresAtEpoch: { type: "number", required: true },
    /** Set by the confirmation: the application it became (or the one the address already had). */
    applicationID: { type: "string" },
    createdAt,
  },
  indexes: {
    byToken: {
      pk: { field: "pk", composite: ["farmID", "tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/** A secret link of an applicant (to see the place, or to accept an offer): the lookup by its hash. */
export const ApplicationTokenEntity = new Entity({
  model: { entity: "applicationToken", version: "1", service },
  attributes: {
    farmID,
    tokenHash: { type: "string", required: true, readOnly: true },
    applicationID: { type: "string", required: true },
    purpose: { type: ["status", "offer"] as const, required: true },
    /** Epoch seconds; DynamoDB's TTL removes the item some time after. */
    expiresAtEpoch: { type: "number" },
  },
  indexes: {
    byToken: {
      pk: { field: "pk", composite: ["farmID", "tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/** One open application per address: written in the same transaction as the application, removed when it closes. */
export const ApplicationEmailEntity = new Entity({
  model: { entity: "applicationEmail", version: "1", service },
  attributes: {
    farmID,
    email: { type: "string", required: true, readOnly: true },
    applicationID: { type: "string", required: true },
  },
  indexes: {
    byEmail: {
      pk: { field: "pk", composite: ["farmID", "email"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/**
 * The farm's waiting list as a whole: its version is bumped by every offer
 * and every acceptance, so two rounds of offers cannot both hand out the
 * same free mouths.
 */
export const WaitlistEntity = new Entity({
  model: { entity: "waitlist", version: "1", service },
  attributes: {
    farmID,
    version: { type: "number", required: true, default: 0 },
  },
  indexes: {
    byFarm: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

