import * as z from "zod/mini";
import { useFarmID } from "../actor";
import { Clock } from "../clock";
import { amount, toCSV as csv } from "../csv";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { assertOwnOrTreasurer } from "./access";
import { friendlyFormatRF, householdCreditorReference } from "./bank";
import { Composition } from "./composition";
import { Payment } from "./payment";
import { computeStatement, dateOf, solidarityPercent, type Period, type StatementResult } from "./rules";
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
        status,
      }),
    ),
    paidCents: z.number(),
    dueCents: z.number(),
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
    const [known, choice, entries] = await Promise.all([
      Composition.of(householdID),
      useDB().entities.solidarityChoice.get({ farmID: useFarmID(), year, householdID }).go({ consistent: true }),
      Payment.ofHousehold(householdID, year),
    ]);
    const periods = (await Composition.sync([household], new Map([[householdID, known]]))).get(householdID) ?? [];
    const solidarity = choice.data ? { choice: choice.data.choice, percent: choice.data.percent } : standard;
    const result = compute(season, periods, solidarity, sum(entries));
    const paymentReference = friendlyFormatRF(householdCreditorReference(householdID));
    return { householdID, name: household.name, paymentReference, ...result, solidarity, payments: entries };
  }

  function sum(entries: { amountCents: number }[]) {
    return entries.reduce((n, e) => n + e.amountCents, 0);
  }

  /** The pure statement of a household under a season. */
  export function compute(season: Season.Stored, periods: Period[], choice: Choice, paidCents: number, today = dateOf(Clock.now())) {
    return computeStatement({
      year: season.year,
      weeks: season.weeks,
      childFactor: season.childFactor,
      versions: season.versions,
      periods,
      solidarityPercent: solidarityPercent(choice.choice, choice.percent),
      paidCents,
      today,
    });
  }

  /**
   * Every household's statement for a year, from a handful of queries: the
   * households, the composition history, the choices and the ledger of the
   * year are each read once.
   */
  export async function all(year: number): Promise<Computed[]> {
    const farmID = useFarmID();
    const season = await Season.confirmed(year);
    const [households, known, choices, entries] = await Promise.all([
      Composition.households(),
      Composition.all(),
      useDB().entities.solidarityChoice.query.byYear({ farmID, year }).go({ pages: "all" }),
      Payment.ofYear(year),
    ]);
    const periods = await Composition.sync(households, known);
    const choiceOf = new Map(choices.data.map((c) => [c.householdID, { choice: c.choice, percent: c.percent }]));
    const paid = new Map<string, number>();
    for (const e of entries) paid.set(e.householdID, (paid.get(e.householdID) ?? 0) + e.amountCents);
    const today = dateOf(Clock.now());
    return households.map((household) => {
      const solidarity = choiceOf.get(household.householdID) ?? standard;
      return {
        household,
        solidarity,
        result: compute(season, periods.get(household.householdID) ?? [], solidarity, paid.get(household.householdID) ?? 0, today),
      };
    });
  }

  export const Row = z.object({
    householdID: z.string(),
    name: z.string(),
    mouths: z.number(),
    yearlyCents: z.number(),
    dueCents: z.number(),
    paidCents: z.number(),
    lateCents: z.number(),
    balanceCents: z.number(),
    late: z.boolean(),
    mandate: z.boolean(),
  });
  export const Overview = z.object({
    year: z.number(),
    households: z.array(Row),
    totals: z.object({
      households: z.number(),
      late: z.number(),
      yearlyCents: z.number(),
      dueCents: z.number(),
      paidCents: z.number(),
      lateCents: z.number(),
      balanceCents: z.number(),
    }),
  });
  export type Overview = z.infer<typeof Overview>;

  /** The treasurer's overview: per household what is due, paid and late, and the totals; households with nothing to pay or paid are left out. */
  export async function overview(year: number): Promise<Overview> {
    const [statements, mandates] = await Promise.all([
      all(year),
      useDB().entities.mandate.query.byHousehold({ farmID: useFarmID() }).go({ pages: "all" }),
    ]);
    const withMandate = new Set(mandates.data.filter((m) => m.status === "active").map((m) => m.householdID));
    const rows = statements
      .filter((s) => s.result.yearlyCents !== 0 || s.result.paidCents !== 0)
      .map(({ household: h, result: r }) => ({
        householdID: h.householdID,
        name: h.name,
        mouths: r.mouths,
        yearlyCents: r.yearlyCents,
        dueCents: r.dueCents,
        paidCents: r.paidCents,
        lateCents: r.lateCents,
        balanceCents: r.balanceCents,
        late: r.lateCents > 0,
        mandate: withMandate.has(h.householdID),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, "nl"));
    const total = (k: "yearlyCents" | "dueCents" | "paidCents" | "lateCents" | "balanceCents") => rows.reduce((n, r) => n + r[k], 0);
    return {
      year,
      households: rows,
      totals: {
        households: rows.length,
        late: rows.filter((r) => r.late).length,
        yearlyCents: total("yearlyCents"),
        dueCents: total("dueCents"),
        paidCents: total("paidCents"),
        lateCents: total("lateCents"),
        balanceCents: total("balanceCents"),
      },
    };
  }

  /** "1234,56": euros as a Dutch spreadsheet reads them. */
  export function euros(cents: number) {
    const sign = cents < 0 ? "-" : "";
    const abs = Math.abs(cents);
    return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
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
