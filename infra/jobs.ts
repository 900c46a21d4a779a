import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Cron, use, type StackContext } from "sst/constructs";
import { Email } from "./email";
import { farmSettings, publicURL } from "./settings";
import { Storage } from "./storage";
import { coreFunctionEsbuild } from "./bundling";

/**
 * One tick every five minutes runs every job in functions/src/jobs/registry.ts
 * for every farm. Jobs are idempotent, so a late or repeated tick does no harm.
 */
export function Jobs({ stack, app }: StackContext) {
  const { table } = use(Storage);
  const { queue } = use(Email);

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
        environment: {
          STAGE: app.stage,
          TABLE_NAME: table.tableName,
          MAIL_QUEUE_URL: queue.queueUrl,
          ...farmSettings(),
          ...publicURL(app.stage),
        },
        logGroup: new LogGroup(stack, "TickLogs", { retention: RetentionDays.ONE_MONTH }),
      },
    },
  });
  const fn = tick.jobFunction;
  table.cdk.table.grantReadWriteData(fn);
  fn.addToRolePolicy(
    new PolicyStatement({ effect: Effect.ALLOW, actions: ["sqs:SendMessage"], resources: [queue.queueArn] }),
  );

  return { tick };
}
