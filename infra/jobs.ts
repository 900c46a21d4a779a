import { Duration } from "aws-cdk-lib";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Cron, Queue, use, type Function as SstFunction, type StackContext } from "sst/constructs";
import { Email } from "./email";
import { farmSettings, publicURL } from "./settings";
import { Storage } from "./storage";
import { coreFunctionEsbuild } from "./bundling";

/**
 * One tick every five minutes runs every job in functions/src/jobs/registry.ts
 * for every farm. Jobs are idempotent, so a late or repeated tick does no harm.
 */
export function Jobs({ stack, app }: StackContext) {
  const { table, media } = use(Storage);
  const { queue } = use(Email);
  // the tick and the mailing worker run core alike: the table, the mail queue, the farms and their links
  const environment = {
    STAGE: app.stage,
    TABLE_NAME: table.tableName,
    MAIL_QUEUE_URL: queue.queueUrl,
    ...farmSettings(),
    ...publicURL(app.stage),
  };

  const tick = new Cron(stack, "Tick", {
    schedule: "rate(5 minutes)",
    job: {
      function: {
        handler: "functions/src/jobs/tick.handler",
        description: "Runs the scheduled jobs for every farm",
        // Well inside the schedule, so two ticks never overlap.
        timeout: "4 minutes",
        // The next tick is the retry; an immediate one could run beside it.
        retryAttempts: 0,
        nodejs: { format: "esm", minify: true, esbuild: coreFunctionEsbuild },
        environment,
        logGroup: new LogGroup(stack, "TickLogs", { retention: RetentionDays.ONE_MONTH }),
      },
    },
  });
  // each may use the table and send mail, nothing more
  const mayMail = (fn: SstFunction) => {
    table.cdk.table.grantReadWriteData(fn);
    fn.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ["sqs:SendMessage"], resources: [queue.queueArn] }));
  };
  mayMail(tick.jobFunction);
  // the news-photos job deletes photos no post took; the bucket's name goes to the tick alone
  tick.jobFunction.addEnvironment("MEDIA_BUCKET", media.bucketName);
  tick.jobFunction.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ["s3:DeleteObject"], resources: [media.arnForObjects("media/*")] }));

  /*
   * Mailings: a request that mails many households (a publish, a vote
   * opened or closed, a cancelled work day, a collection run) commits its
   * change, puts one message here and answers; this worker sends the mail.
   * A failed run is not retried by the queue: the tick above finishes it.
   */
  const mailings = new Queue(stack, "Mailings", {
    cdk: {
      queue: {
        // six times the worker's timeout, as AWS advises
        visibilityTimeout: Duration.minutes(12),
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
      },
    },
    consumer: {
      function: {
        handler: "functions/src/jobs/mailing.handler",
        description: "Sends a request's mailing after its answer",
        timeout: "2 minutes",
        nodejs: { format: "esm", minify: true, esbuild: coreFunctionEsbuild },
        environment,
        logGroup: new LogGroup(stack, "MailingLogs", { retention: RetentionDays.ONE_MONTH }),
      },
      cdk: { eventSource: { batchSize: 1 } },
    },
  });
  mayMail(mailings.consumerFunction as SstFunction);

  return { tick, mailings };
}
