/**
 * Runs tasks with the same key one after another within this process.
 * Correctness never depends on it (the conditional writes guarantee that
 * across processes); it only spares requests that would otherwise collide
 * on one item and retry, e.g. many sign-ups for one work day at once.
 */
const tails = new Map<string, Promise<unknown>>();

export async function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const before = tails.get(key) ?? Promise.resolve();
  const run = before.then(task, task);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}
