import { query, redirect } from "@solidjs/router";
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

/** Board members manage households; an admin may do whatever the board may. */
export function canManageHouseholds(me: MeInfo | undefined): boolean {
  return !!me && (me.roles.includes("board") || me.roles.includes("admin"));
}

/** Where to go after logging in: only a path on this site, never another origin. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next.startsWith("/login") ? "/" : next;
}
