import { createApp } from "../../functions/src/api/app";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { createTestFarm, useTestTable } from "../setup/table";
import { Household } from "@akker/core/household/household";
import { Person } from "@akker/core/person/person";
import type { Role } from "@akker/core/actor";
import { checkAnswer } from "./contract";
import { useDB } from "@akker/core/entities";
import { LedgerBatch } from "@akker/core/contribution/ledger-batch";

export type TestApp = ReturnType<typeof createApp>;

/** A client for one person: keeps the session cookie like a browser would. */
export function client(app: TestApp, opts: { ip?: string } = {}) {
  let cookie = "";
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.request(path, {
      method,
      headers: {
        // as a browser does on every request that is not a GET, also to its own origin
        ...(method !== "GET" ? { origin: "http://localhost" } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(cookie ? { cookie } : {}),
        "x-forwarded-for": opts.ip ?? "10.0.0.1",
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const set = res.headers.get("set-cookie");
    if (set) {
      const pair = set.split(";")[0]!;
      cookie = pair.endsWith("=") ? "" : pair;
    }
    const text = await res.text();
    let json: any = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    checkAnswer(app, method, path, res, json);
    return { status: res.status, body: json, headers: res.headers };
  };
  return {
    get: (path: string) => call("GET", path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => call("POST", path, body, headers),
    patch: (path: string, body?: unknown) => call("PATCH", path, body),
    put: (path: string, body?: unknown) => call("PUT", path, body),
    delete: (path: string) => call("DELETE", path),
    get cookie() {
      return cookie;
    },
    set cookie(v: string) {
      cookie = v;
    },
  };
}

/** The latest login code mailed to an address, read from the outbox like a person reads mail. */
export async function codeFrom(app: TestApp, email: string) {
  const res = await app.request(`/api/dev/outbox?to=${encodeURIComponent(email)}`);
  const { messages } = (await res.json()) as { messages: { text: string }[] };
  const match = messages[0]?.text.match(/\b(\d{6})\b/);
  if (!match) throw new Error(`no code mailed to ${email}`);
  return match[1]!;
}

export async function login(app: TestApp, email: string, ip?: string) {
  const c = client(app, { ip });
  const asked = await c.post("/api/auth/code", { email });
  if (asked.status !== 202) throw new Error(`code request: ${asked.status}`);
  const verified = await c.post("/api/auth/verify", { email, code: await codeFrom(app, email) });
  if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${JSON.stringify(verified.body)}`);
  return c;
}

/** Creates a household with one person (and roles), directly in core. */
export async function makeHousehold(
  farmID: string,
  opts: { name: string; email: string; adults?: number; children?: number; roles?: Exclude<Role, "member">[] },
) {
  return withActor({ type: "system", farmID }, async () => {
    const h = await Household.create({
      name: opts.name,
      adults: opts.adults ?? 2,
      children: opts.children ?? 0,
      vegetarian: false,
      certificate: (opts.adults ?? 2) + (opts.children ?? 0) / 2 === 1 ? "half" : "full",
      status: "active",
      people: [{ name: opts.name, email: opts.email, locale: "nl" }],
    });
    const person = (await Person.byEmail(opts.email))!;
    for (const r of opts.roles ?? []) await Person.grantRole(person.id, r);
    return { household: h, person };
  });
}

export async function makePerson(farmID: string, opts: { name: string; email: string; roles?: Exclude<Role, "member">[] }) {
  return withActor({ type: "system", farmID }, async () => {
    const person = await Person.create({ name: opts.name, email: opts.email, locale: "nl" });
    for (const r of opts.roles ?? []) await Person.grantRole(person.id, r);
    return person;
  });
}

/**
 * The usual start of an API test file: the clock at `at` (when given), a
 * fresh table with a farm, and the whole API answering for it as the default farm.
 */
export async function freshFarmApp(at?: number) {
  if (at !== undefined) Clock.set(at);
  await useTestTable();
  const farmID = await createTestFarm();
  process.env.DEFAULT_FARM_ID = farmID;
  return { farmID, app: createApp({ stage: "local" }) };
}

/**
 * Every ledger entry of the farm (or of one household), as the ledger reads
 * them: the entries of their own and the payments in bank imports' batches.
 */
export async function ledgerEntries(farmID: string, householdID?: string) {
  const db = useDB().entities;
  const [own, batches] = householdID
    ? await Promise.all([db.ledgerEntry.query.byHousehold({ farmID, householdID }).go({ pages: "all" }), db.ledgerBatch.query.byHousehold({ farmID, householdID }).go({ pages: "all" })])
    : await Promise.all([
        db.ledgerEntry.scan.where((a, op) => op.eq(a.farmID, farmID)).go({ pages: "all" }),
        db.ledgerBatch.scan.where((a, op) => op.eq(a.farmID, farmID)).go({ pages: "all" }),
      ]);
  return [...own.data, ...batches.data.flatMap(LedgerBatch.entries)].sort((a, b) => a.entryID.localeCompare(b.entryID));
}
