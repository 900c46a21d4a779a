import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Agent } from "node:http";
import { coalesceGets } from "./batch-get";

/**
 * The one table, described once. The SST stack, the local server and the
 * tests all build it from this, so the key names cannot drift apart.
 */
export const tableDefinition = {
  partitionKey: "pk",
  sortKey: "sk",
  ttlAttribute: "expiresAtEpoch",
  indexes: {
    gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    gsi2: { partitionKey: "gsi2pk", sortKey: "gsi2sk" },
  },
} as const;

/** CreateTable input for DynamoDB Local and tests (on-demand, as in AWS). */
export function createTableInput(TableName: string) {
  const { partitionKey, sortKey, indexes } = tableDefinition;
  const keyNames = [
    partitionKey,
    sortKey,
    ...Object.values(indexes).flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return {
    TableName,
    BillingMode: "PAY_PER_REQUEST" as const,
    AttributeDefinitions: keyNames.map((AttributeName) => ({
      AttributeName,
      AttributeType: "S" as const,
    })),
    KeySchema: [
      { AttributeName: partitionKey, KeyType: "HASH" as const },
      { AttributeName: sortKey, KeyType: "RANGE" as const },
    ],
    GlobalSecondaryIndexes: Object.entries(indexes).map(([IndexName, i]) => ({
      IndexName,
      KeySchema: [
        { AttributeName: i.partitionKey, KeyType: "HASH" as const },
        { AttributeName: i.sortKey, KeyType: "RANGE" as const },
      ],
      Projection: { ProjectionType: "ALL" as const },
    })),
  };
}

let client: DynamoDBDocumentClient | undefined;
let tableName: string | undefined;

/**
 * Point core at a table. Lambda reads TABLE_NAME (and uses the default AWS
 * endpoint); the local server and tests call this with DynamoDB Local.
 */
export function configureDynamo(opts: { tableName: string; endpoint?: string }) {
  tableName = opts.tableName;
  client = coalesceGets(DynamoDBDocumentClient.from(
    new DynamoDBClient(
      opts.endpoint
        ? {
            endpoint: opts.endpoint,
            region: "eu-west-1",
            credentials: { accessKeyId: "local", secretAccessKey: "local" },
            maxAttempts: 5,
            // many requests at once locally: do not queue behind 50 sockets
            requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 512 }) },
          }
        : {},
    ),
    { marshallOptions: { removeUndefinedValues: true } },
  ));
}

export function useDynamo() {
  if (!client) {
    const name = process.env.TABLE_NAME;
    if (!name) throw new Error("DynamoDB is not configured: set TABLE_NAME");
    configureDynamo({ tableName: name, endpoint: process.env.DYNAMO_ENDPOINT });
  }
  return { client: client!, table: tableName! };
}

/** True for a failed condition, from the SDK directly or wrapped by ElectroDB. */
export function isConditionFailure(e: unknown): boolean {
  const err = e as { name?: string; cause?: { name?: string }; message?: string } | undefined;
  return (
    err?.name === "ConditionalCheckFailedException" ||
    err?.cause?.name === "ConditionalCheckFailedException" ||
    /conditional request failed/i.test(err?.message ?? "")
  );
}

/**
 * True when a conditional write was refused: its condition failed, or a
 * transaction held the item at that moment. A lease or hold taken this way
 * is simply not ours now.
 */
export function isWriteRefused(e: unknown): boolean {
  return isConditionFailure(e) || /TransactionConflict/.test(`${(e as Error).name} ${(e as { cause?: Error }).cause?.name}`);
}
