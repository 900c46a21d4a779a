import { useFarmID } from "../actor";
import { useDB } from "../entities";
import type { Balances } from "./allocate";

/** Before every ISO week: the lower bound of a week range, so a range query stays within one entity's keys. */
const firstWeek = "0000-W01";

/**
 * What each household carries into `week`: the balances stored with its
 * latest share before that week (none for a household's first week).
 *
 * Shares are written only under a week's record, so the latest share of
 * a household is in the newest earlier week that holds one. The newest
 * earlier week is read with one query (every household that took part in
 * it), the week before only for households that skipped it; a household
 * found in neither, while older weeks exist, is looked up on its own.
 * `households` may still be under way: the newest week is read meanwhile.
 */
export async function balancesBefore(week: string, households: Promise<string[]> | string[]): Promise<Balances> {
  const farmID = useFarmID();
  const db = useDB().entities;
  const sharesOf = (w: { week: string }) => db.harvestShare.query.byWeek({ farmID, week: w.week }).go({ pages: "all", consistent: true });
  const recent = (async () => {
    // bounded below: a bare lt() walks the farm's other keys one page at a time
    const weeks = await db.harvestWeek.query.byWeek({ farmID }).between({ week: firstWeek }, { week }).go({ order: "desc", limit: 4 });
    // the week itself, if stored, and up to three before it: a third one says older weeks exist
    const earlier = weeks.data.filter((w) => w.week < week);
    return { earlier, newest: earlier[0] ? await sharesOf(earlier[0]) : undefined };
  })();
  const [householdIDs, { earlier, newest }] = await Promise.all([households, recent]);
  const out: Balances = {};
  const wanted = new Set(householdIDs);
  const take = (res: Awaited<ReturnType<typeof sharesOf>>) => {
    for (const s of res.data) if (wanted.has(s.householdID) && !(s.householdID in out)) out[s.householdID] = s.balances as Balances[string];
  };
  if (newest) take(newest);
  const skipped = () => householdIDs.filter((id) => !(id in out));
  if (earlier[1] && skipped().length) take(await sharesOf(earlier[1]));
  const missing = earlier.length > 2 ? skipped() : [];
  for (let i = 0; i < missing.length; i += 25)
    await Promise.all(
      missing.slice(i, i + 25).map(async (householdID) => {
        const res = await db.harvestShare.query
          .byHousehold({ farmID, householdID })
          .between({ week: firstWeek }, { week })
          .go({ order: "desc", limit: 2 });
        const last = res.data.find((s) => s.week < week);
        if (last) out[householdID] = last.balances as Balances[string];
      }),
    );
  return out;
}
