import * as z from "zod";
import { VisibleError } from "../error";

/*
 * The weekly harvest split (oogstverdeling): a pure rule, no I/O.
 *
 * Every quantity is handled as an integer number of thousandths of its unit
 * (grams for kg), so 12.35 kg is 12 350 and a step of 0.05 kg is 50: sums and
 * leftovers are exact and outputs carry no 0.1 + 0.2 noise. Mouths are
 * integer thousandths too, so the total of mouths does not depend on the
 * order households come in.
 *
 * Per item, with D whole steps to hand out, household i with m_i of the M
 * eligible mouths has an exact share e_i = D·m_i/M steps. It gets ⌊e_i⌋ or
 * ⌈e_i⌉ steps; the K = D − Σ⌊e_i⌋ extra steps go to the households whose
 * carried balance would otherwise be lowest. Why that rule, and what it
 * does and does not guarantee, is argued at `allocate` below.
 */

export const units = ["kg", "piece", "bunch"] as const;
export type Unit = (typeof units)[number];

/** The smallest amount worth handing out, when the farmer names none. */
export const defaultStep: Readonly<Record<Unit, number>> = { kg: 0.05, piece: 1, bunch: 1 };

/** Quantities, steps and mouths are exact to a thousandth (a gram for kg). */
const SCALE = 1000;

/** One crop the farmer harvested this week. */
export const Item = z.object({
  crop: z.string().trim().min(1).max(100),
  unit: z.enum(units),
  /** The total harvested, in `unit`; exact to a thousandth. */
  quantity: z.number().min(0).max(1_000_000),
  /** The smallest amount worth handing out; `defaultStep[unit]` when absent. */
  step: z.number().min(0.001).max(1_000).optional(),
  /** Meat goes to non-vegetarian households only. */
  meat: z.boolean().optional(),
});
export type Item = z.infer<typeof Item>;

/** A household taking part this week: active, and not opted out (afgemeld). */
export const Participant = z.object({
  id: z.string().min(1),
  mouths: z.number().min(0).max(1_000),
  vegetarian: z.boolean(),
});
export type Participant = z.infer<typeof Participant>;

/**
 * Carried balances: per household, per crop key (see `cropKey`), what the
 * household received minus its exact share, summed over past weeks, in the
 * crop's unit (kg, pieces, bunches). Positive means ahead, negative behind.
 * Kept in the unit rather than in steps so that a changed step does not
 * change what a household is owed.
 */
export const Balances = z.record(z.string(), z.record(z.string(), z.number()));
export type Balances = z.infer<typeof Balances>;

export interface Line {
  crop: string;
  unit: Unit;
  quantity: number;
}

/** The outcome of one week's split. */
export interface Allocation {
  /**
   * One entry per participant, sorted by household ID. Lines follow the
   * order of the items; an item a household gets none of has no line.
   */
  allocations: { householdID: string; lines: Line[] }[];
  /** One entry per item, in the order of the items, 0 when nothing is left. */
  leftovers: Line[];
  /**
   * The balances to carry to next week: the given ones, with the entries of
   * this week's eligible households updated. Households not taking part keep
   * theirs unchanged.
   */
  balances: Balances;
}

/**
 * The key balances are carried under: the same crop in the same unit, with
 * case and spacing ignored so "Spinazie " and "spinazie" are one crop.
 */
export function cropKey(item: Pick<Item, "crop" | "unit">): string {
  return `${item.crop.trim().toLowerCase().replace(/\s+/g, " ")}|${item.unit}`;
}

function thousandths(value: number, what: string, path: string): number {
  const n = Math.round(value * SCALE);
  if (!Number.isFinite(value) || n < 0 || n > Number.MAX_SAFE_INTEGER / 1e6)
    throw new VisibleError("input", "harvest.invalid_input", `${what} is not a valid amount.`, [
      { path, message: `${what} must be a finite amount of at least 0.` },
    ]);
  return n;
}

/** An item in integer thousandths: the step, the whole steps, what is left. */
function measure(item: Item, index: number) {
  const step = thousandths(item.step ?? defaultStep[item.unit], "The step", `items.${index}.step`);
  if (step === 0)
    throw new VisibleError("input", "harvest.invalid_input", "The step must be at least 0.001.", [
      { path: `items.${index}.step`, message: "The step must be at least 0.001." },
    ]);
  const total = thousandths(item.quantity, "The quantity", `items.${index}.quantity`);
  const rest = total % step;
  return { step, total, steps: (total - rest) / step, rest };
}

interface People {
  ids: string[];
  /** Mouths in thousandths, by position in `ids`. */
  mouths: Int32Array;
  /** Positions of the households with mouths, for vegetable and meat items. */
  all: Int32Array;
  meat: Int32Array;
  allMouths: number;
  meatMouths: number;
}

