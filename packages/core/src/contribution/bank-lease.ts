import { randomUUID } from "node:crypto";
import { useFarmID } from "../actor";
import { backoff } from "../backoff";
import { Clock } from "../clock";
import { isConditionFailure, isWriteRefused } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";

type Tx = Parameters<Parameters<ReturnType<typeof useDB>["transaction"]["write"]>[0]>[0];

/**
 * One booking of bank lines at a time per farm: an import (bank-import.ts)
 * or a review assignment (bank-review.ts). Each checks the lines booked on
 * every household before it books, but its transaction is conditional only
 * on the households it books on: the same transfer from two formats matched
 * to two households would land on two likeness items, neither condition
 * seeing the other. Held, the check and the booking cannot interleave.
 * An import's transactions check the lease too (one at a time: DynamoDB
 * cancels two at once on one item), so a holder that stalled past its
 * lease's end books nothing more once another took it.
 */
export namespace BankLease {
  /** Far past a Lambda's 20 s, and renewed while held: only a crashed holder's lease runs out. */
  const leaseMs = 60_000;
  const renewMs = 15_000;
  /**
   * A year's file takes about 2 s (far more on a loaded machine, as when four
   * imports come at once): a second waits this long for the first before 409,
   * leaving half of the Lambda's 20 s for its own import.
   */
  const waitMs = 10_000;

  export interface Held {
    /** Throws 409 `bank.busy` when the lease passed to another (this holder stalled past its expiry). */
    assert(): Promise<void>;
    /** A transaction's part: it holds only while the lease is still this holder's. */
    check(tx: Pick<Tx, "bankLease">): ReturnType<ReturnType<Tx["bankLease"]["check"]>["commit"]>;
  }

  const busy = () => new VisibleError("conflict", "bank.busy", "Another import is running; try again in a minute.");
  const until = () => new Date(Clock.now() + leaseMs).toISOString();

  function take(holder: string, what: string) {
    const now = Clock.iso();
    return useDB()
      .entities.bankLease.put({ farmID: useFarmID(), holder, what, until: until() })
      .where((a, op) => `${op.notExists(a.holder)} OR ${op.lt(a.until, now)}`)
      .go()
      .then(
        () => true,
        (e: unknown) => (isWriteRefused(e) ? false : Promise.reject(e)),
      );
  }

  /**
   * Runs `work` holding the farm's bank lease: waits briefly (with backoff)
   * while another holds it, then answers 409 `bank.busy` having changed
   * nothing. The lease is renewed while `work` runs and let go after it.
   */
  export async function hold<T>(what: "import" | "review", work: (lease: Held) => Promise<T>): Promise<T> {
    const farmID = useFarmID();
    const db = useDB().entities;
    const holder: string = randomUUID();
    const started = performance.now();
    for (let attempt = 0; !(await take(holder, what)); attempt++) {
      if (performance.now() - started > waitMs) throw busy();
      await backoff(attempt, 400);
    }
    let lost = false;
    const renew = () =>
      db.bankLease
        .patch({ farmID })
        .set({ until: until() })
        .where((a, op) => op.eq(a.holder, holder))
        .go()
        .catch((e: unknown) => void (isConditionFailure(e) && (lost = true)));
    const timer = setInterval(renew, renewMs);
    timer.unref?.();
    const lease: Held = {
      assert: async () => {
        if (lost || (await db.bankLease.get({ farmID }).go({ consistent: true })).data?.holder !== holder) throw busy();
      },
      check: (tx) =>
        tx.bankLease
          .check({ farmID })
          .where((a, op) => op.eq(a.holder, holder))
          .commit(),
    };
    try {
      return await work(lease);
    } finally {
      clearInterval(timer);
      await db.bankLease
        .delete({ farmID })
        .where((a, op) => op.eq(a.holder, holder))
        .go()
        .catch(() => undefined);
    }
  }
}
