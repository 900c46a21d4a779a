import { query } from "@solidjs/router";
import type { Mandate } from "@akker/core/contribution/mandate";
import type { Payment } from "@akker/core/contribution/payment";
import type { Season } from "@akker/core/contribution/season";
import type { Sepa } from "@akker/core/contribution/sepa";
import type { Solidarity } from "@akker/core/contribution/solidarity";
import type { Statement } from "@akker/core/contribution/statement";
import type { Application } from "@akker/core/membership/application";
import type { Certificate } from "@akker/core/membership/certificate";
import { ApiError, request, type MeInfo } from "./api";
import { canManageHouseholds, loggedIn } from "./queries";

/*
 * The typed client and the queries of the shares screens: the waiting
 * list, certificates and deposits, the yearly contribution. They load with
 * those screens, not with the first one. Types only from core.
 */

export type ApplyInput = {
  name: string;
  email: string;
  adults: number;
  children: number;
  vegetarian: boolean;
  certificate?: "full" | "half";
  locale?: "nl" | "en";
};
export type Confirmed = { application: { id: string; position: number | null; statusToken: string } };
export type ApplicationInfo = Application.Info;
export type ApplicationStatus = Application.Status;
export type ApplicationState = Application.Info["status"];
export type Capacity = Application.Capacity;
export type Waitlist = { applications: ApplicationInfo[]; capacity: Capacity };
export type Accepted = { application: { id: string; status: "accepted" }; household: { id: string; name: string }; email: string };
export type Closed = { application: { id: string; status: ApplicationState } };
export type CertificateInfo = Certificate.Info;
export type CertificateDetail = Certificate.Detail;
export type CertificateState = Certificate.Info["status"];
export type Register = Awaited<ReturnType<typeof Certificate.register>>;
export type StatementInfo = Statement.Info;
export type InstalmentState = Statement.Info["instalments"][number]["status"];
export type ContributionOverview = Statement.Overview;
export type MandateInfo = Mandate.Info;
export type MandateInput = {
  iban: string;
  accountHolder: string;
  signedOn: string;
  mandateID?: string;
  bic?: string;
  /** The treasurer only: the IBAN may also be on another household's active mandate. */
  shareIBAN?: boolean;
};
export type SolidarityMine = Solidarity.Mine;
export type SolidarityChoice = Solidarity.Mine["choice"];
export type SolidarityInput = { choice: SolidarityChoice; percent?: number; reason?: string; year?: number };
export type SolidarityTotals = Solidarity.Totals;
export type SeasonInfo = Season.Info;
export type SeasonInput = { budgetCents: number; weeks: number; vegetarianDiscountCents?: number };
export type ConfirmInput = { rateCents?: number; vegetarianRateCents?: number; effectiveFrom?: string };
export type PaymentInfo = Payment.Info;
export type PaymentInput = { householdID: string; amountCents: number; date: string; reference: string; year?: number; note?: string };
export type ImportReport = Payment.ImportReport;
export type SepaSummary = Sepa.Summary;
export type DepositInput = { amountCents: number; date: string; reference: string };
export type DepositRecorded = { payment: Certificate.Payment; certificate: CertificateDetail; duplicate: boolean };
export type Ledger = { payments: PaymentInfo[]; totalCents: number };
export type SolidarityEntry = Awaited<ReturnType<typeof Solidarity.list>>[number];
export type SolidarityList = { year: number; households: SolidarityEntry[] };

const id = (value: string) => encodeURIComponent(value);

