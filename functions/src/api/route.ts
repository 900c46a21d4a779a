import type { Context } from "hono";
import { Hono } from "hono/tiny";
import { bodyLimit } from "hono/body-limit";
import * as z from "zod/mini";
import { assertRole, usePerson, type Role } from "@akker/core/actor";
import { VisibleError } from "@akker/core/error";
import { parse, toIssues } from "@akker/core/schema";
import { isLowercase } from "@akker/core/id";

/**
 * Who may call a route: anyone, anyone logged in, or people holding one of
 * the roles. The same declaration guards the route and documents it in the
 * OpenAPI document (`x-auth`), so the two cannot disagree.
 */
export type Access = "public" | "session" | readonly Role[];

/** Per-request values the middleware sets for handlers. */
export type Env = { Variables: { client: string; secure: boolean } };
export type App = Hono<Env>;

type Method = "get" | "post" | "put" | "patch" | "delete";

type Schema = z.core.$ZodType | undefined;

export interface RouteDef<B extends Schema, Q extends Schema, P extends Schema = undefined> {
  method: Method;
  /** Hono path, e.g. `/api/households/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: B;
  /** The body may be left out altogether; it is then parsed as `{}`. */
  bodyOptional?: true;
  /**
   * A body the handler reads itself, in other forms than one JSON schema:
   * content type → schema, for the OpenAPI document only.
   */
  rawBody?: Record<string, z.core.$ZodType>;
  query?: Q;
  /**
   * The path parameters, an object schema keyed by their names. Every
   * parameter is first held to the checks all share (length, text, IDs in
   * lowercase), then parsed with this.
   */
  params?: P;
  /** The largest body in bytes, if not `maxBody`. */
  maxBody?: number;
  /**
   * Status code → description, the schema of the JSON answer if any, and the
   * media type of a download (`text/csv`) if the answer is one.
   */
  responses: Record<number, { description: string; schema?: z.core.$ZodType; download?: string }>;
}

type Parsed<S> = S extends z.core.$ZodType ? z.output<S> : undefined;

export interface Registered {
  def: RouteDef<Schema, Schema, Schema>;
}

const registries = new WeakMap<App, Registered[]>();

/** Every route registered on an app, in order; its OpenAPI document is made from this. */
export function routesOf(app: App): Registered[] {
  return registries.get(app) ?? [];
}

/** A part of the API: registers its routes on the app. */
export type RouteGroup = (app: App) => void;

/** The sub-apps of a domain's routes, one per path prefix, and the app they are mounted on. */
const scopes = new WeakMap<App, { parent: App; subs: Map<string, App> }>();

/**
 * Adds a domain's route groups to the app, each route on the sub-app of its
 * path prefix, mounted there. A route under none of the prefixes is refused
 * as the app is made: CloudFront sends a domain only its prefixes (domains.ts).
 */
export function mount(app: App, prefixes: readonly string[], groups: readonly RouteGroup[]) {
  const scope = new Hono<Env>();
  const subs = new Map(prefixes.map((prefix) => [prefix, new Hono<Env>()]));
  scopes.set(scope, { parent: app, subs });
  for (const group of groups) group(scope);
  for (const [prefix, sub] of subs) app.route(prefix, sub);
}

/** Where a route goes: the sub-app of the longest prefix it falls under, with the path within it. */
function placeOf(app: App, path: string): { app: App; path: string; registry: App } {
  const scope = scopes.get(app);
  if (!scope) return { app, path, registry: app };
  const prefix = [...scope.subs.keys()]
    .filter((p) => path === p || path.startsWith(p + "/"))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) throw new Error(`${path} lies under none of its domain's prefixes (domains.ts)`);
  return { app: scope.subs.get(prefix)!, path: path.slice(prefix.length) || "/", registry: scope.parent };
}

function checkAccess(access: Access) {
  if (access === "public") return;
  if (access === "session") {
    usePerson();
    return;
  }
  assertRole(...access);
}

/**
 * The longest path parameter a route accepts. IDs and tokens are far
 * shorter; a longer one names nothing, and as part of a DynamoDB key it
 * would be refused by DynamoDB itself (keys stop at 1–2 kB), a 500.
 */
export const maxParamLength = 100;

function checkParams(c: Context) {
  for (const [name, value] of Object.entries(c.req.param() as Record<string, string>)) {
    const problem =
      value.length > maxParamLength
        ? `At most ${maxParamLength} characters.`
        : badText.test(value)
          ? "Text may not hold control characters or broken characters."
          : // an ID in capitals would reach the item past every comparison with its real ID (see core's ID)
          /^id$|ID$/.test(name) && !isLowercase(value)
          ? "IDs are written in lowercase."
          : undefined;
    if (problem) throw new VisibleError("input", "input.invalid", "The input is not valid.", [{ path: name, message: problem }]);
  }
}

