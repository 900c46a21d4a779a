import { Entity } from "electrodb";
import { createdAt, farmID, service, updatedAt } from "../entity-parts";

/*
 * The general assembly (ALV): the meeting, its agenda and who came to the
 * door. The votes themselves are elections (../election/): an agenda item
 * that is voted on names its election. One Service joins them with every
 * other domain's (../entities.ts).
 */

/** A meeting of the members: when, where, and how far it got. */
export const AssemblyEntity = new Entity({
  model: { entity: "assembly", version: "1", service },
  attributes: {
    farmID,
    assemblyID: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    /** ISO instant (UTC): the meeting starts; its vote items' ballots open then unless the board opens them earlier. */
    startsAt: { type: "string", required: true },
    place: { type: "string", required: true },
    description: { type: "string" },
    /** draft (board only) → announced (members see it) → open (the ballot) → closed; items are added until it opens. */
    status: { type: ["draft", "announced", "open", "closed"] as const, required: true, default: "draft" },
    /** Papers added while a draft: kept board-only until the meeting is announced, then shown to members (papers.ts). */
    heldPapers: { type: "list", items: { type: "string" } },
    /** The tick's reminder to vote has gone to every household that had not voted (mail-run.ts). */
    reminderSent: { type: "boolean" },
    createdAt,
    updatedAt,
  },
  indexes: {
    byID: {
      pk: { field: "pk", composite: ["farmID"] },
      sk: { field: "sk", composite: ["assemblyID"] },
    },
  },
});

/** An agenda item: a point of discussion, or a vote (a motion or the board seats) held as an election. */
export const AssemblyItemEntity = new Entity({
  model: { entity: "assemblyItem", version: "1", service },
  attributes: {
    farmID,
    assemblyID: { type: "string", required: true, readOnly: true },
    /** Time-sorted: the agenda's order is the order items were added in, until the board reorders it (`position`). */
    itemID: { type: "string", required: true, readOnly: true },
    kind: { type: ["discussion", "vote"] as const, required: true, readOnly: true },
    title: { type: "string", required: true },
    description: { type: "string" },
    /** A vote item's election (its ballots, roll, proxies and tally). */
    electionID: { type: "string", readOnly: true },
    /** Voted in the room: the quorum counts the households present and their proxies (room.ts). */
    inRoom: { type: "boolean" },
    /** The papers of this item: IDs of documents in the farm's library. */
    papers: { type: "list", items: { type: "string" } },
    /** The agenda's place once the board reordered it (stored.ts sorts by it, then by itemID). */
    position: { type: "number" },
    /** A budget motion: the season's figures it proposes (budget.ts). */
    budget: {
      type: "map",
      properties: {
        year: { type: "number", required: true },
        budgetCents: { type: "number", required: true },
        weeks: { type: "number", required: true },
      },
    },
    /** When the adopted budget became the season's draft: set once, with the season, so a second close applies nothing. */
    budgetApplied: { type: "string" },
    createdAt,
  },
  indexes: {
    byAssembly: {
      pk: { field: "pk", composite: ["farmID", "assemblyID"] },
      sk: { field: "sk", composite: ["itemID"] },
    },
  },
});

/** A household checked in at the door by the board: one item per household, so a second tap counts nothing twice. */
export const AssemblyCheckInEntity = new Entity({
  model: { entity: "assemblyCheckIn", version: "1", service },
  attributes: {
    farmID,
    assemblyID: { type: "string", required: true, readOnly: true },
    householdID: { type: "string", required: true, readOnly: true },
    /** The board member who checked it in. */
    by: { type: "string", required: true },
    createdAt,
  },
  indexes: {
    byAssembly: {
      pk: { field: "pk", composite: ["farmID", "assemblyID"] },
      sk: { field: "sk", composite: ["householdID"] },
    },
  },
});
