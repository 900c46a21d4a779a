import { json, query, redirect, revalidate } from "@solidjs/router";
import { ApiError, api, type MeInfo } from "./api";

/*
 * Every read the screens make goes through a router `query`: it is cached
 * per key, shared by a route's preload and its component, and revalidated
 * after an action.
 */

/** A query answered 401: the session is gone, so log in and come back here. */
async function loggedIn<T>(load: () => Promise<T>): Promise<T> {
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

export const getMyHarvest = query((week: string) => loggedIn(() => api.harvests.mine(week)), "harvest-mine");

export const getHarvests = query(() => loggedIn(() => api.harvests.list()), "harvests");

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

/** Board members manage households; an admin may do whatever the board may. */
export function canManageHouseholds(me: MeInfo | undefined): boolean {
  return !!me && (me.roles.includes("board") || me.roles.includes("admin"));
}

/** Where to go after logging in: only a path on this site, never another origin. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next.startsWith("/login") ? "/" : next;
}
