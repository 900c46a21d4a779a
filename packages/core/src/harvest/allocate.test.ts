import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { VisibleError } from "../error";
import { mouths as mouthsOf } from "../household/mouths";
import {
  allocate,
  cropKey,
  defaultStep,
  exactShares,
  type Allocation,
  type Balances,
  type Item,
  type Participant,
} from "./allocate";

/** Amounts in thousandths of their unit, where all the sums here are exact. */
const milli = (x: number) => Math.round(x * 1000);
const stepOf = (item: Item) => item.step ?? defaultStep[item.unit];

/** What a household got of an item; items in these tests have distinct crop keys. */
function got(result: Allocation, householdID: string, item: Item) {
  const lines = result.allocations.find((a) => a.householdID === householdID)?.lines ?? [];
  return lines.find((l) => cropKey(l) === cropKey(item))?.quantity ?? 0;
}

// Generators -----------------------------------------------------------------

/** Half mouths from 0.5 to 5, and now and then a household without any. */
const household = fc.record({ mouths: fc.integer({ min: 0, max: 10 }).map((h) => h / 2), vegetarian: fc.boolean() });

/** Up to `max` households with IDs that do not sort like numbers (hh_10 < hh_2). */
const households = (min: number, max: number) =>
  fc
    .array(household, { minLength: min, maxLength: max })
    .map((list): Participant[] => list.map((h, i) => ({ id: `hh_${i}`, ...h })));

const kg = fc.record({
  unit: fc.constant("kg" as const),
  quantity: fc.integer({ min: 0, max: 60_000 }).map((g) => g / 1000),
  step: fc.constantFrom(undefined, 0.05, 0.1, 0.25, 0.02, 0.001, 0.3, 1.5),
});
const piece = fc.record({
  unit: fc.constant("piece" as const),
  quantity: fc.integer({ min: 0, max: 300 }),
  step: fc.constantFrom(undefined, 1, 2, 0.5),
});
const bunch = fc.record({
  unit: fc.constant("bunch" as const),
  quantity: fc.integer({ min: 0, max: 100 }),
  step: fc.constantFrom(undefined, 1, 3),
});

/** A week's items, one per crop, some of them meat. */
const items = fc
  .array(fc.record({ kind: fc.oneof(kg, piece, bunch), meat: fc.integer({ min: 0, max: 3 }).map((x) => x === 0) }), { minLength: 1, maxLength: 6 })
  .map((list): Item[] =>
    list.map(({ kind, meat }, i) => ({
      crop: `crop ${i}`,
      unit: kind.unit,
      quantity: kind.quantity,
      ...(kind.step !== undefined ? { step: kind.step } : {}),
      ...(meat ? { meat: true } : {}),
    })),
  );

/** Carried balances anywhere within one step, as a previous week leaves them. */
function carried(week: Item[], people: Participant[]) {
  return fc
    .array(fc.double({ min: -0.999, max: 0.999, noNaN: true }), { minLength: week.length * people.length, maxLength: week.length * people.length })
    .map((values) => {
      const balances: Balances = {};
      people.forEach((p, h) => {
        balances[p.id] = Object.fromEntries(week.map((item, k) => [cropKey(item), values[h * week.length + k]! * stepOf(item)]));
      });
      return balances;
    });
}

const week = households(0, 14).chain((people) =>
  items.chain((list) => carried(list, people).map((balances) => ({ people, items: list, balances }))),
);

// One week ---------------------------------------------------------------------

