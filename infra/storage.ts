import { RemovalPolicy } from "aws-cdk-lib";
import { BillingMode } from "aws-cdk-lib/aws-dynamodb";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { Table, type StackContext } from "sst/constructs";
import { tableDefinition } from "@akker/core/dynamo";

/**
 * The one table, built from core's definition so infra, local server and tests
 * cannot drift apart; and the media bucket for uploaded files.
 */
export function Storage({ stack, app }: StackContext) {
  const { partitionKey, sortKey, ttlAttribute, indexes } = tableDefinition;
  const keyNames = [partitionKey, sortKey, ...Object.values(indexes).flatMap((i) => [i.partitionKey, i.sortKey])];
  const prod = app.stage === "prod";

  const table = new Table(stack, "Table", {
    fields: Object.fromEntries(keyNames.map((name) => [name, "string" as const])),
    primaryIndex: { partitionKey, sortKey },
    globalIndexes: Object.fromEntries(
      Object.entries(indexes).map(([name, i]) => [
        name,
        { partitionKey: i.partitionKey, sortKey: i.sortKey, projection: "all" as const },
      ]),
    ),
    timeToLiveAttribute: ttlAttribute,
    cdk: {
      table: {
        billingMode: BillingMode.PAY_PER_REQUEST,
        // SST passes the deprecated flag; the specification replaces it.
        pointInTimeRecovery: undefined,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        // The members' data: on prod neither a stray `sst remove` nor a console click may drop it.
        deletionProtection: prod,
        removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      },
    },
  });

  // Uploaded files (news photos under media/). Private: only CloudFront reads it, for /media/*
  // (its policy, with the distribution's ARN, is made in infra/web.ts: a bucket has one policy),
  // and only the functions that store files write to it (infra/api.ts).
  const media = new Bucket(stack, "Media", {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });

  return { table, media };
}
