import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { withActor, type Actor } from "@akker/core/actor";
import { Session } from "@akker/core/auth/session";
import { Clock } from "@akker/core/clock";
import { seedActivity } from "@akker/core/demo/activity";
import { demoFarm, seedDemo } from "@akker/core/demo/seed";
import { useDynamo } from "@akker/core/dynamo";
import { Household } from "@akker/core/household/household";
import { Mail } from "@akker/core/mail/mail";
import { Person } from "@akker/core/person/person";
import { addWeeks, weekOf } from "@akker/core/week";
import { createApp } from "../functions/src/api/app";
import { jobs } from "../functions/src/jobs/registry";
import { runJobs } from "../functions/src/jobs/tick";
import { logger } from "../functions/src/log";
import { benchDatabase } from "./fixture";
import { printTable, type Figure } from "./lib";

/*
 * `npm run bench -- cost`: what one farm costs on AWS a month, and fifty on
 * one deployment, from measured work per user action times an explicit
 * usage model. docs/cost.md explains the model; every price and assumption
 * is a constant below.
 *
 * Measured, per action, against the real API in this process over DynamoDB
 * Local with the demo farm (200 households) and its activity: HTTP requests,
 * DynamoDB calls and the read/write request units DynamoDB reports for them
 * (ReturnConsumedCapacity on every call), the handler's milliseconds, the
 * bytes of each answer as CloudFront sends it (gzip above 1 kB), and the
 * bytes the API logs. Mail is counted, not sent: the figures are "before
 * email".
 */

// ---------------------------------------------------------------------------
// Prices: AWS list prices, eu-west-1 (Ireland), on demand, in USD, from the
// pages named, written down on `asOf` (not read live: check them again).
// ---------------------------------------------------------------------------

export const prices = {
  region: "eu-west-1",
  asOf: "2026-11-23",
  /** ECB reference rate, rounded; change it here. */
  eurPerUsd: 0.86,
  /** https://aws.amazon.com/lambda/pricing/ — Arm (Graviton2), first tier. INIT is billed as duration since 1 Aug 2025. */
  lambda: { gbSecondArm: 0.0000133334, perMillionRequests: 0.2 },
  /**
   * https://aws.amazon.com/dynamodb/pricing/on-demand/ — Standard table class. Throughput
   * was halved on 1 Nov 2024 (from $1.4135 / $0.283 per million WRU / RRU in eu-west-1).
   */
  dynamodb: { perMillionWRU: 0.7068, perMillionRRU: 0.1415, storageGbMonth: 0.283, pitrGbMonth: 0.22 },
  /** https://aws.amazon.com/cloudfront/pricing/ — Europe: data transfer out (first 10 TB), HTTPS requests; CloudFront Functions. */
  cloudfront: { perGbOut: 0.085, per10kHttps: 0.012, perMillionFunctions: 0.1 },
  /** https://aws.amazon.com/sqs/pricing/ — standard queue, per million requests (64 KB chunks). */
  sqs: { perMillionRequests: 0.4 },
  /** https://aws.amazon.com/cloudwatch/pricing/ — Logs, standard class: ingestion and storage. */
  logs: { perGbIngested: 0.57, storageGbMonth: 0.03 },
  /** https://aws.amazon.com/secrets-manager/pricing/ */
  secretsManager: { perSecretMonth: 0.4, per10kCalls: 0.05 },
  /** https://aws.amazon.com/systems-manager/pricing/ — standard parameters and standard throughput cost nothing; a SecureString is decrypted by KMS. */
  ssm: { standardParameter: 0 },
  /** https://aws.amazon.com/kms/pricing/ — requests to the AWS-managed aws/ssm key. */
  kms: { per10kRequests: 0.03 },
  /** https://aws.amazon.com/s3/pricing/ — S3 Standard. */
  s3: { storageGbMonth: 0.023, per1kGet: 0.0004, per1kPut: 0.005 },
  /** https://aws.amazon.com/ses/pricing/ — outbound mail; not in the totals ("before email"). */
  ses: { per1000Mails: 0.1 },
} as const;

/** The always-free tiers (per account and month), applied only in the "after free tier" column. */
export const freeTier = {
  lambdaRequests: 1_000_000,
  lambdaGbSeconds: 400_000,
  dynamodbStorageGb: 25,
  cloudfrontGbOut: 1024,
  cloudfrontRequests: 10_000_000,
  cloudfrontFunctions: 2_000_000,
  sqsRequests: 1_000_000,
  logsGb: 5,
  kmsRequests: 20_000,
} as const;

