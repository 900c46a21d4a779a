import { useMailQueue } from "../../mail-queue";
import { harvestRoutes } from "../routes/harvest";
import { lambdaHandler } from "./handler";

useMailQueue();

/** This domain's routes (the routing test checks CloudFront sends each here). */
export const routes = [harvestRoutes];
export const handler = lambdaHandler(routes);
