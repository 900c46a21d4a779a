import { useMailQueue } from "../../mail-queue";
import { privacyRoutes } from "../routes/privacy";
import { workdayRoutes } from "../routes/workday";
import { domainRoutes } from "../shell";
import { lambdaHandler } from "./handler";

useMailQueue();

/** This domain's routes (the routing test checks CloudFront sends each here). */
export const routes = domainRoutes("workday", [workdayRoutes, privacyRoutes]);
export const handler = lambdaHandler(routes);
