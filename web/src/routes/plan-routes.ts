import type { RouteDefinition } from "@solidjs/router";
import { currentSeason } from "../lib/week";

/*
 * The preloads of a member's planning screens, apart from the lazily loaded
 * screens themselves. The client is imported when a preload runs, so it
 * stays out of the first screen.
 */

const plan = () => import("../lib/harvest-plan");
// A failed load shows on the screen, which reads the same query; here it is only started.
const quietly = (p: Promise<unknown>) => void p.catch(() => undefined);

export const harvestWeeksRoute = { preload: () => quietly(plan().then((m) => m.getMyWeeks())) } satisfies RouteDefinition;

export const harvestSeasonRoute = {
  preload: () => quietly(plan().then((m) => m.getMySeason(currentSeason()))),
} satisfies RouteDefinition;
