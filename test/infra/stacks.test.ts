import { sstSecretPaths } from "../../functions/src/sst-secret";
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CachePolicy, OriginRequestPolicy } from "aws-cdk-lib/aws-cloudfront";
import { createTableInput, tableDefinition } from "@akker/core/dynamo";
import { originHeader } from "../../functions/src/api/origin";
import { apiDomains, cloudFrontMatches, type ApiDomain } from "../../functions/src/api/domains";
import { createApp } from "../../functions/src/api/app";
import { routesOf } from "../../functions/src/api/route";
import { apiApp, type DomainRoutes } from "../../functions/src/api/shell";
import { assertDeployableStage, farmSettings } from "../../infra/settings";
import { webCSP } from "../../functions/src/csp";
import {
  actionsOf,
  ensureWebDist,
  functionWithHandler,
  only,
  resourcesOf,
  resourcesOfType,
  statementsOf,
  synth,
  type CfnTemplate,
  type Statement,
} from "./synth";

const MAIL = "functions/src/events/mail.handler";
const TICK = "functions/src/jobs/tick.handler";

const expectedCSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

let prod: Awaited<ReturnType<typeof synth>>;
let dev: Awaited<ReturnType<typeof synth>>;
let cleanup: () => void;

beforeAll(async () => {
  cleanup = ensureWebDist();
  prod = await synth("prod");
  dev = await synth("dev", {
    DEFAULT_FARM_ID: "farm_a",
    FARM_DOMAINS: JSON.stringify({ "b.example.nl": "farm_b" }),
    MAIL_FROM: "Akker <post@akker.example.nl>",
    DOMAIN: "akker.example.nl",
  });
});
afterAll(() => {
  prod?.dispose();
  dev?.dispose();
  cleanup?.();
});

const text = (v: unknown) => JSON.stringify(v);
/** Statements that grant something on every resource. */
const wildcardGrants = (statements: Statement[]) =>
  statements.filter((s) => s.Effect === "Allow" && resourcesOf(s).some((r) => r === "*"));
const tableOf = (t: CfnTemplate) => only(resourcesOfType(t, "AWS::DynamoDB::Table"), "table");

describe("storage", () => {
  it("builds the table from core's tableDefinition", () => {
    const [, table] = tableOf(prod.storage);
    const want = createTableInput("x");
    expect(table.Properties!.KeySchema).toEqual(want.KeySchema);
    expect(table.Properties!.AttributeDefinitions).toEqual(want.AttributeDefinitions);
    expect(table.Properties!.GlobalSecondaryIndexes).toEqual(want.GlobalSecondaryIndexes);
  });

  it("is on-demand with point-in-time recovery and TTL on expiresAtEpoch", () => {
    const [, table] = tableOf(prod.storage);
    expect(table.Properties!.BillingMode).toBe("PAY_PER_REQUEST");
    expect(table.Properties!.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties!.TimeToLiveSpecification).toEqual({
      AttributeName: tableDefinition.ttlAttribute,
      Enabled: true,
    });
  });

  it("is protected and retained on prod only", () => {
    const [, prodTable] = tableOf(prod.storage);
    expect(prodTable.Properties!.DeletionProtectionEnabled).toBe(true);
    expect(prodTable.DeletionPolicy).toBe("Retain");
    expect(prodTable.UpdateReplacePolicy).toBe("Retain");

    const [, devTable] = tableOf(dev.storage);
    expect(devTable.Properties!.DeletionProtectionEnabled).toBe(false);
    expect(devTable.DeletionPolicy).toBe("Delete");
  });

  it("keeps uploaded files in a private, encrypted bucket, retained on prod", () => {
    const [, bucket] = only(resourcesOfType(prod.storage, "AWS::S3::Bucket"), "media bucket");
    expect(bucket.Properties!.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties!.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] });
    expect(text(bucket.Properties!.BucketEncryption)).toContain("AES256");
    expect(bucket.Properties!.WebsiteConfiguration).toBeUndefined();
    expect(bucket.DeletionPolicy).toBe("Retain");
    // its one policy is the web stack's (only CloudFront reads); none here
    expect(resourcesOfType(prod.storage, "AWS::S3::BucketPolicy")).toEqual([]);
  });

  it("retains every prod resource, so removing the app keeps the data", () => {
    for (const t of [prod.storage, prod.email, prod.api, prod.jobs, prod.web])
      for (const [id, r] of Object.entries(t.Resources))
        if (r.Type !== "AWS::SSM::Parameter") expect(r.DeletionPolicy, id).toBe("Retain");
  });
});

