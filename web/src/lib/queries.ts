import { json, query, redirect, revalidate } from "@solidjs/router";
import { ApiError, api, type MeInfo } from "./api";

/*
 * Every read the screens make goes through a router `query`: it is cached
 * per key, shared by a route's preload and its component, and revalidated
 * after an action.
 */

/** A query answered 401: the session is gone, so log in and come back here. */
export async function loggedIn<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      const here = window.location.pathname + window.location.search;
      // Queries loaded side by side all fail; the first one has already moved on to the login screen.
      if (window.location.pathname === "/login") throw redirect(here);
      throw redirect(here === "/" ? "/login" : `/login?next=${encodeURIComponent(here)}`);
    }
    throw e;
  }
}

export const getMe = query(() => loggedIn(() => api.me.get()), "me");

export const getHouseholds = query(() => loggedIn(() => api.households.list()), "households");

export const getHousehold = query(
  (householdID: string) => loggedIn(() => api.households.get(householdID)),
  "household",
);

/** The week as the farmer entered it; null while nothing is entered for it yet. */
export const getHarvest = query(
  (week: string) =>
    loggedIn(() =>
      api.harvests.get(week).catch((e: unknown) => {
        if (e instanceof ApiError && e.code === "harvest.not_found") return null;
        throw e;
      }),
    ),
  "harvest",
);

export const getHarvestStanding = query((week: string) => loggedIn(() => api.harvests.standing(week)), "harvest-standing");

export const getMyHarvest = query((week: string) => loggedIn(() => api.harvests.mine(week)), "harvest-mine");

export const getHarvests = query(() => loggedIn(() => api.harvests.list()), "harvests");

/** Work days from now on, each with the caller's own sign-up. */
export const getWorkdays = query(() => loggedIn(() => api.workdays.list()), "workdays");

export const getMyWorkdays = query(() => loggedIn(() => api.workdays.mine()), "workdays-mine");

export const getWorkday = query((workdayID: string) => loggedIn(() => api.workdays.get(workdayID)), "workday");

export const getRoster = query((workdayID: string) => loggedIn(() => api.workdays.roster(workdayID)), "roster");

export const getMyHours = query(() => loggedIn(() => api.hours.mine()), "hours-mine");

export const getPendingHours = query(() => loggedIn(() => api.hours.pending()), "hours-pending");

export const getHourTotals = query((season: string) => loggedIn(() => api.hours.totals(season)), "hours-totals");

export const getCalendarLink = query(() => loggedIn(() => api.calendar.link()), "calendar-link");

/** Member households have a share of the harvest; the farmer, without one, has none. */
export function hasHarvestShare(me: MeInfo | undefined): boolean {
  return !!me?.household && me.roles.includes("member");
}

/** The farmer enters and publishes the harvest; the board and admins may look on. */
export function canEnterHarvest(me: MeInfo | undefined): boolean {
  return !!me && me.roles.includes("farmer");
}

export function canViewHarvest(me: MeInfo | undefined): boolean {
  return canEnterHarvest(me) || canManageHouseholds(me);
}

/**
 * What an action ends with when the API answered with the new value of a
 * query: the value goes into the cache and onto the screen, and nothing is
 * fetched again (the router would otherwise reload every query).
 */
export function settle<T>(key: string, value: T) {
  query.set<unknown>(key, value);
  void revalidate(key, false);
  return json(value, { revalidate: [] });
}

/** People of a member household sign up for work days and report hours: the same people who share the harvest. */
export function canSignUp(me: MeInfo | undefined): boolean {
  return hasHarvestShare(me);
}

/** Farmers and coordinators plan work days, keep the roster and approve reported hours. */
export function canOrganiseWorkdays(me: MeInfo | undefined): boolean {
  return !!me && (me.roles.includes("farmer") || me.roles.includes("coordinator") || me.roles.includes("admin"));
}

/** The board and the coordinators see the hours per household and per task. */
export function canSeeHourTotals(me: MeInfo | undefined): boolean {
  return !!me && (me.roles.includes("board") || me.roles.includes("coordinator") || me.roles.includes("admin"));
}

/** Board members manage households; an admin may do whatever the board may. */
export function canManageHouseholds(me: MeInfo | undefined): boolean {
  return !!me && (me.roles.includes("board") || me.roles.includes("admin"));
}

/** One household, one vote: the people of member households vote; the board runs elections and sees them too. */
export function canSeeElections(me: MeInfo | undefined): boolean {
  return hasHarvestShare(me) || canManageHouseholds(me);
}

/** Where to go after logging in: only a path on this site, never another origin. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next.startsWith("/login") ? "/" : next;
}