/** Participants sorted by ID, so neither the result nor tie-breaks depend on input order. */
function people(participants: readonly Participant[]): People {
  const sorted = [...participants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = sorted.length;
  const ids = new Array<string>(n);
  const mouths = new Int32Array(n);
  const all: number[] = [];
  const meat: number[] = [];
  let allMouths = 0;
  let meatMouths = 0;
  for (let i = 0; i < n; i++) {
    const p = sorted[i]!;
    if (i > 0 && p.id === ids[i - 1])
      throw new VisibleError("input", "harvest.duplicate_household", `Household ${p.id} takes part twice.`);
    ids[i] = p.id;
    const m = thousandths(p.mouths, "Mouths", `participants.${p.id}.mouths`);
    if (m > 1_000_000)
      throw new VisibleError("input", "harvest.invalid_input", `Household ${p.id} has too many mouths.`);
    mouths[i] = m;
    if (m === 0) continue;
    all.push(i);
    allMouths += m;
    if (!p.vegetarian) {
      meat.push(i);
      meatMouths += m;
    }
  }
  return { ids, mouths, all: Int32Array.from(all), meat: Int32Array.from(meat), allMouths, meatMouths };
}

/** One household's exact share of an item, in the item's unit. */
export interface ExactShare {
  householdID: string;
  /** total × mouths ÷ eligible mouths: what the farmer's sum on paper gives. */
  ofTotal: number;
  /**
   * The same over the whole steps handed out (the total less the leftover).
   * Balances are kept against this share: it is what the households split
   * among themselves, so their balances add up to zero every week.
   */
  ofHandedOut: number;
}

/**
 * Each participant's exact share of one item, for previews and checks.
 * Vegetarians and households without mouths have a share of 0 in meat; when
 * no one is eligible every share is 0 and the whole item is left over.
 */
export function exactShares(item: Item, participants: readonly Participant[]): ExactShare[] {
  const { step, total, steps } = measure(item, 0);
  const p = people(participants);
  const eligibleMouths = item.meat ? p.meatMouths : p.allMouths;
  const eligible = new Uint8Array(p.ids.length);
  for (const i of item.meat ? p.meat : p.all) eligible[i] = 1;
  return p.ids.map((householdID, i) => {
    const share = eligible[i] ? p.mouths[i]! / eligibleMouths : 0;
    return {
      householdID,
      ofTotal: (total * share) / SCALE,
      ofHandedOut: (steps * step * share) / SCALE,
    };
  });
}

/**
 * Split one week's harvest over the participating households.
 *
 * **Per week.** Of each item every whole step is handed out; only the part
 * smaller than one step is left over (everything, when no household is
 * eligible: meat with only vegetarians). Each household gets its exact share
 * rounded down or up to whole steps, so it is less than one step from its
 * share of what is handed out and at most one step from its share of the
 * total (`exactShares`). Which households get the extra step:
 *
 * 1. those for whom rounding down would leave them more than a step short
 *    of their share of the total (possible only when there is a leftover;
 *    there are never more of them than extra steps, because their fractions
 *    plus their part of the leftover add up to less than extras + 1);
 * 2. then those whose carried balance would be lowest without the extra
 *    step (balance − fraction of a step), ties to the lower household ID.
 *
 * **Over a season.** Balances are kept against the share of what is handed
 * out, so the households' balances of a crop add up to zero (leftovers do
 * not count, or every balance would drift down each week). Rule 2 is
 * "furthest behind goes first": it is the choice that makes this week's
 * largest |balance| as small as it can be (swapping an extra step from a
 * household that stands lower to one that stands higher never narrows the
 * spread), so whenever some split of this week keeps every balance within
 * one step, this one does. With a steady group of households the balances
 * stay within one step; the property tests check that over thousands of
 * seasons, and over seasons with realistic opt-outs.
 *
 * What no rule can promise: when households opt in and out adversarially,
 * a balance can be forced past one step. Six one-mouth households share 3
 * cauliflowers: three of them get one (+½ each). Next week only those three
 * come and there is 1 cauliflower: whoever gets it ends at ½ + ⅔ = 1⅙.
 * This is the carpool problem (Fagin & Williams 1983; Ajtai et al.,
 * "Fairness in scheduling", 1998): with arbitrary attendance no online rule
 * keeps everyone within a constant. The weekly bound is kept regardless;
 * the balance then comes back towards zero, since the household ahead
 * goes last for the extra steps that follow.
 *
 * Deterministic: participants are taken in household-ID order, so the same
 * items, the same set of participants and the same balances give the same
 * result. Items are split in their order; two items with the same crop key
 * share one balance. The inputs are not changed.
 *
 * Cost: linear in households × items; the extra steps are picked by
 * selection, not by sorting.
 */
export function allocate(
  items: readonly Item[],
  participants: readonly Participant[],
  balances: Readonly<Balances>,
): Allocation {
  const p = people(participants);
  const n = p.ids.length;
  const lines: Line[][] = Array.from({ length: n }, () => []);
  const leftovers: Line[] = [];
  // Working balances for the week, per crop key, by position, in the unit.
  const working = new Map<string, Float64Array>();
  const touched = new Map<string, Uint8Array>();

  // Scratch space reused by every item.
  const floor = new Float64Array(n);
  const priority = new Float64Array(n);
  const candidates = new Int32Array(n);

  items.forEach((item, index) => {
    const { step, total, steps, rest } = measure(item, index);
    const eligible = item.meat ? p.meat : p.all;
    const mouths = item.meat ? p.meatMouths : p.allMouths;
    if (mouths === 0 || steps === 0) {
      leftovers.push({ crop: item.crop, unit: item.unit, quantity: total / SCALE });
      return;
    }

    const key = cropKey(item);
    let balance = working.get(key);
    let seen = touched.get(key);
    if (!balance || !seen) {
      balance = new Float64Array(n);
      for (let i = 0; i < n; i++) balance[i] = balances[p.ids[i]!]?.[key] ?? 0;
      seen = new Uint8Array(n);
      working.set(key, balance);
      touched.set(key, seen);
    }

    const unitsPerStep = step / SCALE;
    let handedOut = 0;
    let forced = 0;
    let open = 0;
    for (const i of eligible) {
      // D·m_i = q·M + r exactly: well inside 2^53 for any real farm.
      const share = steps * p.mouths[i]!;
      const r = share % mouths;
      const q = (share - r) / mouths;
      floor[i] = q;
      handedOut += q;
      const fraction = r / mouths;
      const standing = balance[i]! / unitsPerStep - fraction;
      priority[i] = standing;
      if (r === 0) continue;
      // Rounding down would leave it a step or more short of its share of
      // the total: r/M + (rest/step)·(m/M) ≥ 1, in integers.
      if (r * step + rest * p.mouths[i]! >= mouths * step) {
        floor[i] = q + 1;
        handedOut += 1;
        balance[i] = (standing + 1) * unitsPerStep;
        seen[i] = 1;
        forced++;
      } else candidates[open++] = i;
    }
    const extra = steps - handedOut;
    if (extra < 0 || extra > open) throw new Error(`harvest split: ${forced} forced, ${extra} extra, ${open} open`);
    selectLowest(candidates, open, extra, priority);
    for (let c = 0; c < open; c++) {
      const i = candidates[c]!;
      const got = c < extra ? 1 : 0;
      floor[i] = floor[i]! + got;
      balance[i] = (priority[i]! + got) * unitsPerStep;
      seen[i] = 1;
    }

    for (const i of eligible) {
      seen[i] = 1;
      const x = floor[i]!;
      if (x > 0) lines[i]!.push({ crop: item.crop, unit: item.unit, quantity: (x * step) / SCALE });
    }
    leftovers.push({ crop: item.crop, unit: item.unit, quantity: (total - steps * step) / SCALE });
  });

  const next: Balances = { ...balances };
  const keys = [...working.keys()];
  for (let i = 0; i < n; i++) {
    const id = p.ids[i]!;
    let entry: Record<string, number> | undefined;
    for (const key of keys) {
      if (!touched.get(key)![i]) continue;
      entry ??= { ...balances[id] };
      // Nine decimals: far below any step, and a balance that is back to
      // zero reads 0 instead of 5.551115123125783e-17.
      entry[key] = Math.round(working.get(key)![i]! * 1e9) / 1e9 + 0;
    }
    if (entry) next[id] = entry;
  }

  return {
    allocations: p.ids.map((householdID, i) => ({ householdID, lines: lines[i]! })),
    leftovers,
    balances: next,
  };
}

/**
 * Reorder `list[0..length)` so that its first `k` entries are the `k` with
 * the lowest priority, ties to the lower position (= lower household ID).
 * Quickselect: linear on average, where sorting would be n log n per item.
 * The order is total, so the chosen set does not depend on pivots.
 */
function selectLowest(list: Int32Array, length: number, k: number, priority: Float64Array) {
  const before = (a: number, b: number) => {
    const pa = priority[a]!;
    const pb = priority[b]!;
    return pa < pb || (pa === pb && a < b);
  };
  let lo = 0;
  let hi = length - 1;
  if (k <= 0 || k >= length) return;
  while (lo < hi) {
    // Median of three as the pivot keeps sorted or reversed input linear.
    const mid = (lo + hi) >>> 1;
    let a = list[lo]!;
    let b = list[mid]!;
    let c = list[hi]!;
    if (before(b, a)) [a, b] = [b, a];
    if (before(c, b)) {
      [b, c] = [c, b];
      if (before(b, a)) [a, b] = [b, a];
    }
    const pivot = b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (before(list[i]!, pivot)) i++;
      while (before(pivot, list[j]!)) j--;
      if (i <= j) {
        const t = list[i]!;
        list[i] = list[j]!;
        list[j] = t;
        i++;
        j--;
      }
    }
    // Now [lo..j] ≤ pivot ≤ [i..hi]; keep the side holding position k.
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
}
