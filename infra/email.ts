import { Duration } from "aws-cdk-lib";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { QueueEncryption, Queue as SqsQueue } from "aws-cdk-lib/aws-sqs";
import { Queue, type StackContext } from "sst/constructs";
import { mailFrom, mailFromAddress, siteDomain } from "./settings";

/**
 * Outgoing mail: the API and the jobs put each message on a queue; one
 * consumer sends it through SES. A message that keeps failing ends in the
 * dead-letter queue instead of being retried forever.
 */
export function Email({ stack, app }: StackContext) {
  const from = mailFrom(app.stage);
  if (!process.env.MAIL_FROM && !siteDomain(app.stage) && !app.isRunningSSTTest())
    console.warn(`No MAIL_FROM or DOMAIN set: mail goes out as ${from}, which SES will refuse.`);

  const deadLetters = new SqsQueue(stack, "MailDeadLetters", {
    retentionPeriod: Duration.days(14),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });

  const queue = new Queue(stack, "Mail", {
    cdk: {
      queue: {
        // Six times the consumer's timeout, as AWS advises, so a slow batch is not handed out twice.
        visibilityTimeout: Duration.seconds(60),
        deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
        // Bodies hold login codes: encrypted at rest, and only over TLS.
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
      },
    },
    consumer: {
      function: {
        handler: "functions/src/events/mail.handler",
        description: "Sends queued mail through SES",
        timeout: 10,
        nodejs: { format: "esm", minify: true },
        environment: { MAIL_FROM: from },
        logGroup: new LogGroup(stack, "MailLogs", { retention: RetentionDays.ONE_MONTH }),
        permissions: [
          new PolicyStatement({
            effect: Effect.ALLOW,
            actions: ["ses:SendEmail"],
            // Identities of this account and region only (in the SES sandbox the recipients are
            // identities too), and only as the configured sender.
            resources: [`arn:${stack.partition}:ses:${stack.region}:${stack.account}:identity/*`],
            conditions: { StringEquals: { "ses:FromAddress": mailFromAddress(from) } },
          }),
        ],
      },
      cdk: {
        eventSource: {
          batchSize: 10,
          reportBatchItemFailures: true,
          // SES allows a handful of mails per second; two consumers at most stay well inside it.
          maxConcurrency: 2,
        },
      },
    },
  });

  return { queue, deadLetters };
}
