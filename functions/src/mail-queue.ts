import { SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { Mail } from "@akker/core/mail/mail";

/**
 * The deployed mail transport: each message goes on the mail queue, whose
 * consumer (functions/src/events/mail.ts) sends it through SES. Handing it
 * off keeps a slow or throttled SES out of the request, and retries it.
 */
export function queueTransport(queueUrl: string, sqs = new SQSClient({})): Mail.Transport {
  return async (message) => {
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(message) }));
  };
}

/** Points core's Mail at the queue named by MAIL_QUEUE_URL; throws at cold start when it is missing. */
export function useMailQueue() {
  const queueUrl = process.env.MAIL_QUEUE_URL;
  if (!queueUrl) throw new Error("MAIL_QUEUE_URL is not set");
  Mail.setTransport(queueTransport(queueUrl));
}
