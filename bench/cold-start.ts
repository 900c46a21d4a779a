import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { coreFunctionEsbuild, sstEsmDefaults } from "../infra/bundling";
import { printTable, type Figure } from "./lib";
import { apiDomains } from "../functions/src/api/domains";

const root = new URL("..", import.meta.url).pathname;
const runs = 15;

/** A minimal Hono + DynamoDB client handler: what any API of this stack pays at least. */
const minimal = `
import { Hono } from "hono/tiny";
import { handle } from "hono/aws-lambda";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "eu-west-1" }));
const app = new Hono();
app.get("/api/health", (c) => c.json({ ok: !!db }));
export const handler = handle(app);
`;

/** Bundles an entry as infra/api.ts does (infra/bundling.ts, SST's own defaults). */
async function bundle(dir: string, name: string, entry: { file: string } | { source: string }) {
  const outfile = join(dir, `${name}.mjs`);
  await build({
    ...sstEsmDefaults,
    ...("file" in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.source, resolveDir: root, loader: "ts" as const } }),
    absWorkingDir: root,
    outfile,
    ...coreFunctionEsbuild,
    logLevel: "silent",
  });
  return outfile;
}

/**
 * The time a fresh Node process takes to import a handler module, the part
 * of a Lambda cold start the code decides (the runtime's own start and the
 * network are the same for every handler). Median of several fresh processes.
 * One import into the list of times.
 */
function importMs(file: string, times: number[]) {
  // the bundle resolves the AWS SDK from node_modules, as the runtime provides it
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`;
  const out = run(script, {
    cwd: root,
    env: {
      ...process.env,
      NODE_PATH: join(root, "node_modules"),
      STAGE: "prod",
      TABLE_NAME: "cold-start",
      MAIL_QUEUE_URL: "https://sqs.eu-west-1.amazonaws.com/000000000000/cold-start",
      AWS_REGION: "eu-west-1",
      // how SST hands a bound secret to the function when no SSM fetch is needed
      SST_APP: "akker",
      SST_STAGE: "prod",
      SST_Secret_value_AUTH_SECRET: "cold-start-cold-start-cold-start",
      POWERTOOLS_LOG_LEVEL: "ERROR",
    },
  });
  times.push(Number(out.toString().trim().split("\n").pop()));
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

function run(script: string, opts: { cwd: string; env: NodeJS.ProcessEnv }) {
  try {
    return execFileSync(process.execPath, ["--input-type=module", "-e", script], { ...opts, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? "");
    throw new Error(`importing the handler failed: ${stderr.slice(-600)}`);
  }
}

export async function coldStart(): Promise<Figure[]> {
  // inside the project, so the bundles resolve @aws-sdk/* from its node_modules
  const dir = mkdtempSync(join(root, "node_modules", ".cold-start-"));
  try {
    // one function per domain (functions/src/api/domains.ts), each its own cold start
    const apis = await Promise.all(
      apiDomains.map(async (d) => ({
        id: d.id,
        file: await bundle(dir, d.id, { file: join(root, `functions/src/api/lambda/${d.id}.ts`) }),
        times: [] as number[],
      })),
    );
    const base = await bundle(dir, "minimal", { source: minimal });
    // taken in turns, so a busy moment on the machine weighs on all alike
    const baseTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      for (const api of apis) importMs(api.file, api.times);
      importMs(base, baseTimes);
    }
    const baseMs = median(baseTimes);
    return [
      { name: "import a minimal Hono + DynamoDB client handler", value: `${baseMs.toFixed(0)} ms` },
      ...apis.map((api) => {
        const ms = median(api.times);
        return {
          name: `import the ${api.id} API handler (median of ${runs} fresh processes)`,
          value: `${ms.toFixed(0)} ms: our code adds ${(ms - baseMs).toFixed(0)} ms (${(ms / baseMs).toFixed(2)}×)`,
        };
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) printTable("Cold start (proxy)", await coldStart());