// ---------------------------------------------------------------------------
// The usage model: one farm of 200 households, a month.
// ---------------------------------------------------------------------------

const households = 200;
const weeksPerMonth = 52 / 12;
const minutesPerMonth = (365.25 / 12) * 24 * 60;

export const assumptions = {
  /** Each household opens the app three times a week (the harvest, work days, news). */
  opensPerHouseholdPerWeek: 3,
  /** A session lasts 14 days idle and 90 at most; with two adults or two devices, one new login per household a month. */
  loginsPerHouseholdPerMonth: 1,
  /** The farmer enters the harvest twice and publishes it once a week. */
  harvestEditsPerWeek: 2,
  /** One household in ten opts out of a week. */
  optOutShare: 0.1,
  /** Two work days a week, ten sign-ups each; one in ten is cancelled; the coordinator looks at each roster twice. */
  workdaysPerWeek: 2,
  signupsPerWorkday: 10,
  cancelShare: 0.1,
  rosterViewsPerWorkday: 2,
  hoursReportsPerMonth: 40,
  /** Each household looks at its contribution statement every other month. */
  statementViewsPerHouseholdPerMonth: 0.5,
  /** The treasurer imports the bank statement once a month (a line per household), looks at the overview four times and makes the month's direct-debit file. */
  bankImportsPerMonth: 1,
  overviewsPerMonth: 4,
  sepaFilesPerMonth: 1,
  /** Two ALV votes a year, 70% turnout. */
  electionsPerYear: 2,
  turnout: 0.7,
  /** The scheduled jobs run every five minutes (infra/jobs.ts). */
  tickMinutes: 5,
  /** Each household downloads the whole web app once a month (a new release, a new phone); otherwise only index.html. */
  appDownloadsPerHouseholdPerMonth: 1,
  /** Lambda: 1024 MB (infra/api.ts; SST's default for the tick), and 400 ms INIT per cold start. */
  memoryGb: 1,
  initMs: 400,
  /** An idle instance lives about five minutes: a cold start for every app open, at most one per five minutes, and for every tick. */
  coldStartEveryMinutes: 5,
  /** START, END and REPORT lines Lambda writes per invocation, with CloudWatch's 26 bytes per event. */
  platformLogBytes: 3 * (110 + 26),
  /** The Lambda event source mapping long-polls the mail queue with 5 pollers, 20 s each, mail or not. */
  sqsPollsPerMonth: 5 * 3 * minutesPerMonth,
  /** Secrets: the origin secret in Secrets Manager (read by CloudFormation at deploy, not at run time); AUTH_SECRET in SSM. */
  secrets: 1,
  /** Years of history kept in the table, as a multiple of the measured demo farm. */
  storageMultiple: 10,
  /** Old web releases kept in the bucket, and deploys a month. */
  webCopies: 3,
  deploysPerMonth: 4,
  /**
   * CloudFront fetches index.html from S3 on every app open (it is not cached) and each
   * hashed asset once per edge location after a deploy.
   */
  edgeLocations: 10,
} as const;

// ---------------------------------------------------------------------------
// Measuring.
// ---------------------------------------------------------------------------

