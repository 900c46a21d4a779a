import * as z from "zod/mini";
import { Mailing } from "@akker/core/mail/mailing";
// each registers the mailings it runs (Mailing.register), as their requests name them; mail/mailing's "kept" comes with them
import "@akker/core/harvest/share-mail";
import "@akker/core/election/roll-mail";
import "@akker/core/assembly/mail-run";
import "@akker/core/contribution/sepa";
import "@akker/core/news/news-mail";
import "@akker/core/poll/mail";
import "@akker/core/message/send";
import "@akker/core/workday/cancel-mail";
import { logger } from "../log";
import { useMailQueue } from "../mail-queue";
import type { SqsEvent } from "../events/mail";

const JobSchema = z.object({
  farmID: z.string().check(z.minLength(1)),
  kind: z.string().check(z.minLength(1)),
  key: z.string().check(z.minLength(1)),
}) satisfies z.ZodMiniType<Mailing.Job>;

let ready = false;

/**
 * The worker that sends a request's mailing after its answer (deployed; locally
 * the server runs it in process): one job per message. A job that fails is
 * logged, not retried here: its marks keep what is unsent, and the five-minute
 * tick (or the next look at the run) finishes it, so a broken one cannot loop.
 */
export async function handler(event: SqsEvent): Promise<void> {
  if (!ready) {
    useMailQueue();
    ready = true;
  }
  for (const record of event.Records) {
    const parsed = JobSchema.safeParse(safeJSON(record.body));
    if (!parsed.success) {
      logger.error("mailing.unreadable", { sqsMessageID: record.messageId });
      continue;
    }
    const job = parsed.data;
    const started = performance.now();
    try {
      await Mailing.run(job);
      logger.info("mailing.done", { ...job, ms: Math.round(performance.now() - started) });
    } catch (e) {
      logger.error("mailing.failed", { ...job, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    }
  }
}

function safeJSON(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
