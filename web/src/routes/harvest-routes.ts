import type { RouteDefinition } from "@solidjs/router";
import { getHarvest, getHarvests, getMyHarvest } from "../lib/harvest";
import { getMe, hasHarvestShare } from "../lib/person";
import { addWeeks, currentWeek, isWeek } from "../lib/week";

/*
 * The preloads of the harvest screens. The screens themselves load on first
 * use (lazy), so these live apart: the data starts loading with the code.
 */

export const harvestRoute = {
  preload: () => {
    const week = currentWeek();
    // only a member household has a share to ask for (the farmer and board look on)
    void getMe().then((me) => {
      if (hasHarvestShare(me)) return Promise.all([getMyHarvest(week), getMyHarvest(addWeeks(week, 1))]);
    });
    void getHarvests();
  },
} satisfies RouteDefinition;

export const harvestWeekRoute = {
  preload: ({ params }) => {
    void getMe();
    if (isWeek(params.week)) void getHarvest(params.week);
  },
} satisfies RouteDefinition;
