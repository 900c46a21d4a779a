import { spawn, type ChildProcess } from "node:child_process";
import { Agent, request } from "node:http";
import { configureDynamo } from "@akker/core/dynamo";
import { ensureTable, freePort, startDynamoLocal } from "../functions/src/local/dynamo-local";
import { percentile } from "./lib";

const root = new URL("..", import.meta.url).pathname;

/** DynamoDB Local in memory with one table, core pointed at it. */
export async function benchDatabase() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench";
  process.env.POWERTOOLS_LOG_LEVEL ??= "ERROR";
  const ddb = await startDynamoLocal();
  const tableName = "bench";
  await ensureTable(ddb.endpoint, tableName);
  configureDynamo({ tableName, endpoint: ddb.endpoint });
  return { ...ddb, tableName };
}

/** Extra flags for the server process, e.g. BENCH_NODE_ARGS="--cpu-prof" to see where its time goes. */
const nodeArgs = () => (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);

/** The local server in a child process; resolves once it listens. */
export async function benchServer(endpoint: string, tableName: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs(), "--import", "tsx", "bench/serve.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DYNAMO_ENDPOINT: endpoint, TABLE_NAME: tableName, POWERTOOLS_LOG_LEVEL: "ERROR", ...env },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    /** Counters from inside the server process. */
    stats: () =>
      new Promise<{ workdayRetries: number }>((resolve) => {
        child.once("message", (m) => resolve(m as { workdayRetries: number }));
        child.send("stats");
      }),
    stop: () =>
      new Promise<void>((r) => {
        child.once("exit", () => r());
        child.kill("SIGTERM");
      }),
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 1000 });

/** One HTTP request on a kept-alive connection; resolves with status and milliseconds. */
export function timedRequest(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const req = request({ host: "127.0.0.1", port, method, path, agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

export function summary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
}
