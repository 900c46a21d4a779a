import * as z from "zod/mini";
import { useActor, useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { dateOf, milliMouths, monthDenominator, solidarityPercent, splitCumulative } from "../contribution/rules";
import { SeasonDraft } from "../contribution/season-draft";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { Household } from "../household/household";
import { itemResults } from "./results";
import { loadItems, type StoredItem } from "./stored";

/*
 * The budget motion: an agenda item that carries next season's budget. Its
 * papers show what the budget costs per mouth per week (the proposal the
 * treasurer's season screen makes, `SeasonDraft.preview`) and what that means
 * for the reader's household (its mouths, vegetarian price and solidarity
 * choice, counted by the statement's own rule). Adopted, it becomes the
 * season's figures for the treasurer to confirm, once (`applyBudgets`).
 */

export const BudgetInput = z.object({
  year: z.int().check(z.minimum(2000), z.maximum(2200)),
  budgetCents: z.int().check(z.minimum(1), z.maximum(10_000_000_000)),
  weeks: z.int().check(z.minimum(1), z.maximum(53)),
});

export const BudgetInfo = z.object({
  year: z.number(),
  budgetCents: z.number(),
  weeks: z.number(),
  /** Per mouth per week, with today's households; null while the farm has no active mouths. */
  rateCents: z.nullable(z.number()),
  vegetarianRateCents: z.nullable(z.number()),
  childFactor: z.number(),
  mouths: z.number(),
  households: z.number(),
  /** The reader's household under this budget; null for a reader without one. */
  mine: z.nullable(
    z.object({
      mouths: z.number(),
      vegetarian: z.boolean(),
      solidarityPercent: z.number(),
      weekCents: z.number(),
      monthCents: z.number(),
      yearCents: z.number(),
    }),
  ),
  /** Adopted and handed to the treasurer as the season's figures. */
  applied: z.boolean(),
});
export type BudgetInfo = z.infer<typeof BudgetInfo>;

async function ownHousehold() {
  const actor = useActor();
  const id = actor.type === "person" ? actor.householdID : null;
  const h = id ? await Household.get(id) : undefined;
  return h?.status === "active" ? h : undefined;
}

/** A household's solidarity choice for the budget's year, else this year's (chosen again each year, until then the best guess). */
async function choiceOf(householdID: string, year: number) {
  const get = (y: number) => useDB().entities.solidarityChoice.get({ farmID: useFarmID(), year: y, householdID }).go();
  const c = (await get(year)).data ?? (await get(Number(dateOf(Clock.now()).slice(0, 4)))).data;
  return c ? solidarityPercent(c.choice, c.percent) : 0;
}

export async function budgetInfo(item: StoredItem): Promise<BudgetInfo | null> {
  const b = item.budget;
  if (!b) return null;
  const [p, h] = await Promise.all([SeasonDraft.preview(b), ownHousehold()]);
  const rate = p.proposal;
  let mine: BudgetInfo["mine"] = null;
  if (h && rate) {
    const percent = await choiceOf(h.id, b.year);
    const mouthsMilli = milliMouths(h.adults, h.children, p.childFactor);
    const weekNumerator = (h.vegetarian ? rate.vegetarianRateCents : rate.rateCents) * mouthsMilli * (100 + percent);
    // a whole year at one price and composition, instalments as the statement splits them (rules.ts, computeStatement)
    const months = splitCumulative(Array<number>(12).fill(weekNumerator * b.weeks), monthDenominator);
    mine = {
      mouths: mouthsMilli / 1000,
      vegetarian: h.vegetarian,
      solidarityPercent: percent,
      weekCents: splitCumulative([weekNumerator], 100_000)[0]!,
      monthCents: months[0]!,
      yearCents: months.reduce((n, m) => n + m, 0),
    };
  }
  return {
    ...b,
    rateCents: rate?.rateCents ?? null,
    vegetarianRateCents: rate?.vegetarianRateCents ?? null,
    childFactor: p.childFactor,
    mouths: p.mouths,
    households: p.households,
    mine,
    applied: !!item.budgetApplied,
  };
}

/**
 * Each adopted budget motion of a closed meeting becomes its year's season
 * figures, a draft for the treasurer to confirm. The item's mark and the
 * season are one transaction on the condition that the mark is not there,
 * so a close run again (or by the job and the board at once) applies it once.
 */
export async function applyBudgets(assemblyID: string) {
  const farmID = useFarmID();
  const budgets = (await loadItems(assemblyID)).filter((i) => i.budget && !i.budgetApplied);
  if (!budgets.length) return;
  const results = new Map((await itemResults(assemblyID)).items.map((r) => [r.itemID, r.result]));
  for (const i of budgets) {
    if (!results.get(i.itemID)?.passed) continue;
    const b = i.budget!;
    // a season saved meanwhile refuses the write: read again and retry, unless the mark is taken
    for (let attempt = 0; attempt < 3; attempt++) {
      const done = await SeasonDraft.fromBudget(b.year, b, ({ assemblyItem, audit }) => [
        assemblyItem
          .patch({ farmID, assemblyID, itemID: i.itemID })
          .set({ budgetApplied: Clock.iso() })
          .where((x, op) => op.notExists(x.budgetApplied))
          .commit(),
        audit.create(Audit.event("assembly.budget_adopted", assemblyID, { itemID: i.itemID, ...b })).commit(),
      ]);
      if (done) break;
      const again = (await loadItems(assemblyID)).find((x) => x.itemID === i.itemID);
      if (!again || again.budgetApplied) break;
    }
  }
}
