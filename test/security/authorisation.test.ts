import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { Household } from "@akker/core/household/household";
import { addWeeks, weekOf } from "@akker/core/week";
import { createApp } from "../../functions/src/api/app";
import { client, login, makeHousehold, makePerson, freshFarmApp } from "../api/helpers";
import { expectApiHeaders } from "./headers";

/*
 * The authorisation matrix: every route in the OpenAPI document, called as
 * each kind of person, against a policy written here by hand from what each
 * route is for. It is deliberately not derived from the routes' `access`
 * declarations: those are what is being checked. A route without a policy
 * fails, and so does a policy for a route that is gone.
 *
 * Household-scoped routes are called on the member's own household, so
 * "member" means "of this household" and "outsider" a member of another.
 * Where a route hides another household's data it answers 404 with the
 * code an unknown household gets (`hidden`); that counts as denied.
 */

type Who = "anonymous" | "outsider" | "member" | "former" | "farmer" | "coordinator" | "board" | "treasurer" | "admin";

const persons: Exclude<Who, "anonymous">[] = ["outsider", "member", "former", "farmer", "coordinator", "board", "treasurer", "admin"];
const everyone: Who[] = ["anonymous", ...persons];
/** Anyone logged in; everyone here belongs to a household, `former` to one that has left. */
const loggedIn: Who[] = persons;
/** People of active households: "member" is implicit for them, whatever else they are. */
const members: Who[] = persons.filter((p) => p !== "former");

interface Rule {
  allow: readonly Who[];
  /** The 404 code with which the route hides another household's data from those not allowed. */
  hidden?: string;
}

