import * as z from "zod/mini";
import { useFarmID } from "../actor";
import { Clock } from "../clock";
import { amount, toCSV as csv } from "../csv";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { assertOwnOrTreasurer } from "./access";
import { friendlyFormatRF, householdCreditorReference } from "./bank";
import { Composition } from "./composition";
import { Debits } from "./debits";
import { Payment } from "./payment";
import { computeStatement, dateOf, daysBetween, graceDays, solidarityPercent, type Debit, type Period, type StatementResult } from "./rules";
import { Season } from "./season";

/**
 * Statements: per household and year, what is owed, month by month, what
 * was paid and what is open. Computed from the confirmed price versions, the
 * composition history, the solidarity choice and the ledger; nothing of it
 * is stored, so a new price version or a payment shows at once.
 */
export namespace Statement {
  const status = z.enum(["paid", "due", "late", "upcoming"]);

  export const Info = z.object({
    householdID: z.string(),
    name: z.string(),
    /** The household's ISO 11649 reference (bank/rf.ts), in groups of four: put in a transfer, it finds the household. */
    paymentReference: z.string(),
    year: z.number(),
    mouths: z.number(),
    rateCents: z.number(),
    solidarityPercent: z.number(),
    solidarity: z.object({ choice: z.enum(["standard", "supporter", "reduced"]), percent: z.number() }),
    yearlyCents: z.number(),
    instalments: z.array(
      z.object({
        month: z.string(),
        due: z.string(),
        mouths: z.number(),
        rateCents: z.number(),
        amountCents: z.number(),
        paidCents: z.number(),
        payBy: z.nullable(z.string()),
        inRun: z.boolean(),
        status,
      }),
    ),
    paidCents: z.number(),
    dueCents: z.number(),
    openCents: z.number(),
    toCollectCents: z.number(),
    lateCents: z.number(),
    balanceCents: z.number(),
    payments: z.array(Payment.Info),
  });
  export type Info = z.infer<typeof Info>;

  type Choice = { choice: "standard" | "supporter" | "reduced"; percent: number };
  const standard: Choice = { choice: "standard", percent: 0 };

  export interface Computed {
    household: Composition.HouseholdItem;
    solidarity: Choice;
    result: StatementResult;
  }

  const notFound = () => new VisibleError("not_found", "household.not_found", "No such household.");

  /** The statement of one household: its own members and the treasurer see it; anyone else gets 404. */
  export async function forHousehold(householdID: string, year: number): Promise<Info> {
    assertOwnOrTreasurer(householdID);
    const household = await Composition.household(householdID);
    if (!household) throw notFound();
    const season = await Season.confirmed(year);
    const [known, choice, entries, debits] = await Promise.all([
      Composition.of(householdID),
      useDB().entities.solidarityChoice.get({ farmID: useFarmID(), year, householdID }).go({ consistent: true }),
      Payment.ofHousehold(householdID, year),
      Debits.ofYear(year, householdID),
    ]);
    const periods = (await Composition.sync([household], new Map([[householdID, known]]))).get(householdID) ?? [];
    const solidarity = choice.data ? { choice: choice.data.choice, percent: choice.data.percent } : standard;
    const result = compute(season, periods, solidarity, sum(entries), dateOf(Clock.now()), debits(householdID));
    const paymentReference = friendlyFormatRF(householdCreditorReference(householdID));
    return { householdID, name: household.name, paymentReference, ...result, solidarity, payments: entries };
  }

  function sum(entries: { amountCents: number }[]) {
    return entries.reduce((n, e) => n + e.amountCents, 0);
  }

  /** The pure statement of a household under a season. */
  export function compute(season: Season.Stored, periods: Period[], choice: Choice, paidCents: number, today = dateOf(Clock.now()), debit?: Debit) {
    return computeStatement({
      year: season.year,
      weeks: season.weeks,
      childFactor: season.childFactor,
      versions: season.versions,
      periods,
      solidarityPercent: solidarityPercent(choice.choice, choice.percent),
      paidCents,
      today,
      debit,
    });
  }

  /**
   * Every household's statement for a year, from a handful of queries: the
   * households, the composition history, the choices and the ledger of the
   * year are each read once.
   */
  export async function all(year: number): Promise<Computed[]> {
    return (await ofSeason(year)).statements;
  }

  async function ofSeason(year: number) {
    const farmID = useFarmID();
    const season = await Season.confirmed(year);
    const [households, known, choices, entries, debits] = await Promise.all([
      Composition.households(),
      Composition.all(),
      useDB().entities.solidarityChoice.query.byYear({ farmID, year }).go({ pages: "all" }),
      Payment.ofYear(year),
      Debits.ofYear(year),
    ]);
    const periods = await Composition.sync(households, known);
    const choiceOf = new Map(choices.data.map((c) => [c.householdID, { choice: c.choice, percent: c.percent }]));
    const paid = new Map<string, number>();
    for (const e of entries) paid.set(e.householdID, (paid.get(e.householdID) ?? 0) + e.amountCents);
    const today = dateOf(Clock.now());
    const statements = households.map((household): Computed => {
      const id = household.householdID;
      const solidarity = choiceOf.get(id) ?? standard;
      return { household, solidarity, result: compute(season, periods.get(id) ?? [], solidarity, paid.get(id) ?? 0, today, debits(id)) };
    });
    return { season, today, debits, statements };
  }

