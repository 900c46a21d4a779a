import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDynamo } from "@akker/core/dynamo";
import { createApp } from "../../functions/src/api/app";
import { createLocalApp } from "../../functions/src/local/server";
import { createTestFarm, useTestTable } from "../setup/table";
import { expectApiHeaders, expectScriptPolicy } from "./headers";

/*
 * Security headers on every kind of answer: the API's own (success, each
 * error status, even a 500) and the web app's from the local server. The
 * deployed web app gets its headers from CloudFront (test/infra checks
 * that policy); every API answer in the authorisation matrix is checked too.
 */

let table: Awaited<ReturnType<typeof useTestTable>>;

beforeAll(async () => {
  table = await useTestTable();
  process.env.DEFAULT_FARM_ID = await createTestFarm();
});

/** One answer of each kind the API gives. */
async function answers(app: ReturnType<typeof createApp>) {
  const json = { "content-type": "application/json" };
  const out: [string, Response][] = [
    ["200", await app.request("/api/health")],
    ["202", await app.request("/api/auth/code", { method: "POST", headers: json, body: JSON.stringify({ email: "x@example.nl" }) })],
    ["400", await app.request("/api/auth/code", { method: "POST", headers: json, body: "{" })],
    ["401", await app.request("/api/me")],
    ["403 csrf", await app.request("/api/auth/logout", { method: "POST", headers: { origin: "https://evil.example" } })],
    ["404", await app.request("/api/nope")],
    ["404 method", await app.request("/api/health", { method: "DELETE", headers: json })],
    ["413", await app.request("/api/auth/code", { method: "POST", headers: json, body: JSON.stringify({ email: "x".repeat(600_000) }) })],
  ];
  // A host name the site is not known by (deployed, once it names its own).
  process.env.FARM_DOMAINS = JSON.stringify({ "akker.example.nl": process.env.DEFAULT_FARM_ID });
  try {
    out.push(["421", await app.request("/api/health", { headers: { host: "evil.example", "x-forwarded-host": "evil.example" } })]);
  } finally {
    delete process.env.FARM_DOMAINS;
  }
  // A 500: the table is gone.
  configureDynamo({ tableName: "no-such-table", endpoint: table.endpoint });
  try {
    out.push(["500", await app.request("/api/health")]);
  } finally {
    configureDynamo(table);
  }
  return out;
}

describe("security headers", () => {
  it("every API answer, errors included, carries CSP, nosniff and no-store; HSTS only when deployed", async () => {
    for (const [stage, deployed] of [["prod", true], ["local", false]] as const) {
      const list = await answers(createApp({ stage }));
      expect(list.map(([kind, res]) => `${kind}:${res.status}`)).toEqual(
        ["200:200", "202:202", "400:400", "401:401", "403 csrf:403", "404:404", "404 method:404", "413:413", "421:421", "500:500"],
      );
      for (const [kind, res] of list) expectApiHeaders(res, { deployed, what: `${stage} ${kind}` });
    }
  });

  it("the local server's web app: a CSP without inline script, no framing, nosniff, no HSTS on http", async () => {
    const web = mkdtempSync(join(tmpdir(), "akker-web-"));
    writeFileSync(join(web, "index.html"), `<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>`);
    mkdirSync(join(web, "assets"));
    writeFileSync(join(web, "assets/app.js"), "export {};");
    const app = createLocalApp(web);
    for (const path of ["/", "/oogst/2025-W23", "/assets/app.js"]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expectScriptPolicy(res.headers.get("content-security-policy"), path);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("strict-transport-security"), path).toBeNull();
    }
    // The API behind the same server keeps its own headers, and an unknown API path is its JSON 404, not the app.
    for (const path of ["/api/health", "/api/nope"]) {
      const res = await app.request(path);
      expectApiHeaders(res, { deployed: false, what: `local server ${path}` });
    }
    const unknown = await app.request("/api/nope");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).error.code).toBe("not_found");
  });

  it("the web app has no inline script for the CSP to block", () => {
    const html = readFileSync(new URL("../../web/index.html", import.meta.url), "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe("");
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
