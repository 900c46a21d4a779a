import { Entity } from "electrodb";
import { expiresAtEpoch, farmID, service } from "../entity-parts";

/*
 * Mail as composed: the outbox (what was sent, kept a while) and mail pending a transport.
 * One Service joins them with every other domain's (../entities.ts).
 */

/** A composed mail message (core's Mail.Message), as the outbox and the kept mail store it. */
const mailMessage = {
  farmID,
  messageID: { type: "string", required: true, readOnly: true },
  to: { type: "string", required: true },
  subject: { type: "string", required: true },
  text: { type: "string", required: true },
  locale: { type: ["nl", "en"] as const, required: true },
  sentAt: { type: "string", required: true },
  expiresAtEpoch,
} as const;

export const OutboxEntity = new Entity({
  model: { entity: "outbox", version: "1", service },
  attributes: mailMessage,
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["messageID"] },
    },
    byRecipient: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["farmID", "to"] },
      sk: { field: "gsi1sk", composite: ["messageID"] },
    },
  },
});

/**
 * A message kept in the same transaction as the change it tells about,
 * until it is handed to the transport (Mail.commitWith): a change never
 * commits without its mail, and a process that dies in between leaves it
 * here for the mail job to send. TTL drops one no transport ever took.
 */
export const PendingMailEntity = new Entity({
  model: { entity: "pendingMail", version: "1", service },
  attributes: {
    ...mailMessage,
    /** The mailing it belongs to, when it is handed over after the answer (Mail.commitWith's `mailing`). */
    mailing: { type: "string" },
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["messageID"] },
    },
  },
});
