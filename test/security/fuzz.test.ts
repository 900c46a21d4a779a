import fc from "fast-check";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Mailing } from "@akker/core/mail/mailing";
import { withActor } from "@akker/core/actor";
import { Session } from "@akker/core/auth/session";
import { useDynamo } from "@akker/core/dynamo";
import { createID, type IDKind } from "@akker/core/id";
import { addWeeks, dateOf, weekOf } from "@akker/core/week";
import { createApp } from "../../functions/src/api/app";
import { createTestFarm, useTestTable } from "../setup/table";
import { client, makeHousehold } from "../api/helpers";

/*
 * Bad input (issue 7): every route in the OpenAPI document is called with
 * values made from its own schema and with values well beyond it, as a
 * person holding every role and without a session. Whatever comes in, the
 * answer is never a 5xx, a refusal is a JSON error with a code, and a
 * refused request leaves the table as it was, apart from the bookkeeping
 * named in `bookkeeping` below.
 *
 * The routes come from /api/openapi.json, so a new route is fuzzed without
 * touching this file. Runs are seeded: a failure prints the seed, and
 * FUZZ_SEED=<seed> repeats the run. FUZZ_RUNS=<n> multiplies the number of
 * cases per route for a longer hunt; FUZZ_VERBOSE=1 prints the answers per
 * route. What it found is written out case by case in bad-input.test.ts.
 */

const seed = Number(process.env.FUZZ_SEED ?? 7_2025);
const scale = Number(process.env.FUZZ_RUNS ?? 1);
const runsWithInput = Math.max(1, Math.round(70 * scale));
const runsWithout = Math.max(1, Math.round(25 * scale));

// ---------------------------------------------------------------------------
// The routes, from the OpenAPI document

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
}

interface Operation {
  method: string;
  /** OpenAPI template, e.g. `/api/households/{id}`. */
  path: string;
  params: string[];
  query: Record<string, Schema>;
  body?: Schema;
}

interface OpenAPIParameter {
  name: string;
  in: string;
  schema: Schema;
}
interface OpenAPIOperation {
  parameters?: OpenAPIParameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

function operations(doc: { paths: Record<string, Record<string, OpenAPIOperation>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name),
      query: Object.fromEntries((op.parameters ?? []).filter((p) => p.in === "query").map((p) => [p.name, p.schema])),
      body: op.requestBody?.content["application/json"]?.schema,
    })),
  );
}

// Building the app touches no table; the document is read before the tests are declared.
const app = createApp({ stage: "local" });
const ops = operations((await (await app.request("/api/openapi.json")).json()) as Parameters<typeof operations>[0]);

// ---------------------------------------------------------------------------
// Values the fuzzer knows: real IDs and tokens, so valid bodies get past "not found"

const known = {
  /** Every prefixed ID seen in a fixture or a 2xx answer. */
  ids: new Set<string>(),
  /** Real values per path-parameter name (`week`, `year`, `file`, `token` …). */
  params: new Map<string, Set<string>>(),
  /** Path parameters that got a 2xx, per route and parameter: the fuzzer goes back to what works. */
  hits: new Map<string, Set<string>>(),
  emails: new Set<string>(),
};
const idPattern = /^[a-z]{2,4}_[0-9a-z]{26}$/;

function remember(map: Map<string, Set<string>>, key: string, value: string) {
  const set = map.get(key) ?? new Set();
  set.add(value);
  map.set(key, set);
}

/** Collects the IDs and tokens in an answer, so later cases can point at things that exist. */
function learn(value: unknown, depth = 0) {
  if (depth > 8) return;
  if (typeof value === "string") {
    if (idPattern.test(value)) known.ids.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value.slice(0, 50)) learn(v, depth + 1);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === "string" && /token$/i.test(k)) remember(known.params, "token", v);
      learn(v, depth + 1);
    }
  }
}

/** The kinds of ID and their prefixes, to tell which known IDs fit `toHouseholdID` or `/workdays/{id}`. */
const kinds: IDKind[] = ["household", "person", "workday", "hours", "election", "payment", "application", "poll", "message", "news"];
const prefixes = new Map(kinds.map((k) => [k, `${createID(k).split("_")[0]}_`]));
const aliases: Record<string, IDKind> = { present: "person", onBehalfOf: "household" };

function kindIn(...words: string[]): IDKind | undefined {
  for (const word of words) {
    if (aliases[word]) return aliases[word];
    const found = kinds.find((k) => word.toLowerCase().includes(k));
    if (found) return found;
  }
  return undefined;
}

