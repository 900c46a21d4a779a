import { useMailQueue } from "../../mail-queue";
import { assemblyRoutes } from "../routes/assembly";
import { electionRoutes } from "../routes/election";
import { domainRoutes } from "../shell";
import { lambdaHandler } from "./handler";

useMailQueue();

/** This domain's routes (the routing test checks CloudFront sends each here). */
export const routes = domainRoutes("election", [electionRoutes, assemblyRoutes]);
export const handler = lambdaHandler(routes);
