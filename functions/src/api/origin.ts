import { createHash, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";

/**
 * CloudFront adds this header, with a value only it and the API function
 * know, to every request it forwards. The Function URL itself is public, so
 * without the check anyone could call it directly, skip CloudFront and claim
 * any CloudFront-Viewer-Address to slip past the per-client rate limits.
 */
export const originHeader = "x-origin-verify";

/** True when the request carries the expected origin secret (compared in constant time). */
export function fromCloudFront(headers: Record<string, string | undefined>, secret: string | undefined): boolean {
  const given = headers[originHeader];
  if (!secret || !given) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/**
 * The viewer's IP from CloudFront-Viewer-Address (`ip:port`). IPv6
 * addresses hold colons themselves, so the port is cut at the last one.
 */
export function viewerAddress(header: string | undefined): string | undefined {
  if (!header) return;
  const cut = header.lastIndexOf(":");
  return cut > 0 ? header.slice(0, cut) : header;
}

/**
 * The host the viewer asked for. Deployed, CloudFront puts it in
 * X-Forwarded-Host (Host is the Function URL's); locally Host is the
 * server's own address. Lowercase, with its port if it has one.
 */
export function viewerHost(c: Context): string {
  const header = c.req.header("x-forwarded-host") ?? c.req.header("host") ?? new URL(c.req.url).host;
  return header.split(",")[0]!.trim().toLowerCase();
}

/** The site's own origin as the browser sees it; the viewer always speaks HTTPS when deployed. */
export function ownOrigin(c: Context, secure: boolean): string {
  return `${secure ? "https:" : new URL(c.req.url).protocol}//${viewerHost(c)}`;
}
