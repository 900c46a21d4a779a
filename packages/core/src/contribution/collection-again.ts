import { useFarmID } from "../actor";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";

/**
 * What a month's run collects again: the collections of earlier runs of the
 * same year that came back (collection-booking.ts) and were not collected
 * again by a run since. The run asks no more than what is still open of the
 * earlier instalments, so a household that transferred it meanwhile is not
 * asked twice. A December return is left to the reminders: the next year's
 * runs collect that year's instalments only.
 */
export namespace CollectionAgain {
  export type Returned = { runID: string; householdID: string; cents: number; recollectedIn?: string };
  export type Due = Map<string, Returned[]>;

  /** The returned collections per household that the run of `month` (YYYY-MM) collects again. */
  export async function due(month: string): Promise<Due> {
    const farmID = useFarmID();
    const db = useDB().entities;
    const runs = (await db.sepaRun.query.byMonth({ farmID }).begins({ month: month.slice(0, 5) }).go({ pages: "all" })).data;
    const months = new Set(runs.map((r) => r.month));
    const items = await Promise.all(runs.filter((r) => r.month < month).map((r) => db.sepaRunItem.query.byRun({ farmID, runID: r.runID }).go({ pages: "all" })));
    const due: Due = new Map();
    for (const i of items.flatMap((r) => r.data))
      // a mark of a run that was never made (its create died) does not count
      if (i.returnedEntry && (!i.recollectedIn || i.recollectedIn === month || !months.has(i.recollectedIn)))
        due.set(i.householdID, [...(due.get(i.householdID) ?? []), { runID: i.runID, householdID: i.householdID, cents: i.returnedCents ?? i.amountCents, recollectedIn: i.recollectedIn }]);
    return due;
  }

  /** What to add to a household's collection: its returned amounts, at most what is open of the earlier instalments. */
  export function cents(due: Due, householdID: string, earlier: readonly { amountCents: number; paidCents: number }[]) {
    const returned = (due.get(householdID) ?? []).reduce((n, r) => n + r.cents, 0);
    const open = earlier.reduce((n, i) => n + Math.max(0, i.amountCents - i.paidCents), 0);
    return Math.min(returned, open);
  }

  /**
   * Marks the returned collections the run of `month` collects again, before
   * the run is written, each on the condition that no other run took it
   * meanwhile: two runs never ask for the same returned amount.
   */
  export async function mark(month: string, due: Due, householdIDs: readonly string[]) {
    const farmID = useFarmID();
    const db = useDB().entities;
    const marks = householdIDs.flatMap((id) => due.get(id) ?? []).filter((r) => r.recollectedIn !== month);
    const res = await Promise.allSettled(
      marks.map((r) =>
        db.sepaRunItem
          .patch({ farmID, runID: r.runID, householdID: r.householdID })
          .set({ recollectedIn: month })
          .where((a, op) => (r.recollectedIn ? op.eq(a.recollectedIn, r.recollectedIn) : op.notExists(a.recollectedIn)))
          .go(),
      ),
    );
    const failed = res.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    if (failed.some((e) => !isConditionFailure(e))) throw failed.find((e) => !isConditionFailure(e));
    if (failed.length) throw new VisibleError("conflict", "sepa.busy", "Another collection run is being made at the same time; try again.");
  }
}
