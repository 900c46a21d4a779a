import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  computeStatement,
  milliMouths,
  monthDenominator,
  proposeRate,
  roundDiv,
  solidarityPercent,
  splitCumulative,
  type Period,
  type PriceVersion,
  type StatementInput,
} from "./rules";

const year = 2027;
const v1: PriceVersion = { effectiveFrom: "2027-01-01", rateCents: 1053, vegetarianRateCents: 600 };
const family: Period = { from: "2020-03-01", adults: 2, children: 2, vegetarian: false, active: true };

function input(over: Partial<StatementInput> = {}): StatementInput {
  return { year, weeks: 52, childFactor: 0.5, versions: [v1], periods: [family], solidarityPercent: 0, paidCents: 0, today: "2027-01-01", ...over };
}

const date = fc
  .record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ month, day }) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
const period = fc.record({
  from: fc.oneof(date, fc.constant("2026-06-15")),
  adults: fc.integer({ min: 1, max: 6 }),
  children: fc.integer({ min: 0, max: 6 }),
  vegetarian: fc.boolean(),
  active: fc.boolean(),
});
const version = fc.record({
  effectiveFrom: date,
  rateCents: fc.integer({ min: 0, max: 5000 }),
  vegetarianRateCents: fc.integer({ min: 0, max: 5000 }),
});
const anyInput = fc.record({
  year: fc.constant(year),
  weeks: fc.integer({ min: 1, max: 53 }),
  childFactor: fc.constantFrom(0.5, 0.25, 0.1, 1, 0),
  versions: fc.array(version, { minLength: 1, maxLength: 4 }).map((vs) => [{ ...vs[0]!, effectiveFrom: `${year}-01-01` }, ...vs.slice(1)]),
  periods: fc.array(period, { maxLength: 5 }),
  solidarityPercent: fc.integer({ min: -75, max: 100 }),
  paidCents: fc.integer({ min: 0, max: 2_000_000 }),
  today: fc.oneof(date, fc.constant("2026-12-31"), fc.constant("2028-01-01")),
});

describe("rounding", () => {
  it("rounds half up, exactly", () => {
    expect(roundDiv(5, 10)).toBe(1);
    expect(roundDiv(4, 10)).toBe(0);
    expect(roundDiv(15, 10)).toBe(2);
    expect(roundDiv(0, 7)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), fc.integer({ min: 1, max: 10_000_000 }), (n, d) => {
        const r = roundDiv(n, d);
        // |n/d − r| ≤ 1/2, with ties going up: 2n − 2rd ∈ [−d, d)
        expect(2 * n - 2 * r * d).toBeGreaterThanOrEqual(-d);
        expect(2 * n - 2 * r * d).toBeLessThan(d);
      }),
    );
  });

  it("splits a running total into parts that add up and stay within a cent of their share", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 12 }), { minLength: 1, maxLength: 24 }), fc.integer({ min: 1, max: 10 ** 7 }), (parts, den) => {
        const split = splitCumulative(parts, den);
        const total = parts.reduce((a, b) => a + b, 0);
        expect(split.reduce((a, b) => a + b, 0)).toBe(roundDiv(total, den));
        split.forEach((x, i) => {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(Math.abs(x - parts[i]! / den)).toBeLessThan(1);
        });
      }),
    );
  });
});

describe("the proposed price", () => {
  it("is budget ÷ (mouths × weeks), rounded up to the cent", () => {
    // €260,000 over 500 mouths and 52 weeks is exactly €10.00
    expect(proposeRate({ budgetCents: 26_000_000, weeks: 52, mouthsMilli: 500_000, vegetarianMouthsMilli: 0, vegetarianDiscountCents: 0 })).toEqual({
      rateCents: 1000,
      vegetarianRateCents: 1000,
      averageCents: 1000,
    });
    // €250,000 / (487.5 × 52) = 986.19… cents → 987
    expect(proposeRate({ budgetCents: 25_000_000, weeks: 52, mouthsMilli: 487_500, vegetarianMouthsMilli: 0, vegetarianDiscountCents: 0 })?.rateCents).toBe(987);
    expect(proposeRate({ budgetCents: 1, weeks: 52, mouthsMilli: 0, vegetarianMouthsMilli: 0, vegetarianDiscountCents: 0 })).toBeUndefined();
  });

  it("lets vegetarians pay the discount less while the budget stays covered", () => {
    const p = proposeRate({ budgetCents: 26_000_000, weeks: 52, mouthsMilli: 500_000, vegetarianMouthsMilli: 100_000, vegetarianDiscountCents: 200 })!;
    // (260,000 + 2 × 52 × 100) / (500 × 52) = 10.40 → 1040, vegetarians 840
    expect(p).toEqual({ rateCents: 1040, vegetarianRateCents: 840, averageCents: 1000 });
  });

  it("always covers the budget, by less than a cent per mouth per week", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: 1, max: 53 }),
        fc.integer({ min: 1, max: 2000 }).map((n) => n * 500),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 300 }),
        (budgetCents, weeks, mouthsMilli, vegPercent, vegetarianDiscountCents) => {
          const vegetarianMouthsMilli = Math.round((mouthsMilli * vegPercent) / 100 / 500) * 500;
          const p = proposeRate({ budgetCents, weeks, mouthsMilli, vegetarianMouthsMilli, vegetarianDiscountCents })!;
          if (p.vegetarianRateCents !== p.rateCents - vegetarianDiscountCents) return; // clamped at 0: not budget-neutral
          // income in milli-cents: what the mouths pay over the weeks
          const income = (p.rateCents * (mouthsMilli - vegetarianMouthsMilli) + p.vegetarianRateCents * vegetarianMouthsMilli) * weeks;
          expect(income).toBeGreaterThanOrEqual(budgetCents * 1000);
          expect(income).toBeLessThan(budgetCents * 1000 + mouthsMilli * weeks);
        },
      ),
    );
  });
});

