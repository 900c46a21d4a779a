import type { Harvest } from "@akker/core/harvest/harvest";
import type { Household } from "@akker/core/household/household";
import type { Me } from "@akker/core/person/me";
import type { Person } from "@akker/core/person/person";
import type { Hours } from "@akker/core/workday/hours";
import type { Workday } from "@akker/core/workday/workday";

/*
 * The typed client of the HTTP API (see the contract in API.md). The web app
 * imports only types from core: the shapes below are the ones the API
 * answers with, so a change in core shows up here as a type error.
 */

export type Locale = Me.Info["person"]["locale"];
export type Role = Me.Info["roles"][number];
export type MeInfo = Me.Info;
export type HouseholdInfo = Household.Info;
export type HouseholdWithPeople = Household.WithPeople;
export type PersonInfo = Person.Info;
export type Certificate = Household.Info["certificate"];
export type HouseholdStatus = Household.Info["status"];
export type CreateHouseholdInput = Parameters<typeof Household.create>[0];
export type UpdateHouseholdInput = Parameters<typeof Household.update>[0]["changes"];
export type CreatePersonInput = Omit<Parameters<typeof Person.create>[0], "householdID">;
export type HarvestOverview = Harvest.Overview;
export type HarvestMine = Harvest.Mine;
export type HarvestStanding = Harvest.Standing;
export type HarvestItem = Harvest.Overview["items"][number];
export type HarvestLine = Harvest.Overview["leftovers"][number];
export type HarvestUnit = HarvestItem["unit"];
export type HarvestSaveInput = Parameters<typeof Harvest.save>[1];
export type PublishedHarvest = Awaited<ReturnType<typeof Harvest.list>>[number];
export type WorkdayInfo = Workday.Info;
export type WorkdayTask = Workday.Info["task"];
export type SignupStatus = NonNullable<Workday.Info["mine"]>;
/** As the API takes it: without `repeatWeeks` it is one day. */
export type WorkdayCreateInput = Omit<Parameters<typeof Workday.create>[0], "repeatWeeks"> & { repeatWeeks?: number };
export type WorkdayUpdateInput = Parameters<typeof Workday.update>[1];
export type WorkdayRoster = Awaited<ReturnType<typeof Workday.roster>>;
export type RosterEntry = WorkdayRoster["entries"][number];
export type HoursEntry = Hours.Entry;
/** A reported entry waiting for approval, with who reported it; `own` when it is the caller's or their household's (another decides). */
export type PendingHoursEntry = HoursEntry & { personName: string; householdName: string; own: boolean };
export type HoursReportInput = Parameters<typeof Hours.report>[0];
export type HoursDecision = Parameters<typeof Hours.decide>[1];
export type MyHours = Awaited<ReturnType<typeof Hours.mine>>;
export type HourTotals = Awaited<ReturnType<typeof Hours.totals>>;

export interface Issue {
  path: string;
  message: string;
}

/**
 * An answer other than 2xx. `code` is the dotted code from the body
 * (`auth.code_invalid`), or `network` when the server could not be reached,
 * or `http.<status>` when the body was not the API's error shape.
 */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly issues: Issue[] = [],
    /** The error's other fields, e.g. `retryAfterMinutes` on a 429. */
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

function isIssue(value: unknown): value is Issue {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Issue).path === "string" &&
    typeof (value as Issue).message === "string"
  );
}

async function toError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => undefined);
  const error = (body as { error?: unknown } | undefined)?.error as
    | { code?: unknown; message?: unknown; issues?: unknown; [detail: string]: unknown }
    | undefined;
  if (error && typeof error.code === "string") {
    const details = Object.fromEntries(Object.entries(error).filter(([key]) => !["code", "message", "issues"].includes(key)));
    return new ApiError(
      res.status,
      error.code,
      typeof error.message === "string" ? error.message : error.code,
      Array.isArray(error.issues) ? error.issues.filter(isIssue) : [],
      details,
    );
  }
  return new ApiError(res.status, `http.${res.status}`, res.statusText || `HTTP ${res.status}`);
}

/** One call to the API on this origin; resolves with the parsed JSON, or undefined for an empty answer. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, "network", e instanceof Error ? e.message : "Network error");
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204 || res.status === 202) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const id = (value: string) => encodeURIComponent(value);
/** `?personID=…` to act for another person of the household; nothing for oneself. */
const forPerson = (personID?: string) => (personID ? `?personID=${id(personID)}` : "");

