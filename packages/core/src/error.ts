/**
 * The one error type the API shows to people. Anything else that escapes a
 * handler is logged and answered with a bare 500, never with its details.
 */
export type ErrorKind =
  | "input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "rate_limited";

export const statusOf: Record<ErrorKind, 400 | 401 | 403 | 404 | 409 | 413 | 429> = {
  input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** A body over the route's limit, refused before it is read whole. */
  too_large: 413,
  rate_limited: 429,
};

export interface Issue {
  path: string;
  message: string;
}

export class VisibleError extends Error {
  constructor(
    public readonly kind: ErrorKind,
    public readonly code: string,
    message: string,
    public readonly issues?: Issue[],
    /** Extra fields for the answer's `error` object, e.g. the first date something becomes possible. */
    public readonly details?: Record<string, string | number | boolean | null>,
  ) {
    super(message);
    this.name = "VisibleError";
  }

  get status() {
    return statusOf[this.kind];
  }
}
