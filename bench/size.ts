import { readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { build } from "esbuild";
import { coreFunctionEsbuild, sstEsmDefaults } from "../infra/bundling";
import { kB, type Figure } from "./lib";
import { apiDomains, type ApiDomain } from "../functions/src/api/domains";

const root = new URL("..", import.meta.url).pathname;

/** Bundles a domain's API Lambda the way the stack does (infra/bundling.ts, SST's own defaults). */
async function apiBundle(domain: ApiDomain, externalSdk: boolean) {
  const result = await build({
    ...sstEsmDefaults,
    entryPoints: [join(root, `functions/src/api/lambda/${domain.id}.ts`)],
    absWorkingDir: root,
    write: false,
    external: externalSdk ? coreFunctionEsbuild.external : [],
    alias: coreFunctionEsbuild.alias,
    logLevel: "silent",
  });
  return result.outputFiles.reduce((n, f) => n + f.contents.length, 0);
}

/** The JavaScript index.html loads before the first screen: entry scripts and module preloads. */
export function webInitialJS() {
  const dist = join(root, "web/dist");
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const srcs = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!);
  const files = [...new Set(srcs)].map((s) => join(dist, s.replace(/^\//, "")));
  const gz = files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  const raw = files.reduce((n, f) => n + readFileSync(f).length, 0);
  return { gz, raw, files: files.length };
}

export async function sizes(): Promise<Figure[]> {
  const rows: Figure[] = [];
  // As deployed: one function per domain (functions/src/api/domains.ts); infra/api.ts leaves
  // the AWS SDK to the Lambda runtime.
  for (const domain of apiDomains) {
    const deployed = await apiBundle(domain, true);
    rows.push({ name: `API Lambda bundle: ${domain.id} (minified, as deployed)`, value: kB(deployed), target: "≤ 400 kB", ok: deployed <= 400 * 1024 });
  }
  const core = apiDomains.find((d) => d.id === "core")!;
  const full = await apiBundle(core, false);
  rows.push({ name: "API Lambda bundle: core with the AWS SDK inside", value: kB(full) });
  if (existsSync(join(root, "web/dist/index.html"))) {
    const web = webInitialJS();
    rows.push({ name: `Web initial JS (gzip, ${web.files} files)`, value: kB(web.gz), target: "≤ 40 kB", ok: web.gz <= 40 * 1024 });
    rows.push({ name: "Web initial JS (raw)", value: kB(web.raw) });
  } else rows.push({ name: "Web initial JS", value: "not built (npm run build)" });
  return rows;
}
