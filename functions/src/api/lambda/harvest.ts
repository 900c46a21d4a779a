import { useMailQueue } from "../../mail-queue";
import { harvestRoutes } from "../routes/harvest";
import { memberHarvestRoutes } from "../routes/harvest-member";
import { domainRoutes } from "../shell";
import { lambdaHandler } from "./handler";

useMailQueue();

/** This domain's routes (the routing test checks CloudFront sends each here). */
export const routes = domainRoutes("harvest", [harvestRoutes, memberHarvestRoutes]);
export const handler = lambdaHandler(routes);
