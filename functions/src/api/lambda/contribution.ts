import { contributionRoutes } from "../routes/contribution";
import { lambdaHandler } from "./handler";

// Sends no mail: core's Mail is not in this bundle (test/infra/stacks.test.ts checks).
/** This domain's routes (the routing test checks CloudFront sends each here). */
export const routes = [contributionRoutes];
export const handler = lambdaHandler(routes);
