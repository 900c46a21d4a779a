import { query, useSearchParams } from "@solidjs/router";
import type { z } from "zod/mini";
import type { BankImport } from "@akker/core/contribution/bank-import";
import type { BankReview } from "@akker/core/contribution/bank-review";
import type { Mandate } from "@akker/core/contribution/mandate";
import type { Payment } from "@akker/core/contribution/payment";
import type { Season } from "@akker/core/contribution/season";
import type { Sepa } from "@akker/core/contribution/sepa";
import type { Solidarity } from "@akker/core/contribution/solidarity";
import type { Statement } from "@akker/core/contribution/statement";
import { ApiError, esc, loggedIn, orNull, request } from "./api";
import type { MeInfo } from "./person";
import { currentSeason } from "./week";

/*
 * The client and queries of the yearly contribution: statements, mandates,
 * solidarity, the season's price, payments and SEPA files. They load with
 * those screens, not with the first one.
 */

export type StatementInfo = Statement.Info;
export type InstalmentState = Statement.Info["instalments"][number]["status"];
export type ContributionOverview = Statement.Overview;
export type MandateInfo = Mandate.Info;
export type MandateInput = z.input<typeof Mandate.Input>;
export type SolidarityMine = Solidarity.Mine;
export type SolidarityChoice = Solidarity.Mine["choice"];
export type SolidarityInput = z.input<typeof Solidarity.Input>;
export type SolidarityTotals = Solidarity.Totals;
export type SeasonInfo = Season.Info;
export type SeasonInput = z.input<typeof Season.Input>;
export type ConfirmInput = z.input<typeof Season.ConfirmInput>;
export type PaymentInfo = Payment.Info;
export type PaymentInput = z.input<typeof Payment.Input>;
export type ImportReport = BankImport.Report;
export type ReviewList = BankReview.List;
export type ReviewLine = BankReview.Line;
export type ReviewDecided = BankReview.Decided;
export type SepaSummary = Sepa.Summary;
export type Ledger = { payments: PaymentInfo[]; totalCents: number };
export type SolidarityEntry = Awaited<ReturnType<typeof Solidarity.list>>[number];
export type SolidarityList = { year: number; households: SolidarityEntry[] };

export const contributionApi = {
  statement: (householdID: string, year: number) =>
    request<StatementInfo>("GET", `/households/${esc(householdID)}/statement?year=${year}`),
  mandate: (householdID: string) =>
    request<{ mandate: MandateInfo | null }>("GET", `/households/${esc(householdID)}/mandate`).then((r) => r.mandate),
  putMandate: (householdID: string, input: MandateInput) =>
    request<{ mandate: MandateInfo }>("PUT", `/households/${esc(householdID)}/mandate`, input).then((r) => r.mandate),
  revokeMandate: (householdID: string) =>
    request<{ mandate: MandateInfo }>("DELETE", `/households/${esc(householdID)}/mandate`).then((r) => r.mandate),
  solidarity: (householdID: string, year: number) =>
    request<{ solidarity: SolidarityMine }>("GET", `/households/${esc(householdID)}/solidarity?year=${year}`).then(
      (r) => r.solidarity,
    ),
  chooseSolidarity: (householdID: string, input: SolidarityInput) =>
    request<{ solidarity: SolidarityMine }>("PUT", `/households/${esc(householdID)}/solidarity`, input).then(
      (r) => r.solidarity,
    ),
  pot: (year: number) => request<SolidarityTotals>("GET", `/contribution/solidarity?year=${year}`),
  /** Who chose what, with reasons: the treasurer only. */
  solidarityList: (year: number) => request<SolidarityList>("GET", `/contribution/solidarity/households?year=${year}`),
  season: (year: number) => request<{ season: SeasonInfo }>("GET", `/seasons/${year}`).then((r) => r.season),
  saveSeason: (year: number, input: SeasonInput) =>
    request<{ season: SeasonInfo }>("PUT", `/seasons/${year}`, input).then((r) => r.season),
  confirmSeason: (year: number, input: ConfirmInput) =>
    request<{ season: SeasonInfo }>("POST", `/seasons/${year}/confirm`, input).then((r) => r.season),
  overview: (year: number) => request<ContributionOverview>("GET", `/contribution/overview?year=${year}`),
  overviewCsv: (year: number) => `/api/contribution/overview.csv?year=${year}`,
  pay: (input: PaymentInput) => request<{ payment: PaymentInfo; duplicate: boolean }>("POST", "/payments", input),
  payments: (year: number, householdID: string) =>
    request<Ledger>("GET", `/payments?year=${year}&householdID=${esc(householdID)}`),
  reverse: (paymentID: string) =>
    request<{ reversal: PaymentInfo }>("POST", `/payments/${esc(paymentID)}/reverse`).then((r) => r.reversal),
  /** A bank file as the bank gave it: its bytes go as they are. */
  importFile: (file: Blob) => request<ImportReport>("POST", "/payments/import", file),
  review: () => request<ReviewList>("GET", "/payments/review"),
  /** alsoImported: the treasurer says the line is another payment than the one alike on the household. */
  assignLine: (id: string, householdID: string, alsoImported?: boolean) =>
    request<ReviewDecided>("POST", `/payments/review/${esc(id)}`, alsoImported ? { householdID, alsoImported } : { householdID }),
  dismissLine: (id: string) => request<ReviewDecided>("POST", `/payments/review/${esc(id)}`, { dismiss: true }),
  /** `2027-03`: the month's direct-debit file, a download. */
  sepaFile: (month: string) => `/api/sepa/${month}.xml`,
  /** The month's collection run, or what one created now would hold. */
  sepaRun: (month: string) => request<SepaSummary>("GET", `/sepa/${month}.json`),
  /** Creates the month's collection run: frozen, and every household mailed. */
  createSepaRun: (month: string) => request<SepaSummary>("POST", `/sepa/${month}`),
};