/** Path parameters that are plain text (IDs, tokens), held only to the checks all parameters share. */
export function textParams<K extends string>(...names: K[]) {
  return z.object(Object.fromEntries(names.map((name) => [name, z.string()])) as Record<K, z.ZodMiniString<string>>);
}

/**
 * The largest body a route takes unless it says otherwise: the largest valid
 * one (an election of 40 candidates, each with a statement of 2,000
 * characters of 3 bytes) is about 270 kB. A larger one is refused with 413
 * as soon as its Content-Length tells, or once that much of a streamed body
 * has come in: never read whole into memory.
 */
export const maxBody = 512 * 1024;

function limitBody(bytes: number) {
  return bodyLimit({
    maxSize: bytes,
    onError: () => {
      throw new VisibleError("too_large", "input.too_large", `The body is larger than ${Math.round(bytes / 1024)} kB.`);
    },
  });
}

/**
 * Control characters (but tab, line feed and carriage return) and broken
 * UTF-16 (a lone surrogate, valid JSON as "\ud800"): no name, note or
 * answer holds them, DynamoDB wants valid UTF-8, and a NUL cuts a string
 * short in the tools that later read a CSV or a SEPA file.
 */
const badText = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path of the first string in a parsed body or query that holds bad
 * text, if any. A loop, not recursion: JSON nested ten thousand deep is
 * valid, and must be a 400, not a stack overflow.
 */
function badTextAt(value: unknown): string | undefined {
  type Node = { item: unknown; key?: string; parent?: Node };
  const stack: Node[] = [{ item: value }];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node.item === "string") {
      if (!badText.test(node.item)) continue;
      const path: string[] = [];
      for (let n: Node | undefined = node; n?.key !== undefined; n = n.parent) path.unshift(n.key);
      return path.join(".");
    }
    if (node.item && typeof node.item === "object")
      for (const [key, inner] of Object.entries(node.item).reverse()) stack.push({ item: inner, key, parent: node });
  }
  return undefined;
}

function checkText(value: unknown) {
  const path = badTextAt(value);
  if (path !== undefined)
    throw new VisibleError("input", "input.invalid", "The input is not valid.", [
      { path, message: "Text may not hold control characters or broken characters." },
    ]);
}

/** The 400 for input its schema refuses, with zod's issues. */
export function invalid(error: z.core.$ZodError) {
  return new VisibleError("input", "input.invalid", "The input is not valid.", toIssues(error));
}

async function readBody(c: Context, schema: z.core.$ZodType, optional: boolean) {
  const type = c.req.header("content-type") ?? "";
  const text = await c.req.text();
  if (optional && !text.trim()) return z.parse(schema, {});
  // Requiring JSON also keeps plain HTML forms on other sites from posting here.
  if (!type.toLowerCase().startsWith("application/json"))
    throw new VisibleError("input", "input.content_type", "Send the body as application/json.");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new VisibleError("input", "input.invalid", "The body is not valid JSON.", [
      { path: "", message: "Invalid JSON" },
    ]);
  }
  checkText(raw);
  return parse(schema, raw);
}

/**
 * Adds a route: access is checked first (401/403 before any 400), then the
 * path parameters' length, then the body's size (413), then the path
 * parameters, body and query are parsed with their zod schemas, then the
 * handler runs.
 */
export function route<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
  app: App,
  def: RouteDef<B, Q, P>,
  handler: (c: Context<Env>, input: { body: Parsed<B>; query: Parsed<Q>; params: Parsed<P> }) => Promise<Response> | Response,
) {
  const place = placeOf(app, def.path);
  const list = registries.get(place.registry) ?? [];
  registries.set(place.registry, list);
  list.push({ def: def as Registered["def"] });
  const checks = async (c: Context<Env>, next: () => Promise<void>) => {
    checkAccess(def.access);
    checkParams(c);
    await next();
  };
  place.app.on(def.method.toUpperCase(), place.path, checks, limitBody(def.maxBody ?? maxBody), async (c) => {
    const params = def.params ? parse(def.params, c.req.param()) : undefined;
    const body = def.body ? await readBody(c, def.body, !!def.bodyOptional) : undefined;
    let query: unknown;
    if (def.query) {
      const raw = c.req.query();
      checkText(raw);
      query = parse(def.query, raw);
    }
    return handler(c, { body: body as Parsed<B>, query: query as Parsed<Q>, params: params as Parsed<P> });
  });
}