const idsOf = (kind: IDKind | undefined) =>
  kind ? [...known.ids].filter((id) => id.startsWith(prefixes.get(kind)!)) : [];

/** One value from one of the lists, chosen when the case is made: the lists grow during the run. */
function pick(lists: () => Iterable<string>[], fallback: string) {
  return fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => {
    const full = lists().map((l) => [...l]).filter((l) => l.length);
    const list = full[a % Math.max(1, full.length)];
    return list ? list[b % list.length]! : fallback;
  });
}

const knownID = pick(() => [known.ids], "hh_00000000000000000000000000");
const idFor = (name: string) => pick(() => [idsOf(kindIn(name)), known.ids], "hh_00000000000000000000000000");

/** A real value for a path parameter: one that worked before, an ID of the kind the path names, any known one. */
function knownParam(op: Operation, name: string) {
  const before = op.path.split(`/{${name}}`)[0]!.split("/").pop()!;
  const kind = kindIn(name, before);
  return pick(
    () => [
      known.hits.get(`${op.method} ${op.path} ${name}`) ?? [],
      idsOf(kind),
      known.params.get(name) ?? [],
      name === "id" || /ID$/.test(name) ? known.ids : [],
    ],
    "x",
  );
}

// ---------------------------------------------------------------------------
// Values from a schema (the subset of JSON Schema the document uses)

const day = 24 * 3600 * 1000;
// mostly the past: payments and hours are refused for dates to come
const nearInstant = fc.integer({ min: -400, max: 60 }).map((d) => Date.now() + d * day);
const isoInstant = fc.oneof(
  nearInstant.map((t) => new Date(Math.floor(t / 60_000) * 60_000).toISOString()),
  nearInstant.map((t) => new Date(t).toISOString().replace("Z", "+02:00")),
);
const isoDate = nearInstant.map((t) => dateOf(t));
const ibans = ["NL91ABNA0417164300", "NL20INGB0001234567", "DE89370400440532013000", "BE68539007547034", "FR1420041010050500013M02606"];
const email = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), fc.constantFrom("example.nl", "voorbeeld.org")).map(([l, d]) => `${l}@${d}`) },
  { weight: 1, arbitrary: fc.emailAddress() },
  { weight: 1, arbitrary: pick(() => [known.emails], "a@example.nl") },
);

/** Strings a field of this name would hold, when its schema alone cannot tell (formats checked in code). */
function hinted(name: string): fc.Arbitrary<string> | undefined {
  if (/email|^to$/i.test(name)) return email;
  if (/^date$|On$|Date$/.test(name)) return isoDate;
  if (/iban/i.test(name)) return fc.constantFrom(...ibans);
  if (/^bic$/i.test(name)) return fc.constantFrom("ABNANL2A", "RABONL2U", "INGBNL2A");
  if (/ID$/.test(name) || aliases[name]) return idFor(name);
  if (/^token$/.test(name)) return pick(() => [known.params.get("token") ?? []], "x".repeat(43));
  if (/^(season|year)$/.test(name)) return fc.integer({ min: 2024, max: 2027 }).map(String);
  return undefined;
}

function validString(s: Schema, name: string): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 300;
  const fits = (v: string) => v.length >= min && v.length <= max;
  const options: fc.Arbitrary<string>[] = [];
  // a pattern or format says more than the name (mandateID is no ID of ours)
  const hint = s.pattern || s.format ? undefined : hinted(name);
  if (s.format === "date-time") options.push(isoInstant);
  else if (s.format === "date") options.push(isoDate);
  if (s.pattern) options.push(fc.stringMatching(new RegExp(s.pattern)).filter(fits));
  if (!options.length) {
    const upTo = Math.min(max, min + 24);
    options.push(
      fc.string({ minLength: min, maxLength: upTo }),
      fc.string({ minLength: min, maxLength: upTo, unit: "grapheme" }).filter(fits),
      fc.constant("x".repeat(max)),
    );
  }
  const plain = fc.oneof(...options);
  return hint ? fc.oneof({ weight: 6, arbitrary: hint.filter(fits) }, { weight: 1, arbitrary: plain }) : plain;
}

function validNumber(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum : -1e6);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum : 1e6);
  const inside = (n: number) =>
    (s.exclusiveMinimum === undefined || n > s.exclusiveMinimum) && (s.exclusiveMaximum === undefined || n < s.exclusiveMaximum);
  if (s.multipleOf) {
    const step = s.multipleOf;
    return fc.integer({ min: Math.ceil(lo / step), max: Math.floor(hi / step) }).map((k) => k * step).filter(inside);
  }
  if (integer) return fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }).filter(inside);
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }).filter(inside);
}

