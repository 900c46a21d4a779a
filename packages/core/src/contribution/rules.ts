import { addDays, dateOf, isDate } from "../week";

/*
 * The contribution's rules, without I/O: the proposed price, which price and
 * which composition a month pays, how a year splits into instalments, what
 * is paid, due and late. Money is integer cents; fractions of a cent exist
 * only inside a calculation and are rounded once, at the end.
 *
 * Rounding, in one place:
 * - The proposed price per mouth per week is rounded UP to the cent, so the
 *   budget is always covered (at most one cent per mouth per week over).
 * - A month's exact amount is rate × weeks × mouths × (100 + solidarity %) / 12 / 100,
 *   kept exact as an integer numerator over `monthDenominator`.
 * - The yearly amount is the exact sum of the months, rounded half up once.
 * - Instalment i is round(sum of months 1..i) − round(sum of months 1..i−1):
 *   the instalments add up to the yearly amount to the cent, each is within a
 *   cent of its month's exact amount, and the remainder cents are spread over
 *   the year the same way every time.
 */

/** A month's exact amount is `numerator / monthDenominator` cents: 12 months × 1000 milli-mouths × 100 percent. */
export const monthDenominator = 12 * 1000 * 100;

/**
 * An instalment still open this many days after its pay-by date is in
 * arrears ("late"). The pay-by date is the instalment's own date for a
 * household that pays by transfer, and the collection date for one whose
 * direct debit is in a run; while the farm has yet to make that month's run
 * for a household with a mandate, the household owes nothing late: the farm
 * has not asked yet. Five days let a transfer made on the 1st (or a
 * collection) reach the farm's statement over a weekend, and a technical
 * return (AC04, MD06 …) come back; docs/contribution.md says more.
 */
export const graceDays = 5;

export type InstalmentStatus = "paid" | "due" | "late" | "upcoming";

export interface PriceVersion {
  /** YYYY-MM-DD: a month pays the version in effect on its first day. */
  effectiveFrom: string;
  rateCents: number;
  vegetarianRateCents: number;
}

/** A household's composition from `from` (YYYY-MM-DD) on; `active` false once it left (or before it joined). */
export interface Period {
  from: string;
  adults: number;
  children: number;
  vegetarian: boolean;
  active: boolean;
}

export interface StatementInput {
  year: number;
  weeks: number;
  childFactor: number;
  versions: readonly PriceVersion[];
  periods: readonly Period[];
  /** Signed: +25 for a supporter paying 25% more, −25 for a 25% reduction, 0 for standard. */
  solidarityPercent: number;
  /** Net of reversals: the ledger's sum for the year. */
  paidCents: number;
  /** YYYY-MM-DD on the farm's clock. */
  today: string;
  /** How the household pays; without it, by transfer. */
  debit?: Debit;
}

/** A household's direct debits for the year. */
export interface Debit {
  /** Whether the household has an active mandate now. */
  mandate: boolean;
  /** YYYY-MM → collection date, for each month a run collects from the household. */
  collections: Readonly<Record<string, string>>;
  /** The months (YYYY-MM) that have a run, with or without this household. */
  runMonths: readonly string[];
}

export interface Instalment {
  /** YYYY-MM */
  month: string;
  /** YYYY-MM-DD, always the first of the month. */
  due: string;
  mouths: number;
  rateCents: number;
  amountCents: number;
  /** The part of the payments this instalment got, paying the oldest first. */
  paidCents: number;
  /**
   * YYYY-MM-DD by when it must be paid: its date, or the collection date of
   * the run that collects it; null while the farm has yet to collect it.
   */
  payBy: string | null;
  /** Whether a created collection run collects it. */
  inRun: boolean;
  status: InstalmentStatus;
}

