import { authRoutes } from "./auth";
import { documentRoutes } from "./document";
import { farmRoutes } from "./farm";
import { healthRoutes } from "./health";
import { householdRoutes } from "./household";
import { meRoutes } from "./me";
import { messageRoutes } from "./message";
import { newsRoutes } from "./news";

/** Health, login, the session's own person, the households, the farm, mail to groups, news and the library: the core domain (domains.ts). */
export const coreRoutes = [healthRoutes, authRoutes, meRoutes, householdRoutes, farmRoutes, messageRoutes, newsRoutes, documentRoutes];