  const money = ["yearlyCents", "dueCents", "paidCents", "openCents", "toCollectCents", "lateCents", "balanceCents"] as const;

  export const Row = z.object({
    householdID: z.string(),
    name: z.string(),
    mouths: z.number(),
    yearlyCents: z.number(),
    /** The instalments whose date has come. */
    dueCents: z.number(),
    paidCents: z.number(),
    /** Come due and not paid, in arrears or not. */
    openCents: z.number(),
    /** Not in arrears and not paid yet: future instalments, those in a collection run or awaiting one, those within their grace days. */
    toCollectCents: z.number(),
    /** In arrears: unpaid past the pay-by date and the grace days (rules.ts, graceDays). */
    lateCents: z.number(),
    balanceCents: z.number(),
    late: z.boolean(),
    /** Days since the pay-by date of the oldest instalment in arrears; 0 when none is. */
    daysLate: z.number(),
    /** late: in arrears; open: something has come due and waits within its grace or for its collection; paid: nothing open. */
    state: z.enum(["late", "open", "paid"]),
    mandate: z.boolean(),
  });
  export type Row = z.infer<typeof Row>;
  export const Overview = z.object({
    year: z.number(),
    today: z.string(),
    /** Days after the pay-by date an open instalment counts as in arrears (rules.ts). */
    graceDays: z.number(),
    households: z.array(Row),
    totals: z.object({
      households: z.number(),
      late: z.number(),
      yearlyCents: z.number(),
      dueCents: z.number(),
      paidCents: z.number(),
      openCents: z.number(),
      toCollectCents: z.number(),
      lateCents: z.number(),
      balanceCents: z.number(),
    }),
    /** The ALV's budget against the year's total contribution: positive difference is more than the budget. */
    budget: z.object({ budgetCents: z.number(), contributionCents: z.number(), differenceCents: z.number() }),
  });
  export type Overview = z.infer<typeof Overview>;

  /** A household's row of the overview. */
  export function row(household: Composition.HouseholdItem, r: StatementResult, mandate: boolean, today: string): Row {
    const late = r.instalments.filter((i) => i.status === "late" && i.payBy);
    return {
      householdID: household.householdID,
      name: household.name,
      mouths: r.mouths,
      ...Object.fromEntries(money.map((k) => [k, r[k]])) as Record<(typeof money)[number], number>,
      late: r.lateCents > 0,
      daysLate: late.length ? daysBetween(late[0]!.payBy!, today) : 0,
      state: r.lateCents > 0 ? "late" : r.openCents > 0 ? "open" : "paid",
      mandate,
    };
  }

  /**
   * The treasurer's overview: per household what is due, paid, still to
   * collect and in arrears, the totals, and the budget against the year's
   * contribution; households with nothing to pay or paid are left out.
   */
  export async function overview(year: number): Promise<Overview> {
    const { season, today, debits, statements } = await ofSeason(year);
    const rows = statements
      .filter((s) => s.result.yearlyCents !== 0 || s.result.paidCents !== 0)
      .map(({ household: h, result: r }) => row(h, r, debits(h.householdID).mandate, today))
      .sort((a, b) => a.name.localeCompare(b.name, "nl"));
    const total = (k: (typeof money)[number]) => rows.reduce((n, r) => n + r[k], 0);
    const totals = Object.fromEntries(money.map((k) => [k, total(k)])) as Record<(typeof money)[number], number>;
    return {
      year,
      today,
      graceDays,
      households: rows,
      totals: { households: rows.length, late: rows.filter((r) => r.late).length, ...totals },
      budget: { budgetCents: season.budgetCents, contributionCents: totals.yearlyCents, differenceCents: totals.yearlyCents - season.budgetCents },
    };
  }

  /** The overview as one table for a Dutch spreadsheet (../csv.ts), with the totals as its last row. */
  export function toCSV(o: Overview) {
    const money = (r: Pick<Overview["totals"], "yearlyCents" | "dueCents" | "paidCents" | "lateCents" | "balanceCents">) =>
      [r.yearlyCents, r.dueCents, r.paidCents, r.lateCents, r.balanceCents].map(amount);
    return csv(
      ["huishouden", "id", "monden", "jaarbedrag", "verschuldigd", "betaald", "achterstand", "saldo", "machtiging"],
      [
        ...o.households.map((r) => [r.name, r.householdID, r.mouths, ...money(r), r.mandate ? "ja" : "nee"]),
        ["totaal", "", null, ...money(o.totals), ""],
      ],
    );
  }
}
