import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import { FunctionUrlAuthType } from "aws-cdk-lib/aws-lambda";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Secret as GeneratedSecret } from "aws-cdk-lib/aws-secretsmanager";
import { Config, Function, use, type StackContext } from "sst/constructs";
import { Email } from "./email";
import { Jobs } from "./jobs";
import { assertDeployableStage, farmSettings, publicURL } from "./settings";
import { Storage } from "./storage";
import { coreFunctionEsbuild } from "./bundling";
import { apiDomains, type ApiDomain } from "../functions/src/api/domains";

/** The construct ID of a domain's function: `ApiCore`, `ApiHarvest`, … */
export function apiFunctionID(domain: ApiDomain) {
  return `Api${domain.id[0]!.toUpperCase()}${domain.id.slice(1)}`;
}

/**
 * The HTTP API: one Lambda per domain (functions/src/api/domains.ts), each
 * behind its own Function URL, reached only through CloudFront
 * (infra/web.ts) on the site's own domain. Each carries its own domain's
 * code only, so its bundle and its cold start stay small; each may reach
 * only what its domain needs.
 */
export function Api({ stack, app }: StackContext) {
  assertDeployableStage(app.stage);
  const { table, media } = use(Storage);
  const { queue } = use(Email);
  // a domain that mails many households hands the mailing to the worker (infra/jobs.ts) and answers
  const { mailings } = use(Jobs);

  // The HMAC key for login codes: an SST secret (SSM SecureString), set per stage with
  // `npx sst secrets set AUTH_SECRET <value> --stage <stage>`; never in the template.
  const authSecret = new Config.Secret(stack, "AUTH_SECRET");

  // Generated once by Secrets Manager; CloudFront sends it, every API function checks it.
  const originSecret = new GeneratedSecret(stack, "OriginSecret", {
    description: "Proves to the API functions that a request came through CloudFront",
    generateSecretString: { passwordLength: 48, excludePunctuation: true },
  });

  const functions = apiDomains.map((domain) => {
    const id = apiFunctionID(domain);
    const fn = new Function(stack, id, {
      handler: `functions/src/api/lambda/${domain.id}.handler`,
      description: `Akker HTTP API: ${domain.id}`,
      memorySize: 1024,
      timeout: 20,
      // AWS SDK v3 from the Node 22 runtime, no ElectroDB model check (infra/bundling.ts)
      nodejs: { format: "esm", minify: true, esbuild: coreFunctionEsbuild },
      environment: {
        STAGE: app.stage,
        TABLE_NAME: table.tableName,
        ...(domain.mail ? { MAIL_QUEUE_URL: queue.queueUrl, MAILING_QUEUE_URL: mailings.queueUrl } : {}),
        ...(domain.media ? { MEDIA_BUCKET: media.bucketName } : {}),
        ORIGIN_SECRET: originSecret.secretValue.unsafeUnwrap(),
        ...farmSettings(),
        ...publicURL(app.stage),
      },
      bind: domain.authSecret ? [authSecret] : [],
      logGroup: new LogGroup(stack, `${id}Logs`, { retention: RetentionDays.ONE_MONTH }),
    });
    table.cdk.table.grantReadWriteData(fn);
    if (domain.mail)
      fn.addToRolePolicy(
        new PolicyStatement({ effect: Effect.ALLOW, actions: ["sqs:SendMessage"], resources: [queue.queueArn, mailings.queueArn] }),
      );
    // put, read and delete under media/, never list: the API reads a news photo for who may read its post
    if (domain.media)
      fn.addToRolePolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ["s3:PutObject", "s3:DeleteObject", "s3:GetObject"],
          resources: [media.arnForObjects("media/*")],
        }),
      );
    // the library (core's /api/documents) keeps its files under documents/, which CloudFront never
    // serves: the function checks who asks and hands out a link signed for minutes, so it also reads
    if (domain.id === "core")
      fn.addToRolePolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ["s3:PutObject", "s3:DeleteObject", "s3:GetObject"],
          resources: [media.arnForObjects("documents/*")],
        }),
      );
    // No CORS: the browser only ever calls the API on the site's own origin.
    const url = fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    return { domain, fn, url };
  });

  return { functions, originSecret };
}
