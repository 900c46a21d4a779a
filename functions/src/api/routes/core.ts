import { authRoutes } from "./auth";
import { farmRoutes } from "./farm";
import { healthRoutes } from "./health";
import { householdRoutes } from "./household";
import { meRoutes } from "./me";
import { pollRoutes } from "./poll";

/** Health, login, the session's own person, the households, the farm and polls: the core domain (domains.ts). */
export const coreRoutes = [healthRoutes, authRoutes, meRoutes, householdRoutes, farmRoutes, pollRoutes];
