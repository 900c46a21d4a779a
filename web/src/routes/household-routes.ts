import type { RouteDefinition } from "@solidjs/router";
import { getHousehold, getHouseholds } from "../lib/household";
import { getMe } from "../lib/person";

/*
 * The preloads of the household screens (a member's own, the board's). The screens load on first
 * use (lazy), so these live apart: the data starts loading with the code.
 */

export const householdsRoute = {
  preload: () => getHouseholds(),
} satisfies RouteDefinition;

export const householdRoute = {
  preload: ({ params }) => {
    void getMe();
    void getHousehold(params.id!);
  },
} satisfies RouteDefinition;

export const householdEditRoute = {
  preload: ({ params }) => getHousehold(params.id!),
} satisfies RouteDefinition;