describe("statements", () => {
  it("a family of 2 adults and 2 children all year: 3 mouths × 52 weeks × €10.53 in 12 instalments", () => {
    const s = computeStatement(input());
    expect(s.mouths).toBe(3);
    expect(s.rateCents).toBe(1053);
    expect(s.yearlyCents).toBe(3 * 52 * 1053); // 164,268
    expect(s.instalments).toHaveLength(12);
    expect(s.instalments.map((i) => i.amountCents)).toEqual(Array(12).fill(13689));
    expect(s.instalments[0]).toMatchObject({ month: "2027-01", due: "2027-01-01", status: "due", paidCents: 0 });
    expect(s.instalments[1]!.status).toBe("upcoming");
  });

  it("spreads remainder cents over the year", () => {
    // 1 mouth × 52 × 1001 = 52,052 = 12 × 4337.67: eight months of 4338 and four of 4337
    const s = computeStatement(input({ periods: [{ ...family, adults: 1, children: 0 }], versions: [{ ...v1, rateCents: 1001 }] }));
    expect(s.yearlyCents).toBe(52_052);
    const amounts = s.instalments.map((i) => i.amountCents);
    expect(amounts.filter((a) => a === 4338)).toHaveLength(8);
    expect(amounts.filter((a) => a === 4337)).toHaveLength(4);
  });

  it("a household joining on 15 March pays from April; leaving on 10 October pays October in full", () => {
    const s = computeStatement(
      input({
        periods: [
          { ...family, from: "2027-03-15" },
          { ...family, from: "2027-10-10", active: false },
        ],
      }),
    );
    expect(s.instalments.map((i) => i.amountCents > 0)).toEqual([false, false, false, true, true, true, true, true, true, true, false, false]);
    expect(s.yearlyCents).toBe((3 * 52 * 1053 * 7) / 12);
    expect(s.mouths).toBe(1.75);
  });

  it("a new price version applies from the first month that starts on or after its date", () => {
    const s = computeStatement(input({ versions: [v1, { effectiveFrom: "2027-06-15", rateCents: 1200, vegetarianRateCents: 700 }] }));
    expect(s.instalments.slice(0, 6).every((i) => i.rateCents === 1053)).toBe(true);
    expect(s.instalments.slice(6).every((i) => i.rateCents === 1200)).toBe(true);
    expect(s.yearlyCents).toBe((3 * 52 * (1053 * 6 + 1200 * 6)) / 12);
  });

  it("vegetarians pay the vegetarian price; supporters more and reductions less", () => {
    expect(computeStatement(input({ periods: [{ ...family, vegetarian: true }] })).yearlyCents).toBe(3 * 52 * 600);
    expect(computeStatement(input({ solidarityPercent: solidarityPercent("supporter", 25) })).yearlyCents).toBe(roundDiv(3 * 52 * 1053 * 125, 100));
    expect(computeStatement(input({ solidarityPercent: solidarityPercent("reduced", 50) })).yearlyCents).toBe(roundDiv(3 * 52 * 1053 * 50, 100));
  });

  it("payments pay the oldest instalment first; open ones are due, then late after the grace days", () => {
    const s = computeStatement(input({ paidCents: 13689 + 5000, today: "2027-03-05" }));
    expect(s.instalments.slice(0, 4).map((i) => [i.status, i.paidCents])).toEqual([
      ["paid", 13689],
      ["late", 5000],
      ["due", 0],
      ["upcoming", 0],
    ]);
    expect(s.dueCents).toBe(3 * 13689);
    expect(s.balanceCents).toBe(13689 + 5000 - 3 * 13689);
    expect(s.lateCents).toBe(13689 - 5000);
    expect(s.openCents).toBe(13689 - 5000 + 13689);
    expect(s.toCollectCents).toBe(s.yearlyCents - 13689 - 5000 - s.lateCents);
  });

  it("an instalment unpaid past its date and the grace days is in arrears, not only after two weeks", () => {
    // 6 December: December's instalment, due on the 1st, is unpaid; the overview said €0 in arrears
    const s = computeStatement(input({ paidCents: 11 * 13689, today: "2027-12-06" }));
    expect(s.instalments[11]).toMatchObject({ status: "late", payBy: "2027-12-01", paidCents: 0 });
    expect(s.lateCents).toBe(13689);
    expect(s.openCents).toBe(13689);
    expect(computeStatement(input({ paidCents: 11 * 13689, today: "2027-12-05" })).lateCents).toBe(0);
  });

  it("a direct-debit household is not in arrears before its collection, nor while the farm has yet to collect", () => {
    const debit = { mandate: true, collections: { "2027-01": "2027-01-05", "2027-02": "2027-02-16" }, runMonths: ["2027-01", "2027-02", "2027-03"] };
    const s = computeStatement(input({ today: "2027-04-20", debit }));
    expect(s.instalments.slice(0, 4).map((i) => [i.status, i.payBy, i.inRun])).toEqual([
      ["late", "2027-01-05", true],
      ["late", "2027-02-16", true],
      // March's run left the household out: it should have paid by transfer
      ["late", "2027-03-01", false],
      // no run for April yet: the farm has not asked
      ["due", null, false],
    ]);
    const early = computeStatement(input({ today: "2027-02-20", debit }));
    expect(early.instalments[1]).toMatchObject({ status: "due", inRun: true });
    expect(early.lateCents).toBe(13689);
    expect(early.toCollectCents).toBe(early.yearlyCents - 13689);
  });

  it("instalments always add up to the yearly amount to the cent, and stay within a cent of each month's share", () => {
    fc.assert(
      fc.property(anyInput, (inp) => {
        const s = computeStatement(inp);
        expect(s.instalments).toHaveLength(12);
        expect(s.instalments.reduce((n, i) => n + i.amountCents, 0)).toBe(s.yearlyCents);
        for (const i of s.instalments) {
          expect(Number.isInteger(i.amountCents)).toBe(true);
          expect(i.amountCents).toBeGreaterThanOrEqual(0);
          const exact = (i.rateCents * inp.weeks * i.mouths * 1000 * (100 + inp.solidarityPercent)) / monthDenominator;
          expect(Math.abs(i.amountCents - exact)).toBeLessThan(1 + 1e-6);
        }
      }),
    );
  });

  it("the balance is payments minus what has come due, and paid instalments never exceed the payments", () => {
    fc.assert(
      fc.property(anyInput, (inp) => {
        const s = computeStatement(inp);
        expect(s.balanceCents).toBe(inp.paidCents - s.dueCents);
        expect(s.dueCents).toBe(s.instalments.filter((i) => i.due <= inp.today).reduce((n, i) => n + i.amountCents, 0));
        expect(s.instalments.reduce((n, i) => n + i.paidCents, 0)).toBe(Math.min(inp.paidCents, s.yearlyCents));
        // what is paid, still to collect and in arrears is the year, to the cent
        expect(Math.min(inp.paidCents, s.yearlyCents) + s.toCollectCents + s.lateCents).toBe(s.yearlyCents);
        expect(s.lateCents).toBeLessThanOrEqual(s.openCents);
        for (const i of s.instalments) if (i.status === "paid") expect(i.paidCents).toBe(i.amountCents);
      }),
    );
  });

  it("pro-rata amounts add up over a year: a membership split at any month pays the whole year to the cent or one off", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        fc.boolean(),
        fc.integer({ min: 100, max: 3000 }),
        fc.integer({ min: 1, max: 53 }),
        fc.integer({ min: -50, max: 50 }),
        (month, adults, children, vegetarian, rateCents, weeks, pct) => {
          const split = `${year}-${String(month).padStart(2, "0")}-01`;
          const base = { adults, children, vegetarian };
          const common = { weeks, versions: [{ effectiveFrom: `${year}-01-01`, rateCents, vegetarianRateCents: rateCents - 50 }], solidarityPercent: pct };
          const whole = computeStatement(input({ ...common, periods: [{ ...base, from: "2026-01-01", active: true }] }));
          const before = computeStatement(input({ ...common, periods: [{ ...base, from: "2026-01-01", active: true }, { ...base, from: split, active: false }] }));
          const after = computeStatement(input({ ...common, periods: [{ ...base, from: split, active: true }] }));
          expect(Math.abs(before.yearlyCents + after.yearlyCents - whole.yearlyCents)).toBeLessThanOrEqual(1);
          // and the months themselves add up exactly
          before.instalments.forEach((b, i) => expect(b.mouths + after.instalments[i]!.mouths).toBe(whole.instalments[i]!.mouths));
          // a whole year is rate × weeks × mouths × (100 + pct)%, rounded once
          const rate = vegetarian ? rateCents - 50 : rateCents;
          expect(whole.yearlyCents).toBe(roundDiv(rate * weeks * milliMouths(adults, children, 0.5) * (100 + pct), 1000 * 100));
        },
      ),
    );
  });
});
