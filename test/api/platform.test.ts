import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../functions/src/api/app";
import { createTestFarm, useTestTable } from "../setup/table";

let farmID: string;

beforeAll(async () => {
  await useTestTable();
  farmID = await createTestFarm();
  process.env.DEFAULT_FARM_ID = farmID;
});

describe("platform routes", () => {
  it("health answers once the database answers", async () => {
    const res = await createApp({ stage: "local" }).request("/api/health");
    expect(res.status).toBe(200);
    expect((await res.json()) as any).toEqual({ ok: true });
  });

  it("serves an OpenAPI 3.1 document with every route and its access", async () => {
    const res = await createApp({ stage: "local" }).request("/api/openapi.json");
    const doc = (await res.json()) as any;
    expect(doc.openapi).toBe("3.1.0");
    for (const [path, method] of [
      ["/api/health", "get"],
      ["/api/auth/code", "post"],
      ["/api/auth/verify", "post"],
      ["/api/auth/logout", "post"],
      ["/api/me", "get"],
      ["/api/households", "get"],
      ["/api/households", "post"],
      ["/api/households/{id}", "get"],
      ["/api/households/{id}", "patch"],
    ] as const)
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeTruthy();
    const create = doc.paths["/api/households"].post;
    expect(create["x-auth"]).toEqual(["board"]);
    expect(create.requestBody.content["application/json"].schema.properties.certificate.enum).toEqual(["full", "half"]);
  });

  it("names every operation once and declares each download's media type, for generated clients", async () => {
    const doc = (await (await createApp({ stage: "local" }).request("/api/openapi.json")).json()) as any;
    const operations = Object.values(doc.paths).flatMap((ops: any) => Object.values(ops)) as any[];
    const ids = operations.map((op) => op.operationId);
    expect(ids.every((id) => /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(operations.length);
    const types = (path: string) => Object.keys(doc.paths[path].get.responses[200].content);
    expect(types("/api/hours/totals.csv")).toEqual(["text/csv"]);
    expect(types("/api/certificates.csv")).toEqual(["text/csv"]);
    expect(types("/api/contribution/overview.csv")).toEqual(["text/csv"]);
    expect(types("/api/calendar/{file}")).toEqual(["text/calendar"]);
    expect(types("/api/sepa/{file}")).toEqual(["application/json", "application/xml"]);
  });

  it("the dev outbox exists on the local stage only", async () => {
    expect((await createApp({ stage: "local" }).request("/api/dev/outbox")).status).toBe(200);
    for (const stage of ["prod", "staging", "dev"]) {
      const app = createApp({ stage });
      expect((await app.request("/api/dev/outbox")).status).toBe(404);
      const doc = ((await (await app.request("/api/openapi.json")).json()) as any);
      expect(Object.keys(doc.paths).filter((p) => p.startsWith("/api/dev"))).toEqual([]);
    }
  });

  it("unknown routes are a JSON 404, and errors carry no stack trace", async () => {
    const res = await createApp({ stage: "local" }).request("/api/nope");
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe("not_found");
  });

  it("sends security headers, and Secure cookies only when deployed", async () => {
    const res = await createApp({ stage: "prod" }).request("/api/health");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
    const local = await createApp({ stage: "local" }).request("/api/health");
    expect(local.headers.get("strict-transport-security")).toBeNull();
  });
});
