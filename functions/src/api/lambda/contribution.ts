import { useMailQueue } from "../../mail-queue";
import { booksRoutes } from "../routes/books";
import { contributionRoutes } from "../routes/contribution";
import { arrearsMessageRoutes } from "../routes/message-arrears";
import { domainRoutes } from "../shell";
import { lambdaHandler } from "./handler";

// the person lookup every request makes carries the household's mail code
useMailQueue();

/** This domain's routes (the routing test checks CloudFront sends each here). */
export const routes = domainRoutes("contribution", [contributionRoutes, booksRoutes, arrearsMessageRoutes]);
export const handler = lambdaHandler(routes);
