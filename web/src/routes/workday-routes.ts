import type { RouteDefinition } from "@solidjs/router";
import {
  getCalendarLink,
  getHourTotals,
  getMyHours,
  getMyWorkdays,
  getPendingHours,
  getRoster,
  getWorkday,
  getWorkdays,
} from "../lib/workday";
import { getMe } from "../lib/person";
import { currentSeason } from "../lib/week";

/*
 * The preloads of the work-day screens. The screens themselves load on
 * first use (lazy), so these live apart: the data starts loading with the code.
 */

export const workdaysRoute = {
  preload: () => {
    void getMe();
    void getWorkdays();
  },
} satisfies RouteDefinition;

export const myWorkdaysRoute = {
  preload: () => {
    void getMe();
    void getMyWorkdays();
    void getCalendarLink();
  },
} satisfies RouteDefinition;

export const workdayRoute = {
  preload: ({ params }) => {
    void getMe();
    if (params.id) void getWorkday(params.id);
  },
} satisfies RouteDefinition;

export const rosterRoute = {
  preload: ({ params }) => {
    if (params.id) void getRoster(params.id);
  },
} satisfies RouteDefinition;

export const hoursRoute = {
  preload: () => {
    void getMyHours();
  },
} satisfies RouteDefinition;

export const pendingHoursRoute = {
  preload: () => {
    void getPendingHours();
  },
} satisfies RouteDefinition;

/** `?season=2026`, else this season. */
export function seasonParam(value: unknown): string {
  return typeof value === "string" && /^\d{4}$/.test(value) ? value : currentSeason();
}

export const hourTotalsRoute = {
  preload: ({ location }) => {
    void getHourTotals(seasonParam(location.query.season));
  },
} satisfies RouteDefinition;
