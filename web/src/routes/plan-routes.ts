import type { RouteDefinition } from "@solidjs/router";
import { getMyWeeks, getMySeason } from "../lib/harvest-plan";
import { currentSeason } from "../lib/week";

/* The preloads of a member's planning screens, apart from the lazily loaded screens themselves. */

export const harvestWeeksRoute = { preload: () => void getMyWeeks() } satisfies RouteDefinition;

export const harvestSeasonRoute = { preload: () => void getMySeason(currentSeason()) } satisfies RouteDefinition;