const policy: Record<string, Rule> = {
  "GET /api/health": { allow: everyone },
  "GET /api/dev/outbox": { allow: everyone }, // local stage only
  "POST /api/auth/code": { allow: everyone },
  "POST /api/auth/verify": { allow: everyone },
  "POST /api/auth/logout": { allow: loggedIn },
  "GET /api/me": { allow: loggedIn },
  "PATCH /api/me": { allow: loggedIn },

  // households: the board keeps the register; a household sees itself
  "GET /api/households": { allow: ["board", "admin"] },
  "POST /api/households": { allow: ["board", "admin"] },
  "GET /api/households/{id}": { allow: ["member", "board", "admin"], hidden: "household.not_found" },
  "PATCH /api/households/{id}": { allow: ["board", "admin"] },
  "POST /api/households/{id}/people": { allow: ["board", "admin"] },

  // the farm: its public page for anyone, its settings for the board
  "GET /api/farm/public": { allow: everyone },
  "GET /api/farm/settings": { allow: ["board", "admin"] },
  "PUT /api/farm/settings": { allow: ["board", "admin"] },

  // news: the farmer and the board post (and upload its photos); members and staff read
  "GET /api/news": { allow: members },
  "POST /api/news": { allow: ["farmer", "board", "admin"] },
  "POST /api/news/photos": { allow: ["farmer", "board", "admin"] },
  // a photo for who may read its post (a board post's for the board), else as unknown
  "GET /api/news/photos/{id}": { allow: members },
  "GET /api/news/{id}": { allow: members },
  "GET /api/news/{id}/mailing": { allow: ["farmer", "board", "admin"] },
  "PATCH /api/news/{id}": { allow: ["farmer", "board", "admin"] },
  "DELETE /api/news/{id}": { allow: ["farmer", "board", "admin"] },

  // harvest: the farmer enters and publishes; each member household sees its own share
  "GET /api/harvests": { allow: members },
  "PUT /api/harvests/{week}": { allow: ["farmer", "admin"] },
  "GET /api/harvests/{week}": { allow: ["farmer", "board", "admin"] },
  "GET /api/harvests/{week}/standing": { allow: ["farmer", "board", "admin"] },
  "GET /api/harvests/catalogue": { allow: ["farmer", "admin"] },
  "GET /api/harvests/uncollected": { allow: ["farmer", "board", "admin"] },
  "GET /api/harvests/{week}/pickups": { allow: ["farmer", "board", "admin"] },
  "PUT /api/harvests/{week}/pickups/{householdID}": { allow: ["farmer", "admin"] },
  "PUT /api/harvests/{week}/uncollected": { allow: ["farmer", "admin"] },
  "POST /api/harvests/{week}/publish": { allow: ["farmer", "admin"] },
  "GET /api/harvests/{week}/mailing": { allow: ["farmer", "board", "admin"] },
  "GET /api/harvests/{week}/mine": { allow: members },
  "PUT /api/harvests/{week}/opt-out": { allow: members },
  "GET /api/harvests/mine/weeks": { allow: members },
  "POST /api/harvests/mine/holiday": { allow: members },
  "GET /api/harvests/mine/season": { allow: members },
  "GET /api/harvests/mine/contact": { allow: members },
  "GET /api/harvests/mine/neighbours": { allow: members },
  "GET /api/harvests/{week}/handover": { allow: members },
  "PUT /api/harvests/{week}/handover": { allow: members },
  "DELETE /api/harvests/{week}/handover": { allow: members },
  "POST /api/harvests/{week}/handover/answer": { allow: members },
  "GET /api/harvests/{week}/households/{householdID}": { allow: ["member", "farmer", "board", "admin"], hidden: "harvest.not_found" },

  // work days: farmer and coordinator organise; members sign up
  "POST /api/workdays": { allow: ["farmer", "coordinator", "admin"] },
  "GET /api/workdays": { allow: members },
  "GET /api/workdays/mine": { allow: members },
  "GET /api/workdays/{id}": { allow: members },
  "PATCH /api/workdays/{id}": { allow: ["farmer", "coordinator", "admin"] },
  "POST /api/workdays/{id}/cancel": { allow: ["farmer", "coordinator", "admin"] },
  "GET /api/workdays/{id}/mailing": { allow: ["farmer", "coordinator", "admin"] },
  "POST /api/workdays/{id}/signup": { allow: members },
  "DELETE /api/workdays/{id}/signup": { allow: members },
  "GET /api/workdays/{id}/roster": { allow: ["farmer", "coordinator", "admin"] },
  "GET /api/workdays/{id}/walk-ins": { allow: ["farmer", "coordinator", "admin"] },
  "POST /api/workdays/{id}/attendance": { allow: ["farmer", "coordinator", "admin"] },
  // a household's own hours: one that has left still reads them, but no longer reports any
  "GET /api/me/hours": { allow: loggedIn },
  "POST /api/me/hours": { allow: members },
  "GET /api/hours/pending": { allow: ["farmer", "coordinator", "admin"] },
  "POST /api/hours/{id}/decision": { allow: ["farmer", "coordinator", "admin"] },
  "GET /api/hours/totals": { allow: ["coordinator", "board", "admin"] },
  "GET /api/hours/totals.csv": { allow: ["coordinator", "board", "admin"] },
  // only the caller's own sign-ups; renewing stops a shared link, also after leaving
  "GET /api/me/calendar": { allow: loggedIn },
  "POST /api/me/calendar/renew": { allow: loggedIn },
  "GET /api/me/export": { allow: loggedIn },
  "GET /api/calendar/{file}": { allow: everyone }, // the secret link is the key

  // elections: the board runs them; member households vote (one that has left was mailed the results it was on the roll for)
  "POST /api/elections": { allow: ["board", "admin"] },
  "GET /api/elections": { allow: members },
  "GET /api/elections/{id}": { allow: members },
  "PATCH /api/elections/{id}": { allow: ["board", "admin"] },
  "DELETE /api/elections/{id}": { allow: ["board", "admin"] },
  "POST /api/elections/{id}/open": { allow: ["board", "admin"] },
  "POST /api/elections/{id}/close": { allow: ["board", "admin"] },
  "GET /api/elections/{id}/mailing": { allow: ["board", "admin"] },
  "POST /api/elections/{id}/ballots": { allow: members },
  "POST /api/elections/{id}/proxies": { allow: members },
  "DELETE /api/elections/{id}/proxies": { allow: members },
  "GET /api/elections/{id}/households": { allow: members },
  "GET /api/elections/{id}/results": { allow: members },
  "GET /api/elections/{id}/trackers": { allow: members },
  "GET /api/elections/{id}/audit": { allow: ["board", "admin"] },

  // certificates and the waiting list: board and treasurer keep the register, the treasurer the money
  "GET /api/certificates": { allow: ["board", "treasurer", "admin"] },
  "GET /api/certificates.csv": { allow: ["board", "treasurer", "admin"] },
  "GET /api/certificates/{householdID}": { allow: ["board", "treasurer", "admin"] },
  "PATCH /api/certificates/{householdID}": { allow: ["board", "treasurer", "admin"] },
  "POST /api/certificates/{householdID}/deposit-payments": { allow: ["treasurer", "admin"] },
  "POST /api/certificates/{householdID}/refund": { allow: ["treasurer", "admin"] },
  "GET /api/households/{id}/certificate": { allow: ["member", "board", "treasurer", "admin"], hidden: "household.not_found" },
  "POST /api/households/{id}/certificate/notice": { allow: ["member", "board", "admin"], hidden: "household.not_found" },
  "DELETE /api/households/{id}/certificate/notice": { allow: ["member", "board", "admin"], hidden: "household.not_found" },
  "GET /api/membership/settings": { allow: ["board", "treasurer", "admin"] },
  "PATCH /api/membership/settings": { allow: ["board", "treasurer", "admin"] },
  "POST /api/applications": { allow: everyone },
  "POST /api/applications/confirm": { allow: everyone }, // the mailed token is the key
  "GET /api/applications": { allow: ["board", "admin"] },
  "POST /api/applications/offers": { allow: ["board", "admin"] },
  "POST /api/applications/{id}/offer": { allow: ["board", "admin"] },
  "POST /api/applications/{id}/withdraw": { allow: ["board", "admin"] },
  "GET /api/applications/status/{token}": { allow: everyone }, // the mailed token is the key
  "POST /api/applications/status/{token}/withdraw": { allow: everyone },
  "POST /api/applications/accept": { allow: everyone },
  "POST /api/applications/decline": { allow: everyone },

  // contribution: board and treasurer set the season, the treasurer confirms and keeps the books;
  // a household's money matters are its own and the treasurer's
  "GET /api/seasons/{year}": { allow: ["board", "treasurer", "admin"] },
  "PUT /api/seasons/{year}": { allow: ["board", "treasurer", "admin"] },
  "POST /api/seasons/{year}/confirm": { allow: ["treasurer", "admin"] },
  "GET /api/households/{id}/statement": { allow: ["member", "treasurer", "admin"], hidden: "household.not_found" },
  "GET /api/contribution/overview": { allow: ["treasurer", "admin"] },
  "GET /api/contribution/overview.csv": { allow: ["treasurer", "admin"] },
  "GET /api/contribution/reminders/{year}": { allow: ["treasurer", "admin"] },
  "PUT /api/contribution/reminders/{year}": { allow: ["treasurer", "admin"] },
  "GET /api/contribution/journal.csv": { allow: ["treasurer", "admin"] },
  "GET /api/contribution/journal.xaf": { allow: ["treasurer", "admin"] },
  "POST /api/payments": { allow: ["treasurer", "admin"] },
  "GET /api/payments": { allow: ["treasurer", "admin"] },
  "POST /api/payments/{id}/reverse": { allow: ["treasurer", "admin"] },
  "POST /api/payments/import": { allow: ["treasurer", "admin"] },
  "GET /api/payments/review": { allow: ["treasurer", "admin"] },
  "POST /api/payments/review/{id}": { allow: ["treasurer", "admin"] },
  "GET /api/households/{id}/mandate": { allow: ["member", "treasurer", "admin"], hidden: "household.not_found" },
  "PUT /api/households/{id}/mandate": { allow: ["member", "treasurer", "admin"], hidden: "household.not_found" },
  "DELETE /api/households/{id}/mandate": { allow: ["member", "treasurer", "admin"], hidden: "household.not_found" },
  "GET /api/sepa/{file}": { allow: ["treasurer", "admin"] },
  "POST /api/sepa/{file}": { allow: ["treasurer", "admin"] },
  "GET /api/households/{id}/solidarity": { allow: ["member", "treasurer", "admin"], hidden: "household.not_found" },
  // the choice is the household's own: not even the treasurer or an admin makes it
  "PUT /api/households/{id}/solidarity": { allow: ["member"], hidden: "household.not_found" },
  "GET /api/contribution/solidarity": { allow: members }, // the totals: every member household sees the pot
  "GET /api/contribution/solidarity/households": { allow: ["treasurer", "admin"] },
  // the library: the board keeps it; members read what is for members (board-only answers as unknown)
  "GET /api/documents": { allow: members },
  "POST /api/documents": { allow: ["board", "admin"] },
  "GET /api/documents/{id}": { allow: members },
  "PATCH /api/documents/{id}": { allow: ["board", "admin"] },
  "DELETE /api/documents/{id}": { allow: ["board", "admin"] },
  "POST /api/documents/{id}/versions": { allow: ["board", "admin"] },
  "GET /api/documents/{id}/file": { allow: members },
  // the general assembly: the board runs it and checks households in; member households vote its ballot
  "POST /api/assemblies": { allow: ["board", "admin"] },
  "GET /api/assemblies": { allow: members },
  "GET /api/assemblies/{id}": { allow: members },
  "PATCH /api/assemblies/{id}": { allow: ["board", "admin"] },
  "POST /api/assemblies/{id}/announce": { allow: ["board", "admin"] },
  "POST /api/assemblies/{id}/open": { allow: ["board", "admin"] },
  "POST /api/assemblies/{id}/remind": { allow: ["board", "admin"] },
  "POST /api/assemblies/{id}/close": { allow: ["board", "admin"] },
  "POST /api/assemblies/{id}/items": { allow: ["board", "admin"] },
  "PATCH /api/assemblies/{id}/items/{itemID}": { allow: ["board", "admin"] },
  "PUT /api/assemblies/{id}/agenda": { allow: ["board", "admin"] },
  "POST /api/assemblies/{id}/papers": { allow: ["board", "admin"] },
  "DELETE /api/assemblies/{id}/items/{itemID}": { allow: ["board", "admin"] },
  "POST /api/assemblies/{id}/ballot": { allow: members },
  "GET /api/assemblies/{id}/attendance": { allow: ["board", "admin"] },
  "PUT /api/assemblies/{id}/attendance/{householdID}": { allow: ["board", "admin"] },
  "DELETE /api/assemblies/{id}/attendance/{householdID}": { allow: ["board", "admin"] },
  "GET /api/assemblies/{id}/results": { allow: members },
  // open polls: the board and the farmer ask and see who answered what; member households answer
  "GET /api/polls": { allow: members },
  "POST /api/polls": { allow: ["farmer", "board", "admin"] },
  "GET /api/polls/{id}": { allow: members },
  "PUT /api/polls/{id}/answer": { allow: members },
  "POST /api/polls/{id}/close": { allow: ["farmer", "board", "admin"] },
  "PATCH /api/polls/{id}": { allow: ["farmer", "board", "admin"] },
  "POST /api/polls/{id}/open": { allow: ["farmer", "board", "admin"] },
  "GET /api/polls/{id}/results": { allow: members },
  "GET /api/polls/{id}/answers": { allow: ["farmer", "board", "admin"] },

  // mail to groups: the board and the treasurer write and read the log, the farmer to all members;
  // arrears only the treasurer (core refuses other groups to the farmer: test/api/messages.test.ts)
  "POST /api/messages/preview": { allow: ["farmer", "board", "treasurer", "admin"] },
  "POST /api/messages": { allow: ["farmer", "board", "treasurer", "admin"] },
  "GET /api/messages": { allow: ["farmer", "board", "treasurer", "admin"] },
  "GET /api/messages/{id}": { allow: ["farmer", "board", "treasurer", "admin"] },
  "GET /api/messages/{id}/mailing": { allow: ["farmer", "board", "treasurer", "admin"] },
  "POST /api/contribution/messages/preview": { allow: ["treasurer", "admin"] },
  "POST /api/contribution/messages": { allow: ["treasurer", "admin"] },
  "GET /api/me/preferences": { allow: loggedIn },
  "PUT /api/me/preferences": { allow: loggedIn },
};

