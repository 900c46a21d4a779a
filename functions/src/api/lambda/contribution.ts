import { useMailQueue } from "../../mail-queue";
import { contributionRoutes } from "../routes/contribution";
import { domainRoutes } from "../shell";
import { lambdaHandler } from "./handler";

// every mandate given, changed or revoked is mailed to the household
useMailQueue();

/** This domain's routes (the routing test checks CloudFront sends each here). */
export const routes = domainRoutes("contribution", [contributionRoutes]);
export const handler = lambdaHandler(routes);
