import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient, type GetCommandInput, type GetCommandOutput } from "@aws-sdk/lib-dynamodb";

type Key = Record<string, unknown>;

interface Waiting {
  key: Key;
  resolve: (out: GetCommandOutput) => void;
  reject: (e: unknown) => void;
}

interface Group {
  table: string;
  consistent: boolean;
  waiting: Waiting[];
}

/** What went out, for benches: single reads, batches and the keys they carried. */
export const readStats = { gets: 0, batches: 0, batchedKeys: 0 };

/** BatchGetItem takes at most 100 keys. */
const batchLimit = 100;

/**
 * Coalesces the single-item reads that are issued in the same tick into
 * BatchGetItem calls, DataLoader style. A request that reads its session,
 * week, share and opt-out in parallel then costs one round trip instead of
 * three, and two hundred members opening the app at once cost a handful of
 * batches instead of hundreds of calls (DynamoDB Local, like any HTTP
 * service, is bound by calls far more than by items). Capacity used is the
 * same as with GetItem.
 *
 * Only plain reads are coalesced: a Get with a projection or other options
 * goes out as it is. A key asked twice in a tick is read once. A failed batch
 * is retried key by key, so one bad key fails only its own read.
 */
export function coalesceGets(client: DynamoDBDocumentClient): DynamoDBDocumentClient {
  const send = client.send.bind(client) as (command: unknown, options?: unknown) => Promise<unknown>;
  /** Reads waiting for the next flush, by table and consistency. */
  let pending = new Map<string, Group>();
  let scheduled = false;

  const single = (input: GetCommandInput) => {
    readStats.gets++;
    return send(new GetCommand(input)) as Promise<GetCommandOutput>;
  };

  async function flushGroup({ table, consistent, waiting }: Group) {
    // each distinct key once, with everyone waiting for it
    const byKey = new Map<string, { key: Key; waiting: Waiting[] }>();
    for (const w of waiting) {
      const id = keyID(w.key);
      const same = byKey.get(id);
      if (same) same.waiting.push(w);
      else byKey.set(id, { key: w.key, waiting: [w] });
    }
    const ids = [...byKey.keys()];
    const settle = (id: string, out: GetCommandOutput) => {
      for (const w of byKey.get(id)!.waiting) w.resolve(out);
    };
    const one = (id: string) =>
      single({ TableName: table, Key: byKey.get(id)!.key, ConsistentRead: consistent || undefined }).then(
        (out) => settle(id, out),
        (e) => {
          for (const w of byKey.get(id)!.waiting) w.reject(e);
        },
      );
    if (ids.length === 1) return one(ids[0]!);

    for (let i = 0; i < ids.length; i += batchLimit) {
      const chunk = ids.slice(i, i + batchLimit);
      try {
        let ask = chunk;
        for (let attempt = 0; ask.length > 0; attempt++) {
          if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 10 * 2 ** attempt)));
          readStats.batches++;
          readStats.batchedKeys += ask.length;
          const keys = ask.map((id) => byKey.get(id)!.key);
          const out = (await send(
            new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: consistent || undefined } } }),
          )) as { Responses?: Record<string, Record<string, unknown>[]>; UnprocessedKeys?: Record<string, { Keys?: Key[] }> };
          const found = new Map((out.Responses?.[table] ?? []).map((item) => [keyID(keyOf(item, keys[0]!)), item]));
          const unprocessed = new Set((out.UnprocessedKeys?.[table]?.Keys ?? []).map(keyID));
          for (const id of ask) if (!unprocessed.has(id)) settle(id, { Item: found.get(id), $metadata: {} });
          ask = ask.filter((id) => unprocessed.has(id));
          if (attempt > 8 && ask.length > 0) throw new Error("BatchGetItem kept returning unprocessed keys");
        }
      } catch {
        // one bad key must not fail its neighbours: ask each on its own
        await Promise.all(chunk.map(one));
      }
    }
  }

  function flush() {
    scheduled = false;
    const groups = pending;
    pending = new Map();
    for (const group of groups.values()) void flushGroup(group);
  }

  const coalescing = Object.create(client) as DynamoDBDocumentClient;
  coalescing.send = ((command: unknown, options?: unknown) => {
    if (!(command instanceof GetCommand) || !plainGet(command.input)) return send(command, options);
    const input = command.input;
    const table = input.TableName!;
    const consistent = input.ConsistentRead === true;
    const name = `${consistent ? "strong" : "eventual"} ${table}`;
    return new Promise<GetCommandOutput>((resolve, reject) => {
      let group = pending.get(name);
      if (!group) pending.set(name, (group = { table, consistent, waiting: [] }));
      group.waiting.push({ key: input.Key!, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
  }) as DynamoDBDocumentClient["send"];
  return coalescing;
}

function plainGet(input: GetCommandInput) {
  return Object.keys(input).every((k) => k === "TableName" || k === "Key" || k === "ConsistentRead") && !!input.Key;
}

/** Same key, same ID, whatever order its attributes came in. */
function keyID(key: Key) {
  return JSON.stringify(Object.keys(key).sort().map((k) => [k, key[k]]));
}

function keyOf(item: Record<string, unknown>, like: Key): Key {
  return Object.fromEntries(Object.keys(like).map((k) => [k, item[k]]));
}
