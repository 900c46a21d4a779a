import { pathToFileURL } from "node:url";
import { withActor } from "@akker/core/actor";
import { Session } from "@akker/core/auth/session";
import { demoFarm, seedDemo } from "@akker/core/demo/seed";
import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { useDynamo } from "@akker/core/dynamo";
import { useDB } from "@akker/core/entities";
import { Household } from "@akker/core/household/household";
import { Person } from "@akker/core/person/person";
import { Workday } from "@akker/core/workday/workday";
import { benchDatabase, benchServer, summary, call } from "./fixture";
import { printTable, type Figure } from "./lib";

const days = 20;
const capacity = 10;
const perHousehold = 5;

/**
 * The sign-up rush when the season's work days open: the 200 demo households
 * each sign up for 5 of 20 work days (10 places each), all at the same
 * moment, against the local server in its own process.
 */
export async function workdaySignup(): Promise<Figure[]> {
  const db = await benchDatabase();
  try {
    await seedDemo();
    const farmID = demoFarm.id;
    const { people, workdayIDs } = await withActor({ type: "system", farmID }, async () => {
      const coordinator = (await Person.byEmail("coordinator@demo.test"))!;
      const created = await withActor(
        { type: "person", farmID, personID: coordinator.id, householdID: coordinator.householdID, roles: ["coordinator"], sessionID: "bench" },
        () =>
          Workday.create({
            title: "Wieden",
            task: "weeding",
            start: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
            end: new Date(Date.now() + 7 * 24 * 3600_000 + 3 * 3600_000).toISOString(),
            capacity,
            repeatWeeks: days,
          }),
      );
      const households = await Household.list();
      const people = await Promise.all(
        households.map(async (h) => {
          const person = (await Person.byHousehold(h.id))[0]!;
          return { person, token: await Session.open(person.id) };
        }),
      );
      return { people, workdayIDs: created.map((w) => w.id) };
    });

    // Each household picks 5 different days, spread so every day gets 50 requests.
    const requests = people.flatMap((p, i) =>
      Array.from({ length: perHousehold }, (_, k) => ({ token: p.token, workdayID: workdayIDs[(i + k * 4) % days]! })),
    );
    const server = await benchServer(db.endpoint, db.tableName);
    let results: { status: number; ms: number }[];
    let seconds: number;
    let retries: number;
    try {
      const started = performance.now();
      results = await Promise.all(
        requests.map((r) => call(server.port, "POST", `/api/workdays/${r.workdayID}/signup`, { cookie: `akker_session=${r.token}` })),
      );
      seconds = (performance.now() - started) / 1000;
      retries = (await server.stats()).workdayRetries;
    } finally {
      await server.stop();
    }

    // Check the outcome: capacity kept, counts equal the sign-up items.
    let consistent = true;
    let confirmed = 0;
    let waitlisted = 0;
    for (const workdayID of workdayIDs) {
      const w = (await useDB().entities.workday.get({ farmID, workdayID }).go({ consistent: true })).data!;
      const s = (await useDB().entities.signup.query.byWorkday({ farmID, workdayID }).go({ pages: "all", consistent: true })).data;
      const c = s.filter((x) => x.status === "confirmed").length;
      consistent &&= w.confirmed === c && w.waitlisted === s.length - c && c <= capacity;
      confirmed += c;
      waitlisted += s.length - c;
    }
    // The floor: DynamoDB Local's own rate of two-item transactions, 100 at a time.
    const { client, table } = useDynamo();
    const floorStarted = performance.now();
    const floorCount = 500;
    for (let i = 0; i < floorCount; i += 100)
      await Promise.all(
        Array.from({ length: 100 }, (_, k) =>
          client.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: { TableName: table, Item: { pk: `floor-a-${i + k}`, sk: "x" } } },
                { Put: { TableName: table, Item: { pk: `floor-b-${i + k}`, sk: "x" } } },
              ],
            }),
          ),
        ),
      );
    const floorRate = floorCount / ((performance.now() - floorStarted) / 1000);
    const errors = results.filter((r) => r.status !== 200).length;
    const t = summary(results.map((r) => r.ms));
    return [
      { name: `sign-ups at once (${people.length} households × ${perHousehold} of ${days} days)`, value: String(requests.length) },
      { name: "throughput", value: `${(requests.length / seconds).toFixed(0)} /s` },
      { name: "floor: DynamoDB Local two-item transactions", value: `${floorRate.toFixed(0)} /s` },
      { name: "latency p50", value: `${t.p50.toFixed(0)} ms` },
      { name: "latency p99", value: `${t.p99.toFixed(0)} ms` },
      { name: "conflict retries (optimistic lock)", value: String(retries) },
      { name: "errors", value: String(errors), target: "0", ok: errors === 0 },
      { name: "confirmed / waitlisted", value: `${confirmed} / ${waitlisted}`, target: `${days * capacity} / ${requests.length - days * capacity}`, ok: confirmed === days * capacity && waitlisted === requests.length - days * capacity },
      { name: "counts equal sign-up items, capacity kept", value: consistent ? "yes" : "NO", ok: consistent },
    ];
  } finally {
    await db.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) printTable("Work days: sign-up rush", await workdaySignup());
