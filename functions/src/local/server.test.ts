import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createLocalApp } from "./server";

function webDir() {
  const dir = mkdtempSync(join(tmpdir(), "akker-web-"));
  writeFileSync(join(dir, "index.html"), `<!doctype html><div id="root"></div>${" ".repeat(2000)}`);
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "assets/app-1234.js"), `export const words = ${JSON.stringify("oogst ".repeat(2000))};`);
  writeFileSync(join(dir, "assets/logo.png"), Buffer.alloc(2000, 1));
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
