import type { RouteDefinition } from "@solidjs/router";
import { getHousehold, getHouseholds } from "../lib/household";

/*
 * The preloads of the board's household screens. The screens load on first
 * use (lazy), so these live apart: the data starts loading with the code.
 */

export const householdsRoute = {
  preload: () => getHouseholds(),
} satisfies RouteDefinition;

export const householdEditRoute = {
  preload: ({ params }) => getHousehold(params.id!),
} satisfies RouteDefinition;
