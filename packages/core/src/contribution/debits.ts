import { useFarmID } from "../actor";
import { useDB } from "../entities";
import type { Debit } from "./rules";

/**
 * How households pay a year's instalments by direct debit, as the rules'
 * pay-by dates need it (rules.ts, graceDays): who has an active mandate now,
 * which month's run collects from whom on what date, and which months have
 * a run at all.
 */
export namespace Debits {
  /** Every household's debits for a year (one query for the runs, one per run, one for the mandates); or one household's. */
  export async function ofYear(year: number, householdID?: string): Promise<(householdID: string) => Debit> {
    const farmID = useFarmID();
    const db = useDB().entities;
    const [runs, mandates] = await Promise.all([
      db.sepaRun.query.byMonth({ farmID }).begins({ month: `${year}-` }).go({ pages: "all" }),
      householdID
        ? db.mandate.query.byHousehold({ farmID, householdID }).go({ pages: "all" })
        : db.mandate.query.byHousehold({ farmID }).go({ pages: "all" }),
    ]);
    const items = await Promise.all(
      runs.data.map(async (run) => {
        const res = householdID
          ? await db.sepaRunItem.query.byRun({ farmID, runID: run.runID, householdID }).go({ pages: "all" })
          : await db.sepaRunItem.query.byRun({ farmID, runID: run.runID }).go({ pages: "all" });
        return res.data.map((i) => ({ householdID: i.householdID, month: run.month, date: run.collectionDate, again: i.recollectedIn }));
      }),
    );
    // a collection that came back is paid by the later run that collects it again (collection-again.ts)
    const dates = new Map(runs.data.map((r) => [r.month, r.collectionDate]));
    // a December return is collected again by a run of the next year
    const later = [...new Set(items.flat().flatMap((i) => (i.again && !dates.has(i.again) ? [i.again] : [])))];
    for (const run of await Promise.all(later.map((month) => db.sepaRun.get({ farmID, month }).go())))
      if (run.data) dates.set(run.data.month, run.data.collectionDate);
    const collections = new Map<string, Record<string, string>>();
    for (const i of items.flat()) collections.set(i.householdID, { ...collections.get(i.householdID), [i.month]: (i.again && dates.get(i.again)) || i.date });
    const active = new Set(mandates.data.filter((m) => m.status === "active").map((m) => m.householdID));
    const runMonths = runs.data.map((r) => r.month);
    return (id) => ({ mandate: active.has(id), collections: collections.get(id) ?? {}, runMonths });
  }
}
