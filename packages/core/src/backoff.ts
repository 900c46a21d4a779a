/**
 * Waits before a conflicting write tries again: "full jitter", a random
 * wait up to a ceiling that doubles with each attempt (from 5 ms, at most
 * `capMs`), so writers that collided spread out instead of colliding again.
 */
export function backoff(attempt: number, capMs = 200): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.random() * Math.min(capMs, 5 * 2 ** Math.min(attempt, 16))));
}
