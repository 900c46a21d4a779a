import type { MiddlewareHandler } from "hono";
import { VisibleError } from "@akker/core/error";
import { ownOrigin } from "./origin";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(header: string): string | undefined {
  try {
    const url = new URL(header);
    return `${url.protocol}//${url.host}`;
  } catch {
    return undefined;
  }
}

/**
 * Cross-site request forgery: SameSite=Lax keeps the cookie off most
 * cross-site posts, but not off those from a sibling subdomain or an older
 * browser. So a state-changing request must come from the site itself: a
 * browser names the page's origin in Origin, which a page cannot forge; a
 * request without Origin (not a browser, or a very old one) must be JSON,
 * which a cross-site form cannot send and a cross-site script cannot send
 * without a preflight that this API never grants.
 */
export function sameOrigin(opts: { secure: boolean }): MiddlewareHandler {
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const origin = c.req.header("origin");
    if (origin !== undefined) {
      if (originOf(origin) !== ownOrigin(c, opts.secure)) throw refused();
    } else if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("application/json")) throw refused();
    return next();
  };
}

const refused = () => new VisibleError("forbidden", "csrf", "This request did not come from the site itself.");
