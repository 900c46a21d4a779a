import { useMailQueue } from "../../mail-queue";
import { membershipRoutes } from "../routes/membership";
import { pollRoutes } from "../routes/poll";
import { domainRoutes } from "../shell";
import { lambdaHandler } from "./handler";

useMailQueue();

/** This domain's routes (the routing test checks CloudFront sends each here). */
export const routes = domainRoutes("membership", [membershipRoutes, pollRoutes]);
export const handler = lambdaHandler(routes);