describe("one week's split", () => {
  it("hands out whole steps, never more than the total, and reports the rest exactly", () => {
    fc.assert(
      fc.property(week, ({ people, items, balances }) => {
        const result = allocate(items, people, balances);
        expect(result.leftovers).toHaveLength(items.length);
        items.forEach((item, k) => {
          const step = milli(stepOf(item));
          const eligible = people.some((p) => p.mouths > 0 && !(item.meat && p.vegetarian));
          let handedOut = 0;
          for (const p of people) {
            const q = got(result, p.id, item);
            expect(Math.round(q * 1000) / 1000).toBe(q); // no 0.1 + 0.2 noise
            expect(milli(q) % step).toBe(0);
            handedOut += milli(q);
          }
          const left = milli(result.leftovers[k]!.quantity);
          expect(handedOut + left).toBe(milli(item.quantity));
          if (eligible) expect(left).toBeLessThan(step);
          else expect(left).toBe(milli(item.quantity));
        });
      }),
    );
  });

  it("gives each household its exact share rounded down or up to a whole step", () => {
    fc.assert(
      fc.property(week, ({ people, items, balances }) => {
        const result = allocate(items, people, balances);
        items.forEach((item, k) => {
          const step = stepOf(item);
          const leftover = result.leftovers[k]!.quantity;
          for (const share of exactShares(item, people)) {
            const q = got(result, share.householdID, item);
            // Of what is handed out: strictly less than one step either way.
            expect(Math.abs(q - share.ofHandedOut)).toBeLessThan(step - 1e-9);
            expect(Math.floor(share.ofHandedOut / step + 1e-9) * step).toBeLessThanOrEqual(q + 1e-9);
            // Of the total: never a step over; short by less than a step
            // plus the household's part of the leftover (under a step).
            expect(q - share.ofTotal).toBeLessThan(step);
            expect(share.ofTotal - q).toBeLessThan(step + leftover + 1e-9);
          }
        });
      }),
    );
  });

  it("gives vegetarians no meat, and their mouths do not count for it", () => {
    fc.assert(
      fc.property(week, ({ people, items, balances }) => {
        const result = allocate(items, people, balances);
        const meatEaters = people.filter((p) => !p.vegetarian).reduce((n, p) => n + milli(p.mouths), 0);
        for (const item of items.filter((i) => i.meat)) {
          for (const share of exactShares(item, people)) {
            const p = people.find((x) => x.id === share.householdID)!;
            if (p.vegetarian) {
              expect(got(result, p.id, item)).toBe(0);
              expect(share.ofTotal).toBe(0);
              expect(result.balances[p.id]?.[cropKey(item)]).toBe(balances[p.id]?.[cropKey(item)]);
            } else expect(share.ofTotal).toBeCloseTo(meatEaters && (item.quantity * milli(p.mouths)) / meatEaters, 9);
          }
        }
      }),
    );
  });

  it("gives a household with twice the mouths twice the share, within the rounding", () => {
    fc.assert(
      fc.property(week, ({ people, items, balances }) => {
        const result = allocate(items, people, balances);
        for (const item of items) {
          const step = stepOf(item);
          const shares = new Map(exactShares(item, people).map((s) => [s.householdID, s.ofHandedOut]));
          for (const a of people)
            for (const b of people) {
              if (b.mouths === 0 || a.mouths !== 2 * b.mouths || (item.meat && (a.vegetarian || b.vegetarian))) continue;
              const qa = got(result, a.id, item);
              const qb = got(result, b.id, item);
              // Within one step of twice b's exact share; from twice b's
              // rounded amount at most two steps (b's rounding counts twice).
              expect(Math.abs(qa - 2 * shares.get(b.id)!)).toBeLessThan(step);
              expect(Math.abs(qa - 2 * qb)).toBeLessThanOrEqual(2 * step + 1e-9);
            }
        }
      }),
    );
  });

  it("leaves everything over when no one is eligible", () => {
    const vegetarians: Participant[] = [
      { id: "hh_a", mouths: 2, vegetarian: true },
      { id: "hh_b", mouths: 3.5, vegetarian: true },
    ];
    const meat: Item = { crop: "gehakt", unit: "kg", quantity: 6.2, step: 0.5, meat: true };
    const none = allocate([meat], vegetarians, {});
    expect(none.leftovers).toEqual([{ crop: "gehakt", unit: "kg", quantity: 6.2 }]);
    expect(none.allocations.every((a) => a.lines.length === 0)).toBe(true);
    expect(none.balances).toEqual({});

    const nobody = allocate([{ crop: "sla", unit: "piece", quantity: 40 }], [], { hh_x: { "sla|piece": 0.5 } });
    expect(nobody.allocations).toEqual([]);
    expect(nobody.leftovers).toEqual([{ crop: "sla", unit: "piece", quantity: 40 }]);
    expect(nobody.balances).toEqual({ hh_x: { "sla|piece": 0.5 } });
  });

  it("is deterministic: the same input, in any order of participants, gives the same split", () => {
    fc.assert(
      fc.property(
        week.chain((w) => fc.shuffledSubarray(w.people, { minLength: w.people.length }).map((shuffled) => ({ ...w, shuffled }))),
        ({ people, shuffled, items, balances }) => {
          const first = allocate(items, people, balances);
          expect(allocate(items, people, balances)).toEqual(first);
          expect(allocate(items, shuffled, balances)).toEqual(first);
        },
      ),
    );
  });

  it("keeps the inputs as they were and carries what it did not touch", () => {
    const people: Participant[] = [
      { id: "hh_1", mouths: 2, vegetarian: false },
      { id: "hh_2", mouths: 3, vegetarian: true },
    ];
    const balances: Balances = {
      hh_1: { "prei|piece": 0.4, "gehakt|kg": -0.2 },
      hh_2: { "prei|piece": -0.4, "gehakt|kg": 0.1 },
      hh_away: { "prei|piece": 0.7 },
    };
    const week: Item[] = [
      { crop: "Prei", unit: "piece", quantity: 11 },
      { crop: "gehakt", unit: "kg", quantity: 1, step: 0.5, meat: true },
    ];
    const before = structuredClone({ people, balances, week });
    const result = allocate(week, people, balances);
    expect({ people, balances, week }).toEqual(before);
    expect(result.balances.hh_away).toBe(balances.hh_away); // opted out: untouched
    expect(result.balances.hh_2!["gehakt|kg"]).toBe(0.1); // vegetarian: meat balance kept
    expect(result.balances.hh_1!["prei|piece"]! + result.balances.hh_2!["prei|piece"]!).toBeCloseTo(0, 9);
  });

  it("treats items of one crop as one crop, also with different spelling or steps", () => {
    expect(cropKey({ crop: "  Spinazie ", unit: "kg" })).toBe("spinazie|kg");
    expect(cropKey({ crop: "Rode  kool", unit: "piece" })).toBe("rode kool|piece");
    const people: Participant[] = [
      { id: "a", mouths: 1, vegetarian: false },
      { id: "b", mouths: 1, vegetarian: false },
    ];
    // One courgette, then one more from a second field: not both to "a".
    const result = allocate(
      [
        { crop: "Courgette", unit: "piece", quantity: 1 },
        { crop: "courgette", unit: "piece", quantity: 1 },
      ],
      people,
      {},
    );
    expect(result.allocations.map((a) => a.lines.map((l) => l.quantity))).toEqual([[1], [1]]);
    expect(result.balances).toEqual({ a: { "courgette|piece": 0 }, b: { "courgette|piece": 0 } });
  });

  it("refuses input that is not a harvest", () => {
    const one: Participant[] = [{ id: "a", mouths: 1, vegetarian: false }];
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof VisibleError ? e.code : String(e);
      }
      return "accepted";
    };
    expect(code(() => allocate([{ crop: "sla", unit: "kg", quantity: 1, step: 0 }], one, {}))).toBe("harvest.invalid_input");
    expect(code(() => allocate([{ crop: "sla", unit: "kg", quantity: -1 }], one, {}))).toBe("harvest.invalid_input");
    expect(code(() => allocate([{ crop: "sla", unit: "kg", quantity: NaN }], one, {}))).toBe("harvest.invalid_input");
    expect(code(() => allocate([{ crop: "sla", unit: "kg", quantity: 1 }], [...one, ...one], {}))).toBe(
      "harvest.duplicate_household",
    );
    expect(code(() => allocate([], [{ id: "a", mouths: 101, vegetarian: false }], {}))).toBe("harvest.invalid_input");
  });

  it("matches a plain sort-based reading of the same rule", () => {
    fc.assert(
      fc.property(week, ({ people, items, balances }) => {
        const result = allocate(items, people, balances);
        const expected = reference(items, people, balances);
        for (const [id, byCrop] of expected)
          for (const [key, quantity] of byCrop) {
            const item = items.find((i) => cropKey(i) === key)!;
            expect(got(result, id, item)).toBe(quantity);
          }
      }),
    );
  });
});

