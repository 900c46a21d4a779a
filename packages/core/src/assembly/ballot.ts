import * as z from "zod/mini";
import { Election } from "../election/election";
import { VisibleError } from "../error";
import { ID } from "../id";
import { Assembly } from "./assembly";
import { loadItems } from "./stored";

/*
 * The one ballot of a meeting: the open vote items on one screen, sent in
 * one submit. Each item is still its own secret vote, cast through
 * Election.cast (its roll mark, its ballot under its own tracker, its
 * proxies); an item left out is not voted on, and may be voted later while
 * its vote is open. The submit is checked whole before anything is cast, so
 * bad input changes nothing; then each item is cast in its own transaction,
 * and the answer says per item what came of it (a tracker, or why not:
 * voted already on that item, say).
 */

export const BallotInput = z.object({
  votes: z
    .array(
      z.object({
        itemID: ID,
        vote: z.optional(z.enum(["yes", "no", "abstain"])),
        choices: z.optional(z.array(z.string().check(z.maxLength(20))).check(z.maxLength(40))),
      }),
    )
    .check(z.minLength(1), z.maxLength(50)),
  /** Votes for a household whose proxy the caller's holds, on each item where it holds one. */
  onBehalfOf: z.optional(ID),
});

export const Receipt = z.object({
  itemID: z.string(),
  /** The item's tracker: shown once, to find the ballot among the published ones after closing. */
  tracker: z.nullable(z.string()),
  error: z.nullable(z.object({ code: z.string(), message: z.string() })),
});

const invalid = (path: string, message: string) => new VisibleError("input", "input.invalid", message, [{ path, message }]);

export async function castBallot(assemblyID: string, input: z.infer<typeof BallotInput>) {
  await Assembly.visible(assemblyID);
  const items = new Map((await loadItems(assemblyID)).map((i) => [i.itemID, i]));
  const seen = new Set<string>();
  const planned = await Promise.all(
    input.votes.map(async (v, n) => {
      const item = items.get(v.itemID);
      if (!item?.electionID) throw invalid(`votes.${n}.itemID`, "Not a vote item of this meeting.");
      if (seen.has(v.itemID)) throw invalid(`votes.${n}.itemID`, "Each item once.");
      seen.add(v.itemID);
      const e = await Election.get(item.electionID);
      if (e.kind === "motion" && (!v.vote || v.choices)) throw invalid(`votes.${n}.vote`, "Vote yes, no or abstain.");
      if (e.kind === "board") {
        const ids = new Set(e.candidates.map((c) => c.id));
        if (!v.choices || v.vote || v.choices.some((c) => !ids.has(c))) throw invalid(`votes.${n}.choices`, "Choose from the candidates.");
        if (new Set(v.choices).size > (e.seats ?? 1)) throw invalid(`votes.${n}.choices`, `Choose at most ${e.seats ?? 1}.`);
      }
      return { itemID: v.itemID, electionID: item.electionID, ballot: { vote: v.vote, choices: v.choices, onBehalfOf: input.onBehalfOf } };
    }),
  );
  const receipts: z.infer<typeof Receipt>[] = [];
  for (const p of planned) {
    try {
      const { tracker } = await Election.cast(p.electionID, p.ballot);
      receipts.push({ itemID: p.itemID, tracker, error: null });
    } catch (err) {
      if (!(err instanceof VisibleError)) throw err;
      receipts.push({ itemID: p.itemID, tracker: null, error: { code: err.code, message: err.message } });
    }
  }
  return receipts;
}
