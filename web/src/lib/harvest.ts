import { query } from "@solidjs/router";
import type { Harvest } from "@akker/core/harvest/harvest";
import { ApiError, esc, loggedIn, request } from "./api";

/* The harvest's client and queries. */

export type HarvestOverview = Harvest.Overview;
export type HarvestMine = Harvest.Mine;
export type HarvestStanding = Harvest.Standing;
export type HarvestItem = Harvest.Overview["items"][number];
export type HarvestLine = Harvest.Overview["leftovers"][number];
export type HarvestUnit = HarvestItem["unit"];
export type HarvestSaveInput = Parameters<typeof Harvest.save>[1];
export type PublishedHarvest = Awaited<ReturnType<typeof Harvest.list>>[number];

export const harvestApi = {
  /** Published weeks, newest first, with the caller household's own lines. */
  list: () => request<{ harvests: PublishedHarvest[] }>("GET", "/harvests").then((r) => r.harvests),
  get: (week: string) => request<HarvestOverview>("GET", `/harvests/${esc(week)}`),
  standing: (week: string) => request<HarvestStanding>("GET", `/harvests/${esc(week)}/standing`),
  save: (week: string, input: HarvestSaveInput) => request<HarvestOverview>("PUT", `/harvests/${esc(week)}`, input),
  publish: (week: string) => request<HarvestOverview>("POST", `/harvests/${esc(week)}/publish`),
  mine: (week: string) => request<HarvestMine>("GET", `/harvests/${esc(week)}/mine`),
  setOptOut: (week: string, optedOut: boolean) =>
    request<HarvestMine>("PUT", `/harvests/${esc(week)}/opt-out`, { optedOut }),
};

/** The week as the farmer entered it; null while nothing is entered for it yet. */
export const getHarvest = query(
  (week: string) =>
    loggedIn(() =>
      harvestApi.get(week).catch((e: unknown) => {
        if (e instanceof ApiError && e.code === "harvest.not_found") return null;
        throw e;
      }),
    ),
  "harvest",
);

export const getHarvestStanding = query((week: string) => loggedIn(() => harvestApi.standing(week)), "harvest-standing");

export const getMyHarvest = query((week: string) => loggedIn(() => harvestApi.mine(week)), "harvest-mine");

export const getHarvests = query(() => loggedIn(() => harvestApi.list()), "harvests");

