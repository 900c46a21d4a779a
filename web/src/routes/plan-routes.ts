import type { RouteDefinition } from "@solidjs/router";
import { preloadQuietly as quietly } from "../lib/api";
import { currentSeason } from "../lib/week";

/*
 * The preloads of a member's planning screens, apart from the lazily loaded
 * screens themselves. The client is imported when a preload runs, so it
 * stays out of the first screen.
 */

const plan = () => import("../lib/harvest-plan");

export const harvestWeeksRoute = { preload: () => quietly(plan().then((m) => m.getMyWeeks())) } satisfies RouteDefinition;

export const harvestSeasonRoute = {
  preload: () => quietly(plan().then((m) => m.getMySeason(currentSeason()))),
} satisfies RouteDefinition;