export const api = {
  auth: {
    /** 202 whether or not the address is known. */
    requestCode: (email: string) => request<void>("POST", "/auth/code", { email }),
    verify: (email: string, code: string) =>
      request<{ me: MeInfo }>("POST", "/auth/verify", { email, code }).then((r) => r.me),
    logout: () => request<void>("POST", "/auth/logout"),
  },
  me: {
    get: () => request<MeInfo>("GET", "/me"),
    update: (changes: { locale: Locale }) => request<MeInfo>("PATCH", "/me", changes),
  },
  households: {
    list: () =>
      request<{ households: HouseholdInfo[] }>("GET", "/households").then((r) => r.households),
    get: (householdID: string) =>
      request<{ household: HouseholdWithPeople }>("GET", `/households/${id(householdID)}`).then(
        (r) => r.household,
      ),
    create: (input: CreateHouseholdInput) =>
      request<{ household: HouseholdWithPeople }>("POST", "/households", input).then((r) => r.household),
    update: (householdID: string, changes: UpdateHouseholdInput) =>
      request<{ household: HouseholdWithPeople }>("PATCH", `/households/${id(householdID)}`, changes).then(
        (r) => r.household,
      ),
    addPerson: (householdID: string, input: CreatePersonInput) =>
      request<{ person: PersonInfo }>("POST", `/households/${id(householdID)}/people`, input).then(
        (r) => r.person,
      ),
  },
  harvests: {
    /** Published weeks, newest first, with the caller household's own lines. */
    list: () => request<{ harvests: PublishedHarvest[] }>("GET", "/harvests").then((r) => r.harvests),
    get: (week: string) => request<HarvestOverview>("GET", `/harvests/${id(week)}`),
    standing: (week: string) => request<HarvestStanding>("GET", `/harvests/${id(week)}/standing`),
    save: (week: string, input: HarvestSaveInput) => request<HarvestOverview>("PUT", `/harvests/${id(week)}`, input),
    publish: (week: string) => request<HarvestOverview>("POST", `/harvests/${id(week)}/publish`),
    mine: (week: string) => request<HarvestMine>("GET", `/harvests/${id(week)}/mine`),
    setOptOut: (week: string, optedOut: boolean) =>
      request<HarvestMine>("PUT", `/harvests/${id(week)}/opt-out`, { optedOut }),
  },
  workdays: {
    /** From now on (and the last 12 hours), with the caller's own sign-up on each. */
    list: () => request<{ workdays: WorkdayInfo[] }>("GET", "/workdays").then((r) => r.workdays),
    mine: () => request<{ workdays: WorkdayInfo[] }>("GET", "/workdays/mine").then((r) => r.workdays),
    get: (workdayID: string) =>
      request<{ workday: WorkdayInfo }>("GET", `/workdays/${id(workdayID)}`).then((r) => r.workday),
    signup: (workdayID: string, personID?: string) =>
      request<{ status: SignupStatus }>("POST", `/workdays/${id(workdayID)}/signup${forPerson(personID)}`).then(
        (r) => r.status,
      ),
    cancelSignup: (workdayID: string, personID?: string) =>
      request<void>("DELETE", `/workdays/${id(workdayID)}/signup${forPerson(personID)}`),
    /** Every day made: one, or a weekly series. */
    create: (input: WorkdayCreateInput) =>
      request<{ workdays: WorkdayInfo[] }>("POST", "/workdays", input).then((r) => r.workdays),
    update: (workdayID: string, changes: WorkdayUpdateInput) =>
      request<{ workday: WorkdayInfo }>("PATCH", `/workdays/${id(workdayID)}`, changes).then((r) => r.workday),
    cancel: (workdayID: string) =>
      request<{ workday: WorkdayInfo }>("POST", `/workdays/${id(workdayID)}/cancel`).then((r) => r.workday),
    roster: (workdayID: string) => request<WorkdayRoster>("GET", `/workdays/${id(workdayID)}/roster`),
    attendance: (workdayID: string, present: string[]) =>
      request<WorkdayRoster>("POST", `/workdays/${id(workdayID)}/attendance`, { present }),
  },
  hours: {
    mine: () => request<MyHours>("GET", "/me/hours"),
    report: (input: HoursReportInput) =>
      request<{ entry: HoursEntry }>("POST", "/me/hours", input).then((r) => r.entry),
    pending: () => request<{ entries: PendingHoursEntry[] }>("GET", "/hours/pending").then((r) => r.entries),
    decide: (entryID: string, decision: HoursDecision) =>
      request<{ entry: HoursEntry }>("POST", `/hours/${id(entryID)}/decision`, { decision }).then((r) => r.entry),
    totals: (season: string) => request<HourTotals>("GET", `/hours/totals?season=${id(season)}`),
    /** A download, so a link and not a call. */
    totalsCsv: (season: string) => `/api/hours/totals.csv?season=${id(season)}`,
  },
  calendar: {
    link: () => request<{ url: string }>("GET", "/me/calendar").then((r) => r.url),
    renew: () => request<{ url: string }>("POST", "/me/calendar/renew").then((r) => r.url),
  },
};
