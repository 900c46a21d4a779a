import type { SQSClient } from "@aws-sdk/client-sqs";
import { Mail } from "@akker/core/mail/mail";

/**
 * The deployed mail transport: each message goes on the mail queue, whose
 * consumer (functions/src/events/mail.ts) sends it through SES. Handing it
 * off keeps a slow or throttled SES out of the request, and retries it.
 */
export function queueTransport(queueUrl: string, client?: SQSClient): Mail.Transport {
  // Loaded on the first mail, not at cold start: most requests send none.
  let sqs: Promise<{ client: SQSClient; SendMessageCommand: typeof import("@aws-sdk/client-sqs").SendMessageCommand }> | undefined;
  return async (message) => {
    sqs ??= import("@aws-sdk/client-sqs").then((m) => ({ client: client ?? new m.SQSClient({}), SendMessageCommand: m.SendMessageCommand }));
    const { client: c, SendMessageCommand } = await sqs;
    await c.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(message) }));
  };
}

/** Points core's Mail at the queue named by MAIL_QUEUE_URL; throws at cold start when it is missing. */
export function useMailQueue() {
  const queueUrl = process.env.MAIL_QUEUE_URL;
  if (!queueUrl) throw new Error("MAIL_QUEUE_URL is not set");
  Mail.setTransport(queueTransport(queueUrl));
}
