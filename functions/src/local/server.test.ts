import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createLocalApp, startLocalServer } from "./server";

function webDir() {
  const dir = mkdtempSync(join(tmpdir(), "akker-web-"));
  writeFileSync(join(dir, "index.html"), `<!doctype html><div id="root"></div>${" ".repeat(2000)}`);
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "assets/app-1234.js"), `export const words = ${JSON.stringify("oogst ".repeat(2000))};`);
  writeFileSync(join(dir, "assets/logo.png"), Buffer.alloc(2000, 1));
  writeFileSync(join(dir, "manifest.webmanifest"), JSON.stringify({ name: "Akker", start_url: "/" }));
  writeFileSync(join(dir, "sw.js"), "self.addEventListener('fetch', () => {});");
  return dir;
}

async function body(res: Response) {
  const raw = Buffer.from(await res.arrayBuffer());
  const encoding = res.headers.get("content-encoding");
  return (encoding === "br" ? brotliDecompressSync(raw) : encoding === "gzip" ? gunzipSync(raw) : raw).toString();
}

describe("the local server's web app", () => {
  it("sends text compressed, brotli before gzip, the same bytes every time, and hashed assets cached for good", async () => {
    const app = createLocalApp(webDir());
    const plain = await body(await app.request("/assets/app-1234.js"));
    for (const [accepted, expected] of [["gzip, deflate, br", "br"], ["gzip", "gzip"], ["br", "br"], ["", null]] as const) {
      const res = await app.request("/assets/app-1234.js", { headers: { "accept-encoding": accepted } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-encoding"), accepted).toBe(expected);
      expect(res.headers.get("vary")).toMatch(/accept-encoding/i);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const text = await body(res.clone());
      expect(text).toBe(plain);
      expect(Number(res.headers.get("content-length"))).toBe((await res.arrayBuffer()).byteLength);
    }
    // The screens' page, from the file and as the fallback for a screen's path.
    for (const path of ["/", "/harvest/2026-W23"]) {
      const res = await app.request(path, { headers: { "accept-encoding": "br" } });
      expect(res.headers.get("content-encoding"), path).toBe("br");
      expect(await body(res)).toContain(`<div id="root">`);
    }
  });

  it("serves the web manifest and the service worker as themselves, and a missing file as a 404, not the page", async () => {
    const app = createLocalApp(webDir());
    const manifest = await app.request("/manifest.webmanifest");
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
    expect(await manifest.json()).toMatchObject({ name: "Akker" });
    const worker = await app.request("/sw.js");
    expect(worker.headers.get("content-type")).toMatch(/^(?:text|application)\/javascript/);
    expect(worker.headers.get("content-security-policy")).toContain("worker-src 'self'");
    const missing = await app.request("/icons/none.png");
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain(`<div id="root">`);
  });

  it("leaves images, ranges and the API as they are", async () => {
    const app = createLocalApp(webDir());
    const png = await app.request("/assets/logo.png", { headers: { "accept-encoding": "br" } });
    expect(png.headers.get("content-encoding")).toBeNull();
    const range = await app.request("/assets/app-1234.js", { headers: { "accept-encoding": "br", range: "bytes=0-9" } });
    expect(range.status).toBe(206);
    expect(range.headers.get("content-encoding")).toBeNull();
    expect(await range.text()).toBe("export con");
    const api = await app.request("/api/nope", { headers: { "accept-encoding": "br" } });
    expect(api.headers.get("content-encoding")).toBeNull();
  });
});

describe("the local server on the network", () => {
  // No database: nothing here gets as far as one.
  const start = () => startLocalServer({ port: 0, endpoint: "http://127.0.0.1:9", tableName: "none", webDir: webDir() });

  it("listens on this machine only unless told otherwise, and answers only the names it is known by", async () => {
    const server = await start();
    try {
      expect((server.server.address() as AddressInfo).address).toBe("127.0.0.1");
      const port = (server.server.address() as AddressInfo).port;
      expect((await page(port, `localhost:${port}`)).status).toBe(200);
      // a DNS-rebinding page's name: its screens too, not only the API
      const rebound = await page(port, `rebind.evil.example:${port}`);
      expect(rebound.status).toBe(421);
      expect(JSON.parse(rebound.text).error.code).toBe("host.unknown");
    } finally {
      await server.close();
    }
  });

  /** GET / with the given Host header (fetch sends its own). */
  function page(port: number, host: string) {
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      request({ host: "127.0.0.1", port, path: "/", headers: { host } }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode!, text }));
      })
        .on("error", reject)
        .end();
    });
  }

  /** Sends `total` bytes as a streamed (chunked) body, or with a Content-Length; how far it got when the answer came. */
  function upload(port: number, total: number, opts: { length?: boolean } = {}) {
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    return new Promise<{ status: number; body: any; sentWhenAnswered: number }>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/auth/code",
          headers: { "content-type": "application/json", ...(opts.length ? { "content-length": String(total) } : { "transfer-encoding": "chunked" }) },
        },
        (res) => {
          const sentWhenAnswered = sent;
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (d: string) => (text += d));
          res.on("end", () => {
            req.destroy();
            resolve({ status: res.statusCode!, body: JSON.parse(text), sentWhenAnswered });
          });
        },
      );
      req.on("error", reject);
      const pump = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    });
  }

  it("refuses a body over the limit with 413 as it streams in, without reading it all", async () => {
    const server = await start();
    try {
      const port = (server.server.address() as AddressInfo).port;
      const total = 50 * 1024 * 1024;
      for (const length of [false, true]) {
        const res = await upload(port, total, { length });
        expect(res.status).toBe(413);
        expect(res.body).toEqual({ error: { code: "input.too_large", message: expect.any(String) } });
        // Answered after the first half MB and what the sockets' buffers hold, not after 50 MB: before, all of it was read
        // into memory (300 MB took the server from 221 MB to 1 GB).
        expect(res.sentWhenAnswered, length ? "with Content-Length" : "streamed").toBeLessThan(16 * 1024 * 1024);
      }
      // and the server still answers
      expect((await fetch(`http://127.0.0.1:${port}/assets/app-1234.js`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