/** Times one after another (start, end): a later field before an earlier one is refused by most rules. */
function inOrder(value: Record<string, unknown>, keys: string[], hours: number) {
  const present = keys.filter((k) => typeof value[k] === "string");
  if (!hours || present.length < 2) return value;
  const first = Date.parse(value[present[0]!] as string);
  if (Number.isNaN(first)) return value;
  return { ...value, ...Object.fromEntries(present.map((k, i) => [k, new Date(first + i * hours * 3600_000).toISOString()])) };
}

/** Any value the schema allows (ignoring rules it cannot express, which zod checks). */
function valid(s: Schema, name = ""): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => valid(a, name)));
  if (s.nullable) return fc.option(valid({ ...s, nullable: false }, name), { nil: null });
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => valid({ ...s, type }, name)));
  switch (types[0]) {
    case "object": {
      const props = s.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, p]) => [k, valid(p, k)]));
      const required = (s.required ?? []).filter((k) => k in props);
      const optional = Object.keys(props).filter((k) => !required.includes(k));
      const full = fc.record(model, { requiredKeys: required });
      // the required fields and one more: gets past "give either this or that" rules
      const lean = optional.length
        ? fc.constantFrom(...optional).chain((k) =>
            fc.record(Object.fromEntries([...required, k].map((key) => [key, model[key]!])), { requiredKeys: [...required, k] }),
          )
        : full;
      const instants = Object.keys(props).filter((k) => props[k]!.format === "date-time");
      return fc.tuple(fc.oneof(full, lean), fc.nat({ max: 2 }), fc.integer({ min: 1, max: 30 })).map(([o, keep, hours]) => inOrder(o, instants, keep ? hours : 0));
    }
    case "array": {
      const minLength = s.minItems ?? 0;
      const maxLength = Math.min(s.maxItems ?? 4, minLength + 4);
      return fc.array(valid(s.items ?? {}, name), { minLength, maxLength });
    }
    case "string":
      return validString(s, name);
    case "integer":
      return validNumber(s, true);
    case "number":
      return validNumber(s, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// ---------------------------------------------------------------------------
// Values beyond the schema

/** JSON text put into a body as it is: numbers JSON.stringify cannot write, deep nesting. */
class Raw {
  constructor(readonly text: string) {}
}

/** JSON text of a value, writing Raw parts verbatim (and `__proto__` as an ordinary key). */
function toJSON(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJSON).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJSON(v)}`).join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

const depth = 10_000;
const deepArray = new Raw("[".repeat(depth) + "]".repeat(depth));
const deepObject = new Raw('{"a":'.repeat(depth) + "1" + "}".repeat(depth));
const hugeStrings = [
  "a".repeat(100_001),
  "😀".repeat(50_001), // astral: 100 002 UTF-16 units
  "\u202Eevil\u202C".repeat(16_667), // right-to-left override
  "\u0000".repeat(100_001),
  "é".repeat(100_001),
];
const oddNumbers = ["1e309", "-1e309", "-0", "1e-400", "123456789012345678901234567890", "-9007199254740993", "0.1e1", "1E2", "4.9e-324"].map(
  (t) => new Raw(t),
);
const oddStrings = [
  "",
  " ",
  "\u0000",
  "\uD800", // lone surrogates: JSON.stringify writes them as \ud800 escapes
  "\uDFFF",
  "a\uD83Db",
  "\u202Eabc",
  "\uFEFF",
  "\u200B",
  "𝕳𝖊𝖑𝖑𝖔",
  "NaN",
  "Infinity",
  "1e309",
  "-0",
  "null",
  "undefined",
  "true",
  "__proto__",
  "../../etc/passwd",
  "%00",
  "$akker#farm",
  "#",
  "<script>alert(1)</script>",
  "' OR '1'='1",
  "${7*7}",
  "\r\n",
];

/** Values of any type, chosen to hurt. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, [], {}, ...oddStrings),
  fc.constantFrom(...hugeStrings),
  fc.constantFrom(...oddNumbers),
  fc.constantFrom(deepArray, deepObject),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.double(),
);

/** Values that break one rule of the schema: a bound, a type, the enum, the pattern. */
function wrong(s: Schema, name: string): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [nasty];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (s.enum) options.push(fc.constantFrom(...s.enum.map((v) => String(v).toUpperCase() + " "), "not-one-of-them"));
  if (type === "string") {
    options.push(fc.constantFrom(1, true, ["x"], { x: 1 }));
    if (s.maxLength !== undefined) options.push(fc.constant("x".repeat(s.maxLength + 1)), fc.constant("😀".repeat(s.maxLength)));
    if (s.minLength) options.push(fc.constant("x".repeat(s.minLength - 1)), fc.constant(" ".repeat(s.minLength)));
    if (s.pattern || s.format) options.push(fc.string({ maxLength: 30 }), fc.constantFrom("2025-02-30", "2025-13-01T25:61:00Z", "0000-00-00"));
    // a real ID in another spelling: keys are stored lowercased
    if (/ID$/.test(name) || aliases[name]) options.push(idFor(name).map((id) => id.toUpperCase()), idFor(name).map((id) => ` ${id}\u212A`));
  }
  if (type === "integer" || type === "number") {
    options.push(fc.constantFrom("1", "1.5", [1], { n: 1 }, ...oddNumbers));
    if (s.minimum !== undefined) options.push(fc.constantFrom(s.minimum - 1, s.minimum - 0.5, -Number.MAX_VALUE));
    if (s.maximum !== undefined) options.push(fc.constantFrom(s.maximum + 1, s.maximum + 0.5, Number.MAX_VALUE));
    if (type === "integer") options.push(fc.constantFrom(0.5, 1.0000001, 2 ** 53 + 2));
    if (s.multipleOf) options.push(fc.constant((s.minimum ?? 0) + s.multipleOf / 3));
  }
  if (type === "boolean") options.push(fc.constantFrom("true", "false", 1, 0));
  if (type === "array") {
    options.push(fc.constantFrom("[]", {}, 1));
    if (s.maxItems !== undefined) options.push(valid(s.items ?? {}, name).map((v) => Array.from({ length: s.maxItems! + 1 }, () => v)));
    options.push(fc.array(wrong(s.items ?? {}, name), { minLength: 1, maxLength: 3 }));
  }
  if (type === "object") options.push(beyondValue(s));
  return fc.oneof(...options);
}

/** An object like the schema's with one part broken: a field wrong, a required one missing, or extra ones. */
function beyondValue(s: Schema): fc.Arbitrary<unknown> {
  const props = Object.entries(s.properties ?? {});
  const options: fc.Arbitrary<unknown>[] = [nasty];
  if (props.length) {
    const one = fc.constantFrom(...props);
    options.push(
      fc.tuple(valid(s), one).chain(([base, [k, p]]) =>
        wrong(p, k).map((w) => Object.fromEntries([...Object.entries(base as object), [k, w]])),
      ),
    );
  }
  if (s.required?.length)
    options.push(
      fc.tuple(valid(s), fc.constantFrom(...s.required)).map(([base, k]) =>
        Object.fromEntries(Object.entries(base as object).filter(([key]) => key !== k)),
      ),
    );
  options.push(
    fc
      .tuple(
        valid(s),
        fc.array(fc.tuple(fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "id", "farmID", "pk", ""), fc.string()), nasty), {
          minLength: 1,
          maxLength: 3,
        }),
      )
      .map(([base, extra]) => Object.fromEntries([...Object.entries(base as object), ...extra])),
  );
  return fc.oneof(...options);
}

const invalidJSON = [
  "",
  " ",
  "{",
  "}",
  '{"a":}',
  "[1,]",
  "{'a':1}",
  "NaN",
  "undefined",
  "\uFEFF{}",
  "{}{}",
  '{"a":1} trailing',
  '{"a":"\\ud800"}',
  '{"a":"\\x00"}',
  '"\\u12"',
  "\u0000",
  "[".repeat(depth),
];

/** A body as sent: text (or raw bytes) and its content type. */
interface Body {
  data?: string | Uint8Array;
  type?: string;
}

const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant("application/json") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      undefined,
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=utf-16",
      "APPLICATION/JSON",
      "text/csv",
      "application/xml",
      "",
    ),
  },
);

function body(s: Schema | undefined): fc.Arbitrary<Body> {
  const beyond = fc.oneof(
    fc.constant<Body>({}), // no body at all
    fc.constantFrom(...invalidJSON).map((data) => ({ data })),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((data) => ({ data })), // not even UTF-8
    (s ? beyondValue(s) : nasty).map((v) => ({ data: toJSON(v) })),
    (s ? valid(s) : fc.jsonValue()).map((v) => ({ data: toJSON(v).slice(0, -1) })), // cut short
  );
  const within = s ? valid(s).map((v) => ({ data: toJSON(v) })) : fc.constant<Body>({});
  return fc
    .tuple(fc.oneof({ weight: s ? 2 : 3, arbitrary: within }, { weight: 3, arbitrary: beyond }), contentType)
    .map(([b, type]) => ({ ...b, type }));
}

// Path parameters and query strings

const garbageSegment = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom(
    "%00",
    "%ED%A0%80", // a lone surrogate, UTF-8 encoded
    "%FF%FE",
    "%",
    "%zz",
    "%2F",
    "..",
    "%2e%2e",
    "%20",
    "a%23b",
    "%24akker%23farm",
    "null",
    "0",
    "-1",
    "1e309",
    "NaN",
    "1999",
    "99999",
    "2025-W00",
    "2025-W54",
    "2025-13.xml",
    "0000-00.json",
    "2025-1.json",
    ".ics",
    "x.ics",
    "__proto__",
    "constructor",
  ),
  fc.integer({ min: 1025, max: 4000 }).map((n) => "a".repeat(n)), // beyond DynamoDB's key sizes
  fc.constant("x".repeat(100_000)),
  knownID.map((id) => id.toUpperCase()),
  fc.tuple(knownID, fc.constantFrom("#", "%23", " ", "%0A", "x")).map(([id, tail]) => id + tail),
);

function param(op: Operation, name: string) {
  return fc.oneof({ weight: 3, arbitrary: knownParam(op, name) }, { weight: 2, arbitrary: garbageSegment });
}

function query(schemas: Record<string, Schema>): fc.Arbitrary<string> {
  const names = Object.keys(schemas);
  const encode = (entries: [string, unknown][]) => {
    const text = new URLSearchParams(entries.map(([k, v]): [string, string] => [k, typeof v === "string" ? v : toJSON(v)])).toString();
    return text ? `?${text}` : "";
  };
  const validQuery = names.length
    ? fc.record(Object.fromEntries(names.map((n) => [n, valid(schemas[n]!, n)])), { requiredKeys: [] }).map((q) => encode(Object.entries(q)))
    : fc.constant("");
  const anyName = names.length ? fc.oneof(fc.constantFrom(...names), fc.string()) : fc.string();
  const beyond = fc.oneof(
    fc.array(fc.tuple(anyName, fc.oneof(nasty, ...names.map((n) => wrong(schemas[n]!, n)))), { minLength: 1, maxLength: 3 }).map(encode),
    fc.constantFrom("?%zz=%zz", "?=", "?&&&", "?year", "?season=%00", `?year=${"9".repeat(400)}`, "?year=2025&year=abc", "?all=true&all=1"),
  );
  return fc.oneof({ weight: 2, arbitrary: validQuery }, { weight: 2, arbitrary: beyond });
}

// One request

type Caller = "roles" | "anonymous" | "forged";

interface Case {
  caller: Caller;
  params: Record<string, string>;
  query: string;
  body: Body;
  ip: number;
  forgedToken: string;
}

const short = (v: unknown) => {
  const text = typeof v === "string" ? v : v instanceof Uint8Array ? `bytes[${v.length}]` : String(v);
  return text.length > 160 ? `${JSON.stringify(text.slice(0, 120))}…(${text.length} chars)` : JSON.stringify(text);
};

function describeCase(op: Operation, c: Case) {
  const params = Object.entries(c.params).map(([k, v]) => `${k}=${short(v)}`);
  return `${op.method} ${op.path} caller=${c.caller} ${params.join(" ")} query=${short(c.query)} content-type=${c.body.type} body=${short(c.body.data)}`;
}

function cases(op: Operation, bodies = op.method === "GET" ? fc.constant<Body>({}) : body(op.body)): fc.Arbitrary<Case> {
  const caller = fc.oneof(
    { weight: 8, arbitrary: fc.constant<Caller>("roles") },
    { weight: 2, arbitrary: fc.constant<Caller>("anonymous") },
    { weight: 1, arbitrary: fc.constant<Caller>("forged") },
  );
  const forgedToken = fc.oneof(fc.string({ unit: "binary-ascii", maxLength: 60 }), fc.constant("t".repeat(5000)));
  return fc
    .record({
      caller,
      params: fc.record(Object.fromEntries(op.params.map((p) => [p, param(op, p)]))),
      query: query(op.query),
      body: bodies,
      ip: fc.integer({ min: 1, max: 250 }),
      forgedToken: forgedToken.map((t) => t.replace(/[^\x21-\x7e]/g, "").replace(/[;,]/g, "")),
    })
    .map((c) => Object.assign(c, { [fc.toStringMethod]: () => describeCase(op, c) }));
}

// ---------------------------------------------------------------------------
// Writes: which items each request wrote, and what the table holds

/** `["pk","sk"]` of an item: user data in keys may hold any character. */
type Key = string;
const written: Key[] = [];

function keyOf(item: Record<string, unknown> | undefined): Key {
  const str = (v: unknown) => (typeof v === "string" ? v : ((v as { S?: string } | undefined)?.S ?? "?"));
  return JSON.stringify([str(item?.pk), str(item?.sk)]);
}

type WriteInput = {
  Item?: Record<string, unknown>;
  Key?: Record<string, unknown>;
  TransactItems?: { Put?: { Item: Record<string, unknown> }; Update?: { Key: Record<string, unknown> }; Delete?: { Key: Record<string, unknown> } }[];
  RequestItems?: Record<string, { PutRequest?: { Item: Record<string, unknown> }; DeleteRequest?: { Key: Record<string, unknown> } }[]>;
};

function keysWritten(command: string, input: WriteInput): Key[] {
  if (/^Put(Item)?Command$/.test(command)) return [keyOf(input.Item)];
  if (/^(Update|Delete)(Item)?Command$/.test(command)) return [keyOf(input.Key)];
  if (/^TransactWrite(Items)?Command$/.test(command))
    return (input.TransactItems ?? []).flatMap((t) =>
      t.Put ? [keyOf(t.Put.Item)] : t.Update ? [keyOf(t.Update.Key)] : t.Delete ? [keyOf(t.Delete.Key)] : [],
    );
  if (/^BatchWrite(Item)?Command$/.test(command))
    return Object.values(input.RequestItems ?? {})
      .flat()
      .map((r) => keyOf(r.PutRequest?.Item ?? r.DeleteRequest?.Key));
  return [];
}

/** Records every write that DynamoDB accepted (a failed condition writes nothing). */
function recordWrites() {
  useDynamo().client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      written.push(...keysWritten(context.commandName ?? "", args.input as WriteInput));
      return out;
    },
    { step: "initialize", name: "fuzzRecordWrites" },
  );
}

async function snapshot() {
  const { client: db, table } = useDynamo();
  const items = new Map<Key, string>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) items.set(keyOf(item), JSON.stringify(item));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * Items a refused request may write, by the entity that starts their sort
 * key: a rate limit counts refused tries too ($ratelimit_1, e.g. an
 * application that the rules refuse), a wrong login code counts an attempt
 * ($logincode_1, 401), and a session's last-seen time is refreshed by any
 * request after an hour ($session_1). Nothing else, not even an audit entry.
 */
const bookkeeping = /^\$(ratelimit|logincode|session)_1(#|$)/;
const isBookkeeping = (key: Key) => bookkeeping.test((JSON.parse(key) as string[])[1]!);

// ---------------------------------------------------------------------------
// The run

let farmID: string;
let personID: string;
let token = "";
const stats = { requests: 0, byStatus: new Map<number, number>(), byRoute: new Map<string, Map<number, number>>(), started: 0 };
const count = (map: Map<number, number>, status: number) => map.set(status, (map.get(status) ?? 0) + 1);
const histogram = (map: Map<number, number>) => [...map].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ");

async function openSession() {
  token = await withActor({ type: "system", farmID }, () => Session.open(personID));
}

async function send(op: Operation, c: Case) {
  const url =
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => c.params[name] ?? "x") + c.query;
  const headers: Record<string, string> = { "x-forwarded-for": `10.77.0.${c.ip}` };
  if (c.body.type !== undefined) headers["content-type"] = c.body.type;
  if (c.caller === "roles") headers.cookie = `akker_session=${token}`;
  if (c.caller === "forged") headers.cookie = `akker_session=${c.forgedToken}`;
  written.length = 0;
  const res = await app.request(url, {
    method: op.method,
    headers,
    body: op.method === "GET" || c.body.data === undefined ? undefined : c.body.data,
  });
  const text = await res.text();
  // what a request mails after its answer (mail/mailing.ts) is its own write
  await Mailing.settled();
  stats.requests++;
  count(stats.byStatus, res.status);
  const route = `${op.method} ${op.path}`;
  count(stats.byRoute.get(route) ?? stats.byRoute.set(route, new Map()).get(route)!, res.status);
  // the fuzzer logged itself out: back in, without the rate-limited code mail
  if (c.caller === "roles" && /akker_session=;/.test(res.headers.get("set-cookie") ?? "")) await openSession();
  return { status: res.status, type: res.headers.get("content-type") ?? "", text, writes: [...written] };
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

beforeAll(async () => {
  await useTestTable();
  recordWrites();
  farmID = await createTestFarm();
  process.env.DEFAULT_FARM_ID = farmID;
  const own = await makeHousehold(farmID, {
    name: "Fuzz",
    email: "fuzz@example.nl",
    roles: ["farmer", "coordinator", "board", "treasurer"],
  });
  const other = await makeHousehold(farmID, { name: "Ander", email: "ander@example.nl", adults: 1 });
  personID = own.person.id;
  await openSession();
  known.emails.add("fuzz@example.nl").add("ander@example.nl");
  for (const id of [own.household.id, other.household.id, own.person.id, other.person.id]) known.ids.add(id);

  // One of each thing a path can name, made through the API as a user would.
  const me = client(app, { ip: "10.77.1.1" });
  me.cookie = `akker_session=${token}`;
  const ok = async (res: Promise<{ status: number; body: unknown }>) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`fixture: ${r.status} ${JSON.stringify(r.body)}`);
    learn(r.body);
    return r.body as Record<string, any>;
  };
  const now = Date.now();
  const today = dateOf(now);
  const year = today.slice(0, 4);
  const week = addWeeks(weekOf(now), 2);
  await ok(me.post("/api/workdays", { title: "Wieden", task: "weeding", start: new Date(now + 2 * day).toISOString(), end: new Date(now + 2 * day + 3 * 3600_000).toISOString(), capacity: 5 }));
  await ok(me.post("/api/elections", { kind: "motion", title: "Motie", opensAt: new Date(now + day).toISOString(), closesAt: new Date(now + 8 * day).toISOString() }));
  await ok(me.post("/api/documents", { title: "Statuten", category: "statutes" }));
  await ok(me.post("/api/assemblies", { title: "ALV", startsAt: new Date(now + 9 * day).toISOString(), place: "De schuur" }));
  await ok(me.post("/api/news", { title: "Nieuws", text: "De prei staat erbij.\nhttps://example.nl" }));
  await ok(me.post("/api/polls", { kind: "rating", title: "Teeltenquête", options: [{ label: "Prei" }, { label: "Kool" }] }));
  await ok(me.post("/api/messages", { audience: { kind: "members" }, subject: "Aan iedereen", text: "Hallo." }));
  await ok(me.put(`/api/harvests/${week}`, { items: [{ crop: "Prei", unit: "kg", quantity: 10 }] }));
  await ok(me.put(`/api/seasons/${year}`, { budgetCents: 10_000_000, weeks: 50 }));
  await ok(me.post("/api/payments", { householdID: own.household.id, amountCents: 1000, date: today, reference: "fuzz-1" }));
  await ok(me.post("/api/me/hours", { date: today, hours: 2, task: "weeding" }));
  await ok(me.put(`/api/households/${own.household.id}/mandate`, { iban: ibans[0], accountHolder: "Fuzz", signedOn: today }));
  await ok(me.post("/api/applications", { name: "Wachter", email: "wachter@example.nl", adults: 2 }));
  const calendar = await ok(me.get("/api/me/calendar"));
  remember(known.params, "file", String(calendar.url).split("/").pop()!);
  remember(known.params, "file", `${year}-01.json`);
  remember(known.params, "file", `${year}-01.xml`);
  remember(known.params, "week", week);
  remember(known.params, "week", weekOf(now));
  remember(known.params, "year", year);
  remember(known.params, "year", String(Number(year) + 1));
  stats.started = performance.now();
});

afterAll(() => {
  const seconds = ((performance.now() - stats.started) / 1000).toFixed(1);
  console.log(`fuzz: ${stats.byRoute.size} routes, ${stats.requests} requests in ${seconds} s (seed ${seed}); ${histogram(stats.byStatus)}`);
  // FUZZ_VERBOSE=1: how deep each route got (a route that never answers 2xx is fuzzed at its door only)
  if (process.env.FUZZ_VERBOSE) for (const [route, map] of stats.byRoute) console.log(`  ${route}: ${histogram(map)}`);
});

/** A stable per-route seed: adding a route does not change the cases of the others. */
function seedFor(op: Operation) {
  let h = seed;
  for (const ch of `${op.method} ${op.path}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/** Runs the cases against one route and checks every answer, and the table after them all. */
