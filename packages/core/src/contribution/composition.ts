import { useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { writeAll } from "../batch-write";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { dateOf, type Period } from "./rules";

/**
 * The composition history a statement is pro-rated on. Households keep only
 * their current composition, so the contribution records what it sees: when
 * a statement is computed and the household no longer matches its last
 * recorded period, a new period starts on the day of the household's last
 * recorded change (from the audit log), or today.
 *
 * Known limits: a household seen for the first time is taken to have had its
 * current composition since it was created (a status change in the audit log
 * is honoured: a household activated later counts from then); two changes
 * between two statements are seen as one, on the date of the later.
 */
export namespace Composition {
  export interface HouseholdItem {
    householdID: string;
    name: string;
    adults: number;
    children: number;
    vegetarian: boolean;
    status: "active" | "pending" | "left";
    createdAt: string;
    updatedAt: string;
  }

  const watched = ["adults", "children", "vegetarian", "status"];

  /** Every recorded period of the farm, by household, oldest first. */
  export async function all(): Promise<Map<string, Period[]>> {
    const res = await useDB().entities.compositionPeriod.query.byFarm({ farmID: useFarmID() }).go({ pages: "all" });
    return group(res.data);
  }

  export async function of(householdID: string): Promise<Period[]> {
    const res = await useDB()
      .entities.compositionPeriod.query.byFarm({ farmID: useFarmID(), householdID })
      .go({ pages: "all", consistent: true });
    return group(res.data).get(householdID) ?? [];
  }

  function group(items: (Period & { householdID: string })[]) {
    const map = new Map<string, Period[]>();
    for (const p of items) {
      const list = map.get(p.householdID) ?? [];
      list.push({ from: p.from, adults: p.adults, children: p.children, vegetarian: p.vegetarian, active: p.active });
      map.set(p.householdID, list);
    }
    for (const list of map.values()) list.sort((a, b) => a.from.localeCompare(b.from));
    return map;
  }

  function now(h: HouseholdItem): Omit<Period, "from"> {
    return { adults: h.adults, children: h.children, vegetarian: h.vegetarian, active: h.status === "active" };
  }

  function same(a: Omit<Period, "from">, b: Omit<Period, "from">) {
    return a.adults === b.adults && a.children === b.children && a.vegetarian === b.vegetarian && a.active === b.active;
  }

  async function changes(householdID: string) {
    const events = await Audit.forSubject(householdID);
    return events
      .filter((e) => e.action.startsWith("household.") && e.data && watched.some((k) => k in (e.data as object)))
      .sort((a, b) => a.at.localeCompare(b.at));
  }

  /** The periods to add so the history ends in the household as it is now. */
  async function missing(h: HouseholdItem, periods: readonly Period[]): Promise<Period[]> {
    const current = now(h);
    const last = periods.at(-1);
    if (last && same(last, current)) return [];
    // never changed since it was made: nothing in the audit log to look for
    const untouched = Date.parse(h.updatedAt) - Date.parse(h.createdAt) < 1000;
    const events = untouched ? [] : await changes(h.householdID);
    const today = dateOf(Clock.now());
    if (!last) {
      const joined = dateOf(Date.parse(h.createdAt));
      const statusChange = events.filter((e) => "status" in (e.data as object)).at(-1);
      const changedOn = statusChange ? dateOf(Date.parse(statusChange.at)) : undefined;
      if (changedOn && changedOn > joined)
        return [
          { from: joined, ...current, active: !current.active },
          { from: changedOn, ...current },
        ];
      return [{ from: joined, ...current }];
    }
    const latest = events.at(-1);
    const changedOn = latest ? dateOf(Date.parse(latest.at)) : undefined;
    // same day as the last period: it replaces that one (same key)
    return [{ from: changedOn && changedOn >= last.from ? changedOn : today, ...current }];
  }

  /**
   * Brings the recorded history of these households up to date and returns
   * it. Writing is idempotent (the key is household and date), so two
   * statements computed at once write the same thing.
   */
  export async function sync(households: readonly HouseholdItem[], known: Map<string, Period[]>): Promise<Map<string, Period[]>> {
    const farmID = useFarmID();
    const out = new Map(known);
    const added: (Period & { householdID: string })[] = [];
    await Promise.all(
      households.map(async (h) => {
        const periods = known.get(h.householdID) ?? [];
        const extra = await missing(h, periods);
        if (!extra.length) return;
        const merged = [...periods.filter((p) => !extra.some((x) => x.from === p.from)), ...extra].sort((a, b) => a.from.localeCompare(b.from));
        out.set(h.householdID, merged);
        added.push(...extra.map((p) => ({ ...p, householdID: h.householdID })));
      }),
    );
    if (added.length) {
      const db = useDB().entities;
      await writeAll((items) => db.compositionPeriod.put(items).go(), added.map((p) => ({ farmID, ...p })));
    }
    return out;
  }

  /** The households of the farm as the contribution needs them. */
  export async function households(): Promise<HouseholdItem[]> {
    const res = await useDB().entities.household.query.byID({ farmID: useFarmID() }).go({ pages: "all" });
    return res.data;
  }

  export async function household(householdID: string): Promise<HouseholdItem | undefined> {
    const res = await useDB().entities.household.get({ farmID: useFarmID(), householdID }).go();
    return res.data ?? undefined;
  }
}
