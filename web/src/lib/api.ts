import { json, query, redirect, revalidate } from "@solidjs/router";

/*
 * The HTTP machinery every domain's client (`lib/<domain>.ts`) uses: one
 * call to the API, its error, and the router queries' login and cache
 * helpers. The clients import only types from core, so a change in core
 * shows up in them as a type error.
 */

export interface Issue {
  path: string;
  message: string;
}

/**
 * An answer other than 2xx. `code` is the dotted code from the body
 * (`auth.code_invalid`), or `network` when the server could not be reached,
 * or `http.<status>` when the body was not the API's error shape.
 */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly issues: Issue[] = [],
    /** The error's other fields, e.g. `retryAfterMinutes` on a 429. */
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

function isIssue(value: unknown): value is Issue {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Issue).path === "string" &&
    typeof (value as Issue).message === "string"
  );
}

async function toError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => undefined);
  const error = (body as { error?: unknown } | undefined)?.error as
    | { code?: unknown; message?: unknown; issues?: unknown; [detail: string]: unknown }
    | undefined;
  if (error && typeof error.code === "string") {
    const details = Object.fromEntries(Object.entries(error).filter(([key]) => !["code", "message", "issues"].includes(key)));
    return new ApiError(
      res.status,
      error.code,
      typeof error.message === "string" ? error.message : error.code,
      Array.isArray(error.issues) ? error.issues.filter(isIssue) : [],
      details,
    );
  }
  return new ApiError(res.status, `http.${res.status}`, res.statusText || `HTTP ${res.status}`);
}

/**
 * One call to the API on this origin; resolves with the parsed JSON, or
 * undefined for an empty answer. A file (Blob) goes as its bytes, as
 * application/octet-stream: the API reads what it is from the content.
 */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  const file = typeof Blob !== "undefined" && body instanceof Blob;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": file ? "application/octet-stream" : "application/json" }),
      },
      body: body === undefined ? undefined : file ? body : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, "network", e instanceof Error ? e.message : "Network error");
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204 || res.status === 202) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A path segment from a value: an ID, a token, a week. */
export const esc = (value: string) => encodeURIComponent(value);

/** Counts the logins in this tab, so a 401 to a request sent before the last one can be told apart. */
let logins = 0;

/** A login just succeeded: requests sent before it were sent without the session. */
export function loggedInNow() {
  logins++;
}

/**
 * A query answered 401: the session is gone, so log in and come back here.
 * A 401 that arrives late never undoes a login: on the login screen it is
 * only an error (another query already moved there, and a redirect now
 * would cut off the code being sent), and for a request sent before the
 * login the load is tried again with the session.
 */
export async function loggedIn<T>(load: () => Promise<T>): Promise<T> {
  const before = logins;
  try {
    return await load();
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) throw e;
    if (logins !== before) return load();
    if (window.location.pathname === "/login") throw e;
    const here = window.location.pathname + window.location.search;
    throw redirect(here === "/" ? "/login" : `/login?next=${encodeURIComponent(here)}`);
  }
}

/**
 * Starts a preload and lets it be: a route's preload only begins loading what
 * its screen reads; a failure shows on the screen, which reads the same query.
 */
export function preloadQuietly(p: Promise<unknown>) {
  void p.catch(() => undefined);
}

/** An answer that means "not there yet" reads as null; anything else stays an error. */
export function orNull<T>(load: () => Promise<T>, ...codes: string[]): Promise<T | null> {
  return load().catch((e: unknown) => {
    if (e instanceof ApiError && codes.includes(e.code)) return null;
    throw e;
  });
}

/** A query's value if it has one now; undefined when nothing is cached or it is still loading. */
export function peek<T>(key: string): T | undefined {
  try {
    return query.get(key) as T | undefined;
  } catch {
    return undefined;
  }
}

/**
 * What an action ends with when the API answered with the new value of a
 * query: the value goes into the cache and onto the screen, and nothing is
 * fetched again (the router would otherwise reload every query).
 */
export function settle<T>(key: string, value: T) {
  query.set<unknown>(key, value);
  void revalidate(key, false);
  return json(value, { revalidate: [] });
}