/*
 * How to call a route so that an allowed caller gets past every access
 * check, in the API and in core: real IDs, and a valid body where core
 * checks access only after the body is read. Elsewhere an empty body is
 * enough: the route checks access before it reads the body (400).
 */
interface Call {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** Log in anew for this call (logout ends the session). */
  fresh?: boolean;
}

const now = Date.parse("2027-03-01T09:00:00Z"); // a Monday
const hour = 3600_000;
const iso = (t: number) => new Date(t).toISOString();
const week = addWeeks(weekOf(now), 1);
const year = "2027";
const ids = {} as Record<"own" | "other" | "former" | "W" | "W2" | "E1" | "E2" | "E3" | "E4" | "P1" | "P2", string>;

const calls = (): Record<string, Call> => ({
  "POST /api/auth/logout": { fresh: true },
  "GET /api/dev/outbox": { query: "?to=nobody@example.nl" },
  "GET /api/contribution/journal.csv": { query: `?period=${year}-03` },
  "GET /api/contribution/journal.xaf": { query: `?period=${year}` },
  "GET /api/calendar/{file}": { params: { file: "not-a-calendar-token.ics" } },
  "GET /api/applications/status/{token}": { params: { token: "not-a-status-token" } },
  "POST /api/applications/status/{token}/withdraw": { params: { token: "not-a-status-token" } },
  "GET /api/sepa/{file}": { params: { file: `${year}-03.json` } },
  "POST /api/sepa/{file}": { params: { file: `${year}-03` } },
  "PUT /api/harvests/{week}/opt-out": { body: { optedOut: false } },
  "PUT /api/harvests/{week}/pickups/{householdID}": { body: { collected: true } },
  "PUT /api/harvests/{week}/uncollected": { body: { destination: "counted" } },
  "POST /api/harvests/mine/holiday": { body: { from: "2027-03-20", to: "2027-03-28", optedOut: false } },
  "GET /api/harvests/mine/season": { query: `?year=${year}` },
  "GET /api/harvests/mine/neighbours": { query: "?q=me" },
  "PUT /api/harvests/{week}/handover": { body: { toHouseholdID: ids.other } },
  "POST /api/harvests/{week}/handover/answer": { body: { fromHouseholdID: ids.own, accepted: true } },
  "POST /api/workdays/{id}/cancel": { params: { id: ids.W2 } },
  "POST /api/me/hours": { body: { date: "2027-02-27", hours: 2, task: "weeding" } },
  "POST /api/elections/{id}/open": { params: { id: ids.E2 } },
  "POST /api/elections/{id}/close": { params: { id: ids.E3 } },
  "POST /api/elections/{id}/ballots": { body: { vote: "yes" } },
  "POST /api/elections/{id}/proxies": { body: { toHouseholdID: ids.other } },
  "GET /api/elections/{id}/results": { params: { id: ids.E4 } },
  "GET /api/elections/{id}/trackers": { params: { id: ids.E4 } },
  "PUT /api/households/{id}/mandate": { body: { iban: "NL91ABNA0417164300", accountHolder: "J. Jansen", signedOn: "2027-02-01" } },
  "PUT /api/households/{id}/solidarity": { body: { choice: "standard" } },
  "POST /api/payments/review/{id}": { body: { dismiss: true } },
  "POST /api/documents/{id}/versions": { query: "?name=statuten.pdf" },
  "PUT /api/polls/{id}/answer": { body: { choice: "o1" } },
  "POST /api/polls/{id}/close": { params: { id: ids.P2 } },
  "PATCH /api/polls/{id}": { body: { title: "Peiling, anders gezegd" } },
  "POST /api/polls/{id}/open": { body: { mail: false } },
  "POST /api/messages/preview": { body: { audience: { kind: "members" } } },
  "POST /api/messages": { body: { audience: { kind: "members" }, subject: "Aan iedereen", text: "Hallo." } },
  "POST /api/contribution/messages": { body: { subject: "Achterstand", text: "Graag betalen." } },
  "PUT /api/me/preferences": { body: { news: true, reminders: true } },
});

