import { gzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";

/** Below this an answer goes as it is: gzip's framing and the CPU would cost more than they save. */
export const compressFrom = 1024;

const compressible = /^(application\/(json|xml)|text\/)/i;

/**
 * Gzips larger API answers for clients that accept it. CloudFront does not
 * compress what it does not cache (the API's cache policy caches nothing),
 * so the API does it itself: a year of work days or a payments overview is
 * tens of kilobytes of JSON that shrinks to a few on a phone's connection.
 */
export function compressAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!/\bgzip\b/i.test(c.req.header("accept-encoding") ?? "") || c.req.method === "HEAD") return;
    if (res.headers.has("content-encoding") || !compressible.test(res.headers.get("content-type") ?? "") || !res.body) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    headers.append("vary", "Accept-Encoding");
    if (body.length < compressFrom) {
      c.res = new Response(body, { status: res.status, headers });
      return;
    }
    headers.set("content-encoding", "gzip");
    headers.delete("content-length");
    c.res = new Response(gzipSync(body), { status: res.status, headers });
  };
}
