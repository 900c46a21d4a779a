import { assemblyRoutes } from "./assembly";
import { authRoutes } from "./auth";
import { documentRoutes } from "./document";
import { farmRoutes } from "./farm";
import { healthRoutes } from "./health";
import { householdRoutes } from "./household";
import { meRoutes } from "./me";
import { newsRoutes } from "./news";
import { messageRoutes } from "./message";
import { pollRoutes } from "./poll";

/** Health, login, the session's own person, the households, the farm, polls, mail to groups and news: the core domain (domains.ts). */
export const coreRoutes = [healthRoutes, authRoutes, meRoutes, householdRoutes, farmRoutes, messageRoutes, pollRoutes, documentRoutes, newsRoutes, assemblyRoutes];
