import { beforeAll, describe, expect, it } from "vitest";
import { BatchGetCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { useTestTable } from "../../../test/setup/table";
import { coalesceGets } from "./batch-get";
import { useDynamo } from "./dynamo";

describe("coalesceGets", () => {
  let table: string;
  beforeAll(async () => {
    await useTestTable();
    const { client, table: t } = useDynamo();
    table = t;
    for (let i = 0; i < 150; i++)
      await client.send(new PutCommand({ TableName: table, Item: { pk: `p${i}`, sk: "s", n: i } }));
  });

  /** The coalescing client over a counter of what really goes out. */
  function counted() {
    const { client } = useDynamo();
    const sent: string[] = [];
    const spy = Object.create(client);
    spy.send = (command: { constructor: { name: string } }, options?: unknown) => {
      sent.push(command.constructor.name);
      return (client.send as (c: unknown, o?: unknown) => Promise<unknown>)(command, options);
    };
    return { db: coalesceGets(spy), sent };
  }

  it("answers 250 reads issued at once, found, missing and repeated, with three batches", async () => {
    const { db, sent } = counted();
    const asks = Array.from({ length: 250 }, (_, i) => (i < 200 ? i : i - 200)); // 0..199, then 0..49 again
    const outs = await Promise.all(asks.map((i) => db.send(new GetCommand({ TableName: table, Key: { pk: `p${i}`, sk: "s" } }))));
    asks.forEach((i, at) => {
      if (i < 150) expect(outs[at]!.Item).toEqual({ pk: `p${i}`, sk: "s", n: i });
      else expect(outs[at]!.Item).toBeUndefined();
    });
    // 200 distinct keys: two batches of 100, nothing read twice
    expect(sent).toEqual(["BatchGetCommand", "BatchGetCommand"]);
  });

  it("sends a lone read as a plain GetItem, and reads with options untouched", async () => {
    const { db, sent } = counted();
    const lone = await db.send(new GetCommand({ TableName: table, Key: { pk: "p1", sk: "s" } }));
    expect(lone.Item?.n).toBe(1);
    const [projected, plain] = await Promise.all([
      db.send(new GetCommand({ TableName: table, Key: { pk: "p2", sk: "s" }, ProjectionExpression: "pk" })),
      db.send(new GetCommand({ TableName: table, Key: { pk: "p3", sk: "s" } })),
    ]);
    expect(projected.Item).toEqual({ pk: "p2" });
    expect(plain.Item?.n).toBe(3);
    expect(sent).toEqual(["GetCommand", "GetCommand", "GetCommand"]);
  });

  it("keeps consistent and eventually consistent reads apart", async () => {
    const { db, sent } = counted();
    const outs = await Promise.all([
      db.send(new GetCommand({ TableName: table, Key: { pk: "p4", sk: "s" }, ConsistentRead: true })),
      db.send(new GetCommand({ TableName: table, Key: { pk: "p5", sk: "s" }, ConsistentRead: true })),
      db.send(new GetCommand({ TableName: table, Key: { pk: "p6", sk: "s" } })),
    ]);
    expect(outs.map((o) => o.Item?.n)).toEqual([4, 5, 6]);
    expect(sent.sort()).toEqual(["BatchGetCommand", "GetCommand"]);
  });

  it("fails only the read with a bad key, not its neighbours", async () => {
    const { db } = counted();
    const [good, bad, other] = await Promise.allSettled([
      db.send(new GetCommand({ TableName: table, Key: { pk: "p7", sk: "s" } })),
      db.send(new GetCommand({ TableName: table, Key: { pk: "p8" } })), // no sort key
      db.send(new GetCommand({ TableName: table, Key: { pk: "p9", sk: "s" } })),
    ]);
    expect(good.status === "fulfilled" && good.value.Item?.n).toBe(7);
    expect(other.status === "fulfilled" && other.value.Item?.n).toBe(9);
    expect(bad.status).toBe("rejected");
  });

  it("leaves other commands alone", async () => {
    const { db, sent } = counted();
    const out = await db.send(
      new BatchGetCommand({ RequestItems: { [table]: { Keys: [{ pk: "p10", sk: "s" }] } } }),
    );
    expect(out.Responses?.[table]?.[0]?.n).toBe(10);
    expect(sent).toEqual(["BatchGetCommand"]);
  });
});
