import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createApp } from "./app";
import { openapiDocument } from "./openapi";

/*
 * Writes the OpenAPI document of the deployed API (no dev routes) to the
 * path given, for the web build: deployed, /api/openapi.json is this file
 * on S3 (infra/web.ts), since each Lambda carries only its own domain.
 * Locally the API makes the same document on each request.
 *
 *   tsx functions/src/api/write-openapi.ts web/dist/api/openapi.json
 */
const target = process.argv[2];
if (!target) throw new Error("usage: write-openapi.ts <file>");
const file = resolve(target);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, JSON.stringify(openapiDocument(createApp({ stage: "prod" }))));