export const sharesApi = {
  applications: {
    /** No login: anyone may apply. 202 and the same answer whoever's address it names: what follows goes to that address. */
    apply: (input: ApplyInput) => request<void>("POST", "/applications", input),
    /** With the token from the mail: the application joins the list. */
    confirm: (token: string) => request<Confirmed>("POST", "/applications/confirm", { token }),
    status: (token: string) =>
      request<{ application: ApplicationStatus }>("GET", `/applications/status/${id(token)}`).then((r) => r.application),
    withdrawOwn: (token: string) => request<Closed>("POST", `/applications/status/${id(token)}/withdraw`),
    accept: (token: string) => request<Accepted>("POST", "/applications/accept", { token }),
    decline: (token: string) => request<Closed>("POST", "/applications/decline", { token }),
    list: () => request<Waitlist>("GET", "/applications"),
    offerInOrder: () => request<{ offers: ApplicationInfo[]; capacity: Capacity }>("POST", "/applications/offers"),
    offer: (applicationID: string) =>
      request<{ application: ApplicationInfo }>("POST", `/applications/${id(applicationID)}/offer`).then((r) => r.application),
  },
  certificates: {
    register: () => request<Register>("GET", "/certificates"),
    /** A download, so a link and not a call. */
    csv: "/api/certificates.csv",
    refund: (householdID: string) =>
      request<{ certificate: CertificateDetail }>("POST", `/certificates/${id(householdID)}/refund`).then((r) => r.certificate),
    mine: (householdID: string) =>
      request<{ certificate: CertificateDetail }>("GET", `/households/${id(householdID)}/certificate`).then((r) => r.certificate),
    /** 201 when recorded; the same reference again answers 200 with duplicate: true. */
    payDeposit: (householdID: string, input: DepositInput) =>
      request<DepositRecorded>("POST", `/certificates/${id(householdID)}/deposit-payments`, input),
    giveNotice: (householdID: string) =>
      request<{ certificate: CertificateDetail }>("POST", `/households/${id(householdID)}/notice`).then((r) => r.certificate),
    withdrawNotice: (householdID: string) =>
      request<{ certificate: CertificateDetail }>("DELETE", `/households/${id(householdID)}/notice`).then((r) => r.certificate),
  },
  contribution: {
    statement: (householdID: string, year: number) =>
      request<StatementInfo>("GET", `/households/${id(householdID)}/statement?year=${year}`),
    mandate: (householdID: string) =>
      request<{ mandate: MandateInfo | null }>("GET", `/households/${id(householdID)}/mandate`).then((r) => r.mandate),
    putMandate: (householdID: string, input: MandateInput) =>
      request<{ mandate: MandateInfo }>("PUT", `/households/${id(householdID)}/mandate`, input).then((r) => r.mandate),
    revokeMandate: (householdID: string) =>
      request<{ mandate: MandateInfo }>("DELETE", `/households/${id(householdID)}/mandate`).then((r) => r.mandate),
    solidarity: (householdID: string, year: number) =>
      request<{ solidarity: SolidarityMine }>("GET", `/households/${id(householdID)}/solidarity?year=${year}`).then(
        (r) => r.solidarity,
      ),
    chooseSolidarity: (householdID: string, input: SolidarityInput) =>
      request<{ solidarity: SolidarityMine }>("PUT", `/households/${id(householdID)}/solidarity`, input).then(
        (r) => r.solidarity,
      ),
    pot: (year: number) => request<SolidarityTotals>("GET", `/solidarity?year=${year}`),
    /** Who chose what, with reasons: the treasurer only. */
    solidarityList: (year: number) => request<SolidarityList>("GET", `/solidarity/households?year=${year}`),
    season: (year: number) => request<{ season: SeasonInfo }>("GET", `/seasons/${year}`).then((r) => r.season),
    saveSeason: (year: number, input: SeasonInput) =>
      request<{ season: SeasonInfo }>("PUT", `/seasons/${year}`, input).then((r) => r.season),
    confirmSeason: (year: number, input: ConfirmInput) =>
      request<{ season: SeasonInfo }>("POST", `/seasons/${year}/confirm`, input).then((r) => r.season),
    overview: (year: number) => request<ContributionOverview>("GET", `/contribution/overview?year=${year}`),
    overviewCsv: (year: number) => `/api/contribution/overview.csv?year=${year}`,
    pay: (input: PaymentInput) => request<{ payment: PaymentInfo; duplicate: boolean }>("POST", "/payments", input),
    payments: (year: number, householdID: string) =>
      request<Ledger>("GET", `/payments?year=${year}&householdID=${id(householdID)}`),
    reverse: (paymentID: string) =>
      request<{ reversal: PaymentInfo }>("POST", `/payments/${id(paymentID)}/reverse`).then((r) => r.reversal),
    importCsv: (csv: string) => request<ImportReport>("POST", "/payments/import", { csv }),
    /** `2027-03`: the month's direct-debit file, a download. */
    sepaFile: (month: string) => `/api/sepa/${month}.xml`,
    /** What the month's file would hold, without making it. */
    sepaPreview: (month: string) => request<SepaSummary>("GET", `/sepa/${month}.json`),
  },
};

