import { BatchWriteCommand, DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand, type BatchWriteCommandOutput } from "@aws-sdk/lib-dynamodb";
import { useActor } from "@akker/core/actor";
import { useDynamo } from "@akker/core/dynamo";

/*
 * DynamoDB Local's floor for an answer: the writes a request made, recorded
 * in the server process, sent again bare (puts of about the same size, one
 * index entry each, as many at once as the request had under way at once).
 * No server in front of DynamoDB Local can answer faster than its writes.
 */

/** One write call a request made: how many items, about how big each, when it started and ended (ms). */
export interface Write {
  kind: "transact" | "batch" | "single";
  items: number;
  bytes: number;
  start: number;
  end: number;
}

function describe(command: unknown): Omit<Write, "start" | "end"> | undefined {
  const size = (list: unknown[]) => Math.round(list.reduce<number>((n, i) => n + JSON.stringify(i).length, 0) / Math.max(1, list.length));
  if (command instanceof TransactWriteCommand) {
    const list = command.input.TransactItems ?? [];
    return { kind: "transact", items: list.length, bytes: size(list) };
  }
  if (command instanceof BatchWriteCommand) {
    const list = Object.values(command.input.RequestItems ?? {}).flat();
    return { kind: "batch", items: list.length, bytes: size(list) };
  }
  if (command instanceof PutCommand || command instanceof UpdateCommand || command instanceof DeleteCommand)
    return { kind: "single", items: 1, bytes: size([command.input]) };
  return undefined;
}

/** A person's request, not the mailing it started (that runs as the farm's system actor) or a job. */
function inRequest() {
  try {
    return useActor().type === "person";
  } catch {
    return false;
  }
}

/** Records the write calls requests make in this process; `take` hands them over and starts afresh. */
export function recordWrites() {
  const { client } = useDynamo();
  let list: Write[] = [];
  const send = client.send.bind(client) as (c: unknown, o?: unknown) => Promise<unknown>;
  (client as { send: unknown }).send = async (command: unknown, options?: unknown) => {
    const write = describe(command);
    if (!write || !inRequest()) return send(command, options);
    const start = performance.now();
    try {
      return await send(command, options);
    } finally {
      list.push({ ...write, start, end: performance.now() });
    }
  };
  return {
    take() {
      const out = list;
      list = [];
      return out;
    },
  };
}

/** Writes that were under way together: each joins the wave whose first call had not ended when it started. */
function waves(writes: Write[]) {
  const out: Write[][] = [];
  let until = -Infinity;
  for (const w of [...writes].sort((a, b) => a.start - b.start)) {
    if (w.start < until) out.at(-1)!.push(w);
    else {
      out.push([w]);
      until = w.end;
    }
  }
  return out;
}

let serial = 0;

/** Sends the recorded writes again bare, wave after wave; resolves with the milliseconds it took. */
export async function floor(writes: Write[]): Promise<number> {
  const { client, table } = useDynamo();
  const item = (bytes: number) => {
    const n = serial++;
    return { pk: `floor#${n}`, sk: "-", gsi1pk: `floor#${n % 50}`, gsi1sk: String(n), pad: "x".repeat(Math.max(0, bytes - 80)) };
  };
  const one = async (w: Write) => {
    const items = Array.from({ length: w.items }, () => item(w.bytes));
    if (w.kind === "transact")
      return client.send(
        new TransactWriteCommand({ TransactItems: items.map((Item) => ({ Put: { TableName: table, Item, ConditionExpression: "attribute_not_exists(pk)" } })) }),
      );
    if (w.kind === "single") return client.send(new PutCommand({ TableName: table, Item: items[0]! }));
    let left = items.map((Item) => ({ PutRequest: { Item } }));
    while (left.length) {
      const res = (await client.send(new BatchWriteCommand({ RequestItems: { [table]: left } }))) as BatchWriteCommandOutput;
      left = (res.UnprocessedItems?.[table] ?? []) as typeof left;
    }
  };
  const started = performance.now();
  for (const wave of waves(writes)) await Promise.all(wave.map(one));
  return performance.now() - started;
}

/** What a floor replays, in words: "209 items in 9 calls". */
export function written(writes: Write[]) {
  return `${writes.reduce((n, w) => n + w.items, 0)} items in ${writes.length} calls`;
}
