import { Entity } from "electrodb";
import { createdAt, farmID, service, updatedAt } from "../entity-parts";

/*
 * News: the posts of the farmer and the board, the photos uploaded for them,
 * and a mark per person that a post's mail was sent.
 * One Service joins them with every other domain's (../entities.ts).
 */

const photo = {
  type: "map",
  properties: {
    photoID: { type: "string", required: true },
    key: { type: "string", required: true },
    width: { type: "number", required: true },
    height: { type: "number", required: true },
  },
} as const;

/** A post; its ID is time-sortable, so the newest come first in a descending query. */
export const NewsPostEntity = new Entity({
  model: { entity: "newsPost", version: "1", service },
  attributes: {
    farmID,
    postID: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    text: { type: "string", required: true },
    photos: { type: "list", required: true, items: photo },
    audience: { type: ["members", "board"] as const, required: true },
    authorID: { type: "string", required: true, readOnly: true },
    authorName: { type: "string", required: true },
    /** Mailed to the audience when posted. */
    mail: { type: "boolean", required: true, default: false },
    /** Every household has been mailed (the mailing's marks are newsMail items). */
    mailDone: { type: "boolean" },
    createdAt,
    updatedAt,
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["postID"] },
    },
  },
});

/** A photo uploaded for a post; `postID` once a post holds it. */
export const NewsPhotoEntity = new Entity({
  model: { entity: "newsPhoto", version: "1", service },
  attributes: {
    farmID,
    photoID: { type: "string", required: true, readOnly: true },
    key: { type: "string", required: true, readOnly: true },
    type: { type: "string", required: true },
    width: { type: "number", required: true },
    height: { type: "number", required: true },
    bytes: { type: "number", required: true },
    uploadedBy: { type: "string", required: true, readOnly: true },
    postID: { type: "string" },
    createdAt,
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["photoID"] },
    },
  },
});

/** A person mailed a post: written in the transaction that keeps its mail, so nobody is mailed twice. */
export const NewsMailEntity = new Entity({
  model: { entity: "newsMail", version: "1", service },
  attributes: {
    farmID,
    postID: { type: "string", required: true, readOnly: true },
    personID: { type: "string", required: true, readOnly: true },
    createdAt,
  },
  indexes: {
    byPost: {
      pk: { field: "pk", composite: ["farmID", "postID"] },
      sk: { field: "sk", composite: ["personID"] },
    },
  },
});
