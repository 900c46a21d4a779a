import { useFarmID } from "../actor";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";

export namespace RateLimit {
  /** At most `limit` hits in each fixed window of `windowSeconds`. */
  export interface Budget {
    limit: number;
    windowSeconds: number;
  }

  /**
   * Growing delays instead of a hard limit: the first `free` hits in a
   * window come at once, then each one waits twice as long after the one
   * before, from `firstDelaySeconds` up to `maxDelaySeconds`. Whoever
   * drives the count up (an attacker included) makes the owner wait at
   * most `maxDelaySeconds`, never until the window ends.
   */
  export interface Backoff {
    free: number;
    firstDelaySeconds: number;
    maxDelaySeconds: number;
    windowSeconds: number;
  }

  /** A hit that may be given back (`release`), e.g. a login try that turned out right. */
  export interface Held {
    bucket: string;
    window: number;
  }

  /** The refusal, telling when to try again (in whole minutes, at least one). */
  export function refused(code: string, retryAfterMs: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
    return new VisibleError("rate_limited", code, `Too many tries; try again in ${minutes} minutes.`, undefined, {
      retryAfterMinutes: minutes,
    });
  }

  /**
   * Counts one hit in a fixed window and refuses with 429 past `limit`.
   * The counter is a conditional atomic increment, so concurrent requests
   * cannot slip past the limit together.
   */
  export async function hit(bucket: string, limit: number, windowSeconds: number, code = "auth.rate_limited"): Promise<Held> {
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
      if (isConditionFailure(e)) throw refused(code, (window + 1) * windowSeconds * 1000 - now);
      throw e;
    }
    return { bucket, window };
  }

  /** Gives a hit back to its window. */
  export async function release(held: Held) {
    await useDB()
      .entities.rateLimit.patch({ farmID: useFarmID(), bucket: held.bucket, window: held.window })
      .add({ count: -1 })
      .where((a, op) => op.gt(a.count, 0))
      .go({ response: "none" })
      .catch((e: unknown) => {
        if (!isConditionFailure(e)) throw e;
      });
  }

  /** How long the hit after the `n`th of a window must wait (ms). */
  export function delayAfter(n: number, b: Backoff): number {
    if (n < b.free) return 0;
    return Math.min(b.firstDelaySeconds * 2 ** (n - b.free), b.maxDelaySeconds) * 1000;
  }

  function backoffKey(bucket: string, b: Backoff) {
    return { farmID: useFarmID(), bucket, window: Math.floor(Clock.now() / 1000 / b.windowSeconds) };
  }

  /** Refuses with 429 while the bucket's delay runs, without counting anything. */
  export async function waitFor(bucket: string, b: Backoff, code: string) {
    const now = Clock.now();
    const { data } = await useDB().entities.rateLimit.get(backoffKey(bucket, b)).go();
    if (data?.nextAt && data.nextAt > now) throw refused(code, data.nextAt - now);
  }

  /**
   * Counts one hit with growing delays. With `refuse`, a hit inside the
   * delay is refused with 429 and not counted; without, it is counted
   * anyway (a failure that already happened). The count and the next
   * moment move together by a conditional write on the count read, so
   * concurrent hits never share one delay.
   */
  export async function backoff(bucket: string, b: Backoff, opts: { refuse: boolean; code: string }) {
    const db = useDB().entities.rateLimit;
    const key = backoffKey(bucket, b);
    for (let attempt = 0; ; attempt++) {
      const now = Clock.now();
      const { data } = await db.get(key).go({ consistent: true });
      if (opts.refuse && data?.nextAt && data.nextAt > now) throw refused(opts.code, data.nextAt - now);
      const count = data?.count ?? 0;
      const delay = delayAfter(count + 1, b);
      try {
        await db
          .update(key)
          .set({
            count: count + 1,
            // from this hit, never sooner than a delay already running
            nextAt: Math.max(data?.nextAt ?? 0, delay ? now + delay : 0),
            expiresAtEpoch: (key.window + 2) * b.windowSeconds,
          })
          .where((a, op) => (data ? op.eq(a.count, count) : op.notExists(a.count)))
          .go({ response: "none" });
        return;
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        // another hit came first: read again, and wait its delay too
        if (attempt >= 20) throw refused(opts.code, delay);
      }
    }
  }
}
