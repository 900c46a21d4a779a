import { useMailQueue } from "../../mail-queue";
import { bankRoutes } from "../routes/bank";
import { domainRoutes } from "../shell";
import { lambdaHandler } from "./handler";

// The import mails nobody, but the shared shell carries Mail (session → household): give it the
// queue, so that it can never fall back to a local outbox.
useMailQueue();

/** This domain's routes (the routing test checks CloudFront sends each here). */
export const routes = domainRoutes("bank", [bankRoutes]);
export const handler = lambdaHandler(routes);
