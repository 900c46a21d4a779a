import { hasRole, useActor, usePerson } from "../actor";
import { VisibleError } from "../error";

/**
 * A household's money matters are for its own members and the treasurer.
 * Anyone else is told the household does not exist, as for a wrong ID, so
 * no answer reveals that a household has a statement, mandate or choice.
 */
export function assertOwnOrTreasurer(householdID: string) {
  if (useActor().type === "system") return;
  if (usePerson().householdID !== householdID && !hasRole("treasurer"))
    throw new VisibleError("not_found", "household.not_found", "No such household.");
}