/** Null while the year's price is not set. */
export const getStatement = query(
  (householdID: string, year: number) =>
    loggedIn(() =>
      orNull(() => contributionApi.statement(householdID, year), "season.not_confirmed", "season.not_found"),
    ),
  "statement",
);

/** Null while the household has given none. */
export const getMandate = query(
  (householdID: string) => loggedIn(() => contributionApi.mandate(householdID)),
  "mandate",
);

export const getSolidarity = query(
  (householdID: string, year: number) => loggedIn(() => contributionApi.solidarity(householdID, year)),
  "solidarity",
);

/** A household's ledger of a year: payments and reversals. */
export const getPayments = query(
  (year: number, householdID: string) => loggedIn(() => contributionApi.payments(year, householdID)),
  "payments",
);

export const getSolidarityList = query(
  (year: number) => loggedIn(() => contributionApi.solidarityList(year)),
  "solidarity-households",
);

export const getPot = query((year: number) => loggedIn(() => contributionApi.pot(year)), "solidarity-pot");

/**
 * A month's collection run, or what one would hold, or why there can be
 * none (the year's price not set): the screen tells the reason instead of
 * offering what would fail.
 */
export const getSepaRun = query(
  (month: string) =>
    loggedIn(() =>
      contributionApi.sepaRun(month).then(
        (summary) => ({ summary, error: undefined }),
        (error: unknown) => {
          // a year without a price (404, 409) or a farm without creditor details (409): said in the card, for any month picked next
          if (error instanceof ApiError && (error.status === 404 || error.status === 409)) return { summary: undefined, error };
          throw error;
        },
      ),
    ),
  "sepa-run",
);

/** The bank lines waiting for the treasurer, the held collections and returns, and the households to pick from. */
export const getReview = query(() => loggedIn(() => contributionApi.review()), "bank-review");

/** Null while nothing is entered for the year. */
export const getSeason = query(
  (year: number) => loggedIn(() => orNull(() => contributionApi.season(year), "season.not_found")),
  "season",
);

/** Null while the year's price is not set. */
export const getOverview = query(
  (year: number) =>
    loggedIn(() => orNull(() => contributionApi.overview(year), "season.not_confirmed", "season.not_found")),
  "contribution-overview",
);

export function isTreasurer(me: MeInfo | undefined): boolean {
  return !!me && (me.roles.includes("treasurer") || me.roles.includes("admin"));
}

/** "43,38", "1.043,50", "43.38" as whole cents; NaN when it is not an amount, which the API refuses at the field. */
export function parseEuros(value: string): number {
  const v = value.replace(/[\s€]/g, "");
  if (!/^\d{1,3}([.,]?\d{3})*([.,]\d{1,2})?$/.test(v) && !/^\d+([.,]\d{1,2})?$/.test(v)) return Number.NaN;
  const decimals = /[.,](\d{1,2})$/.exec(v);
  const whole = (decimals ? v.slice(0, -decimals[0].length) : v).replace(/[.,]/g, "");
  return Number(whole) * 100 + (decimals ? Number(decimals[1]!.padEnd(2, "0")) : 0);
}

/** The year on the farm's clock. */
export function thisYear(now = Date.now()): number {
  return Number(currentSeason(now));
}

/** A `?year=2027` parameter, else this year. */
export function yearParam(value: unknown): number {
  return typeof value === "string" && /^\d{4}$/.test(value) ? Number(value) : thisYear();
}

/** The year a screen shows, from its `?year=` parameter. */
export function useYear(): () => number {
  const [params] = useSearchParams<{ year?: string }>();
  return () => yearParam(params.year);
}
