import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { Hono, type MiddlewareHandler } from "hono";
import { serve, type ServerType } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { configureDynamo } from "@akker/core/dynamo";
import { Mailing } from "@akker/core/mail/mailing";
import { createApp } from "../api/app";
import { knownHost } from "../api/host";
import { webCSP } from "../csp";


export interface LocalServerOptions {
  port: number;
  endpoint: string;
  tableName: string;
  /** The built web app (web/dist). */
  webDir: string;
  /** The address to listen on: this machine only (127.0.0.1) unless told otherwise. */
  hostname?: string;
}

/** Web app and API on one origin, as CloudFront serves them when deployed. */
export function createLocalApp(webDir: string) {
  const api = createApp({
    stage: "local",
    clientAddress: (c) => (c.env as { incoming?: { socket?: { remoteAddress?: string } } })?.incoming?.socket?.remoteAddress,
  });
  const root = new Hono();
  // the web app's files too answer only the names the site is known by (DNS rebinding)
  root.use("*", knownHost({ deployed: false }));
  root.route("/", api);
  const indexPath = join(webDir, "index.html");
  const index = () => (existsSync(indexPath) ? readFileSync(indexPath, "utf8") : undefined);
  root.use("*", async (c, next) => {
    await next();
    if (!c.req.path.startsWith("/api/")) {
      c.header("Content-Security-Policy", webCSP);
      c.header("X-Content-Type-Options", "nosniff");
      c.header("Referrer-Policy", "strict-origin-when-cross-origin");
      if (c.req.path.startsWith("/assets/")) c.header("Cache-Control", "public, max-age=31536000, immutable");
    }
  });
  // An API path no route takes is the API's JSON 404, as when deployed, not a screen of the app.
  root.all("/api/*", (c) => c.json({ error: { code: "not_found", message: "Not found." } }, 404));
  root.use("*", compressed());
  root.use("/*", serveStatic({ root: webDir }));
  // Any other path without a file extension is a screen of the single-page app; a missing file
  // is a 404, as CloudFront's rule (infra/web.ts) sends it to S3, never the page in its place.
  root.get("*", (c) => {
    if (c.req.path.split("/").pop()!.includes(".")) return c.text("Not found.", 404);
    const html = index();
    return html ? c.html(html) : c.text("The web app is not built: run `npm run build`.", 503);
  });
  return root;
}

const text = /^(?:text\/|application\/(?:javascript|json|manifest\+json)|image\/svg\+xml)/;

/**
 * The web app's files compressed, as CloudFront serves them when deployed:
 * brotli where the browser takes it, else gzip. A built file only changes
 * with the next build, so each is compressed once (at the highest level)
 * and kept, by path and modification time.
 */
function compressed(): MiddlewareHandler {
  const kept = new Map<string, Buffer>();
  return async (c, next) => {
    await next();
    if (c.req.method !== "GET" || c.res.status !== 200 || c.res.headers.has("content-encoding")) return;
    if (!text.test(c.res.headers.get("content-type") ?? "")) return;
    c.header("Vary", "Accept-Encoding", { append: true });
    const accepted = c.req.header("accept-encoding") ?? "";
    const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : undefined;
    if (!encoding) return;
    const modified = c.res.headers.get("last-modified");
    const key = `${encoding} ${c.req.path} ${modified}`;
    let body = modified ? kept.get(key) : undefined;
    if (body) await c.res.body?.cancel();
    else {
      const raw = Buffer.from(await c.res.arrayBuffer());
      body =
        encoding === "br"
          ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
          : gzipSync(raw, { level: 9 });
      if (modified) kept.set(key, body);
    }
    c.res = new Response(new Uint8Array(body), c.res);
    c.res.headers.set("Content-Encoding", encoding);
    c.res.headers.set("Content-Length", String(body.length));
  };
}

export function startLocalServer(opts: LocalServerOptions): Promise<{ server: ServerType; url: string; close(): Promise<void> }> {
  configureDynamo({ tableName: opts.tableName, endpoint: opts.endpoint });
  const app = createLocalApp(opts.webDir);
  return new Promise((resolve, reject) => {
    // a request's mailings (a publish's 200 mails) start once its answer is out, as a worker queue sends them when deployed
    const fetch: typeof app.fetch = (req, env) => Mailing.afterAnswer(async () => app.fetch(req, env));
    const server = serve({ fetch, port: opts.port, hostname: opts.hostname ?? "127.0.0.1" }, (info) => {
      resolve({
        server,
        url: `http://localhost:${info.port}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
    server.once("error", reject);
  });
}
