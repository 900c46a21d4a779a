import { useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { load, notFound, roll } from "./stored";

const notDraft = () => new VisibleError("conflict", "election.not_draft", "Only a draft can be deleted.");

/**
 * Deletes a draft with its audit event, in one transaction on the condition
 * that it is still a draft: a vote that opened (or is opening) stays, with
 * its roll and ballots. A roll an interrupted opening wrote before the draft
 * flipped goes with it, so nothing is left behind.
 */
export async function removeDraft(electionID: string) {
  const farmID = useFarmID();
  const e = await load(electionID);
  if (!e) throw notFound();
  if (e.status !== "draft") throw notDraft();
  const res = await useDB()
    .transaction.write(({ election, audit }) => [
      election
        .delete({ farmID, electionID })
        .where((a, op) => op.eq(a.status, "draft"))
        .commit(),
      audit.create(Audit.event("election.deleted", electionID, { title: e.title, kind: e.kind })).commit(),
    ])
    .go();
  if (res.canceled) throw notDraft();
  const left = await roll(electionID);
  if (left.length) await useDB().entities.roll.delete(left.map((r) => ({ farmID, electionID, householdID: r.householdID }))).go();
}
