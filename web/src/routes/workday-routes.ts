import { query, type RouteDefinition } from "@solidjs/router";
import type * as Client from "../lib/workday";
import { preloadQuietly } from "../lib/api";
import { getMe } from "../lib/person";
import { currentSeason } from "../lib/week";

/*
 * The preloads of the work-day screens. The screens themselves load on
 * first use (lazy), so these live apart: the data starts loading with the code.
 * The client is imported when a preload runs, so it stays out of the first screen.
 */

const client = () => import("../lib/workday");
const load = (get: (c: typeof Client) => Promise<unknown>) => preloadQuietly(client().then(get));

export const workdaysRoute = {
  preload: () => {
    void getMe();
    load((c) => c.getWorkdays());
  },
} satisfies RouteDefinition;

export const myWorkdaysRoute = {
  preload: () => {
    void getMe();
    load((c) => c.getMyWorkdays());
    load((c) => c.getCalendarLink());
  },
} satisfies RouteDefinition;

export const workdayRoute = {
  preload: ({ params }) => {
    void getMe();
    const id = params.id;
    if (id) load((c) => c.getWorkday(id));
  },
} satisfies RouteDefinition;

export const rosterRoute = {
  preload: ({ params }) => {
    const id = params.id;
    if (id) load((c) => c.getRoster(id));
  },
} satisfies RouteDefinition;

/** The cache key of lib/workday's getMyHours (its test checks they agree): known here without loading the client. */
export const myHoursKey = "hours-mine[]";

export const hoursRoute = {
  preload: () => {
    // the home screen's hours card may hold an answer from before a coordinator marked the day: ask afresh
    query.delete(myHoursKey);
    load((c) => c.getMyHours());
  },
} satisfies RouteDefinition;

export const pendingHoursRoute = {
  preload: () => {
    load((c) => c.getPendingHours());
  },
} satisfies RouteDefinition;

/** `?season=2026`, else this season. */
export function seasonParam(value: unknown): string {
  return typeof value === "string" && /^\d{4}$/.test(value) ? value : currentSeason();
}

export const hourTotalsRoute = {
  preload: ({ location }) => {
    load((c) => c.getHourTotals(seasonParam(location.query.season)));
  },
} satisfies RouteDefinition;
