import { useFarmID } from "../actor";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";

/**
 * What a month's run collects again: the collections of earlier runs of the
 * same year, or of the year before (a December return is collected in
 * January), that came back (collection-booking.ts) and were not collected
 * again by a run since. The run asks no more than what is still open of the
 * earlier instalments of their year, so a household that transferred it
 * meanwhile is not asked twice; what belongs to the year before is booked
 * on that year (`previousYearCents` on the run item).
 */
export namespace CollectionAgain {
  export type Returned = { runID: string; householdID: string; cents: number; year: number; recollectedIn?: string };
  export type Due = Map<string, Returned[]>;

  /** The returned collections per household that the run of `month` (YYYY-MM) collects again. */
  export async function due(month: string): Promise<Due> {
    const farmID = useFarmID();
    const db = useDB().entities;
    const year = Number(month.slice(0, 4));
    const runs = (await Promise.all([year - 1, year].map((y) => db.sepaRun.query.byMonth({ farmID }).begins({ month: `${y}-` }).go({ pages: "all" })))).flatMap((r) => r.data);
    const months = new Set(runs.map((r) => r.month));
    const items = await Promise.all(runs.filter((r) => r.month < month).map((r) => db.sepaRunItem.query.byRun({ farmID, runID: r.runID }).go({ pages: "all" })));
    const due: Due = new Map();
    for (const i of items.flatMap((r) => r.data))
      // a mark of a run that was never made (its create died) does not count
      if (i.returnedEntry && (!i.recollectedIn || i.recollectedIn === month || !months.has(i.recollectedIn))) {
        const cents = i.returnedCents ?? i.amountCents;
        const earlier = Math.min(i.previousYearCents ?? 0, cents);
        const year = Number(i.month.slice(0, 4));
        const base = { runID: i.runID, householdID: i.householdID, recollectedIn: i.recollectedIn };
        // a returned collection that held a return of the year before gives each year its own part back
        const parts = [{ ...base, cents: cents - earlier, year }, ...(earlier ? [{ ...base, cents: earlier, year: year - 1 }] : [])];
        due.set(i.householdID, [...(due.get(i.householdID) ?? []), ...parts]);
      }
    return due;
  }

  type Open = readonly { amountCents: number; paidCents: number }[];
  const returnedOf = (due: Due, householdID: string, year: number) => (due.get(householdID) ?? []).filter((r) => r.year === year).reduce((n, r) => n + r.cents, 0);
  const openOf = (instalments: Open) => instalments.reduce((n, i) => n + Math.max(0, i.amountCents - i.paidCents), 0);

  /** What to add to a household's collection for `year`: its returned amounts, at most what is open of the earlier instalments. */
  export function cents(due: Due, householdID: string, earlier: Open, year: number) {
    return Math.min(returnedOf(due, householdID, year), openOf(earlier));
  }

  /** True when some return to collect again belongs to the year before `year`. */
  export const reachesBack = (due: Due, year: number) => [...due.values()].some((list) => list.some((r) => r.year < year));

  /**
   * Marks the returned collections the run of `month` collects again, before
   * the run is written, each on the condition that no other run took it
   * meanwhile: two runs never ask for the same returned amount.
   */
  export async function mark(month: string, due: Due, householdIDs: readonly string[]) {
    const farmID = useFarmID();
    const db = useDB().entities;
    const items = new Map(householdIDs.flatMap((id) => due.get(id) ?? []).map((r) => [`${r.runID}|${r.householdID}`, r]));
    const marks = [...items.values()].filter((r) => r.recollectedIn !== month);
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
