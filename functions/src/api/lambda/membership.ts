import { useMailQueue } from "../../mail-queue";
import { membershipRoutes } from "../routes/membership";
import { lambdaHandler } from "./handler";

useMailQueue();

/** This domain's routes (the routing test checks CloudFront sends each here). */
export const routes = [membershipRoutes];
export const handler = lambdaHandler(routes);
