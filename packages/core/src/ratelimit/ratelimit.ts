import { useFarmID } from "../actor";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";

export namespace RateLimit {
  /**
   * Counts one hit in a fixed window and refuses with 429 past `limit`.
   * The counter is a conditional atomic increment, so concurrent requests
   * cannot slip past the limit together.
   */
  export async function hit(bucket: string, limit: number, windowSeconds: number) {
    const now = Clock.now();
    const window = Math.floor(now / 1000 / windowSeconds);
    try {
      await useDB()
        .entities.rateLimit.update({ farmID: useFarmID(), bucket, window })
        .add({ count: 1 })
        .set({ expiresAtEpoch: (window + 2) * windowSeconds })
        .where((a, op) => `${op.notExists(a.count)} OR ${op.lt(a.count, limit)}`)
        .go({ response: "none" });
    } catch (e) {
      if (isConditionFailure(e))
        throw new VisibleError("rate_limited", "auth.rate_limited", "Too many requests; try again in a few minutes.");
      throw e;
    }
  }
}
