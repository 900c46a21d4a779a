import { openapiDocument } from "./openapi";
import { apiApp, domainRoutes, type AppOptions } from "./shell";
import { coreRoutes } from "./routes/core";
import { harvestRoutes } from "./routes/harvest";
import { memberHarvestRoutes } from "./routes/harvest-member";
import { workdayRoutes } from "./routes/workday";
import { privacyRoutes } from "./routes/privacy";
import { assemblyRoutes } from "./routes/assembly";
import { electionRoutes } from "./routes/election";
import { pollRoutes } from "./routes/poll";
// a poll's opening mail runs here in process; deployed the mail worker runs it (poll.ts says why)
import "@akker/core/poll/mail";
import { membershipRoutes } from "./routes/membership";
import { contributionRoutes } from "./routes/contribution";
import { booksRoutes } from "./routes/books";
import { arrearsMessageRoutes } from "./routes/message-arrears";
import { paymentRoutes } from "./routes/payment";
import { bankRoutes } from "./routes/bank";
import { devRoutes } from "./routes/dev";

export type { AppOptions } from "./shell";

/**
 * The whole HTTP API as one Hono app: what the local server serves and the
 * tests call, and what the OpenAPI document describes. Deployed, the same
 * routes run split over one Lambda per domain (lambda/*.ts, infra/api.ts),
 * each made by the same apiApp.
 */
export function createApp(opts: AppOptions) {
  const app = apiApp(opts, [
    domainRoutes("core", [...coreRoutes, ...(opts.stage === "local" ? [devRoutes] : [])]),
    domainRoutes("harvest", [harvestRoutes, memberHarvestRoutes]),
    domainRoutes("workday", [workdayRoutes, privacyRoutes]),
    domainRoutes("election", [electionRoutes, assemblyRoutes]),
    domainRoutes("membership", [membershipRoutes, pollRoutes]),
    domainRoutes("contribution", [contributionRoutes, booksRoutes, arrearsMessageRoutes]),
    domainRoutes("bank", [bankRoutes]),
    domainRoutes("payment", [paymentRoutes]),
  ]);
  app.get("/api/openapi.json", (c) => c.json(openapiDocument(app)));
  return app;
}
