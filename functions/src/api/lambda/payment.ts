import { useMailQueue } from "../../mail-queue";
import { paymentRoutes } from "../routes/payment";
import { domainRoutes } from "../shell";
import { lambdaHandler } from "./handler";

// every mandate given, changed or revoked is mailed to the household
useMailQueue();

/** This domain's routes (the routing test checks CloudFront sends each here). */
export const routes = domainRoutes("payment", [paymentRoutes]);
export const handler = lambdaHandler(routes);
