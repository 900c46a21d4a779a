import { useFarmID } from "../actor";
import { Clock } from "../clock";
import { isWriteRefused } from "../dynamo";
import { useDB } from "../entities";

/** Longer than any request lives (the API's Lambdas stop at 20 s): a hold past it belongs to a publish that died. */
const holdMs = 60_000;

/**
 * Holds the week for this publish (or still holds it, on a try after a
 * stale split) until the request's life is surely over; false while
 * another publish holds it or the week was published meanwhile.
 */
export async function hold(week: string, version: number, claim: string) {
  const now = Clock.iso();
  return useDB()
    .entities.harvestWeek.patch({ farmID: useFarmID(), week })
    .set({ publishing: claim, publishingUntil: new Date(Clock.now() + holdMs).toISOString() })
    .where((a, op) => `${op.eq(a.version, version)} AND (${op.notExists(a.publishingUntil)} OR ${op.lt(a.publishingUntil, now)} OR ${op.eq(a.publishing, claim)})`)
    .go()
    .then(
      () => true,
      (e: unknown) => {
        // a conflict with an opt-out's transaction on the week: look again, as for a hold
        if (isWriteRefused(e)) return false;
        throw e;
      },
    );
}

/** Lets go of the week after a publish that failed (not one that published: that took the hold off with it). */
export async function release(week: string, claim: string) {
  await useDB()
    .entities.harvestWeek.patch({ farmID: useFarmID(), week })
    .remove(["publishing", "publishingUntil"])
    .where((a, op) => op.eq(a.publishing, claim))
    .go()
    .catch(() => undefined);
}
