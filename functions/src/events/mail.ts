import { SendEmailCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import * as z from "zod/mini";
import type { Mail } from "@akker/core/mail/mail";
import { logger } from "../log";

/** The records of an SQS event, as far as this consumer reads them. */
export interface SqsEvent {
  Records: { messageId: string; body: string }[];
}

/** Partial batch response: only the failed records come back to the queue. */
export interface SqsBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

const MessageSchema = z.object({
  farmID: z.string().check(z.minLength(1)),
  messageID: z.string().check(z.minLength(1)),
  to: z.string().check(z.minLength(1)),
  subject: z.string().check(z.minLength(1)),
  text: z.string(),
  locale: z.enum(["nl", "en"]),
  sentAt: z.string(),
}) satisfies z.ZodMiniType<Mail.Message>;

type Send = (command: SendEmailCommand) => Promise<unknown>;

/**
 * Sends each queued message through SES. A record that fails goes back to
 * the queue alone (and after five tries to the dead-letter queue); the rest
 * of the batch is done. Logs carry IDs only: subject and text hold login codes.
 */
export function createMailConsumer(opts: { from: string; send: Send }) {
  return async (event: SqsEvent): Promise<SqsBatchResponse> => {
    const batchItemFailures: SqsBatchResponse["batchItemFailures"] = [];
    for (const record of event.Records) {
      const parsed = MessageSchema.safeParse(safeJSON(record.body));
      if (!parsed.success) {
        logger.error("mail.unreadable", { sqsMessageID: record.messageId });
        batchItemFailures.push({ itemIdentifier: record.messageId });
        continue;
      }
      const m = parsed.data;
      try {
        await opts.send(
          new SendEmailCommand({
            FromEmailAddress: opts.from,
            Destination: { ToAddresses: [m.to] },
            Content: {
              Simple: {
                Subject: { Data: m.subject, Charset: "UTF-8" },
                Body: { Text: { Data: m.text, Charset: "UTF-8" } },
              },
            },
          }),
        );
        logger.info("mail.sent", { messageID: m.messageID, farmID: m.farmID });
      } catch (e) {
        logger.error("mail.failed", { messageID: m.messageID, farmID: m.farmID, error: errorForLog(e) });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };
}

/** The error for the log, with any mail address in SES's message (e.g. "not verified: …") blanked out. */
function errorForLog(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.replace(/[^\s<>"',;:]+@[^\s<>"',;]+/g, "<address>");
}

function safeJSON(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const ses = new SESv2Client({});

export const handler = createMailConsumer({
  from: process.env.MAIL_FROM ?? "",
  send: (command) => ses.send(command),
});
