/**
 * Time comes from here so tests can move it: deadlines, expiry and timeouts
 * all read `Clock.now()`, never `Date.now()` directly.
 */
export namespace Clock {
  let override: (() => number) | undefined;

  export function now(): number {
    return override ? override() : Date.now();
  }

  export function iso(): string {
    return new Date(now()).toISOString();
  }

  /** Fix the clock (tests); pass undefined to return to real time. */
  export function set(fn: (() => number) | number | undefined) {
    override = typeof fn === "number" ? () => fn : fn;
  }
}
