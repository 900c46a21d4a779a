import { query } from "@solidjs/router";
import type { Catalogue } from "@akker/core/harvest/catalogue";
import type { Pickup } from "@akker/core/harvest/pickup";
import { ApiError, esc, loggedIn, request } from "./api";

/* The farmer's client beyond the week itself: the crop catalogue and the pickup. */

export type CatalogueCrop = Catalogue.Crop;
export type PickupWeek = Pickup.Week;
export type Uncollected = Pickup.Uncollected;
export type Destination = Uncollected["destination"];

export const farmerApi = {
  catalogue: () => request<{ crops: CatalogueCrop[] }>("GET", "/harvests/catalogue").then((r) => r.crops),
  pickups: (week: string) => request<PickupWeek>("GET", `/harvests/${esc(week)}/pickups`),
  mark: (week: string, householdID: string, collected: boolean) =>
    request<PickupWeek>("PUT", `/harvests/${esc(week)}/pickups/${esc(householdID)}`, { collected }),
  close: (week: string, destination: Destination) =>
    request<PickupWeek>("PUT", `/harvests/${esc(week)}/uncollected`, { destination }),
  season: (year?: number) =>
    request<{ year: number; weeks: Uncollected[] }>("GET", `/harvests/uncollected${year ? `?year=${year}` : ""}`),
};

/** The catalogue helps; without it (an error) the entry works as before, so a failure reads as empty. */
export const getCatalogue = query(
  () =>
    loggedIn(() => farmerApi.catalogue()).catch((e: unknown): CatalogueCrop[] => {
      if (e instanceof ApiError) return [];
      throw e; // a redirect to log in
    }),
  "harvest-catalogue",
);
export const getPickups = query((week: string) => loggedIn(() => farmerApi.pickups(week)), "harvest-pickups");
export const getUncollectedSeason = query(() => loggedIn(() => farmerApi.season()), "harvest-uncollected");

/**
 * The week the farmer enters next: the first from this week on that is not
 * published yet ("Oogst invoeren" on Friday, this week done, opens next week).
 */
export function weekToEnter(thisWeek: string, published: readonly string[], addWeeks: (week: string, n: number) => string): string {
  const done = new Set(published);
  let week = thisWeek;
  // a season is at most 53 weeks ahead; past that the farmer picks the week
  for (let n = 0; n < 60 && done.has(week); n++) week = addWeeks(week, 1);
  return week;
}
