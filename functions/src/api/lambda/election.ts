import { useMailQueue } from "../../mail-queue";
import { electionRoutes } from "../routes/election";
import { domainRoutes } from "../shell";
import { lambdaHandler } from "./handler";

useMailQueue();

/** This domain's routes (the routing test checks CloudFront sends each here). */
export const routes = domainRoutes("election", [electionRoutes]);
export const handler = lambdaHandler(routes);
