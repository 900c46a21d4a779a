import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { useDynamo } from "@akker/core/dynamo";
import type { createApp } from "../functions/src/api/app";

/*
 * The cost bench's meter (bench/cost.ts): requests, DynamoDB calls and the
 * capacity they consume, milliseconds, bytes on the wire and in the logs.
 */

// ---------------------------------------------------------------------------
// Measuring.
// ---------------------------------------------------------------------------

export interface Meter {
  requests: number;
  calls: number;
  rru: number;
  wru: number;
  ms: number;
  bytes: number;
  logBytes: number;
  mails: number;
}

const zero = (): Meter => ({ requests: 0, calls: 0, rru: 0, wru: 0, ms: 0, bytes: 0, logBytes: 0, mails: 0 });
export let meter = zero();

const readCommands = new Set(["GetItemCommand", "QueryCommand", "ScanCommand", "BatchGetItemCommand", "TransactGetItemsCommand"]);

/** Every DynamoDB call asks for its consumed capacity and adds it to the meter. */
export function instrumentDynamo() {
  const { client } = useDynamo();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = "TOTAL";
      meter.calls++;
      const out = await next(args);
      const cc = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
      const units = (Array.isArray(cc) ? cc : cc ? [cc] : []).reduce((n, c) => n + (c.CapacityUnits ?? 0), 0);
      if (readCommands.has(context.commandName ?? "")) meter.rru += units;
      else meter.wru += units;
      return out;
    },
    { step: "initialize", name: "cost-meter" },
  );
}

/** The API's own log lines, counted while a request runs (Powertools writes them to stdout). */
export async function countingLogs<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    meter.logBytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
    const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    cb?.();
    return true;
  }) as typeof process.stdout.write;
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
  }
}

const compressible = /json|text|xml|javascript|css|svg/;

/** Bytes CloudFront sends for an answer: status line, headers, and the body gzipped when over 1 kB. */
function wireBytes(res: Response, body: Buffer) {
  let head = 17;
  res.headers.forEach((v, k) => (head += k.length + v.length + 4));
  const gz = body.length > 1000 && compressible.test(res.headers.get("content-type") ?? "");
  return head + (gz ? gzipSync(body).length + 24 : body.length);
}

type App = ReturnType<typeof createApp>;
let app: App;

/** The API the meter's requests go to. */
export function meterApp(api: App) {
  app = api;
}

/** One API request as a browser makes it (cookie, origin), metered. */
export async function call(token: string | undefined, method: string, path: string, body?: unknown, type = "application/json") {
  const headers: Record<string, string> = { "x-forwarded-for": `10.${meter.requests % 250}.${Math.floor(Math.random() * 250)}.1` };
  if (token) headers.cookie = `akker_session=${token}`;
  if (method !== "GET") headers.origin = "http://localhost";
  if (body !== undefined) headers["content-type"] = type;
  const started = performance.now();
  const res = await countingLogs(async () =>
    app.request(path, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) }),
  );
  const buf = Buffer.from(await res.arrayBuffer());
  meter.ms += Math.ceil(performance.now() - started);
  meter.requests++;
  meter.bytes += wireBytes(res, buf);
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${buf.toString().slice(0, 300)}`);
  const text = buf.toString();
  return { status: res.status, headers: res.headers, json: text.startsWith("{") ? JSON.parse(text) : text };
}

/** A user action: the meter's figures are averages over the samples. */
export interface Action extends Meter {
  name: string;
  /** Times a month for one farm. */
  perMonth: number;
  /** Invocations are the API's (one per request) or the tick's. */
  kind: "api" | "tick";
}

export async function measure(name: string, perMonth: number, samples: number, run: (i: number) => Promise<unknown>, kind: Action["kind"] = "api"): Promise<Action> {
  const total = zero();
  for (let i = 0; i < samples; i++) {
    meter = zero();
    await run(i);
    for (const k of Object.keys(total) as (keyof Meter)[]) total[k] += meter[k];
  }
  meter = zero();
  const avg = (k: keyof Meter) => total[k] / samples;
  return { name, perMonth, kind, requests: avg("requests"), calls: avg("calls"), rru: avg("rru"), wru: avg("wru"), ms: avg("ms"), bytes: avg("bytes"), logBytes: avg("logBytes"), mails: avg("mails") };
}

/** Size of the web app as CloudFront serves it: every file in web/dist, gzipped where that helps. */
export function webApp() {
  const dist = new URL("../web/dist", import.meta.url).pathname;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  try {
    walk(dist);
  } catch {
    return undefined;
  }
  const sized = files.map((f) => {
    const raw = readFileSync(f);
    return { f, raw: raw.length, wire: 300 + (/\.(js|css|html|svg|json|txt)$/.test(f) ? gzipSync(raw).length : raw.length) };
  });
  const index = sized.find((s) => s.f.endsWith("index.html"));
  return {
    files: sized.length,
    wireBytes: sized.reduce((n, s) => n + s.wire, 0),
    rawBytes: sized.reduce((n, s) => n + s.raw, 0),
    indexWireBytes: index?.wire ?? 1500,
  };
}

/** The table's stored size the way DynamoDB bills it: item bytes plus 100 bytes each, once more per index holding the item. */
export async function tableBytes() {
  const { client, table } = useDynamo();
  let bytes = 0;
  let items = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      // the local outbox is not in a deployed table: mail goes to the queue
      if (item.__edb_e__ === "outbox") continue;
      const size = itemSize(item) + 100;
      const copies = 1 + (item.gsi1pk !== undefined ? 1 : 0) + (item.gsi2pk !== undefined ? 1 : 0);
      bytes += size * copies;
      items++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { bytes, items };
}

function itemSize(v: unknown): number {
  if (v === null || v === undefined || typeof v === "boolean") return 1;
  if (typeof v === "number") return 8;
  if (typeof v === "string") return Buffer.byteLength(v);
  if (Array.isArray(v)) return 3 + v.reduce((n: number, x) => n + 1 + itemSize(x), 0);
  if (v instanceof Set) return [...v].reduce((n: number, x) => n + itemSize(x), 0);
  return 3 + Object.entries(v as Record<string, unknown>).reduce((n, [k, x]) => n + Buffer.byteLength(k) + 1 + itemSize(x), 0);
}

