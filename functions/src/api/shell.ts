import { Hono } from "hono/tiny";
import { secureHeaders } from "hono/secure-headers";
import { withActor } from "@akker/core/actor";
import { VisibleError } from "@akker/core/error";
import { Site } from "@akker/core/farm/site";
import { logger } from "../log";
import { resolveActor } from "./session";
import { compressAnswers } from "./compress";
import { sameOrigin } from "./csrf";
import { knownHost } from "./host";
import { viewerHost } from "./origin";
import { clientKey } from "./client";
import { apiDomain, type ApiDomain } from "./domains";
import { mount, type Env, type RouteGroup } from "./route";

export interface AppOptions {
  /** `local` adds the dev routes (outbox); deployed stages never have them. */
  stage: string;
  /**
   * Where the client address comes from, for rate limits: the one trusted
   * source (Lambda: CloudFront's viewer address; the local server: the
   * socket). Only without it (tests calling the app directly) is
   * X-Forwarded-For read, which anyone can write.
   */
  clientAddress?: (c: import("hono").Context) => string | undefined;
}

export type { RouteGroup } from "./route";

/** A domain's route groups, to be mounted at its prefixes. */
export interface DomainRoutes {
  domain: ApiDomain;
  groups: readonly RouteGroup[];
}

export function domainRoutes(id: ApiDomain["id"], groups: readonly RouteGroup[]): DomainRoutes {
  return { domain: apiDomain(id), groups };
}

/**
 * An API app carrying the given domains' routes, each domain's mounted at
 * its prefixes (domains.ts), inside the middleware every
 * route shares: compression, security headers, the actor, the same-origin
 * check, the JSON 404 and the error model. The whole API (app.ts) and each
 * domain's Lambda (lambda/*.ts) are made by this one function, so they
 * cannot differ in anything but which routes they hold.
 */
export function apiApp(opts: AppOptions, domains: readonly DomainRoutes[]) {
  const app = new Hono<Env>();
  const secure = opts.stage !== "local" && opts.stage !== "test";

  // outermost, so it sees each answer as it will leave, headers included
  app.use("/api/*", compressAnswers());
  app.use(
    "/api/*",
    secureHeaders({
      strictTransportSecurity: secure ? "max-age=63072000; includeSubDomains" : false,
      xFrameOptions: "DENY",
      referrerPolicy: "strict-origin-when-cross-origin",
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    }),
  );

  // before anything reads a session or picks a farm by the host
  app.use("/api/*", knownHost({ deployed: secure }));

  app.use("/api/*", async (c, next) => {
    const started = performance.now();
    c.header("Cache-Control", "no-store");
    const address = opts.clientAddress
      ? opts.clientAddress(c)
      : c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    c.set("client", clientKey(address));
    c.set("secure", secure);
    const farmID = Site.farmForHost(viewerHost(c));
    const actor = await resolveActor(c, farmID);
    await withActor(actor, () => next());
    logger.info("request", {
      method: c.req.method,
      path: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      farmID,
      actor: actor.type === "person" ? actor.personID : actor.type,
    });
  });

  app.use("/api/*", sameOrigin({ secure }));

  for (const { domain, groups } of domains) mount(app, domain.mounts, groups);

  app.notFound((c) => c.json({ error: { code: "not_found", message: "Not found." } }, 404));

  app.onError((err, c) => {
    if (err instanceof VisibleError) {
      const minutes = err.details?.retryAfterMinutes;
      if (typeof minutes === "number") c.header("Retry-After", String(minutes * 60));
      return c.json(
        { error: { ...err.details, code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } },
        err.status,
      );
    }
    logger.error("unhandled", { path: c.req.routePath, error: err instanceof Error ? err.name + ": " + err.message : String(err) });
    return c.json({ error: { code: "internal", message: "Something went wrong on our side." } }, 500);
  });

  return app;
}
