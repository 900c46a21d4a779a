import { pathToFileURL } from "node:url";
import { Agent } from "node:http";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { withActor } from "@akker/core/actor";
import { demoFarm, seedDemo } from "@akker/core/demo/seed";
import { Household } from "@akker/core/household/household";
import { Mail } from "@akker/core/mail/mail";
import { Person } from "@akker/core/person/person";
import { weekOf } from "@akker/core/week";
import { Workday } from "@akker/core/workday/workday";
import { benchDatabase, benchServer, call, publishWeek, summary } from "./fixture";
import { printTable, type Figure } from "./lib";

/** Returning members open the app this many more times, all 200 at once each time. */
const reopen = 10;

/**
 * Friday afternoon: the harvest mail is out and the 200 demo households open
 * the app at once. Each logs in (code by mail, then verify) from its own
 * address and the home screen loads what it shows: who am I, this week's
 * share, the work days. Then, logged in, they open it again, all at once,
 * `reopen` more times. Beside it: the raw DynamoDB Local latency of a single
 * read and a single conditional write, 200 at once, as the floor.
 */
export async function friday(): Promise<Figure[]> {
  const db = await benchDatabase();
  try {
    await seedDemo();
    const farmID = demoFarm.id;
    const week = weekOf(Date.now());
    const emails = await withActor({ type: "system", farmID }, async () => {
      await publishWeek(week);
      const coordinator = (await Person.byEmail("coordinator@demo.test"))!;
      await withActor(
        { type: "person", farmID, personID: coordinator.id, householdID: coordinator.householdID, roles: ["coordinator"], sessionID: "bench" },
        () =>
          Workday.create({
            title: "Oogsten",
            task: "harvest",
            start: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
            end: new Date(Date.now() + 3 * 24 * 3600_000 + 3 * 3600_000).toISOString(),
            capacity: 12,
            repeatWeeks: 6,
          }),
      );
      const households = await Household.list();
      return Promise.all(households.map(async (h) => (await Person.byHousehold(h.id))[0]!.email));
    });

    const server = await benchServer(db.endpoint, db.tableName);
    const byRoute = new Map<string, number[]>();
    let errors = 0;
    const note = <R extends { status: number; ms: number }>(route: string, r: R, ok = 200) => {
      if (r.status !== ok) errors++;
      byRoute.set(route, [...(byRoute.get(route) ?? []), r.ms]);
      return r;
    };
    // every household its own address: 127.0.1.1 … 127.0.1.200
    const from = (i: number) => `127.0.${1 + (i >> 8)}.${1 + (i & 255)}`;
    const openApp = (i: number, cookie: string) =>
      Promise.all([
        call(server.port, "GET", "/api/me", { from: from(i), cookie }).then((r) => note("GET /api/me", r)),
        call(server.port, "GET", `/api/harvests/${week}/mine`, { from: from(i), cookie }).then((r) => note("GET /api/harvests/{week}/mine", r)),
        call(server.port, "GET", "/api/workdays", { from: from(i), cookie }).then((r) => note("GET /api/workdays", r)),
      ]);
    let cookies: string[];
    try {
      // 1. all ask for a login code at once
      await Promise.all(
        emails.map((email, i) => call(server.port, "POST", "/api/auth/code", { from: from(i), json: { email } }).then((r) => note("POST /api/auth/code", r, 202))),
      );
      // 2. the code arrives by mail (read outside the timed part)
      const codes = await withActor({ type: "system", farmID }, () =>
        Promise.all(emails.map(async (email) => (await Mail.outbox(email, 1))[0]?.text.match(/\b(\d{6})\b/)?.[1] ?? "000000")),
      );
      // 3. all verify at once, then the home screen loads
      cookies = await Promise.all(
        emails.map(async (email, i) => {
          const r = note("POST /api/auth/verify", await call(server.port, "POST", "/api/auth/verify", { from: from(i), json: { email, code: codes[i] } }));
          await openApp(i, r.cookie ?? "");
          return r.cookie ?? "";
        }),
      );
      // 4. logged in, they open the app again, all at once, round after round
      for (let round = 0; round < reopen; round++) await Promise.all(cookies.map((cookie, i) => openApp(i, cookie)));
    } finally {
      await server.stop();
    }

    // The floor: DynamoDB Local itself, 200 single calls at once, no coalescing.
    const raw = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: db.endpoint,
        region: "eu-west-1",
        credentials: { accessKeyId: "local", secretAccessKey: "local" },
        requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 512 }) },
      }),
    );
    const reads: number[] = [];
    const writes: number[] = [];
    const timed = async (into: number[], send: () => Promise<unknown>) => {
      const started = performance.now();
      await send();
      into.push(performance.now() - started);
    };
    for (let round = 0; round < reopen + 2; round++) {
      const keep = round >= 2; // JIT warm-up
      const r: number[] = [];
      const w: number[] = [];
      await Promise.all(emails.map((_, i) => timed(r, () => raw.send(new GetCommand({ TableName: db.tableName, Key: { pk: `floor#${i}`, sk: "x" } })))));
      await Promise.all(
        emails.map((_, i) =>
          timed(w, () =>
            raw.send(new PutCommand({ TableName: db.tableName, Item: { pk: `floor#${i}#${round}`, sk: "x" }, ConditionExpression: "attribute_not_exists(pk)" })),
          ),
        ),
      );
      if (keep) reads.push(...r), writes.push(...w);
    }

    const all = [...byRoute.values()].flat();
    const total = summary(all);
    const rows: Figure[] = [
      { name: `all requests (${total.n}): p50`, value: `${total.p50.toFixed(1)} ms` },
      { name: "all requests: p99", value: `${total.p99.toFixed(1)} ms`, target: "≤ 50 ms", ok: total.p99 <= 50 },
      { name: "errors", value: `${errors} of ${total.n}`, target: "0", ok: errors === 0 },
    ];
    for (const [route, ms] of byRoute) {
      const s = summary(ms);
      rows.push({ name: `${route} (${s.n}): p50 / p99`, value: `${s.p50.toFixed(0)} / ${s.p99.toFixed(0)} ms` });
    }
    const rr = summary(reads);
    const ww = summary(writes);
    rows.push(
      { name: "floor: DynamoDB Local GetItem, 200 at once: p50 / p99", value: `${rr.p50.toFixed(0)} / ${rr.p99.toFixed(0)} ms` },
      { name: "floor: DynamoDB Local conditional PutItem, 200 at once: p50 / p99", value: `${ww.p50.toFixed(0)} / ${ww.p99.toFixed(0)} ms` },
    );
    return rows;
  } finally {
    await db.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) printTable("Friday afternoon: 200 households open the app", await friday());
