import { query } from "@solidjs/router";
import type { Hours } from "@akker/core/workday/hours";
import type { Workday } from "@akker/core/workday/workday";
import { esc, loggedIn, request } from "./api";

/* The client and queries of work days, hours and the calendar link. */

export type WorkdayInfo = Workday.Info;
export type WorkdayTask = Workday.Info["task"];
export type SignupStatus = NonNullable<Workday.Info["mine"]>;
/** As the API takes it: without `repeatWeeks` it is one day. */
export type WorkdayCreateInput = Omit<Parameters<typeof Workday.create>[0], "repeatWeeks"> & { repeatWeeks?: number };
export type WorkdayUpdateInput = Parameters<typeof Workday.update>[1];
export type WorkdayRoster = Awaited<ReturnType<typeof Workday.roster>>;
export type WalkInCandidate = Awaited<ReturnType<typeof Workday.walkInCandidates>>[number];
export type RosterEntry = WorkdayRoster["entries"][number];
export type HoursEntry = Hours.Entry;
/** A reported entry waiting for approval, with who reported it; `own` when it is the caller's or their household's (another decides). */
export type PendingHoursEntry = HoursEntry & { personName: string; householdName: string; own: boolean };
export type HoursReportInput = Parameters<typeof Hours.report>[0];
export type HoursDecision = Parameters<typeof Hours.decide>[1];
export type MyHours = Awaited<ReturnType<typeof Hours.mine>>;
export type HourTotals = Awaited<ReturnType<typeof Hours.totals>>;

/** `?personID=…` to act for another person of the household; nothing for oneself. */
const forPerson = (personID?: string) => (personID ? `?personID=${esc(personID)}` : "");
const day = (workdayID: string, rest = "") => `/workdays/${esc(workdayID)}${rest}`;

export const workdayApi = {
  /** From now on (and the last 12 hours), with the caller's own sign-up on each. */
  list: () => request<{ workdays: WorkdayInfo[] }>("GET", "/workdays").then((r) => r.workdays),
  mine: () => request<{ workdays: WorkdayInfo[] }>("GET", "/workdays/mine").then((r) => r.workdays),
  get: (workdayID: string) => request<{ workday: WorkdayInfo }>("GET", day(workdayID)).then((r) => r.workday),
  signup: (workdayID: string, personID?: string) =>
    request<{ status: SignupStatus }>("POST", day(workdayID, `/signup${forPerson(personID)}`)).then((r) => r.status),
  cancelSignup: (workdayID: string, personID?: string) =>
    request<void>("DELETE", day(workdayID, `/signup${forPerson(personID)}`)),
  /** Every day made: one, or a weekly series. */
  create: (input: WorkdayCreateInput) =>
    request<{ workdays: WorkdayInfo[] }>("POST", "/workdays", input).then((r) => r.workdays),
  update: (workdayID: string, changes: WorkdayUpdateInput) =>
    request<{ workday: WorkdayInfo }>("PATCH", day(workdayID), changes).then((r) => r.workday),
  cancel: (workdayID: string) =>
    request<{ workday: WorkdayInfo }>("POST", day(workdayID, "/cancel")).then((r) => r.workday),
  roster: (workdayID: string) => request<WorkdayRoster>("GET", day(workdayID, "/roster")),
  /** Who came; `hours` only for whom worked other than the day's own hours. */
  attendance: (workdayID: string, present: string[], hours?: Record<string, number>) =>
    request<WorkdayRoster>("POST", day(workdayID, "/attendance"), { present, ...(hours && Object.keys(hours).length ? { hours } : {}) }),
  /** The people of the member households, to mark a walk-in. */
  walkIns: (workdayID: string) =>
    request<{ people: WalkInCandidate[] }>("GET", day(workdayID, "/walk-ins")).then((r) => r.people),
  hours: {
    mine: () => request<MyHours>("GET", "/me/hours"),
    report: (input: HoursReportInput) => request<{ entry: HoursEntry }>("POST", "/me/hours", input).then((r) => r.entry),
    pending: () => request<{ entries: PendingHoursEntry[] }>("GET", "/hours/pending").then((r) => r.entries),
    decide: (entryID: string, decision: HoursDecision) =>
      request<{ entry: HoursEntry }>("POST", `/hours/${esc(entryID)}/decision`, { decision }).then((r) => r.entry),
    totals: (season: string) => request<HourTotals>("GET", `/hours/totals?season=${esc(season)}`),
    /** A download, so a link and not a call. */
    totalsCsv: (season: string) => `/api/hours/totals.csv?season=${esc(season)}`,
  },
  calendar: {
    link: () => request<{ url: string }>("GET", "/me/calendar").then((r) => r.url),
    renew: () => request<{ url: string }>("POST", "/me/calendar/renew").then((r) => r.url),
  },
};

/** Work days from now on, each with the caller's own sign-up. */
export const getWorkdays = query(() => loggedIn(() => workdayApi.list()), "workdays");

export const getMyWorkdays = query(() => loggedIn(() => workdayApi.mine()), "workdays-mine");

export const getWorkday = query((workdayID: string) => loggedIn(() => workdayApi.get(workdayID)), "workday");

export const getRoster = query((workdayID: string) => loggedIn(() => workdayApi.roster(workdayID)), "roster");
export const getWalkIns = query((workdayID: string) => loggedIn(() => workdayApi.walkIns(workdayID)), "walk-ins");

export const getMyHours = query(() => loggedIn(() => workdayApi.hours.mine()), "hours-mine");

export const getPendingHours = query(() => loggedIn(() => workdayApi.hours.pending()), "hours-pending");

export const getHourTotals = query((season: string) => loggedIn(() => workdayApi.hours.totals(season)), "hours-totals");

export const getCalendarLink = query(() => loggedIn(() => workdayApi.calendar.link()), "calendar-link");