/** The value of a path parameter: the resource the path names, else one that does not exist. */
function param(path: string, name: string): string {
  const resource = path.split("/")[2];
  if (name === "week") return week;
  if (name === "year") return year;
  if (name === "householdID") return ids.own;
  if (name === "id" && resource === "households") return ids.own;
  if (name === "id" && resource === "workdays") return ids.W;
  if (name === "id" && resource === "elections") return ids.E1;
  if (name === "id" && resource === "polls") return ids.P1;
  if (name === "itemID") return "itm_unknown";
  if (name === "id") return `${resource}_unknown`; // hours, payments, applications: role-gated before any lookup
  throw new Error(`${path}: say in calls() what {${name}} is`);
}

let app: ReturnType<typeof createApp>;
let farmID: string;
const clients = {} as Record<Who, ReturnType<typeof client>>;
const emails = {} as Record<Exclude<Who, "anonymous">, string>;
const staff = {} as Record<"farmer" | "coordinator" | "board" | "treasurer", ReturnType<typeof client>>;
let doc: { paths: Record<string, Record<string, { "x-auth": unknown; requestBody?: unknown }>> };

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(now));

  const roles = { farmer: ["farmer"], coordinator: ["coordinator"], board: ["board"], treasurer: ["treasurer"], admin: ["admin"] } as const;
  let n = 0;
  for (const who of persons) {
    const email = `${who}@example.nl`;
    emails[who] = email;
    const { household } = await makeHousehold(farmID, { name: who, email, roles: who in roles ? [...roles[who as keyof typeof roles]] : [] });
    if (who === "member") ids.own = household.id;
    if (who === "outsider") ids.other = household.id;
    if (who === "former") ids.former = household.id;
    if (who === "former")
      await withActor({ type: "system", farmID }, () => Household.update({ id: household.id, changes: { status: "left" } }));
    clients[who] = await login(app, email, `10.40.0.${++n}`);
  }
  clients.anonymous = client(app, { ip: "10.40.1.1" });
  // Staff need not belong to a household (the farmer is employed, not a member): no implicit member role.
  for (const role of ["farmer", "coordinator", "board", "treasurer"] as const) {
    const email = `${role}-staff@example.nl`;
    await makePerson(farmID, { name: `${role} (staff)`, email, roles: [role] });
    staff[role] = await login(app, email, `10.40.0.${++n}`);
  }

  // A published week with a share for the member's household.
  const farmer = clients.farmer;
  const saved = await farmer.put(`/api/harvests/${week}`, { items: [{ crop: "prei", unit: "piece", quantity: 40 }] });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  expect((await farmer.post(`/api/harvests/${week}/publish`)).status).toBe(200);

  // Two work days: one to sign up for, one to cancel.
  for (const key of ["W", "W2"] as const) {
    const res = await clients.coordinator.post("/api/workdays", {
      title: `Wieden ${key}`,
      task: "weeding",
      start: iso(now + 48 * hour),
      end: iso(now + 51 * hour),
      capacity: 20,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.workday.id;
  }

  // Elections: E1 open to vote in, E2 a draft to open, E3 open to close, E4 closed with results.
  const board = clients.board;
  for (const key of ["E1", "E2", "E3", "E4"] as const) {
    const res = await board.post("/api/elections", { kind: "motion", title: `Motie ${key}`, opensAt: iso(now + hour), closesAt: iso(now + 7 * 24 * hour) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.election.id;
    if (key !== "E2") expect((await board.post(`/api/elections/${ids[key]}/open`)).status).toBe(200);
  }
  expect((await board.post(`/api/elections/${ids.E4}/close`)).status).toBe(200);
  // Polls: P1 open to answer, P2 to close.
  for (const key of ["P1", "P2"] as const) {
    const res = await board.post("/api/polls", { kind: "choice", title: `Peiling ${key}`, options: [{ label: "Ja" }, { label: "Nee" }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.poll.id;
  }

  doc = (await (await app.request("/api/openapi.json")).json()) as typeof doc;
});

afterAll(() => Clock.set(undefined));

function routesIn(d: typeof doc) {
  return Object.entries(d.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
}

describe("authorisation matrix", () => {
  it("every route in the OpenAPI document has a policy, and every policy a route", () => {
    const routes = routesIn(doc);
    expect(routes.length).toBeGreaterThan(80);
    expect(routes.filter((r) => !(r in policy)), "routes without a policy").toEqual([]);
    expect(Object.keys(policy).filter((r) => !routes.includes(r)), "policies for routes that are gone").toEqual([]);
    expect(Object.keys(calls()).filter((r) => !routes.includes(r)), "calls for routes that are gone").toEqual([]);
  });

  it("the document tells the truth: x-auth is public exactly where anyone may call", () => {
    const wrong = routesIn(doc).filter((r) => {
      const [method, path] = r.split(" ") as [string, string];
      const public_ = doc.paths[path]![method.toLowerCase()]!["x-auth"] === "public";
      return policy[r] !== undefined && public_ !== policy[r].allow.includes("anonymous");
    });
    expect(wrong).toEqual([]);
  });

  it("each route answers each kind of person as the policy says", async () => {
    const failures: string[] = [];
    const byRoute = calls();
    let n = 0;
    for (const route of routesIn(doc)) {
      const rule = policy[route];
      if (!rule) continue; // reported by the first test
      const [method, template] = route.split(" ") as [string, string];
      const call = byRoute[route] ?? {};
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => call.params?.[name] ?? param(template, name)) + (call.query ?? "");
      const hasBody = !!doc.paths[template]![method.toLowerCase()]!.requestBody;
      const check = async (who: Who) => {
        const c = call.fresh && who !== "anonymous" ? await login(app, emails[who], `10.40.2.${++n}`) : clients[who];
        const res = await send(c, method, path, call.body ?? (hasBody ? {} : undefined));
        expectApiHeaders(res.raw, { deployed: false, what: `${route} as ${who}` });
        const allowed = rule.allow.includes(who);
        const hidden = rule.hidden !== undefined && res.status === 404 && res.body?.error?.code === rule.hidden;
        const denied = res.status === 401 || res.status === 403 || hidden;
        const ok =
          res.status < 500 &&
          (allowed ? !denied : who === "anonymous" ? res.status === 401 : res.status === 403 || hidden);
        if (!ok) failures.push(`${route} as ${who}: ${res.status} ${res.body?.error?.code ?? ""} (${allowed ? "allowed" : "denied"} by policy)`);
      };
      // Reads change nothing, so everyone asks at once; writes go one by one, in a fixed order.
      if (method === "GET") await Promise.all(everyone.map(check));
      else for (const who of everyone) await check(who);
    }
    expect(failures).toEqual([]);
    // every route as each of ten people: over a minute on a busy machine
  }, 120_000);
});

async function send(c: ReturnType<typeof client>, method: string, path: string, body: unknown) {
  const headers: Record<string, string> = { "x-forwarded-for": "10.40.3.1", ...(c.cookie ? { cookie: c.cookie } : {}) };
  if (method !== "GET") headers.origin = "http://localhost";
  if (body !== undefined) headers["content-type"] = "application/json";
  const raw = await app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await raw.clone().text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: raw.status, body: json, raw };
}

/*
 * The matrix calls household routes on the member's household only. Here a
 * former member on their own household: the business of leaving (who they
 * are, the household, its money and certificate, its past hours) stays open;
 * taking part (shares, work days, voting, the solidarity choice) is closed.
 */
describe("a former member on their own household", () => {
  const denied = (status: number, body: any) => status === 401 || status === 403 || (status === 404 && body?.error?.code === "household.not_found");

  it("still sees who they are, the household, its money, certificate and hours", async () => {
    const c = clients.former;
    const own = ids.former;
    const reads = [
      "/api/me",
      `/api/households/${own}`,
      `/api/households/${own}/certificate`,
      `/api/households/${own}/statement?year=2027`,
      `/api/households/${own}/mandate`,
      `/api/households/${own}/solidarity?year=2027`,
      "/api/me/hours",
      "/api/me/calendar",
    ];
    for (const path of reads) {
      const res = await c.get(path);
      expect(res.status < 500 && !denied(res.status, res.body), `${path}: ${res.status} ${JSON.stringify(res.body)}`).toBe(true);
    }
    expect((await c.get(`/api/households/${own}/certificate`)).body.certificate.status).toBe("refund_due");
    expect((await c.patch("/api/me", { locale: "en" })).status).toBe(200);
    // notice is about staying: one that has left answers that the membership has ended, not that it may not ask
    const notice = await c.post(`/api/households/${own}/certificate/notice`);
    expect([notice.status, notice.body.error.code]).toEqual([409, "membership.ended"]);
  });

  it("no longer takes part: shares, work days, hours to report, elections, the solidarity choice", async () => {
    const c = clients.former;
    const calls: [string, string, unknown?][] = [
      ["GET", "/api/harvests"],
      ["GET", `/api/harvests/${week}/mine`],
      ["GET", `/api/harvests/${week}/households/${ids.former}`],
      ["PUT", `/api/harvests/${week}/opt-out`, { optedOut: true }],
      ["GET", "/api/workdays"],
      ["GET", `/api/workdays/${ids.W}`],
      ["POST", `/api/workdays/${ids.W}/signup`],
      ["POST", "/api/me/hours", { date: "2027-02-27", hours: 2, task: "weeding" }],
      ["GET", "/api/elections"],
      ["GET", `/api/elections/${ids.E4}`],
      ["GET", `/api/elections/${ids.E4}/results`],
      ["GET", `/api/elections/${ids.E4}/trackers`],
      ["GET", `/api/elections/${ids.E1}/households`],
      ["DELETE", `/api/elections/${ids.E1}/proxies`],
      ["PUT", `/api/households/${ids.former}/solidarity`, { choice: "reduced", percent: 25, year: 2027 }],
      ["GET", "/api/contribution/solidarity"],
    ];
    const wrong: string[] = [];
    for (const [method, path, body] of calls) {
      const res = await send(c, method, path, body);
      if (res.status !== 403) wrong.push(`${method} ${path}: ${res.status} ${res.body?.error?.code ?? ""}`);
    }
    expect(wrong).toEqual([]);
  });
});

/* The member role comes with a household; staff without one keep the screens of their role. */
describe("staff without a household", () => {
  it("keep what their role uses", async () => {
    const expectations: [keyof typeof staff, string][] = [
      ["farmer", "/api/harvests"],
      ["farmer", `/api/harvests/${week}`],
      ["farmer", "/api/workdays"],
      ["farmer", `/api/workdays/${ids.W}`],
      ["farmer", `/api/workdays/${ids.W}/roster`],
      ["coordinator", "/api/workdays"],
      ["coordinator", `/api/workdays/${ids.W}`],
      ["coordinator", "/api/hours/totals"],
      ["board", "/api/workdays"],
      ["board", "/api/harvests"],
      ["board", "/api/elections"],
      ["board", `/api/elections/${ids.E4}`],
      ["board", `/api/elections/${ids.E4}/results`],
      ["board", `/api/elections/${ids.E4}/trackers`],
      ["treasurer", "/api/certificates"],
      ["treasurer", "/api/contribution/solidarity"],
    ];
    const wrong: string[] = [];
    for (const [who, path] of expectations) {
      const res = await staff[who].get(path);
      if (res.status !== 200) wrong.push(`${path} as ${who}: ${res.status} ${res.body?.error?.code ?? ""}`);
    }
    expect(wrong).toEqual([]);
  });

  it("do not vote or sign up: that is for member households", async () => {
    expect((await staff.board.get(`/api/elections/${ids.E1}/households`)).status).toBe(403);
    expect((await staff.farmer.post(`/api/workdays/${ids.W}/signup`)).status).toBe(403);
    expect((await staff.treasurer.get("/api/elections")).status).toBe(403);
  });
});
