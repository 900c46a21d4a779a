import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createApp } from "../../functions/src/api/app";
import { openapiDocument } from "../../functions/src/api/openapi";

describe("the OpenAPI document", () => {
  it("passes Redocly's recommended lint", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "openapi-")), "openapi.json");
    writeFileSync(file, JSON.stringify(openapiDocument(createApp({ stage: "prod" }))));
    const bin = join(process.cwd(), "node_modules/.bin/redocly");
    const config = join(process.cwd(), "test/api/redocly.yaml");
    const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
    // offline: the document and the rules are all local; a problem of any kind fails (exit code 1)
    const { stderr } = await promisify(execFile)(bin, ["lint", file, "--config", config, "--format=stylish"], { env });
    expect(stderr).toContain("Your API description is valid");
    expect(stderr).not.toMatch(/You have \d+ warning/);
  });
});
