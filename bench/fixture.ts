import { spawn, type ChildProcess } from "node:child_process";
import { Agent, request } from "node:http";
import { configureDynamo } from "@akker/core/dynamo";
import { Harvest } from "@akker/core/harvest/harvest";
import { ensureTable, freePort, startDynamoLocal } from "../functions/src/local/dynamo-local";
import { percentile } from "./lib";
import type { Write } from "./write-floor";

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

/** A week as the farmer publishes it, five crops, one of them meat (run as the system actor). */
export async function publishWeek(week: string) {
      await Harvest.save(week, {
        items: [
          { crop: "courgette", unit: "piece", quantity: 370 },
          { crop: "spinazie", unit: "kg", quantity: 60.35 },
          { crop: "radijs", unit: "bunch", quantity: 150 },
          { crop: "aardappel", unit: "kg", quantity: 180 },
          { crop: "gehakt", unit: "kg", quantity: 40, step: 0.5, meat: true },
        ],
      });
      await Harvest.publish(week);
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
      new Promise<{ workdayRetries: number; reads: { gets: number; batches: number; batchedKeys: number } }>((resolve) => {
        child.once("message", (m) => resolve(m as { workdayRetries: number; reads: { gets: number; batches: number; batchedKeys: number } }));
        child.send("stats");
      }),
    /** The write calls requests made since the last ask (bench/write-floor.ts). */
    writes: () =>
      new Promise<Write[]>((resolve) => {
        child.once("message", (m) => resolve((m as { writes: Write[] }).writes));
        child.send("writes");
      }),
    stop: () =>
      new Promise<void>((r) => {
        child.once("exit", () => r());
        child.kill("SIGTERM");
      }),
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 1000 });

/**
 * One HTTP request the way a phone makes it: from its own address (any
 * 127.x.y.z is this machine, so each household gets its own client address
 * for the rate limits), on a kept-alive connection, naming the site as its
 * Origin; resolves with status, milliseconds, the answer's body and session
 * cookie.
 */
export function call(
  port: number,
  method: string,
  path: string,
  opts: { from?: string; cookie?: string; json?: unknown } = {},
) {
  return new Promise<{ status: number; ms: number; body: string; cookie?: string }>((resolve, reject) => {
    const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
    const headers: Record<string, string> = { origin: `http://127.0.0.1:${port}` };
    if (body) headers["content-type"] = "application/json";
    if (opts.cookie) headers.cookie = opts.cookie;
    const started = performance.now();
    const req = request({ host: "127.0.0.1", port, method, path, agent, headers, localAddress: opts.from }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (d: Buffer) => chunks.push(d));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - started,
          body: Buffer.concat(chunks).toString(),
          cookie: res.headers["set-cookie"]?.[0]?.split(";")[0],
        }),
      );
    });
    req.on("error", (e: NodeJS.ErrnoException) => {
      // a kept-alive connection the server closed meanwhile: ask again on a new one
      if (req.reusedSocket && e.code === "ECONNRESET") call(port, method, path, opts).then(resolve, reject);
      else reject(e);
    });
    if (body) req.write(body);
    req.end();
  });
}

export function summary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
}
