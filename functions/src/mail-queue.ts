import type { SQSClient } from "@aws-sdk/client-sqs";
import { Mail } from "@akker/core/mail/mail";
import { Mailing } from "@akker/core/mail/mailing";

/**
 * The deployed mail transport: each message goes on the mail queue, whose
 * consumer (functions/src/events/mail.ts) sends it through SES. Handing it
 * off keeps a slow or throttled SES out of the request, and retries it.
 * The same hand-off puts a mailing on the worker's queue.
 */
export function queueTransport(queueUrl: string, client?: SQSClient): (message: object) => Promise<void> {
  // Loaded on the first mail, not at cold start: most requests send none.
  let sqs: Promise<{ client: SQSClient; SendMessageCommand: typeof import("@aws-sdk/client-sqs").SendMessageCommand }> | undefined;
  return async (message) => {
    sqs ??= import("@aws-sdk/client-sqs").then((m) => ({ client: client ?? new m.SQSClient({}), SendMessageCommand: m.SendMessageCommand }));
    const { client: c, SendMessageCommand } = await sqs;
    await c.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(message) }));
  };
}

/**
 * Points core's Mail at the queue named by MAIL_QUEUE_URL; throws at cold
 * start when it is missing. With MAILING_QUEUE_URL, a request's mailings
 * (a publish's 200 mails) go to the worker (functions/src/jobs/mailing.ts)
 * after the answer: a Lambda is frozen once it has answered, so nothing may
 * be left running in it.
 */
export function useMailQueue() {
  const queueUrl = process.env.MAIL_QUEUE_URL;
  if (!queueUrl) throw new Error("MAIL_QUEUE_URL is not set");
  Mail.setTransport(queueTransport(queueUrl));
  const mailingsUrl = process.env.MAILING_QUEUE_URL;
  if (mailingsUrl) Mailing.setDispatch(queueTransport(mailingsUrl));
}