interface Meter {
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
let meter = zero();

const readCommands = new Set(["GetItemCommand", "QueryCommand", "ScanCommand", "BatchGetItemCommand", "TransactGetItemsCommand"]);

/** Every DynamoDB call asks for its consumed capacity and adds it to the meter. */
function instrumentDynamo() {
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
async function countingLogs<T>(fn: () => Promise<T>): Promise<T> {
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

/** One API request as a browser makes it (cookie, origin), metered. */
async function call(token: string | undefined, method: string, path: string, body?: unknown, type = "application/json") {
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

async function measure(name: string, perMonth: number, samples: number, run: (i: number) => Promise<unknown>, kind: Action["kind"] = "api"): Promise<Action> {
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
function webApp() {
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
async function tableBytes() {
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

// ---------------------------------------------------------------------------
// The bill.
// ---------------------------------------------------------------------------

export interface Line {
  service: string;
  usage: string;
  usd: number;
  usdFree: number;
}

/** The month's bill for `farms` farms of 200 households on one deployment. */
export function bill(actions: Action[], farms: number, measured: { tableBytes: number; web: NonNullable<ReturnType<typeof webApp>> }): Line[] {
  const p = prices;
  const a = assumptions;
  const api = actions.filter((x) => x.kind === "api");
  const tick = actions.find((x) => x.kind === "tick")!;
  const sum = (list: Action[], k: keyof Action) => list.reduce((n, x) => n + (x[k] as number) * x.perMonth, 0) * farms;

  const apiRequests = sum(api, "requests");
  const opens = (actions.find((x) => x.name.startsWith("open the app"))?.perMonth ?? 0) * farms;
  const apiColdStarts = Math.min(opens, minutesPerMonth / a.coldStartEveryMinutes);
  const ticks = minutesPerMonth / a.tickMinutes;
  const lambdaRequests = apiRequests + ticks;
  const gbSeconds =
    (sum(api, "ms") / 1000 + (tick.ms / 1000) * tick.perMonth * farms + ((apiColdStarts + ticks) * a.initMs) / 1000) * a.memoryGb;
  const lines: Line[] = [];
  const line = (service: string, usage: string, usd: number, usdFree = usd) => lines.push({ service, usage, usd, usdFree: Math.max(0, usdFree) });

  line("Lambda requests", `${fmt(lambdaRequests)} invocations`, (lambdaRequests / 1e6) * p.lambda.perMillionRequests, (Math.max(0, lambdaRequests - freeTier.lambdaRequests) / 1e6) * p.lambda.perMillionRequests);
  line("Lambda duration (arm64)", `${fmt(gbSeconds)} GB-s`, gbSeconds * p.lambda.gbSecondArm, Math.max(0, gbSeconds - freeTier.lambdaGbSeconds) * p.lambda.gbSecondArm);

  const rru = sum(actions, "rru");
  const wru = sum(actions, "wru");
  line("DynamoDB reads", `${fmt(rru)} RRU`, (rru / 1e6) * p.dynamodb.perMillionRRU);
  line("DynamoDB writes", `${fmt(wru)} WRU`, (wru / 1e6) * p.dynamodb.perMillionWRU);
  const gb = (measured.tableBytes * a.storageMultiple * farms) / 1024 ** 3;
  line("DynamoDB storage", `${gb.toFixed(3)} GB`, gb * p.dynamodb.storageGbMonth, Math.max(0, gb - freeTier.dynamodbStorageGb) * p.dynamodb.storageGbMonth);
  line("DynamoDB point-in-time recovery", `${gb.toFixed(3)} GB`, gb * p.dynamodb.pitrGbMonth);

  const appDownloads = households * a.appDownloadsPerHouseholdPerMonth * farms;
  const staticRequests = opens + appDownloads * measured.web.files;
  const cfRequests = apiRequests + staticRequests;
  const cfBytes = sum(api, "bytes") + opens * measured.web.indexWireBytes + appDownloads * measured.web.wireBytes;
  const cfGb = cfBytes / 1024 ** 3;
  line("CloudFront requests (HTTPS)", `${fmt(cfRequests)} requests`, (cfRequests / 1e4) * p.cloudfront.per10kHttps, (Math.max(0, cfRequests - freeTier.cloudfrontRequests) / 1e4) * p.cloudfront.per10kHttps);
  line("CloudFront data out (Europe)", `${cfGb.toFixed(3)} GB`, cfGb * p.cloudfront.perGbOut, Math.max(0, cfGb - freeTier.cloudfrontGbOut) * p.cloudfront.perGbOut);
  line("CloudFront Functions", `${fmt(cfRequests)} invocations`, (cfRequests / 1e6) * p.cloudfront.perMillionFunctions, (Math.max(0, cfRequests - freeTier.cloudfrontFunctions) / 1e6) * p.cloudfront.perMillionFunctions);

  const sqs = a.sqsPollsPerMonth;
  line("SQS (mail queue, polled while idle)", `${fmt(sqs)} requests`, (sqs / 1e6) * p.sqs.perMillionRequests, (Math.max(0, sqs - freeTier.sqsRequests) / 1e6) * p.sqs.perMillionRequests);

  const logGb = (sum(api, "logBytes") + (tick.logBytes * tick.perMonth * farms) + lambdaRequests * a.platformLogBytes) / 1024 ** 3;
  line("CloudWatch Logs ingestion", `${logGb.toFixed(3)} GB`, logGb * p.logs.perGbIngested, Math.max(0, logGb - freeTier.logsGb) * p.logs.perGbIngested);
  line("CloudWatch Logs storage (30 days)", `${logGb.toFixed(3)} GB`, logGb * p.logs.storageGbMonth);

  line("Secrets Manager (origin secret)", `${a.secrets} secret`, a.secrets * p.secretsManager.perSecretMonth);
  line("SSM Parameter Store (AUTH_SECRET)", "1 standard parameter", p.ssm.standardParameter);
  line("KMS (SecureString read per cold start)", `${fmt(apiColdStarts)} requests`, (apiColdStarts / 1e4) * p.kms.per10kRequests, (Math.max(0, apiColdStarts - freeTier.kmsRequests) / 1e4) * p.kms.per10kRequests);

  const s3Gb = (measured.web.rawBytes * a.webCopies) / 1024 ** 3;
  const s3Gets = opens + a.deploysPerMonth * measured.web.files * a.edgeLocations;
  line("S3 (web app)", `${(s3Gb * 1024).toFixed(1)} MB, ${fmt(s3Gets)} GET`, s3Gb * p.s3.storageGbMonth + (s3Gets / 1000) * p.s3.per1kGet + ((a.deploysPerMonth * measured.web.files) / 1000) * p.s3.per1kPut);
  return lines;
}

const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e4 ? `${(n / 1e3).toFixed(0)} k` : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const eur = (usd: number) => `€ ${(usd * prices.eurPerUsd).toFixed(2)}`;
const eurFine = (usd: number) => `€ ${(usd * prices.eurPerUsd).toFixed(usd * prices.eurPerUsd < 0.1 ? 4 : 2)}`;

function pad(rows: string[][], right: boolean[]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ")).join("\n");
}

// ---------------------------------------------------------------------------
// The run.
// ---------------------------------------------------------------------------

export async function cost(): Promise<Figure[]> {
  const db = await benchDatabase();
  const level = logger.getLevelName();
  try {
    const farmID = demoFarm.id;
    const system: Actor = { type: "system", farmID };
    await seedDemo();
    await seedActivity();
    process.env.DEFAULT_FARM_ID = farmID;
    app = createApp({ stage: "local" });
    // the request lines the API logs in Lambda, where the level is INFO
    logger.setLogLevel("INFO");
    const outbox = new Map<string, Mail.Message>();
    Mail.setTransport(async (m) => {
      meter.mails++;
      outbox.set(m.to, m);
    });
    instrumentDynamo();

    // Sessions as a phone holds them: made two hours ago, so the first request refreshes them, as after a night.
    const people = await withActor(system, async () => {
      const list = await Household.list();
      return Promise.all(list.map(async (h) => ({ household: h, person: (await Person.byHousehold(h.id))[0]! })));
    });
    const sessionOf = (personID: string) => withActor(system, () => Session.open(personID));
    Clock.set(Date.now() - 2 * 3600_000);
    const tokens = await Promise.all(people.map((p) => sessionOf(p.person.id)));
    const byEmail = async (email: string) => sessionOf((await withActor(system, () => Person.byEmail(email)))!.id);
    const [farmer, coordinator, treasurer, board] = await Promise.all(
      ["boer@demo.test", "coordinator@demo.test", "penningmeester@demo.test", "bestuur@demo.test"].map(byEmail),
    );
    Clock.set(undefined);

    const a = assumptions;
    const week = weekOf(Date.now());
    const year = new Date().getFullYear();
    const workdays = (await call(farmer, "GET", "/api/workdays")).json.workdays as { id: string; title: string; capacity: number; confirmed: number }[];
    const openDay = workdays.find((w) => w.confirmed === 0 && w.capacity >= 12) ?? workdays[1]!;
    const elections = (await call(board, "GET", "/api/elections")).json.elections as { id: string; status: string }[];
    const vote = elections.find((e) => e.status === "open")!;
    const member = (i: number) => ({ ...people[40 + i]!, token: tokens[40 + i]! });

    const actions: Action[] = [];
    const samples = 10;
    actions.push(
      await measure("open the app (me, my share, work days)", households * a.opensPerHouseholdPerWeek * weeksPerMonth, samples, async (i) => {
        const m = member(i);
        await call(m.token, "GET", "/api/me");
        await call(m.token, "GET", `/api/harvests/${week}/mine`);
        await call(m.token, "GET", "/api/workdays");
      }),
    );
    actions.push(
      await measure("log in (code by mail, verify)", households * a.loginsPerHouseholdPerMonth, samples, async (i) => {
        const email = member(i).person.email;
        await call(undefined, "POST", "/api/auth/code", { email });
        const code = /\b(\d{6})\b/.exec(outbox.get(email)!.text)![1];
        await call(undefined, "POST", "/api/auth/verify", { email, code });
      }),
    );
    actions.push(
      await measure("opt out of next week's harvest", households * a.optOutShare * weeksPerMonth, samples, (i) =>
        call(member(i).token, "PUT", `/api/harvests/${addWeeks(week, 1)}/opt-out`, { optedOut: true }),
      ),
    );
    actions.push(
      await measure("sign up for a work day (view it, sign up)", a.workdaysPerWeek * weeksPerMonth * a.signupsPerWorkday, samples, async (i) => {
        await call(member(i).token, "GET", `/api/workdays/${openDay.id}`);
        await call(member(i).token, "POST", `/api/workdays/${openDay.id}/signup`);
      }),
    );
    actions.push(
      await measure("cancel a sign-up", a.workdaysPerWeek * weeksPerMonth * a.signupsPerWorkday * a.cancelShare, 3, (i) =>
        call(member(i).token, "DELETE", `/api/workdays/${openDay.id}/signup`),
      ),
    );
    actions.push(
      await measure("report hours", a.hoursReportsPerMonth, samples, (i) =>
        call(member(i).token, "POST", "/api/me/hours", { date: new Date().toISOString().slice(0, 10), hours: 2, task: "weeding" }),
      ),
    );
    actions.push(
      await measure("look at the contribution statement", households * a.statementViewsPerHouseholdPerMonth, samples, (i) =>
        call(member(i).token, "GET", `/api/households/${member(i).household.id}/statement?year=${year}`),
      ),
    );
    actions.push(
      await measure("vote (read the vote, cast the ballot)", (a.electionsPerYear / 12) * households * a.turnout, samples, async (i) => {
        await call(member(i).token, "GET", `/api/elections/${vote.id}`);
        await call(member(i).token, "POST", `/api/elections/${vote.id}/ballots`, { vote: "yes" });
      }),
    );
    const crops = [
      { crop: "courgette", unit: "piece", quantity: 640 },
      { crop: "spinazie", unit: "kg", quantity: 150 },
      { crop: "radijs", unit: "bunch", quantity: 480 },
      { crop: "aardappel", unit: "kg", quantity: 500, step: 0.25 },
      { crop: "wortel", unit: "kg", quantity: 190 },
    ];
    actions.push(
      await measure("farmer: enter the week's harvest (twice) and publish it", weeksPerMonth, 1, async (i) => {
        const w = addWeeks(week, 2 + i);
        for (let k = 0; k < a.harvestEditsPerWeek; k++) await call(farmer, "PUT", `/api/harvests/${w}`, { items: crops.map((c) => ({ ...c, quantity: c.quantity + k })) });
        await call(farmer, "POST", `/api/harvests/${w}/publish`);
      }),
    );
    const start = new Date(Date.now() + 20 * 24 * 3600_000);
    actions.push(
      await measure("coordinator: plan a work day", a.workdaysPerWeek * weeksPerMonth, 3, (i) =>
        call(coordinator, "POST", "/api/workdays", {
          title: `Schoffelen ${i}`,
          task: "weeding",
          start: new Date(start.getTime() + i * 3600_000).toISOString(),
          end: new Date(start.getTime() + (i + 3) * 3600_000).toISOString(),
          capacity: 10,
        }),
      ),
    );
    actions.push(
      await measure("coordinator: look at a roster", a.workdaysPerWeek * weeksPerMonth * a.rosterViewsPerWorkday, 3, () =>
        call(coordinator, "GET", `/api/workdays/${openDay.id}/roster`),
      ),
    );
    actions.push(
      await measure("treasurer: import the bank statement (200 lines)", a.bankImportsPerMonth, 1, (i) => {
        const csv = ["datum;bedrag;omschrijving;rekening", ...people.map((p, k) => `${year}-11-0${i + 1};43,34;Bijdrage ${i}-${k};${p.household.id}`)].join("\n");
        return call(treasurer, "POST", "/api/payments/import", csv, "text/csv");
      }),
    );
    actions.push(await measure("treasurer: the contribution overview", a.overviewsPerMonth, 3, () => call(treasurer, "GET", `/api/contribution/overview?year=${year}`)));
    actions.push(
      await measure("treasurer: the month's direct-debit file (preview)", a.sepaFilesPerMonth, 2, () =>
        call(treasurer, "GET", `/api/sepa/${year}-${String(new Date().getMonth() + 1).padStart(2, "0")}.json`),
      ),
    );
    actions.push(
      await measure("board: create, open and close a vote", a.electionsPerYear / 12, 1, async (i) => {
        const created = await call(board, "POST", "/api/elections", {
          title: `Kostenmodel ${i}`,
          kind: "motion",
          opensAt: new Date(Date.now() - 60_000).toISOString(),
          closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
        });
        await call(board, "POST", `/api/elections/${created.json.election.id}/open`);
        await call(board, "POST", `/api/elections/${created.json.election.id}/close`);
      }),
    );
    // The scheduled jobs for one farm, steady state (the first tick after the seed catches up).
    await runJobs({ jobs, farmIDs: [farmID], now: new Date() });
    actions.push(
      await measure("scheduled jobs, one farm (every 5 min)", minutesPerMonth / a.tickMinutes, 3, async () => {
        const started = performance.now();
        await countingLogs(async () => {
          for (const r of await runJobs({ jobs, farmIDs: [farmID], now: new Date() })) logger.info("job.done", { job: r.job, farmID: r.farmID, ms: r.ms });
        });
        meter.ms += Math.ceil(performance.now() - started);
      }, "tick"),
    );

    const measured = { tableBytes: (await tableBytes()).bytes, web: webApp() ?? { files: 12, wireBytes: 120_000, rawBytes: 400_000, indexWireBytes: 1500 } };
    const one = bill(actions, 1, measured);
    const fifty = bill(actions, 50, measured);

    console.log("\nCost: measured work per user action (averages; ms = handler time over DynamoDB Local)");
    console.log(
      pad(
        [
          ["action", "a month", "requests", "DynamoDB calls", "RRU", "WRU", "ms", "bytes out", "log bytes", "mails"],
          ...actions.map((x) => [x.name, fmt(x.perMonth), x.requests.toFixed(0), x.calls.toFixed(1), x.rru.toFixed(1), x.wru.toFixed(1), x.ms.toFixed(0), x.bytes.toFixed(0), x.logBytes.toFixed(0), x.mails.toFixed(0)]),
        ],
        [false, true, true, true, true, true, true, true, true, true],
      ),
    );
    console.log(`\nCost: a month on AWS ${prices.region}, list prices of ${prices.asOf}, 1 USD = € ${prices.eurPerUsd}, before email`);
    console.log(
      pad(
        [
          ["service", "1 farm: usage", "list", "after free tier", "50 farms: usage", "list", "after free tier"],
          ...one.map((l, i) => [l.service, l.usage, eurFine(l.usd), eurFine(l.usdFree), fifty[i]!.usage, eurFine(fifty[i]!.usd), eurFine(fifty[i]!.usdFree)]),
        ],
        [false, true, true, true, true, true, true],
      ),
    );
    const total = (ls: Line[], k: "usd" | "usdFree") => ls.reduce((n, l) => n + l[k], 0);
    const mailsPerMonth = actions.reduce((n, x) => n + x.mails * x.perMonth, 0);
    const target = 5 / prices.eurPerUsd;
    return [
      { name: "1 farm (200 households), a month, list prices", value: eur(total(one, "usd")), target: "< € 5", ok: total(one, "usd") < target },
      { name: "1 farm, after the always-free tiers", value: eur(total(one, "usdFree")) },
      { name: "50 farms on one deployment, a month, list prices", value: eur(total(fifty, "usd")) },
      { name: "50 farms: per farm", value: eur(total(fifty, "usd") / 50), target: "< € 5", ok: total(fifty, "usd") / 50 < target },
      { name: "50 farms, after the always-free tiers", value: eur(total(fifty, "usdFree")) },
      { name: "API requests a month, 1 farm", value: fmt(actions.filter((x) => x.kind === "api").reduce((n, x) => n + x.requests * x.perMonth, 0)) },
      { name: "mails a month, 1 farm (not in these figures)", value: fmt(mailsPerMonth) },
      { name: "…which would add (SES only)", value: eur((mailsPerMonth / 1000) * prices.ses.per1000Mails) },
    ];
  } finally {
    Mail.setTransport(Mail.outboxTransport);
    logger.setLogLevel(level);
    Clock.set(undefined);
    await db.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) printTable("Cost: a month on AWS", await cost());
