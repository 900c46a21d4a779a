import { Entity } from "electrodb";
import { createdAt, expiresAtEpoch, farmID, service } from "../entity-parts";

/*
 * Mail to a group: the message as the board or the farmer wrote it, and its
 * recipients, frozen when it was sent. One Service joins them with every
 * other domain's (../entities.ts).
 */

export const MessageEntity = new Entity({
  model: { entity: "message", version: "1", service },
  attributes: {
    farmID,
    messageID: { type: "string", required: true, readOnly: true },
    authorID: { type: "string", required: true, readOnly: true },
    authorName: { type: "string", required: true },
    /** The role it was written in: `farmer` mails are news a member may turn off, the board's always go. */
    authorRole: { type: ["board", "treasurer", "farmer"] as const, required: true },
    /** The audience as asked (message/message.ts, Audience). */
    audience: { type: "any", required: true },
    subject: { type: "string", required: true },
    text: { type: "string", required: true },
    /** People it goes to, frozen with it; and those the audience held who turned its kind of mail off. */
    total: { type: "number", required: true },
    optedOut: { type: "number", required: true, default: 0 },
    /** Every recipient marked mailed. */
    done: { type: "boolean", required: true, default: false },
    createdAt,
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["messageID"] },
    },
  },
});

/**
 * One person a message goes to, frozen when it is sent. It names the person
 * only by ID (no address, no name, no text), which points at nothing once
 * the person is erased; `sentAt` is written with the kept mail in one
 * transaction, so each person is mailed once.
 */
export const MessageRecipientEntity = new Entity({
  model: { entity: "messageRecipient", version: "1", service },
  attributes: {
    farmID,
    messageID: { type: "string", required: true, readOnly: true },
    personID: { type: "string", required: true, readOnly: true },
    householdID: { type: "string" },
    sentAt: { type: "string" },
    expiresAtEpoch,
  },
  indexes: {
    byMessage: {
      pk: { field: "pk", composite: ["farmID", "messageID"] },
      sk: { field: "sk", composite: ["personID"] },
    },
  },
});
