import type { Context, MiddlewareHandler } from "hono";
import { VisibleError } from "@akker/core/error";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The site's own origin as the browser sees it. Deployed, CloudFront puts
 * the viewer's host in X-Forwarded-Host (Host is the Function URL's) and the
 * viewer always speaks HTTPS; locally Host is the server's own address.
 */
export function ownOrigin(c: Context, secure: boolean): string {
  const url = new URL(c.req.url);
  const host = (c.req.header("x-forwarded-host") ?? c.req.header("host") ?? url.host).split(",")[0]!.trim().toLowerCase();
  return `${secure ? "https:" : url.protocol}//${host}`;
}

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