/**
 * The rule of `allocate` written out with sorts instead of bucket sort and
 * quickselect, and with the same arithmetic, so the two must agree exactly.
 * Items must have distinct crop keys.
 */
function reference(items: Item[], people: Participant[], balances: Balances) {
  const sorted = [...people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = new Map(sorted.map((p) => [p.id, new Map<string, number>()]));
  for (const item of items) {
    const step = milli(stepOf(item));
    const total = milli(item.quantity);
    const steps = (total - (total % step)) / step;
    const eligible = sorted.filter((p) => milli(p.mouths) > 0 && !(item.meat && p.vegetarian));
    const M = eligible.reduce((n, p) => n + milli(p.mouths), 0);
    if (M === 0 || steps === 0) continue;
    const key = cropKey(item);
    const position = new Map(sorted.map((p, i) => [p.id, i]));
    const state = eligible.map((p) => {
      const r = (steps * milli(p.mouths)) % M;
      const balance = (balances[p.id]?.[key] ?? 0) * (1000 / step) - r / M;
      return { p, q: (steps * milli(p.mouths) - r) / M, r, balance, cost: 0, tier: 0 };
    });
    const groups = new Map<number, typeof state>();
    for (const s of [...state].sort((a, b) => milli(a.p.mouths) - milli(b.p.mouths))) {
      const g = groups.get(milli(s.p.mouths)) ?? [];
      g.push(s);
      groups.set(milli(s.p.mouths), g);
    }
    const candidates: typeof state = [];
    for (const g of groups.values()) {
      if (g[0]!.r === 0) continue;
      const peers = g.reduce((n, s) => n + s.balance, 0);
      g.sort((a, b) => a.balance - b.balance || position.get(a.p.id)! - position.get(b.p.id)!);
      g.forEach((s, t) => {
        s.cost = s.balance + (peers + t) / 2;
        s.tier = s.balance <= -1 ? -1 : s.balance >= 0 ? 1 : 0;
        candidates.push(s);
      });
    }
    candidates.sort((a, b) => a.tier - b.tier || a.cost - b.cost || position.get(a.p.id)! - position.get(b.p.id)!);
    const extra = steps - state.reduce((n, s) => n + s.q, 0);
    const lucky = new Set(candidates.slice(0, extra).map((s) => s.p.id));
    for (const s of state) out.get(s.p.id)!.set(key, ((s.q + (lucky.has(s.p.id) ? 1 : 0)) * step) / 1000);
  }
  return out;
}

// Over a season -------------------------------------------------------------------

interface Season {
  households: Participant[];
  crops: Item[];
  weeks: { present: boolean[]; quantities: number[] }[];
}

/** Runs a season, checking after every week what must hold for the balances. */
function play(season: Season, check: (worst: number) => void) {
  let balances: Balances = {};
  for (const week of season.weeks) {
    const present = season.households.filter((_, h) => week.present[h]);
    const items = season.crops.map((c, k) => ({ ...c, quantity: week.quantities[k]! }));
    balances = allocate(items, present, balances).balances;
    for (const crop of season.crops) {
      const key = cropKey(crop);
      let sum = 0;
      let worst = 0;
      for (const byCrop of Object.values(balances)) {
        const b = byCrop[key] ?? 0;
        sum += b;
        worst = Math.max(worst, Math.abs(b) / stepOf(crop));
      }
      // Leftovers never count: what some are ahead, others are behind.
      expect(Math.abs(sum)).toBeLessThan(1e-6);
      check(worst);
    }
  }
}

/** A week's totals for the season's crops: anything from nothing to plenty. */
const totals = (crops: Item[], n: number) =>
  fc.tuple(
    ...crops.map((c) =>
      c.unit === "kg" ? fc.integer({ min: 0, max: n * 600 }).map((g) => g / 1000) : fc.integer({ min: 0, max: n * 3 }),
    ),
  );

const seasonCrops: Item[] = [
  { crop: "courgette", unit: "piece", quantity: 0 },
  { crop: "spinazie", unit: "kg", quantity: 0 },
  { crop: "bonen", unit: "kg", quantity: 0, step: 0.25 },
  { crop: "peterselie", unit: "bunch", quantity: 0 },
  { crop: "tomaat", unit: "kg", quantity: 0, step: 0.1 },
  { crop: "gehakt", unit: "kg", quantity: 0, step: 0.5, meat: true },
];

/** A farm as they are: one or two adults, up to three children, a fifth vegetarian. */
const farmHousehold = fc.record({
  adults: fc.integer({ min: 1, max: 2 }),
  children: fc.integer({ min: 0, max: 3 }),
  vegetarian: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
});

describe("over a season", () => {
  it("keeps balances within about one step over 52 weeks of a farm with opt-outs", () => {
    const season = fc
      .record({
        people: fc.array(farmHousehold, { minLength: 20, maxLength: 60 }),
        optOut: fc.integer({ min: 0, max: 15 }),
      })
      .chain(({ people, optOut }) => {
        const households: Participant[] = people.map((h, i) => ({
          id: `hh_${i}`,
          mouths: mouthsOf(h.adults, h.children, 0.5),
          vegetarian: h.vegetarian,
        }));
        const week = fc.record({
          present: fc.array(fc.integer({ min: 0, max: 99 }).map((x) => x >= optOut), { minLength: people.length, maxLength: people.length }),
          quantities: totals(seasonCrops, people.length),
        });
        return fc.array(week, { minLength: 52, maxLength: 52 }).map((weeks): Season => ({ households, crops: seasonCrops, weeks }));
      });
    // Within one step in all but about one season in a thousand, and then
    // by a hair (1.005 steps at most in over 10,000 simulated seasons):
    // when who takes part changes, a week can come where more households
    // stand a whole step behind than there are extra steps. No rule can
    // rule that out (see the carpool case below), so the bound has room.
    fc.assert(
      fc.property(season, (s) => play(s, (worst) => expect(worst).toBeLessThan(1.1))),
      { numRuns: 60 },
    );
  });

  it("keeps balances within about one step over 52 weeks of a small steady group", () => {
    const season = households(1, 12).chain((people) =>
      fc
        .array(totals(seasonCrops, people.length).map((quantities) => ({ present: people.map(() => true), quantities })), {
          minLength: 52,
          maxLength: 52,
        })
        .map((weeks): Season => ({ households: people, crops: seasonCrops, weeks })),
    );
    fc.assert(
      // Past one step only where the weekly rule leaves no choice (the case
      // below and the group of four): 1.2 steps is the worst known.
      fc.property(season, (s) => play(s, (worst) => expect(worst).toBeLessThanOrEqual(1.2))),
      { numRuns: 150 },
    );
  });

  it("cannot promise one step when few households come and go: the carpool case", () => {
    // Six one-mouth households share 3 cauliflowers: three get one, +½ each.
    const six: Participant[] = ["a", "b", "c", "d", "e", "f"].map((id) => ({ id, mouths: 1, vegetarian: false }));
    const cauliflower = (quantity: number): Item[] => [{ crop: "bloemkool", unit: "piece", quantity }];
    let balances = allocate(cauliflower(3), six, {}).balances;
    const ahead = six.filter((p) => balances[p.id]!["bloemkool|piece"] === 0.5);
    expect(ahead).toHaveLength(3);
    // Only those three come next week, and there is one cauliflower. Any
    // rule must give it to one of them: ½ + ⅔ = 1⅙ ahead.
    const week2 = allocate(cauliflower(1), ahead, balances);
    expect(week2.allocations.map((a) => a.lines.length).sort()).toEqual([0, 0, 1]);
    balances = week2.balances;
    expect(Math.max(...ahead.map((p) => balances[p.id]!["bloemkool|piece"]!))).toBeCloseTo(7 / 6, 9);
    // With everyone back, the household ahead waits and it evens out.
    for (let w = 0; w < 4; w++) balances = allocate(cauliflower(3), six, balances).balances;
    for (const p of six) expect(Math.abs(balances[p.id]!["bloemkool|piece"]!)).toBeLessThan(1);
  });

  it("goes past one step when the weekly rule leaves no other household to take a step", () => {
    // Found by the property above: 11 households, 22.5 mouths, tomatoes in
    // steps of 0.1 kg. In the last week 25 steps come to 23 rounded down; one
    // extra must go to the 3½-mouth household (else a step behind), and the
    // other may not go to a 4½-mouth household, whose exact share is a whole
    // 5 steps. Anyone else who takes it ends just past one step ahead.
    const mouths = [2, 4.5, 1, 3.5, 4.5, 1, 1, 1, 0, 2, 2];
    const eleven: Participant[] = mouths.map((m, i) => ({ id: `hh_${i}`, mouths: m, vegetarian: false }));
    const tomato = (quantity: number): Item => ({ crop: "tomaat", unit: "kg", quantity, step: 0.1 });
    let balances: Balances = {};
    const weeks = [3.8, 5, 3.2, 4.2, 0.6, 4.1, 4, 6.4, 1.6, 5.3, 0.8, 5.7];
    for (const quantity of weeks) balances = allocate([tomato(quantity)], eleven, balances).balances;
    const steps = (b: Balances) => eleven.map((p) => Math.abs(b[p.id]?.["tomaat|kg"] ?? 0) / 0.1);
    expect(Math.max(...steps(balances))).toBeLessThan(1);
    const last = allocate([tomato(2.5)], eleven, balances);
    for (const share of exactShares(tomato(2.5), eleven))
      expect(Math.abs(got(last, share.householdID, tomato(2.5)) - share.ofHandedOut)).toBeLessThan(0.1);
    expect(Math.max(...steps(last.balances))).toBeCloseTo(46 / 45, 6);
  });

  it("cannot promise one step for every sequence of totals, even with nobody opting out", () => {
    // Found by searching all sequences of totals for all groups of four:
    // the worst for these mouths, and the weekly bound still holds.
    const four: Participant[] = [1, 1.5, 2, 4.5].map((mouths, i) => ({ id: `hh_${i}`, mouths, vegetarian: false }));
    let balances: Balances = {};
    let worst = 0;
    for (const quantity of [3, 16, 14, 9, 12, 14, 12]) {
      const item: Item = { crop: "kool", unit: "piece", quantity };
      const result = allocate([item], four, balances);
      for (const share of exactShares(item, four))
        expect(Math.abs(got(result, share.householdID, item) - share.ofHandedOut)).toBeLessThan(1);
      balances = result.balances;
      worst = Math.max(worst, ...four.map((p) => Math.abs(balances[p.id]!["kool|piece"]!)));
    }
    expect(worst).toBeCloseTo(10 / 9, 9);
  });
});

// Worked examples (docs/harvest.md) ----------------------------------------------------

describe("the worked examples in docs/harvest.md", () => {
  const courgetteHouseholds: Participant[] = [
    ...["anna", "bram", "cor", "daan", "eva", "fenna", "gijs", "hanna"].map((id) => ({ id, mouths: 2.5, vegetarian: false })),
    { id: "ilse", mouths: 3, vegetarian: false },
    { id: "joost", mouths: 3, vegetarian: false },
    { id: "karin", mouths: 2, vegetarian: false },
    { id: "lars", mouths: 2, vegetarian: false },
  ];
  const courgettes: Item[] = [{ crop: "courgette", unit: "piece", quantity: 37 }];
  const counts = (result: Allocation) =>
    Object.fromEntries(result.allocations.map((a) => [a.householdID, a.lines[0]?.quantity ?? 0]));
  const rounded = (balances: Balances) =>
    Object.fromEntries(Object.entries(balances).map(([id, b]) => [id, Math.round(b["courgette|piece"]! * 100) / 100]));

  it("37 courgettes over 12 households, three weeks running", () => {
    const shares = Object.fromEntries(exactShares(courgettes[0]!, courgetteHouseholds).map((s) => [s.householdID, s.ofTotal]));
    expect(shares.anna).toBeCloseTo(3.0833, 4);
    expect(shares.ilse).toBeCloseTo(3.7, 9);
    expect(shares.karin).toBeCloseTo(2.4667, 4);

    const week1 = allocate(courgettes, courgetteHouseholds, {});
    expect(counts(week1)).toEqual({
      anna: 3, bram: 3, cor: 3, daan: 3, eva: 3, fenna: 3, gijs: 3, hanna: 3,
      ilse: 4, joost: 4, karin: 3, lars: 2,
    });
    expect(rounded(week1.balances)).toEqual({
      anna: -0.08, bram: -0.08, cor: -0.08, daan: -0.08, eva: -0.08, fenna: -0.08, gijs: -0.08, hanna: -0.08,
      ilse: 0.3, joost: 0.3, karin: 0.53, lars: -0.47,
    });

    const week2 = allocate(courgettes, courgetteHouseholds, week1.balances);
    expect(counts(week2)).toEqual({
      anna: 4, bram: 3, cor: 3, daan: 3, eva: 3, fenna: 3, gijs: 3, hanna: 3,
      ilse: 4, joost: 3, karin: 2, lars: 3,
    });
    expect(rounded(week2.balances)).toEqual({
      anna: 0.83, bram: -0.17, cor: -0.17, daan: -0.17, eva: -0.17, fenna: -0.17, gijs: -0.17, hanna: -0.17,
      ilse: 0.6, joost: -0.4, karin: 0.07, lars: 0.07,
    });

    const week3 = allocate(courgettes, courgetteHouseholds, week2.balances);
    expect(counts(week3)).toEqual({
      anna: 3, bram: 4, cor: 3, daan: 3, eva: 3, fenna: 3, gijs: 3, hanna: 3,
      ilse: 3, joost: 4, karin: 3, lars: 2,
    });
    expect(rounded(week3.balances)).toEqual({
      anna: 0.75, bram: 0.75, cor: -0.25, daan: -0.25, eva: -0.25, fenna: -0.25, gijs: -0.25, hanna: -0.25,
      ilse: -0.1, joost: -0.1, karin: 0.6, lars: -0.4,
    });
  });

  it("12.35 kg of spinach in steps of 0.05 kg over 5 households", () => {
    const people: Participant[] = [
      { id: "mila", mouths: 1.5, vegetarian: false },
      { id: "noor", mouths: 2, vegetarian: true },
      { id: "olaf", mouths: 2, vegetarian: false },
      { id: "pien", mouths: 3, vegetarian: false },
      { id: "quinten", mouths: 4, vegetarian: false },
    ];
    const spinach: Item = { crop: "spinazie", unit: "kg", quantity: 12.35, step: 0.05 };
    const shares = exactShares(spinach, people).map((s) => s.ofTotal);
    [1.482, 1.976, 1.976, 2.964, 3.952].forEach((kg, i) => expect(shares[i]).toBeCloseTo(kg, 9));
    const result = allocate([spinach], people, {});
    expect(result.allocations.map((a) => a.lines[0]!.quantity)).toEqual([1.5, 2, 1.95, 2.95, 3.95]);
    expect(result.leftovers).toEqual([{ crop: "spinazie", unit: "kg", quantity: 0 }]);
    expect(Object.values(result.balances).map((b) => b["spinazie|kg"])).toEqual([0.018, 0.024, -0.026, -0.014, -0.002]);

    // 12.37 kg: the same split, and 0.02 kg for the free table.
    const more = allocate([{ ...spinach, quantity: 12.37 }], people, {});
    expect(more.allocations.map((a) => a.lines[0]!.quantity)).toEqual([1.5, 2, 1.95, 2.95, 3.95]);
    expect(more.leftovers).toEqual([{ crop: "spinazie", unit: "kg", quantity: 0.02 }]);
  });
});
