/**
 * Writes a batch put or delete to the end, retrying what DynamoDB leaves
 * unprocessed with growing, jittered delays, as its BatchWriteItem
 * documentation asks. A batch write answers success while leaving items
 * unwritten: in AWS when a partition is throttled, in DynamoDB Local when an
 * item waited more than 10 s for the table's single write lock (every write
 * of a table is serialised there, and on disk each one is an fsync'd SQLite
 * commit, so a pile of concurrent batches times out at its tail).
 *
 * `write` is one ElectroDB batch call, e.g.
 * `(items) => db.entities.certificate.put(items).go()`; what it reports
 * unprocessed is sent again until nothing is left or the tries run out.
 */
export async function writeAll<T>(
  write: (items: T[]) => Promise<{ unprocessed: unknown[] }>,
  items: T[],
  opts: { tries?: number; firstDelayMs?: number; maxDelayMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<void> {
  const tries = opts.tries ?? 10;
  const first = opts.firstDelayMs ?? 50;
  const max = opts.maxDelayMs ?? 5_000;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let left = items;
  for (let attempt = 1; left.length > 0; attempt++) {
    const { unprocessed } = await write(left);
    left = unprocessed as T[];
    if (!left.length) return;
    if (attempt >= tries) throw new Error(`${left.length} of ${items.length} items still unprocessed after ${tries} batch writes`);
    // "full jitter": a random wait up to a doubling ceiling, so retries of
    // batches that timed out together do not queue up together again
    await sleep(Math.random() * Math.min(max, first * 2 ** attempt));
  }
}
