import type { Action, webApp } from "./cost-meter";
import { assumptions, freeTier, households, minutesPerMonth, prices } from "./cost-model";

/* The cost bench's bill (bench/cost.ts): measured actions × the usage model × prices. */

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

export const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e4 ? `${(n / 1e3).toFixed(0)} k` : n >= 100 ? n.toFixed(0) : n.toFixed(1));
export const eur = (usd: number) => `€ ${(usd * prices.eurPerUsd).toFixed(2)}`;
export const eurFine = (usd: number) => `€ ${(usd * prices.eurPerUsd).toFixed(usd * prices.eurPerUsd < 0.1 ? 4 : 2)}`;

export function pad(rows: string[][], right: boolean[]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ")).join("\n");
}

