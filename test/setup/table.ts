import { inject } from "vitest";
import { randomUUID } from "node:crypto";
import { configureDynamo } from "@akker/core/dynamo";
import { Farm } from "@akker/core/farm/farm";
import { withActor } from "@akker/core/actor";
import { ensureTable } from "../../functions/src/local/dynamo-local";

/** A fresh table in the run's DynamoDB Local, and core pointed at it. */
export async function useTestTable() {
  const endpoint = inject("dynamoEndpoint");
  const tableName = `test-${randomUUID().slice(0, 8)}`;
  await ensureTable(endpoint, tableName);
  configureDynamo({ tableName, endpoint });
  Farm.forgetCache();
  return { endpoint, tableName };
}

/** A farm to work in, created as the system actor. */
export async function createTestFarm(id = `farm-${randomUUID().slice(0, 6)}`, name = "Testboerderij") {
  await withActor({ type: "system", farmID: id }, () => Farm.create({ id, name }));
  return id;
}
