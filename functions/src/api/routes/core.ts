import { authRoutes } from "./auth";
import { healthRoutes } from "./health";
import { householdRoutes } from "./household";
import { meRoutes } from "./me";

/** Health, login, the session's own person and the households: the core domain (domains.ts). */
export const coreRoutes = [healthRoutes, authRoutes, meRoutes, householdRoutes];
