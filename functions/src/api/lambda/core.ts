import { Auth } from "@akker/core/auth/auth";
import { useMailQueue } from "../../mail-queue";
import { sstSecret } from "../../sst-secret";
import { coreRoutes } from "../routes/core";
import { domainRoutes } from "../shell";
import { lambdaHandler } from "./handler";

/*
 * AUTH_SECRET is an SST secret bound to this function only, read from SSM
 * the first time a login code is made or checked (functions/src/sst-secret.ts);
 * the SQS client for mail also loads on first use. A cold start for a page
 * view pays for neither. Tests set process.env.AUTH_SECRET themselves.
 */
Auth.useSecretSource(() => process.env.AUTH_SECRET ?? sstSecret("AUTH_SECRET"));
useMailQueue();

export const routes = domainRoutes("core", coreRoutes);
export const handler = lambdaHandler(routes);
