import { useMailQueue } from "../../mail-queue";
import { harvestRoutes } from "../routes/harvest";
import { domainRoutes } from "../shell";
import { lambdaHandler } from "./handler";

useMailQueue();

/** This domain's routes (the routing test checks CloudFront sends each here). */
export const routes = domainRoutes("harvest", [harvestRoutes]);
export const handler = lambdaHandler(routes);