async function fuzz(op: Operation, arbitrary: fc.Arbitrary<Case>, numRuns: number) {
  const before = await snapshot();
  const accepted = new Set<Key>(); // written by requests that succeeded
  const all = new Set<Key>();
  await fc
    .assert(
      fc.asyncProperty(arbitrary, async (c) => {
        const res = await send(op, c);
        for (const k of res.writes) all.add(k);
        if (res.status >= 500) throw new Error(`${res.status}: ${res.text.slice(0, 300)}`);
        if (res.status < 400) {
          for (const k of res.writes) accepted.add(k);
          for (const [name, value] of Object.entries(c.params)) remember(known.hits, `${op.method} ${op.path} ${name}`, value);
          if (res.type.startsWith("application/json")) learn(jsonOf(res.text));
          return;
        }
        const error = (jsonOf(res.text) as { error?: { code?: unknown } } | undefined)?.error;
        if (!res.type.startsWith("application/json") || typeof error?.code !== "string" || !error.code)
          throw new Error(`${res.status} without a JSON error code: ${res.type} ${res.text.slice(0, 300)}`);
        const partial = res.writes.filter((k) => !isBookkeeping(k));
        if (partial.length) throw new Error(`${res.status} ${error.code}, yet wrote ${partial.join(", ")}`);
      }),
      { seed: seedFor(op), numRuns, endOnFailure: true },
    )
    .catch((e: Error) => {
      const cause = e.cause instanceof Error ? `\n${e.cause.message}` : "";
      throw new Error(`${e.message}${cause}\n\nRepeat with FUZZ_SEED=${seed}`);
    });

  // The table agrees: whatever changed was written by an accepted request, or is bookkeeping.
  const after = await snapshot();
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
  expect(changed.filter((k) => !all.has(k)), "changes no request wrote (the write log misses a path)").toEqual([]);
  expect(changed.filter((k) => !accepted.has(k) && !isBookkeeping(k)), "changes by refused requests").toEqual([]);
}

