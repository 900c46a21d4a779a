import * as z from "zod/mini";
import { hasRole, useFarmID } from "../actor";
import { Election } from "../election/election";
import { load as loadElection, roll } from "../election/stored";
import { useDB } from "../entities";
import { attending, withRoomQuorum } from "./room";
import { loadItems } from "./stored";

/*
 * An ALV's results as its screen shows them and its results mail states
 * them: read from the stored votes (no caller's household needed, so the
 * mailing job computes the same thing).
 */

const Tally = z.array(z.object({ option: z.string(), name: z.string(), votes: z.number() }));
const Result = z.object({
  eligible: z.number(),
  voted: z.number(),
  /** Households taking part in the room (room.ts); null for an item voted online only. */
  attending: z.nullable(z.number()),
  turnoutPercent: z.number(),
  quorumPercent: z.nullable(z.number()),
  quorumMet: z.boolean(),
  passed: z.optional(z.boolean()),
  tally: Tally,
  winners: z.array(z.string()),
  tied: z.array(z.string()),
});

/** The answer of `results`: per vote item, its result once counted. */
export const Results = z.object({
  present: z.number(),
  items: z.array(z.object({ itemID: z.string(), title: z.string(), kind: z.nullable(z.enum(["board", "motion"])), inRoom: z.boolean(), result: z.nullable(Result) })),
});

export async function presentIDs(assemblyID: string) {
  const all = await useDB().entities.assemblyCheckIn.query.byAssembly({ farmID: useFarmID(), assemblyID }).go({ pages: "all", consistent: true });
  return all.data;
}

/** Each vote item's result once its vote closed (null before), with the room's quorum for an item voted in the room (room.ts). */
export async function itemResults(assemblyID: string): Promise<z.infer<typeof Results>> {
  const [items, marks] = await Promise.all([loadItems(assemblyID), presentIDs(assemblyID)]);
  const here = new Set(marks.map((m) => m.householdID));
  const out = [];
  for (const i of items) {
    if (!i.electionID) continue;
    const stored = await loadElection(i.electionID);
    // a draft vote is the board's work in progress
    const e = stored && (stored.status !== "draft" || hasRole("board")) ? stored : null;
    if (!e || e.status !== "closed") {
      out.push({ itemID: i.itemID, title: i.title, kind: e?.kind ?? null, inRoom: !!i.inRoom, result: null });
      continue;
    }
    const result = await Election.results(i.electionID);
    const room = i.inRoom ? withRoomQuorum(result, e.majority ?? "simple", attending(await roll(i.electionID), here)) : undefined;
    out.push({ itemID: i.itemID, title: i.title, kind: e.kind, inRoom: !!i.inRoom, result: room ?? { ...result, attending: null } });
  }
  return { present: here.size, items: out };
}
