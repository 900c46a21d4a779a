import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../functions/src/api/app";
import { functionUrlEvent } from "./lambda-event";
import { fromCloudFront, originHeader, viewerAddress } from "../../functions/src/api/origin";

/*
 * The dev outbox shows every login code: it must not exist where the app is
 * deployed. These requests carry no session cookie, so no database is
 * touched; none is configured here, and any use of one would answer 500.
 */

const originSecret = "origin-secret-for-tests-0123456789";


describe("a deployed stage's app", () => {
  for (const stage of ["prod", "dev"]) {
    it(`${stage}: GET /api/dev/outbox is 404 and the OpenAPI document does not list it`, async () => {
      const app = createApp({ stage });
      const res = await app.request("/api/dev/outbox");
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
      const doc = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
      expect(Object.keys(doc.paths).filter((p) => p.startsWith("/api/dev"))).toEqual([]);
    });
  }
});

describe("the Lambda entry point", () => {
  let handler: typeof import("../../functions/src/api/lambda/core").handler;

  beforeAll(async () => {
    delete process.env.STAGE; // as deployed without it: the handler must assume prod
    delete process.env.TABLE_NAME;
    process.env.ORIGIN_SECRET = originSecret;
    process.env.MAIL_QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/test-mail";
    ({ handler } = await import("../../functions/src/api/lambda/core"));
  });

  const viaCloudFront = (path: string) => functionUrlEvent({ path, headers: { [originHeader]: originSecret } });

  it("has no dev outbox", async () => {
    const res = await handler(viaCloudFront("/api/dev/outbox"));
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body).error.code).toBe("not_found");
  });

  it("refuses a body over the limit with 413 in the API's error model (a Function URL itself stops at 6 MB)", async () => {
    const res = await handler(
      functionUrlEvent({ method: "POST", path: "/api/auth/code", headers: { [originHeader]: originSecret }, body: { email: "x".repeat(600_000) } }),
    );
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe("input.too_large");
  });

  it("refuses requests that did not come through CloudFront", async () => {
    for (const event of [
      functionUrlEvent({ path: "/api/health" }),
      functionUrlEvent({ path: "/api/health", headers: { [originHeader]: "guess" } }),
    ]) {
      const res = await handler(event);
      expect(res.statusCode).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe("forbidden");
    }
  });
});

describe("the OpenAPI document CloudFront serves from S3", () => {
  // Written by the web build (web/package.json), which `npm test` runs first.
  const file = join(process.cwd(), "web/dist/api/openapi.json");

  it("is the deployed API's own document: every route, no dev routes", async () => {
    expect(existsSync(file), `${file} is missing: run npm run build`).toBe(true);
    const built = JSON.parse(readFileSync(file, "utf8")) as { paths: Record<string, unknown> };
    const live = await (await createApp({ stage: "prod" }).request("/api/openapi.json")).json();
    expect(built).toEqual(live);
    expect(Object.keys(built.paths).filter((p) => p.startsWith("/api/dev"))).toEqual([]);
    expect(Object.keys(built.paths)).toEqual(expect.arrayContaining(["/api/households", "/api/harvests/{week}/mine"]));
  });
});

describe("origin helpers", () => {
  it("accepts only the exact origin secret", () => {
    expect(fromCloudFront({ [originHeader]: originSecret }, originSecret)).toBe(true);
    expect(fromCloudFront({ [originHeader]: originSecret + "x" }, originSecret)).toBe(false);
    expect(fromCloudFront({}, originSecret)).toBe(false);
    // A function deployed without its secret lets nothing in.
    expect(fromCloudFront({ [originHeader]: "" }, undefined)).toBe(false);
    expect(fromCloudFront({ [originHeader]: "x" }, "")).toBe(false);
  });

  it("reads the viewer's IPv4 and IPv6 address from CloudFront-Viewer-Address", () => {
    expect(viewerAddress("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(viewerAddress("2001:db8::1:51234")).toBe("2001:db8::1");
    expect(viewerAddress(undefined)).toBeUndefined();
  });
});
