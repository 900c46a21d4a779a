import { useMailQueue } from "../../mail-queue";
import { workdayRoutes } from "../routes/workdays";
import { lambdaHandler } from "./handler";

useMailQueue();

/** This domain's routes (the routing test checks CloudFront sends each here). */
export const routes = [workdayRoutes];
export const handler = lambdaHandler(routes);
