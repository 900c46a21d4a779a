import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { Media } from "@akker/core/news/media";
import { s3Store } from "@akker/core/news/media-s3";
import { logger } from "../log";
import { useMailQueue } from "../mail-queue";
import { jobs, type Job } from "./registry";

export interface JobResult {
  job: string;
  farmID: string;
  ok: boolean;
  ms: number;
  error?: string;
}

/**
 * Runs every job for every farm, one after the other. A job that throws is
 * logged and recorded; the other jobs, and the same job for other farms, still run.
 */
export async function runJobs(opts: { jobs: readonly Job[]; farmIDs: readonly string[]; now: Date }): Promise<JobResult[]> {
  const results: JobResult[] = [];
  for (const farmID of opts.farmIDs) {
    for (const job of opts.jobs) {
      const started = performance.now();
      try {
        await withActor({ type: "system", farmID }, () => job.run(opts.now));
        results.push({ job: job.name, farmID, ok: true, ms: Math.round(performance.now() - started) });
      } catch (e) {
        const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        results.push({ job: job.name, farmID, ok: false, ms: Math.round(performance.now() - started), error });
      }
    }
  }
  return results;
}

/** The farms this deployment serves: DEFAULT_FARM_ID and every farm named in FARM_DOMAINS. */
export function deployedFarmIDs(env: Record<string, string | undefined> = process.env): string[] {
  const domains = env.FARM_DOMAINS ? (JSON.parse(env.FARM_DOMAINS) as Record<string, string>) : {};
  return [...new Set([env.DEFAULT_FARM_ID || "demo", ...Object.values(domains)])];
}

let mailReady = false;

/**
 * The Cron target. Logs one line per job and farm; when any failed it throws
 * afterwards, so the failure shows in the function's error metric.
 */
export async function handler(): Promise<{ ran: number; failed: number }> {
  if (!mailReady) {
    useMailQueue();
    // the news-photos job deletes unused uploads from the bucket (infra/jobs.ts lets it delete, nothing more)
    if (process.env.MEDIA_BUCKET) Media.useStore(s3Store(process.env.MEDIA_BUCKET));
    mailReady = true;
  }
  const results = await runJobs({ jobs, farmIDs: deployedFarmIDs(), now: new Date(Clock.now()) });
  for (const r of results) {
    if (r.ok) logger.info("job.done", { job: r.job, farmID: r.farmID, ms: r.ms });
    else logger.error("job.failed", { job: r.job, farmID: r.farmID, ms: r.ms, error: r.error });
  }
  const failed = results.filter((r) => !r.ok);
  if (failed.length)
    throw new Error(`${failed.length} of ${results.length} job runs failed: ${failed.map((r) => `${r.job}@${r.farmID}`).join(", ")}`);
  return { ran: results.length, failed: 0 };
}