/** The board's list: open applications in order, and the farm's free mouths. */
export const getWaitlist = query(() => loggedIn(() => sharesApi.applications.list()), "waitlist");

export const getRegister = query(() => loggedIn(() => sharesApi.certificates.register()), "certificates");

export const getMyCertificate = query(
  (householdID: string) => loggedIn(() => sharesApi.certificates.mine(householdID)),
  "certificate-mine",
);

/** An answer that means "not there yet" reads as null; anything else stays an error. */
function orNull<T>(load: () => Promise<T>, ...codes: string[]): Promise<T | null> {
  return load().catch((e: unknown) => {
    if (e instanceof ApiError && codes.includes(e.code)) return null;
    throw e;
  });
}

/** Null while the year's price is not set. */
export const getStatement = query(
  (householdID: string, year: number) =>
    loggedIn(() =>
      orNull(() => sharesApi.contribution.statement(householdID, year), "season.not_confirmed", "season.not_found"),
    ),
  "statement",
);

/** Null while the household has given none. */
export const getMandate = query(
  (householdID: string) => loggedIn(() => sharesApi.contribution.mandate(householdID)),
  "mandate",
);

export const getSolidarity = query(
  (householdID: string, year: number) => loggedIn(() => sharesApi.contribution.solidarity(householdID, year)),
  "solidarity",
);

/** A household's ledger of a year: payments and reversals. */
export const getPayments = query(
  (year: number, householdID: string) => loggedIn(() => sharesApi.contribution.payments(year, householdID)),
  "payments",
);

export const getSolidarityList = query(
  (year: number) => loggedIn(() => sharesApi.contribution.solidarityList(year)),
  "solidarity-households",
);

export const getPot = query((year: number) => loggedIn(() => sharesApi.contribution.pot(year)), "solidarity-pot");

/**
 * What a month's direct-debit file would hold, or why there is none (no
 * creditor details, nothing to collect): the screen tells the reason
 * instead of offering a download that would fail.
 */
export const getSepaPreview = query(
  (month: string) =>
    loggedIn(() =>
      sharesApi.contribution.sepaPreview(month).then(
        (summary) => ({ summary, error: undefined }),
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 409) return { summary: undefined, error };
          throw error;
        },
      ),
    ),
  "sepa-preview",
);

/** Null while nothing is entered for the year. */
export const getSeason = query(
  (year: number) => loggedIn(() => orNull(() => sharesApi.contribution.season(year), "season.not_found")),
  "season",
);

/** Null while the year's price is not set. */
export const getOverview = query(
  (year: number) =>
    loggedIn(() => orNull(() => sharesApi.contribution.overview(year), "season.not_confirmed", "season.not_found")),
  "contribution-overview",
);

/** What a query holds now, if anything. */
export function cached<T>(key: string): T | undefined {
  try {
    return query.get(key) as T | undefined;
  } catch {
    return undefined;
  }
}

/** The board keeps the waiting list (an admin may do whatever the board may). */
export const canKeepWaitlist = canManageHouseholds;

/** The board and the treasurer read the certificate register; the treasurer refunds. */
export function canReadRegister(me: MeInfo | undefined): boolean {
  return canKeepWaitlist(me) || isTreasurer(me);
}

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
  return Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", year: "numeric" }).format(now));
}

/** The applicant's own application, by the private link's token: no login. */
export const getApplicationStatus = query(
  (token: string) => sharesApi.applications.status(token),
  "application-status",
);
