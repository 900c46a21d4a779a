import type { RouteDefinition } from "@solidjs/router";
import { getHarvest, getHarvests, getMe, getMyHarvest } from "../lib/queries";
import { addWeeks, currentWeek, isWeek } from "../lib/week";

/*
 * The preloads of the harvest screens. The screens themselves load on first
 * use (lazy), so these live apart: the data starts loading with the code.
 */

export const harvestRoute = {
  preload: () => {
    const week = currentWeek();
    void getMe();
    void getMyHarvest(week);
    void getMyHarvest(addWeeks(week, 1));
    void getHarvests();
  },
} satisfies RouteDefinition;

export const harvestWeekRoute = {
  preload: ({ params }) => {
    void getMe();
    if (isWeek(params.week)) void getHarvest(params.week);
  },
} satisfies RouteDefinition;