/**
 * A bank statement for the payment import, whose text body the document
 * cannot describe: lines that read, lines that do not, and lines that read
 * but break a rule further on (an amount beyond what one payment may be).
 */
const statement: fc.Arbitrary<Body> = (() => {
  const join = (fields: string[]) => fields.join(";");
  const readable = fc
    .tuple(
      fc.oneof(isoDate, isoDate.map((d) => d.split("-").reverse().join("-"))),
      fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 1, max: 99_999 }).map((c) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, "0")}`) },
        { weight: 1, arbitrary: fc.constantFrom("1.043,50", "-5,00", "0,00", "€ 12,00", "2.000.000,00", "999.999.999,99") },
      ),
      fc.oneof(fc.stringMatching(/^[A-Za-z0-9 ]{1,30}$/).filter((r) => r.trim() !== ""), fc.constant('"Bijdrage; ""maart"""')),
      fc.oneof(idFor("householdID"), fc.constantFrom(...ibans)),
    )
    .map(join);
  const unreadable = fc
    .tuple(
      fc.oneof(isoDate, fc.constantFrom("2027-02-30", "31/12/1999", "0000-01-01", "")),
      fc.constantFrom("1e309", "NaN", "12,345", "", "12,00"),
      fc.oneof(fc.string({ maxLength: 30 }), fc.constant("x".repeat(141))),
      fc.oneof(idFor("householdID").map((id) => id.toUpperCase()), fc.string({ maxLength: 12 })),
    )
    .map(join);
  const line = fc.oneof({ weight: 6, arbitrary: readable }, { weight: 1, arbitrary: unreadable });
  return fc
    .tuple(
      fc.array(line, { minLength: 1, maxLength: 8 }),
      fc.constantFrom("\n", "\r\n"),
      fc.constantFrom("", "datum;bedrag;omschrijving;rekening", "\uFEFFdatum;bedrag;omschrijving;rekening"),
      fc.nat({ max: 9 }),
    )
    .map(([lines, eol, header, one]) => {
      // now and then beyond the import's 1 MB
      const csv = [header, ...lines, one ? "" : "x".repeat(1_100_000)].filter(Boolean).join(eol);
      return { data: JSON.stringify({ csv }), type: "application/json" };
    });
})();

describe("every route survives bad input", () => {
  it("the document lists the routes", () => {
    expect(ops.length).toBeGreaterThan(50);
  });

  for (const op of ops)
    it(`${op.method} ${op.path}`, () => fuzz(op, cases(op), op.body || Object.keys(op.query).length ? runsWithInput : runsWithout));

  it("POST /api/payments/import with bank statements", () => {
    const op = ops.find((o) => o.method === "POST" && o.path === "/api/payments/import");
    expect(op, "the import route").toBeDefined();
    return fuzz(op!, cases(op!, statement).map((c) => Object.assign(c, { caller: "roles" as const })), runsWithInput);
  });
});
