import { RemovalPolicy } from "aws-cdk-lib";
import { BillingMode } from "aws-cdk-lib/aws-dynamodb";
import { Table, type StackContext } from "sst/constructs";
import { tableDefinition } from "@akker/core/dynamo";

/** The one table, built from core's definition so infra, local server and tests cannot drift apart. */
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

  return { table };
}
