import * as z from "zod/mini";
import { VisibleError } from "../error";
import { decimal } from "../schema";
import { cropKey, defaultStep, units, type Unit } from "./crop";
import { selectLowest, sortByBalance } from "./order";

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
 * ⌈e_i⌉ steps; which households get the K = D − Σ⌊e_i⌋ extra steps is
 * decided by their carried balances. The rule, why, and what it does and
 * does not guarantee are argued at `allocate`; docs/harvest.md tells it
 * with worked examples.
 */

// units and crop keys live in crop.ts, which the web imports too
export { cropKey, defaultStep, units, type Unit };

/** Quantities, steps and mouths are exact to a thousandth (a gram for kg). */
const SCALE = 1000;

/** One crop the farmer harvested this week. */
export const Item = z.object({
  crop: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  unit: z.enum(units),
  /** The total harvested, in `unit`, to a thousandth (finer is rounded). */
  quantity: decimal(0, 1_000_000),
  /** The smallest amount worth handing out; `defaultStep[unit]` when absent. */
  step: z.optional(z.number().check(z.minimum(0.001), z.maximum(1_000))),
  /** Meat goes to non-vegetarian households only. */
  meat: z.optional(z.boolean()),
});
export type Item = z.infer<typeof Item>;

/** A household taking part this week: active, and not opted out (afgemeld). */
export const Participant = z.object({
  id: z.string().check(z.minLength(1)),
  mouths: z.number().check(z.minimum(0), z.maximum(100)),
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

/** An amount of a crop: a household's line, or what is left over. */
export interface Line {
  readonly crop: string;
  readonly unit: Unit;
  readonly quantity: number;
}

/** The outcome of one week's split. */
export interface Allocation {
  /**
   * One entry per participant, sorted by household ID. Lines follow the
   * order of the items; an item a household gets none of has no line.
   * Households getting the same amount of an item share one frozen line.
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
 * An amount in whole thousandths, finer digits rounded away. Up to a
 * million units, so products with mouths stay exact in doubles.
 */
function thousandths(value: number, what: string, path: string): number {
  const n = Math.round(value * SCALE);
  if (!Number.isFinite(value) || n < 0 || n > 1_000_000 * SCALE)
    throw new VisibleError("input", "harvest.invalid_input", `${what} is not a valid amount.`, [
      { path, message: `${what} must be between 0 and 1,000,000.` },
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
  return { step, total, steps: (total - rest) / step };
}

interface Eligible {
  /** Positions (= ID order) grouped by mouths: peers are consecutive. */
  members: Int32Array;
  /** Group g is members[start[g] .. start[g + 1]), groups in ascending mouths. */
  start: Int32Array;
  /** Mouths of each group, in thousandths. */
  mouths: Int32Array;
  /** All eligible mouths, in thousandths. */
  total: number;
}

interface People {
  ids: string[];
  /** By position: mouths in thousandths, and 1 for vegetarian households. */
  mouths: Int32Array;
  vegetarian: Uint8Array;
  /** Households with mouths, for vegetable items and for meat. */
  all: Eligible;
  meat: Eligible;
}

/** Group positions by equal mouths: the peers of the rule at `allocate`. */
function eligible(positions: number[], mouths: Int32Array): Eligible {
  const byMouths = new Map<number, number[]>();
  for (const i of positions) {
    const m = mouths[i]!;
    let list = byMouths.get(m);
    if (!list) byMouths.set(m, (list = []));
    list.push(i);
  }
  const groups = [...byMouths.keys()].sort((a, b) => a - b);
  const members = new Int32Array(positions.length);
  const start = new Int32Array(groups.length + 1);
  let at = 0;
  let total = 0;
  groups.forEach((m, g) => {
    start[g] = at;
    for (const i of byMouths.get(m)!) members[at++] = i;
    total += m * byMouths.get(m)!.length;
  });
  start[groups.length] = at;
  return { members, start, mouths: Int32Array.from(groups), total };
}

/** Participants sorted by ID, so neither the result nor tie-breaks depend on input order. */
function people(participants: readonly Participant[]): People {
  // Lists usually come sorted from the database: check before sorting.
  const inOrder = participants.every((p, i) => i === 0 || participants[i - 1]!.id <= p.id);
  const sorted = inOrder ? participants : [...participants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = sorted.length;
  const ids = new Array<string>(n);
  const mouths = new Int32Array(n);
  const vegetarian = new Uint8Array(n);
  const all: number[] = [];
  const meat: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = sorted[i]!;
    if (i > 0 && p.id === ids[i - 1])
      throw new VisibleError("input", "harvest.duplicate_household", `Household ${p.id} takes part twice.`);
    ids[i] = p.id;
    const m = thousandths(p.mouths, "Mouths", `participants.${p.id}.mouths`);
    if (m > 100 * SCALE)
      throw new VisibleError("input", "harvest.invalid_input", `Household ${p.id} has more than 100 mouths.`);
    mouths[i] = m;
    vegetarian[i] = p.vegetarian ? 1 : 0;
    if (m === 0) continue;
    all.push(i);
    if (!p.vegetarian) meat.push(i);
  }
  return { ids, mouths, vegetarian, all: eligible(all, mouths), meat: eligible(meat, mouths) };
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
  const group = item.meat ? p.meat : p.all;
  const shares = new Float64Array(p.ids.length);
  for (let c = 0; c + 1 < group.start.length; c++)
    for (let k = group.start[c]!; k < group.start[c + 1]!; k++) shares[group.members[k]!] = group.mouths[c]! / group.total;
  return p.ids.map((householdID, i) => ({
    householdID,
    ofTotal: (total * shares[i]!) / SCALE,
    ofHandedOut: (steps * step * shares[i]!) / SCALE,
  }));
}

/** A crop's balances during the split, by position. */
interface Crop {
  key: string;
  /** In steps of `step` (in thousandths); in the unit while `step` is 0. */
  balance: Float64Array;
  step: number;
  /** Whether an item of the crop was split this week, vegetable or meat. */
  forAll: boolean;
  forMeat: boolean;
}

/**
 * Split one week's harvest over the participating households: every whole
 * step handed out, each household within a step of its exact share, the
 * extra steps to whoever is furthest behind, peers taking turns. Pure and
 * deterministic. Why it works, and where it stops: docs/harvest.md.
 */
export function allocate(
  items: readonly Item[],
  participants: readonly Participant[],
  balances: Readonly<Balances>,
): Allocation {
  const p = people(participants);
  const n = p.ids.length;
  const leftovers: Line[] = [];

  // This week's balances per crop key, by position, read in one pass over
  // the households. `unknown` marks households carrying crops that are not
  // in this week's harvest: only their records need copying at the end.
  const working = new Map<string, Crop>();
  const keys = new Set(items.map(cropKey));
  const store = new Float64Array(keys.size * n);
  for (const key of keys)
    working.set(key, { key, balance: store.subarray(working.size * n, (working.size + 1) * n), step: 0, forAll: false, forMeat: false });
  const crops = [...working.values()];
  const unknown = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const carried = balances[p.ids[i]!];
    if (!carried) continue;
    let next = 0;
    for (const key in carried) {
      // Records written by `carry` list the crops in this order when the
      // farmer keeps to one order of items: try that before the map.
      const crop = crops[next]?.key === key ? crops[next++] : working.get(key);
      if (crop) crop.balance[i] = carried[key]!;
      else unknown[i] = 1;
    }
  }

  // Households getting the same amount of an item share one frozen line:
  // a week of 50 items over 10,000 households would otherwise make 500,000
  // objects. `given` holds, per household and item, 1 + the line's index in
  // `table` (0: nothing), `count` each household's number of lines.
  const table: Line[] = [];
  const given = new Int32Array(n * items.length);
  const count = new Int32Array(n);

  // Scratch space reused by every item.
  const whole = new Float64Array(n);
  const cost = new Float64Array(n);
  const tier = new Int8Array(n);
  const candidates = new Int32Array(n);
  const order = new Int32Array(n);
  const bucket = new Int32Array(n);
  const buckets = new Int32Array(n + 1);

  items.forEach((item, index) => {
    const { step, total, steps } = measure(item, index);
    const group = item.meat ? p.meat : p.all;
    const mouths = group.total;
    if (mouths === 0 || steps === 0) {
      leftovers.push({ crop: item.crop, unit: item.unit, quantity: total / SCALE });
      return;
    }

    const crop = working.get(cropKey(item))!;
    if (item.meat) crop.forMeat = true;
    else crop.forAll = true;
    const balance = crop.balance;
    if (crop.step !== step) {
      // Balances are in the unit until the crop's first item, then in steps.
      const scale = (crop.step || SCALE) / step;
      for (let i = 0; i < n; i++) balance[i] = balance[i]! * scale;
      crop.step = step;
    }

    // Peers (households with equal mouths) have the same exact share,
    // q + r/M steps. Each gets q; `extra` steps are left for the fractions.
    let extra = steps;
    let open = 0;
    for (let g = 0; g + 1 < group.start.length; g++) {
      const from = group.start[g]!;
      const to = group.start[g + 1]!;
      // D·m = q·M + r exactly: at most 10^9 steps × 10^5 thousandths of a
      // mouth, well inside 2^53.
      const share = steps * group.mouths[g]!;
      const r = share % mouths;
      const q = (share - r) / mouths;
      const fraction = r / mouths;
      let peers = 0;
      for (let k = from; k < to; k++) {
        const i = group.members[k]!;
        balance[i] = balance[i]! - fraction;
        peers += balance[i]!;
        whole[i] = q;
      }
      extra -= (to - from) * q;
      if (r === 0) continue;
      // What giving the t-th extra step among these peers (lowest balance
      // first) adds to the sum of squares, halved and less a constant: see
      // the argument at `allocate`.
      sortByBalance(group.members, from, to, balance, order, bucket, buckets);
      for (let t = 0; t < to - from; t++) {
        const i = order[t]!;
        cost[i] = balance[i]! + (peers + t) / 2;
        // Before any cost: whoever would end a whole step behind without the
        // extra step gets one, and whoever would end a step ahead with it
        // does not, as long as the steps go round.
        tier[i] = balance[i]! <= -1 ? -1 : balance[i]! >= 0 ? 1 : 0;
        candidates[open++] = i;
      }
    }
    if (extra < 0 || extra > open) throw new Error(`harvest split: ${extra} extra steps for ${open} households`);
    selectLowest(candidates, open, extra, tier, cost);
    for (let k = 0; k < extra; k++) {
      const i = candidates[k]!;
      whole[i] = whole[i]! + 1;
      balance[i] = balance[i]! + 1;
    }

    const codes = new Map<number, number>();
    let handedOut = 0;
    let last = 0;
    let code = 0;
    for (const i of group.members) {
      const x = whole[i]!;
      handedOut += x;
      if (x === 0) continue;
      if (x !== last) {
        last = x;
        code = codes.get(x) ?? 0;
        if (!code) {
          code = table.push(Object.freeze({ crop: item.crop, unit: item.unit, quantity: (x * step) / SCALE }));
          codes.set(x, code);
        }
      }
      given[i * items.length + index] = code;
      count[i]!++;
    }
    if (handedOut !== steps) throw new Error(`harvest split: handed out ${handedOut} of ${steps} steps`);
    leftovers.push({ crop: item.crop, unit: item.unit, quantity: (total - steps * step) / SCALE });
  });

  const allocations = p.ids.map((householdID, i) => {
    const lines = new Array<Line>(count[i]!);
    for (let k = i * items.length, at = 0; at < lines.length; k++) if (given[k]) lines[at++] = table[given[k]! - 1]!;
    return { householdID, lines };
  });

  return {
    allocations,
    leftovers,
    balances: carry(balances, p, crops, unknown),
  };
}

/**
 * The balances to carry: this week's crops for every household that was
 * eligible for them, everything else as it was.
 */
function carry(balances: Readonly<Balances>, p: People, crops: Crop[], unknown: Uint8Array): Balances {
  for (const { balance, step } of crops) {
    if (step === 0) continue;
    // Back to the unit, to nine decimals: far below any step, and a balance
    // that is back to zero reads 0 instead of 5.551115123125783e-17 or -0.
    for (let i = 0; i < balance.length; i++) balance[i] = Math.round(((balance[i]! * step) / SCALE) * 1e9) / 1e9 + 0;
  }
  // Vegetarians' records hold the crops split for everyone, the others'
  // also the meat. Each record starts as a copy of its template, so all
  // share one shape and one order: three times faster than growing each.
  const forVegetarians = crops.filter((c) => c.forAll);
  const forOthers = crops.filter((c) => c.forAll || c.forMeat);
  const template = (list: Crop[]) => Object.fromEntries(list.map((c) => [c.key, 0]));
  const kinds = [
    { list: forOthers, template: template(forOthers), partial: forOthers.length < crops.length },
    { list: forVegetarians, template: template(forVegetarians), partial: forVegetarians.length < crops.length },
  ];
  const next: Balances = { ...balances };
  for (let i = 0; i < p.ids.length; i++) {
    if (p.mouths[i] === 0) continue;
    const id = p.ids[i]!;
    const { list, template, partial } = kinds[p.vegetarian[i]!]!;
    if (list.length === 0) continue;
    const entry: Record<string, number> = { ...template };
    for (let c = 0; c < list.length; c++) entry[list[c]!.key] = list[c]!.balance[i]!;
    const carried = balances[id];
    if (carried && (partial || unknown[i])) for (const key in carried) if (!(key in entry)) entry[key] = carried[key]!;
    next[id] = entry;
  }
  return next;
}
