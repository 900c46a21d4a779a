import { useFarmID } from "../actor";
import { useDB } from "../entities";

type Tx = Parameters<Parameters<ReturnType<typeof useDB>["transaction"]["write"]>[0]>[0];

/**
 * The guard that one transfer is booked once whichever way it comes in: by
 * hand, from a bank file, or assigned from the review list
 * (likeness-entity.ts). Each path reads the household's likeness for the
 * year, decides, and writes its booking in one transaction with `bump`, which
 * holds only if nobody booked on that household since the read.
 */
export namespace PaymentLikeness {
  export interface Seen {
    householdID: string;
    year: number;
    /** Undefined: no item yet. */
    version?: number;
    hand: string[];
    /** Every line booked, each with its likeness: two may share one (a file counts alike lines otherwise than another). */
    lines: BookedLine[];
  }

  export interface BookedLine {
    likeness: string;
    format: string;
    key: string;
  }

  const idOf = (householdID: string, year: number) => `${householdID}|${year}`;
  export const handToken = (date: string, amountCents: number, entryID: string) => `${date}|${amountCents}|${entryID}`;
  export const lineToken = (likeness: string, format: string, key: string) => JSON.stringify([likeness, format, key]);

  /** The likeness of each household and year, read consistently (the gets go out as batches). */
  export async function read(pairs: readonly { householdID: string; year: number }[]) {
    const farmID = useFarmID();
    const unique = [...new Map(pairs.map((p) => [idOf(p.householdID, p.year), p])).values()];
    const items = await Promise.all(unique.map((p) => useDB().entities.paymentLikeness.get({ farmID, ...p }).go({ consistent: true })));
    const seen = new Map<string, Seen>();
    unique.forEach((p, i) => {
      const item = items[i]!.data;
      const lines = (item?.lines ?? []).map((token) => {
        const [likeness, format, key] = JSON.parse(token) as [string, string, string];
        return { likeness, format, key };
      });
      seen.set(idOf(p.householdID, p.year), { ...p, version: item?.version, hand: item?.hand ?? [], lines });
    });
    return { get: (householdID: string, year: number) => seen.get(idOf(householdID, year))! };
  }

  /** The entry ID of a payment recorded by hand on that date for that amount, if any. */
  export const byHand = (seen: Seen, date: string, amountCents: number) =>
    seen.hand.find((t) => t.startsWith(`${date}|${amountCents}|`))?.split("|")[2];

  /**
   * The transaction's part: bumps the version on the condition that it is
   * still the one read (or that there was none), adding and removing tokens.
   */
  export function bump(tx: Pick<Tx, "paymentLikeness">, seen: Seen, change: { hand?: string[]; unhand?: string[]; lines?: string[] } = {}) {
    const farmID = useFarmID();
    let op = tx.paymentLikeness.update({ farmID, householdID: seen.householdID, year: seen.year }).add({
      version: 1,
      ...(change.hand?.length ? { hand: change.hand } : {}),
      ...(change.lines?.length ? { lines: change.lines } : {}),
    });
    if (change.unhand?.length) op = op.delete({ hand: change.unhand });
    return op.where((a, o) => (seen.version === undefined ? o.notExists(a.version) : o.eq(a.version, seen.version))).commit();
  }
}