describe("api functions", () => {
  const handlerOf = (d: ApiDomain) => `functions/src/api/lambda/${d.id}.handler`;
  const functionOf = (t: CfnTemplate, d: ApiDomain) => functionWithHandler(t, handlerOf(d));

  it("are one per domain, each on nodejs22.x on arm64", () => {
    expect(apiDomains.map((d) => d.id).sort()).toEqual(["bank", "contribution", "core", "election", "harvest", "membership", "payment", "workday"]);
    for (const t of [prod, dev]) {
      const handlers = resourcesOfType(t.api, "AWS::Lambda::Function").map(([, f]) => f.Properties!.Handler as string);
      expect(handlers.filter((h) => h.startsWith("functions/")).sort()).toEqual(apiDomains.map(handlerOf).sort());
      for (const d of apiDomains) {
        const [, fn] = functionOf(t.api, d);
        expect(fn.Properties!.Runtime, d.id).toBe("nodejs22.x");
        expect(fn.Properties!.Architectures, d.id).toEqual(["arm64"]);
      }
    }
  });

  it("are bundled as minified ES modules", () => {
    for (const d of apiDomains) {
      const file = join(prod.apiBundles[d.id], `functions/src/api/lambda/${d.id}.mjs`);
      const code = readFileSync(file, "utf8");
      expect(code).toMatch(/^import /m);
      expect(code).not.toMatch(/^\s*module\.exports\b/m);
      // Minified: hundreds of kB on a handful of lines, not tens of thousands.
      expect(code.split("\n").length).toBeLessThan(statSync(file).size / 1000);
    }
  });

  it("leave ElectroDB's model check out, and each bundle still loads and answers", () => {
    for (const d of apiDomains) {
      const file = join(prod.apiBundles[d.id], `functions/src/api/lambda/${d.id}.mjs`);
      // jsonschema's own message for a failed anyOf: present only if the package is bundled
      expect(readFileSync(file, "utf8")).not.toContain("is not any of");
      const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(file).href)});
        const res = await handler({ rawPath: "/api/health", rawQueryString: "", headers: {}, requestContext: { http: { method: "GET" } } });
        console.log(res.statusCode);`;
      const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
        env: {
          ...process.env,
          STAGE: "prod",
          TABLE_NAME: "bundle-check",
          ...(d.mail ? { MAIL_QUEUE_URL: "https://sqs.eu-west-1.amazonaws.com/000000000000/bundle-check" } : {}),
          AWS_REGION: "eu-west-1",
          ...(d.authSecret ? { SST_Secret_value_AUTH_SECRET: "bundle-check-bundle-check" } : {}),
          ORIGIN_SECRET: "bundle-check",
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        },
      });
      // no origin secret on the request: the function refuses it, after loading every module
      expect(out.toString().trim(), d.id).toBe("403");
    }
  });

  it("carry mail code only where they send mail through the queue", () => {
    for (const d of apiDomains) {
      const file = join(prod.apiBundles[d.id], `functions/src/api/lambda/${d.id}.mjs`);
      const code = readFileSync(file, "utf8");
      // core's Mail without the queue transport would write to the local outbox table
      expect(code.includes("MAIL_QUEUE_URL is not set"), d.id).toBe(d.mail);
      // and a function that sends none carries neither Mail nor its templates (every one ends with this greeting)
      expect(code.includes("Groet, "), d.id).toBe(d.mail);
      // templates live beside their domain: a function carries the ones it sends, not all of them
      expect(code.includes("Je inlogcode voor"), d.id).toBe(d.id === "core");
    }
  });

  it("get the table, stage, farms and origin secret; the queue where they mail; the AUTH_SECRET only in core", () => {
    const [tableID] = tableOf(prod.storage);
    const [queueID] = only(
      resourcesOfType(prod.email, "AWS::SQS::Queue").filter(([, q]) => q.Properties?.RedrivePolicy),
      "mail queue",
    );
    for (const d of apiDomains) {
      const env = functionOf(prod.api, d)[1].Properties!.Environment.Variables;
      expect(text(env.TABLE_NAME)).toContain(`ExportsOutputRef${tableID}`);
      if (d.mail) expect(text(env.MAIL_QUEUE_URL)).toContain(`ExportsOutputRef${queueID}`);
      else expect(env.MAIL_QUEUE_URL, d.id).toBeUndefined();
      expect(env.STAGE).toBe("prod");
      expect(env.DEFAULT_FARM_ID).toBe("demo");
      expect(env.FARM_DOMAINS).toBeUndefined();
      expect(text(env.ORIGIN_SECRET)).toMatch(/resolve:secretsmanager:.*OriginSecret/);
      expect(env.SST_Secret_value_AUTH_SECRET, d.id).toBe(d.id === "core" ? "__FETCH_FROM_SSM__" : undefined);
      // The value itself never sits in the template: the function reads it from SSM.
      expect(env.AUTH_SECRET).toBeUndefined();
    }
    expect(apiDomains.filter((d) => d.authSecret).map((d) => d.id)).toEqual(["core"]);
  });

  it("take the farm settings from the deploy environment", () => {
    for (const d of apiDomains) {
      const env = functionOf(dev.api, d)[1].Properties!.Environment.Variables;
      expect(env.STAGE).toBe("dev");
      expect(env.DEFAULT_FARM_ID).toBe("farm_a");
      expect(JSON.parse(env.FARM_DOMAINS)).toEqual({ "b.example.nl": "farm_b" });
      // the names the API answers to (DNS rebinding), and where mail links point
      expect(env.SITE_DOMAIN).toBe("dev.akker.example.nl");
      expect(env.PUBLIC_URL).toBe("https://dev.akker.example.nl");
    }
  });

  it("may each read and write this table and its indexes, send to the mail queue if they mail, core read its secret; nothing else", () => {
    const [tableID] = tableOf(prod.storage);
    for (const d of apiDomains) {
      const [fnID] = functionOf(prod.api, d);
      const statements = statementsOf(prod.api, fnID);
      expect(wildcardGrants(statements)).toEqual([]);

      const dynamo = statements.filter((s) => actionsOf(s).some((a) => a.startsWith("dynamodb:")));
      expect(dynamo).toHaveLength(1);
      expect(actionsOf(dynamo[0]!)).toEqual(expect.arrayContaining(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]));
      expect(actionsOf(dynamo[0]!).some((a) => a.includes("*"))).toBe(false);
      const tableArn = `ExportsOutputFnGetAtt${tableID}Arn`;
      expect(resourcesOf(dynamo[0]!).map(text)).toEqual([
        expect.stringContaining(tableArn),
        expect.stringMatching(new RegExp(`${tableArn}.*/index/\\*`)),
      ]);

      const sqs = statements.filter((s) => actionsOf(s).some((a) => a.startsWith("sqs:")));
      expect(sqs.map(actionsOf), d.id).toEqual(d.mail ? [["sqs:SendMessage"]] : []);
      if (d.mail) expect(text(sqs[0]!.Resource)).toMatch(/ExportsOutputFnGetAttMailQueue\w+Arn/);

      const ssm = statements.filter((s) => actionsOf(s).some((a) => a.startsWith("ssm:")));
      if (d.authSecret) {
        expect(ssm.map(actionsOf)).toEqual([["ssm:GetParameters"]]);
        expect(resourcesOf(ssm[0]!).every((r) => text(r).includes("/Secret/AUTH_SECRET/value"))).toBe(true);
        // the paths the function asks for (functions/src/sst-secret.ts) are the ones it may read
        const env = functionOf(prod.api, d)[1].Properties!.Environment.Variables;
        const granted = resourcesOf(ssm[0]!).map(text).join(" ");
        for (const path of sstSecretPaths("AUTH_SECRET", env)) expect(granted).toContain(path.replace(/^\//, ""));
      } else expect(ssm, d.id).toEqual([]);

      const s3 = statements.filter((s) => actionsOf(s).some((a) => a.startsWith("s3:")));
      const library = d.id === "core";
      if (d.media) {
        // put, read and delete, only under media/ of the media bucket (a news photo is read for who may read its post): it never lists or touches the rest
        expect(s3[0] && actionsOf(s3[0])).toEqual(["s3:PutObject", "s3:DeleteObject", "s3:GetObject"]);
        const [bucketID] = only(resourcesOfType(prod.storage, "AWS::S3::Bucket"), "media bucket");
        expect(resourcesOf(s3[0]!).map(text)).toEqual([expect.stringMatching(new RegExp(`ExportsOutputFnGetAtt${bucketID}Arn.*/media/\\*`))]);
        // the library's function also reads, under documents/ only (links signed for minutes; CloudFront never serves it)
        if (library) {
          expect(s3.slice(1).map(actionsOf)).toEqual([["s3:PutObject", "s3:DeleteObject", "s3:GetObject"]]);
          expect(resourcesOf(s3[1]!).map(text)).toEqual([expect.stringMatching(new RegExp(`ExportsOutputFnGetAtt${bucketID}Arn.*/documents/\\*`))]);
        } else expect(s3).toHaveLength(1);
      } else expect(s3, d.id).toEqual([]);

      expect(statements, d.id).toHaveLength(1 + Number(d.mail) + Number(d.authSecret) + Number(!!d.media) + Number(library));
    }
  });

  it("have each a Function URL without CORS", () => {
    const urls = resourcesOfType(prod.api, "AWS::Lambda::Url");
    expect(urls).toHaveLength(apiDomains.length);
    for (const d of apiDomains) {
      const [fnID] = functionOf(prod.api, d);
      const [, url] = only(urls.filter(([, u]) => text(u.Properties!.TargetFunctionArn) === text({ "Fn::GetAtt": [fnID, "Arn"] })), `URL of ${d.id}`);
      expect(url.Properties!.AuthType).toBe("NONE");
      expect(url.Properties!.Cors).toBeUndefined();
    }
  });

  it("refuses the stages that mean something to the app itself", () => {
    expect(() => assertDeployableStage("local")).toThrow(/reserved/);
    expect(() => assertDeployableStage("test")).toThrow(/reserved/);
    expect(() => assertDeployableStage("prod")).not.toThrow();
  });

  it("refuses a FARM_DOMAINS it cannot read", () => {
    const before = process.env.FARM_DOMAINS;
    try {
      process.env.FARM_DOMAINS = "{not json";
      expect(() => farmSettings()).toThrow(/not JSON/);
      process.env.FARM_DOMAINS = JSON.stringify(["farm_a"]);
      expect(() => farmSettings()).toThrow(/map host names/);
    } finally {
      if (before === undefined) delete process.env.FARM_DOMAINS;
      else process.env.FARM_DOMAINS = before;
    }
  });
});

describe("mail", () => {
  const mailQueue = (t: CfnTemplate) =>
    only(resourcesOfType(t, "AWS::SQS::Queue").filter(([, q]) => q.Properties?.RedrivePolicy), "mail queue");

  it("queues mail with a dead-letter queue, encrypted and TLS only", () => {
    const [queueID, queue] = mailQueue(prod.email);
    const [dlqID, dlq] = only(
      resourcesOfType(prod.email, "AWS::SQS::Queue").filter(([id]) => id !== queueID),
      "dead-letter queue",
    );
    expect(queue.Properties!.RedrivePolicy).toEqual({
      deadLetterTargetArn: { "Fn::GetAtt": [dlqID, "Arn"] },
      maxReceiveCount: 5,
    });
    expect(dlq.Properties!.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    for (const q of [queue, dlq]) expect(q.Properties!.SqsManagedSseEnabled).toBe(true);
    const policies = resourcesOfType(prod.email, "AWS::SQS::QueuePolicy").map(([, p]) => text(p));
    expect(policies).toHaveLength(2);
    for (const p of policies) expect(p).toContain('"aws:SecureTransport":"false"');
  });

  it("has the consumer read the queue with partial batch failures", () => {
    const [queueID] = mailQueue(prod.email);
    const [fnID, fn] = functionWithHandler(prod.email, MAIL);
    const [, mapping] = only(resourcesOfType(prod.email, "AWS::Lambda::EventSourceMapping"), "event source mapping");
    expect(mapping.Properties!.EventSourceArn).toEqual({ "Fn::GetAtt": [queueID, "Arn"] });
    expect(mapping.Properties!.FunctionName).toEqual({ Ref: fnID });
    expect(mapping.Properties!.FunctionResponseTypes).toEqual(["ReportBatchItemFailures"]);
    expect(fn.Properties!.Runtime).toBe("nodejs22.x");
    expect(fn.Properties!.Architectures).toEqual(["arm64"]);
    expect(fn.Properties!.Environment.Variables.MAIL_FROM).toBe("noreply@akker.invalid");
    expect(functionWithHandler(dev.email, MAIL)[1].Properties!.Environment.Variables.MAIL_FROM).toBe(
      "Akker <post@akker.example.nl>",
    );
  });

  it("lets the consumer send mail as the configured sender only, and touch no table", () => {
    const [fnID] = functionWithHandler(dev.email, MAIL);
    const statements = statementsOf(dev.email, fnID);
    expect(wildcardGrants(statements)).toEqual([]);
    expect(statements.flatMap(actionsOf).filter((a) => a.startsWith("dynamodb:"))).toEqual([]);
    const ses = only(statements.filter((s) => actionsOf(s).some((a) => a.startsWith("ses:"))), "SES statement");
    expect(actionsOf(ses)).toEqual(["ses:SendEmail"]);
    expect(text(ses.Resource)).toContain(":ses:eu-west-1:123456789012:identity/*");
    expect(ses.Condition).toEqual({ StringEquals: { "ses:FromAddress": "post@akker.example.nl" } });
    // The rest is what the event source needs to read the queue.
    const others = statements.filter((s) => s !== ses).flatMap(actionsOf);
    expect(others.every((a) => a.startsWith("sqs:") && a !== "sqs:SendMessage")).toBe(true);
  });
});

describe("jobs", () => {
  it("invokes the tick every five minutes", () => {
    const [fnID, fn] = functionWithHandler(prod.jobs, TICK);
    const [, rule] = only(resourcesOfType(prod.jobs, "AWS::Events::Rule"), "schedule rule");
    expect(rule.Properties!.ScheduleExpression).toBe("rate(5 minutes)");
    expect(rule.Properties!.State).toBe("ENABLED");
    expect(rule.Properties!.Targets).toEqual([expect.objectContaining({ Arn: { "Fn::GetAtt": [fnID, "Arn"] } })]);
    expect(fn.Properties!.Runtime).toBe("nodejs22.x");
    expect(fn.Properties!.Architectures).toEqual(["arm64"]);
    const env = fn.Properties!.Environment.Variables;
    expect(Object.keys(env)).toEqual(expect.arrayContaining(["TABLE_NAME", "MAIL_QUEUE_URL", "DEFAULT_FARM_ID", "STAGE"]));
    const [, invokeConfig] = only(resourcesOfType(prod.jobs, "AWS::Lambda::EventInvokeConfig"), "invoke config");
    expect(invokeConfig.Properties!.MaximumRetryAttempts).toBe(0);
  });

  it("lets the tick use the table, send mail and delete unused photos, nothing more", () => {
    const [fnID, fn] = functionWithHandler(prod.jobs, TICK);
    const statements = statementsOf(prod.jobs, fnID);
    expect(wildcardGrants(statements)).toEqual([]);
    expect(statements).toHaveLength(3);
    const [dynamo, sqs, s3] = statements;
    expect(actionsOf(dynamo!)).toEqual(expect.arrayContaining(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]));
    expect(text(dynamo!.Resource)).toContain("/index/*");
    expect(actionsOf(sqs!)).toEqual(["sqs:SendMessage"]);
    // delete only, only under media/: it never puts, reads or lists
    expect(actionsOf(s3!)).toEqual(["s3:DeleteObject"]);
    expect(resourcesOf(s3!).map(text)).toEqual([expect.stringMatching(/\/media\/\*/)]);
    expect(Object.keys(fn.Properties!.Environment.Variables)).toContain("MEDIA_BUCKET");
  });
});

describe("mailings", () => {
  const WORKER = "functions/src/jobs/mailing.handler";
  const mailingQueue = () => only(resourcesOfType(prod.jobs, "AWS::SQS::Queue"), "mailing queue");

  it("has the worker read the mailing queue, encrypted and TLS only, one mailing at a time", () => {
    const [queueID, queue] = mailingQueue();
    expect(queue.Properties!.SqsManagedSseEnabled).toBe(true);
    expect(text(only(resourcesOfType(prod.jobs, "AWS::SQS::QueuePolicy"), "queue policy")[1])).toContain('"aws:SecureTransport":"false"');
    const [fnID, fn] = functionWithHandler(prod.jobs, WORKER);
    const [, mapping] = only(resourcesOfType(prod.jobs, "AWS::Lambda::EventSourceMapping"), "event source mapping");
    expect(mapping.Properties!.EventSourceArn).toEqual({ "Fn::GetAtt": [queueID, "Arn"] });
    expect(mapping.Properties!.FunctionName).toEqual({ Ref: fnID });
    expect(mapping.Properties!.BatchSize).toBe(1);
    expect(Object.keys(fn.Properties!.Environment.Variables)).toEqual(expect.arrayContaining(["TABLE_NAME", "MAIL_QUEUE_URL", "DEFAULT_FARM_ID", "STAGE"]));
  });

  it("lets the worker use the table and send mail, and reading its queue, nothing more", () => {
    const [fnID] = functionWithHandler(prod.jobs, WORKER);
    const statements = statementsOf(prod.jobs, fnID);
    expect(wildcardGrants(statements)).toEqual([]);
    expect(statements.flatMap(actionsOf).filter((a) => !a.startsWith("dynamodb:") && !a.startsWith("sqs:"))).toEqual([]);
    const send = statements.filter((s) => actionsOf(s).includes("sqs:SendMessage"));
    expect(send.map((s) => text(s.Resource))).toEqual([expect.stringMatching(/ExportsOutputFnGetAttMailQueue\w+Arn/)]);
  });

  it("is where the API domains that mail hand their mailings", () => {
    const [queueID] = mailingQueue();
    for (const d of apiDomains.filter((x) => x.mail)) {
      const [fnID, fn] = functionWithHandler(prod.api, `functions/src/api/lambda/${d.id}.handler`);
      expect(text(fn.Properties!.Environment.Variables.MAILING_QUEUE_URL), d.id).toContain(`ExportsOutputRef${queueID}`);
      const sqs = statementsOf(prod.api, fnID).filter((s) => actionsOf(s).includes("sqs:SendMessage"));
      expect(text(sqs[0]!.Resource), d.id).toContain(`ExportsOutputFnGetAtt${queueID}Arn`);
    }
  });
});

describe("web", () => {
  const distributionOf = (t: CfnTemplate) =>
    only(resourcesOfType(t, "AWS::CloudFront::Distribution"), "distribution")[1].Properties!.DistributionConfig;
  const cloudFrontFunction = (t: CfnTemplate, ref: unknown) => {
    const id = (ref as { "Fn::GetAtt": [string, string] })["Fn::GetAtt"][0];
    const code = t.Resources[id]!.Properties!.FunctionCode as string;
    type Request = { uri: string; headers: Record<string, { value: string }> };
    return new Function(`${code}; return handler;`)() as (event: { request: Request }) => Request;
  };

  it("serves the site from S3 by default, with the security headers", () => {
    const config = distributionOf(prod.web);
    const s3 = (config.Origins as any[]).filter((o) => o.S3OriginConfig);
    // the site's bucket, twice: for the app and for the API document (first of the API's behaviours)
    expect(new Set(s3.map((o) => text(o.DomainName))).size).toBe(1);
    expect(config.DefaultCacheBehavior.TargetOriginId).toBe(s3[0].Id);
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
    const policyID = config.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref;
    expect(prod.web.Resources[policyID]!.Type).toBe("AWS::CloudFront::ResponseHeadersPolicy");
  });

  /** The API behaviours in CloudFront's order, each with the domain whose Function URL it calls. */
  const apiBehaviors = () => {
    const config = distributionOf(prod.web);
    const urlOwner = new Map(
      resourcesOfType(prod.api, "AWS::Lambda::Url").map(([urlID, url]) => {
        const fnID = url.Properties!.TargetFunctionArn["Fn::GetAtt"][0] as string;
        const handler = prod.api.Resources[fnID]!.Properties!.Handler as string;
        return [urlID, apiDomains.find((d) => handler === `functions/src/api/lambda/${d.id}.handler`)!];
      }),
    );
    return (config.CacheBehaviors as any[]).filter((b) => b.PathPattern.startsWith("/api/")).map((behavior) => {
      const origin = (config.Origins as any[]).find((o) => o.Id === behavior.TargetOriginId);
      const urlID = [...urlOwner.keys()].find((id) => text(origin.DomainName).includes(`ExportsOutputFnGetAtt${id}FunctionUrl`));
      return { behavior, origin, domain: urlID ? urlOwner.get(urlID) : undefined };
    });
  };

  it("routes each domain's paths to its function and every other /api/ path to core: uncached, every method, everything forwarded but Host", () => {
    const behaviors = apiBehaviors().filter((b) => b.domain);
    // CloudFront's default quota is 25 behaviours per distribution
    expect(distributionOf(prod.web).CacheBehaviors.length).toBeLessThanOrEqual(25);
    expect(behaviors.map((b) => [b.domain!.id, b.behavior.PathPattern])).toEqual([
      ...apiDomains.flatMap((d) => d.paths.map((p) => [d.id, p])),
      ["core", "/api/*"],
    ]);
    for (const { behavior, origin } of behaviors) {
      expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe("https-only");
      expect(behavior.CachePolicyId).toBe(CachePolicy.CACHING_DISABLED.cachePolicyId);
      expect(behavior.OriginRequestPolicyId).toBe(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId);
      expect([...behavior.AllowedMethods].sort()).toEqual(["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]);
      expect(behavior.ViewerProtocolPolicy).toBe("https-only");
    }
  });

  it("sends every route of the API to the function that has it", async () => {
    process.env.ORIGIN_SECRET = "routing-check";
    process.env.MAIL_QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/000000000000/routing-check";
    const routesOfDomain = new Map<string, string[]>();
    for (const d of apiDomains) {
      const entry = (await import(`../../functions/src/api/lambda/${d.id}.ts`)) as { routes: DomainRoutes };
      routesOfDomain.set(d.id, routesOf(apiApp({ stage: "prod" }, [entry.routes])).map((r) => `${r.def.method} ${r.def.path}`));
    }
    const behaviors = apiBehaviors();
    const whole = routesOf(createApp({ stage: "prod" }));
    expect(whole.length).toBeGreaterThan(80);
    for (const { def } of whole) {
      // a path as a browser asks for it: each parameter filled in
      const path = def.path.replace(/:[A-Za-z]+/g, "x1");
      const first = behaviors.find((b) => cloudFrontMatches(b.behavior.PathPattern, path));
      const route = `${def.method} ${def.path}`;
      expect(first?.domain, `${route} reaches no API function`).toBeDefined();
      expect(routesOfDomain.get(first!.domain!.id), `${route} goes to ${first!.domain!.id}`).toContain(route);
    }
    // and no function holds a route the whole API does not describe
    const described = new Set(whole.map(({ def }) => `${def.method} ${def.path}`));
    for (const [id, routes] of routesOfDomain) for (const r of routes) expect(described.has(r), `${id}: ${r}`).toBe(true);
    expect([...routesOfDomain.values()].flat().length).toBe(whole.length);
  });

  it("serves nothing of the media bucket: its policy lets nobody in and asks for HTTPS", () => {
    const config = distributionOf(prod.web);
    // news photos are read through the API, for who may read their post: no behaviour, no origin for the bucket
    expect((config.CacheBehaviors as any[]).filter((b) => !b.PathPattern.startsWith("/api/"))).toEqual([]);
    const [bucketID] = only(resourcesOfType(prod.storage, "AWS::S3::Bucket"), "media bucket");
    expect(text(config.Origins)).not.toContain(`ExportsOutputFnGetAtt${bucketID}RegionalDomainName`);
    expect(resourcesOfType(prod.web, "AWS::CloudFront::OriginAccessControl")).toEqual([]);
    const [, policy] = only(
      resourcesOfType(prod.web, "AWS::S3::BucketPolicy").filter(([, p]) => text(p.Properties!.Bucket).includes(`ExportsOutputRef${bucketID}`)),
      "media bucket policy",
    );
    const statements = policy.Properties!.PolicyDocument.Statement as (Statement & { Principal: unknown; Sid: string })[];
    // no Allow at all: only the functions' own roles (above) reach the files
    expect(statements.map((s) => s.Sid)).toEqual(["HttpsOnly"]);
    expect([statements[0]!.Effect, actionsOf(statements[0]!), statements[0]!.Principal, statements[0]!.Condition]).toEqual(["Deny", ["s3:*"], { AWS: "*" }, { Bool: { "aws:SecureTransport": "false" } }]);
  });

  it("shares one pattern between mounts of a domain under one parameter, catching no other domain's", () => {
    // contribution's statement and solidarity: one behaviour
    const contribution = apiDomains.find((d) => d.id === "contribution")!;
    expect(contribution.paths).toContain("/api/households/*/s*");
    expect(contribution.paths.filter((p) => p.startsWith("/api/households/"))).toEqual(["/api/households/*/s*"]);
    // membership's notice is under its certificate: one pattern
    expect(apiDomains.find((d) => d.id === "membership")!.paths.filter((p) => p.startsWith("/api/households/"))).toEqual(["/api/households/*/certificate*"]);
    // a household whose ID starts with "s" still goes to core, and the media path to no function
    for (const path of ["/api/households/s1", "/api/households/s1/people", "/media/farm/news/img_1.jpg"])
      expect(apiDomains.filter((d) => d.paths.some((p) => cloudFrontMatches(p, path))), path).toEqual([]);
  });

  it("serves the OpenAPI document from S3, before any API function", () => {
    const [first, ...rest] = apiBehaviors();
    expect(first!.behavior.PathPattern).toBe("/api/openapi.json");
    expect(first!.origin.S3OriginConfig).toBeDefined();
    expect(first!.domain).toBeUndefined();
    expect(rest.every((b) => b.domain)).toBe(true);
    expect(cloudFrontMatches("/api/*", "/api/openapi.json")).toBe(true);
  });

  it("proves to every API function that requests come through CloudFront", () => {
    const [secretID] = only(resourcesOfType(prod.api, "AWS::SecretsManager::Secret"), "origin secret");
    for (const { origin } of apiBehaviors().filter((b) => b.domain)) {
      expect(origin.OriginCustomHeaders.map((h: { HeaderName: string }) => h.HeaderName)).toEqual([originHeader]);
      expect(text(origin.OriginCustomHeaders[0].HeaderValue)).toMatch(
        new RegExp(`resolve:secretsmanager:.*ExportsOutputRef${secretID}`),
      );
    }
  });

  it("passes the viewer's host to the API as X-Forwarded-Host", () => {
    const functions = apiBehaviors().filter((b) => b.domain);
    const arns = new Set(functions.map((b) => text(b.behavior.FunctionAssociations)));
    expect(arns.size).toBe(1);
    const [association] = functions[0]!.behavior.FunctionAssociations;
    expect(association.EventType).toBe("viewer-request");
    const handler = cloudFrontFunction(prod.web, association.FunctionARN);
    // Whatever the viewer claims as X-Forwarded-Host is replaced by the host it really asked for.
    const request = handler({
      request: {
        uri: "/api/me",
        headers: { host: { value: "akker.example.nl" }, "x-forwarded-host": { value: "other-farm.example.nl" } },
      },
    });
    expect(request.headers["x-forwarded-host"]).toEqual({ value: "akker.example.nl" });
  });

  it("answers the app's routes with index.html without hiding the API's errors", () => {
    const config = distributionOf(prod.web);
    // Error responses would apply to /api/* as well and turn its 403/404 into the app.
    expect(config.CustomErrorResponses ?? []).toEqual([]);
    const [association] = config.DefaultCacheBehavior.FunctionAssociations;
    expect(association.EventType).toBe("viewer-request");
    // StaticSite's own viewer-request function (it appends ".html") is gone; only ours remain.
    const functions = resourcesOfType(prod.web, "AWS::CloudFront::Function").map(([id]) => id.replace(/[0-9A-F]{8}$/, ""));
    expect(functions.sort()).toEqual(["ForwardHost", "SpaFallback"]);
    const handler = cloudFrontFunction(prod.web, association.FunctionARN);
    const uri = (u: string) => handler({ request: { uri: u, headers: {} } }).uri;
    expect(uri("/")).toBe("/index.html");
    expect(uri("/households/hh_01")).toBe("/index.html");
    expect(uri("/login")).toBe("/index.html");
    expect(uri("/assets/index-abc123.js")).toBe("/assets/index-abc123.js");
    expect(uri("/favicon.svg")).toBe("/favicon.svg");
    expect(uri("/manifest.webmanifest")).toBe("/manifest.webmanifest");
    expect(uri("/sw.js")).toBe("/sw.js");
  });

  it("uploads the web manifest as application/manifest+json and the service worker never cached", () => {
    const [, uploader] = only(resourcesOfType(prod.web, "Custom::S3Uploader"), "uploader");
    // SST applies the last matching option, and ours come after its own.
    const options = uploader.Properties!.fileOptions as { files: string | string[]; cacheControl?: string; contentType?: string }[];
    const last = (file: string) => options.filter((o) => [o.files].flat().includes(file)).at(-1);
    expect(last("manifest.webmanifest")).toMatchObject({ contentType: "application/manifest+json", cacheControl: expect.stringContaining("no-cache") });
    expect(last("sw.js")).toMatchObject({ cacheControl: expect.stringContaining("no-cache") });
  });

  it("sends the CSP and the other security headers", () => {
    expect(webCSP).toBe(expectedCSP);
    const [, policy] = only(resourcesOfType(prod.web, "AWS::CloudFront::ResponseHeadersPolicy"), "headers policy");
    const headers = policy.Properties!.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers.ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: expectedCSP, Override: true });
    expect(headers.ContentSecurityPolicy.ContentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(headers.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 63072000,
      IncludeSubdomains: true,
      Override: true,
    });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: "DENY", Override: true });
    expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: "strict-origin-when-cross-origin", Override: true });
  });

  it("has no custom domain unless DOMAIN is set; other stages get a subdomain", () => {
    expect(distributionOf(prod.web).Aliases).toEqual([]);
    expect(distributionOf(dev.web).Aliases).toEqual(["dev.akker.example.nl"]);
  });
});

