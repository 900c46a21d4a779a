import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { seedActivity } from "@akker/core/demo/activity";
import { DocumentFiles } from "@akker/core/document/files";
import { Media } from "@akker/core/news/media";
import { seedDemo } from "@akker/core/demo/seed";
import { configureDynamo } from "@akker/core/dynamo";
import { ensureTable, portInUse, startDynamoLocal } from "./dynamo-local";
import { startLocalServer } from "./server";
import { isLoopback } from "../api/host";
import { jobs } from "../jobs/registry";
import { runJobs } from "../jobs/tick";

/*
 * `npm start`: DynamoDB Local with its data under .data/, the table, the
 * demo farm on first start, and web + API on http://localhost:3000.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
process.env.DDB_LOCAL_TELEMETRY = "0";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
// DATA_DIR: another place for the data (the fresh-start test starts on an empty one)
const dataDir = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : join(root, ".data");
const port = Number(process.env.PORT ?? 3000);
// This machine only: the dev outbox shows every login code. HOST opens it wider.
const host = process.env.HOST?.trim() || "127.0.0.1";
const tableName = "akker-local";

async function main() {
  const started = Date.now();
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`PORT must be a port number, not "${process.env.PORT}".`);
    process.exit(1);
  }
  if (await portInUse(port)) {
    console.error(
      `Port ${port} is already in use: is Akker (or something else) already running?\n` +
        `Stop it, or start on another port: PORT=3001 npm start`,
    );
    process.exit(1);
  }
  mkdirSync(join(dataDir, "dynamodb"), { recursive: true });
  const secretFile = join(dataDir, "auth-secret");
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.AUTH_SECRET ??= readFileSync(secretFile, "utf8").trim();

  const ddb = await startDynamoLocal({ path: join(dataDir, "dynamodb") });
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping Akker…");
    await server?.close().catch(() => undefined);
    await ddb.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());

  let server: Awaited<ReturnType<typeof startLocalServer>> | undefined;
  try {
    await ensureTable(ddb.endpoint, tableName);
    configureDynamo({ tableName, endpoint: ddb.endpoint });
    // photos of news, read through the API (/api/news/photos/…), as the media bucket's when deployed
    Media.useStore(Media.diskStore(join(dataDir, "media")));
    // the library's files: read through the API only
    DocumentFiles.useStore(DocumentFiles.diskStore(join(dataDir, "documents")));
    const seeded = await seedDemo();
    server = await startLocalServer({ port, endpoint: ddb.endpoint, tableName, webDir: join(root, "web/dist"), hostname: host });
    // The scheduled jobs (reminders …), as the cron runs them when deployed.
    const tick = async () => {
      for (const r of await runJobs({ jobs, farmIDs: [process.env.DEFAULT_FARM_ID ?? "demo"], now: new Date() }))
        if (!r.ok) console.error(`job ${r.job} failed: ${r.error}`);
    };
    setInterval(() => void tick(), 5 * 60_000).unref();
    void tick();
    // Harvests, work days and a vote fill in a few seconds after the server is up.
    if (seeded)
      void seedActivity().then(
        () => console.log("  Demo activity added: harvests, work days and an open vote.\n"),
        (e: unknown) => console.error("Demo activity could not be added:", e instanceof Error ? e.message : e),
      );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      [
        ``,
        `  Akker runs on ${server.url}  (ready in ${seconds} s${seeded ? ", demo farm created" : ""})`,
        ``,
        `  Demo logins (the code arrives in the local outbox: ${server.url}/api/dev/outbox):`,
        `    boer@demo.test            farmer`,
        `    bestuur@demo.test         board`,
        `    penningmeester@demo.test  treasurer`,
        `    coordinator@demo.test     work-day coordinator`,
        `    lid001@demo.test … lid200@demo.test   members`,
        ``,
        `  Data lives in .data/ (delete it for a fresh demo farm). Ctrl-C stops everything.`,
        ``,
      ].join("\n"),
    );
    if (!isLoopback(host))
      console.warn(
        `  Warning: HOST=${host} opens Akker beyond this machine, and with it the dev outbox that shows every login code.\n` +
          `  Anyone who can reach ${host}:${port} can log in as anyone. Use it only on a network you trust.\n`,
      );
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    await stop(1);
  }
}

void main();
