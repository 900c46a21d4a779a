import { useMailQueue } from "../../mail-queue";
import { electionRoutes } from "../routes/elections";
import { lambdaHandler } from "./handler";

useMailQueue();

/** This domain's routes (the routing test checks CloudFront sends each here). */
export const routes = [electionRoutes];
export const handler = lambdaHandler(routes);