export interface StatementResult {
  year: number;
  /** Mouths over the year, pro rata: the average of the months (a household of 3 that joined on 1 July has 1.5). */
  mouths: number;
  /** Price per mouth per week that applies to this household now (in the year's last month for a past year). */
  rateCents: number;
  solidarityPercent: number;
  yearlyCents: number;
  instalments: Instalment[];
  paidCents: number;
  /** The instalments whose due date has come. */
  dueCents: number;
  /** What has come due and is not paid, in arrears or not. */
  openCents: number;
  /** Open amounts not (yet) in arrears: future instalments, those in a run or awaiting one, and those within their grace days. */
  toCollectCents: number;
  /** In arrears: open amounts of late instalments (past their pay-by date and the grace days). */
  lateCents: number;
  /** Paid minus due: negative is arrears, positive is paid ahead. */
  balanceCents: number;
}

export { addDays, dateOf, isDate };

export function firstOfMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}-01`;
}

/** n / d rounded half up, for integers (d > 0), exact for any integer within 2^53. */
export function roundDiv(n: number, d: number): number {
  let q = Math.floor(n / d);
  // the float division can land one off next to an integer: correct it exactly
  if (n - q * d < 0) q -= 1;
  else if (n - q * d >= d) q += 1;
  const r = n - q * d;
  return 2 * r >= d ? q + 1 : q;
}

/** Mouths in thousandths, so fractions of a mouth (children) stay integers. */
export function milliMouths(adults: number, children: number, childFactor: number): number {
  return Math.round(adults * 1000 + children * childFactor * 1000);
}

export interface Proposal {
  rateCents: number;
  vegetarianRateCents: number;
  /** The plain budget ÷ (mouths × weeks), rounded half up, before the vegetarian correction. */
  averageCents: number;
}

/**
 * The price per mouth per week the platform proposes: the budget over the
 * mouths and the weeks. Vegetarians pay `vegetarianDiscountCents` less per
 * mouth per week (the meat part), and the price is set so that the whole
 * budget is still covered:
 * rate = (budget + discount × weeks × vegetarian mouths) ÷ (mouths × weeks),
 * which is budget ÷ (mouths × weeks) when nobody is vegetarian. Rounded up.
 * Undefined without mouths.
 */
export function proposeRate(input: {
  budgetCents: number;
  weeks: number;
  mouthsMilli: number;
  vegetarianMouthsMilli: number;
  vegetarianDiscountCents: number;
}): Proposal | undefined {
  const { budgetCents, weeks, mouthsMilli, vegetarianMouthsMilli, vegetarianDiscountCents } = input;
  if (mouthsMilli <= 0 || weeks <= 0) return undefined;
  const den = mouthsMilli * weeks;
  const num = budgetCents * 1000 + vegetarianDiscountCents * weeks * vegetarianMouthsMilli;
  // integer ceiling: num and den are integers, so no float can tip it over
  const rate = Math.floor(num / den) + (num % den === 0 ? 0 : 1);
  return {
    rateCents: rate,
    vegetarianRateCents: Math.max(0, rate - vegetarianDiscountCents),
    averageCents: roundDiv(budgetCents * 1000, den),
  };
}

/** The version in effect on a date: the one with the latest `effectiveFrom` on or before it. */
export function versionOn<V extends PriceVersion>(versions: readonly V[], date: string): V | undefined {
  let found: V | undefined;
  for (const v of versions) if (v.effectiveFrom <= date && (!found || v.effectiveFrom >= found.effectiveFrom)) found = v;
  return found;
}

/** The composition in effect on a date, or undefined before the first period. */
export function periodOn(periods: readonly Period[], date: string): Period | undefined {
  let found: Period | undefined;
  for (const p of periods) if (p.from <= date && (!found || p.from >= found.from)) found = p;
  return found;
}

/**
 * Integers that add up to round(sum / den), each within one of its exact
 * part: the running total is rounded, and each part is the step it took.
 */
export function splitCumulative(numerators: readonly number[], den: number): number[] {
  let sum = 0;
  let before = 0;
  return numerators.map((n) => {
    sum += n;
    const rounded = roundDiv(sum, den);
    const part = rounded - before;
    before = rounded;
    return part;
  });
}

function statusOf(amount: number, paid: number, due: string, payBy: string | null, today: string): InstalmentStatus {
  if (paid >= amount) return "paid";
  if (due > today) return "upcoming";
  return payBy !== null && addDays(payBy, graceDays) <= today ? "late" : "due";
}

/** By when a month's instalment must be paid (see graceDays), and whether a run collects it. */
export function payByOf(month: string, due: string, debit: Debit | undefined): { payBy: string | null; inRun: boolean } {
  const collection = debit?.collections[month];
  if (collection) return { payBy: collection > due ? collection : due, inRun: true };
  // a mandate and no run for the month yet: the farm still has to collect it
  if (debit?.mandate && !debit.runMonths.includes(month)) return { payBy: null, inRun: false };
  return { payBy: due, inRun: false };
}

/** Whole days from one YYYY-MM-DD date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A household's year: each month pays the price version and the composition
 * in effect on its first day (so a household that joins on 15 March pays
 * from April, and one that leaves on 15 March pays March in full), times the
 * solidarity choice; twelve instalments due on the 1st; payments pay the
 * oldest instalment first.
 */
export function computeStatement(input: StatementInput): StatementResult {
  const { year, weeks, childFactor, versions, periods, solidarityPercent, paidCents, today } = input;
  const factor = 100 + solidarityPercent;
  const months = Array.from({ length: 12 }, (_, i) => {
    const due = firstOfMonth(year, i + 1);
    const version = versionOn(versions, due);
    const period = periodOn(periods, due);
    const vegetarian = period?.vegetarian ?? false;
    const rateCents = version ? (vegetarian ? version.vegetarianRateCents : version.rateCents) : 0;
    const mouths = period?.active ? milliMouths(period.adults, period.children, childFactor) : 0;
    return { month: due.slice(0, 7), due, mouths, rateCents, numerator: rateCents * weeks * mouths * factor };
  });
  const amounts = splitCumulative(months.map((m) => m.numerator), monthDenominator);
  let left = Math.max(0, paidCents);
  const instalments = months.map((m, i): Instalment => {
    const amountCents = amounts[i]!;
    const paid = Math.min(amountCents, left);
    left -= paid;
    const { payBy, inRun } = payByOf(m.month, m.due, input.debit);
    return {
      month: m.month,
      due: m.due,
      mouths: m.mouths / 1000,
      rateCents: m.rateCents,
      amountCents,
      paidCents: paid,
      payBy,
      inRun,
      status: statusOf(amountCents, paid, m.due, payBy, today),
    };
  });
  const yearlyCents = amounts.reduce((a, b) => a + b, 0);
  const dueCents = instalments.filter((x) => x.due <= today).reduce((n, x) => n + x.amountCents, 0);
  const open = (xs: Instalment[]) => xs.reduce((n, x) => n + x.amountCents - x.paidCents, 0);
  const lateCents = open(instalments.filter((x) => x.status === "late"));
  const nowMonth = today < `${year}-01-01` ? 0 : today > `${year}-12-31` ? 11 : Number(today.slice(5, 7)) - 1;
  return {
    year,
    mouths: Math.round(months.reduce((n, m) => n + m.mouths, 0) / 12) / 1000,
    rateCents: months[nowMonth]!.rateCents,
    solidarityPercent,
    yearlyCents,
    instalments,
    paidCents,
    dueCents,
    openCents: open(instalments.filter((x) => x.due <= today)),
    toCollectCents: open(instalments.filter((x) => x.status !== "late")),
    lateCents,
    balanceCents: paidCents - dueCents,
  };
}

export type SolidarityChoice = "standard" | "supporter" | "reduced";

/** The signed percentage a choice changes the contribution by. */
export function solidarityPercent(choice: SolidarityChoice, percent: number): number {
  return choice === "supporter" ? percent : choice === "reduced" ? -percent : 0;
}

/** What a choice adds to (supporter) or asks from (reduced) the pot: the yearly amount before solidarity × percent, rounded half up. */
export function potShare(baseYearlyCents: number, percent: number): number {
  return roundDiv(baseYearlyCents * percent, 100);
}
