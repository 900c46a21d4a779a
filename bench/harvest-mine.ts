import { pathToFileURL } from "node:url";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { withActor } from "@akker/core/actor";
import { Session } from "@akker/core/auth/session";
import { demoFarm, seedDemo } from "@akker/core/demo/seed";
import { useDynamo } from "@akker/core/dynamo";
import { useDB } from "@akker/core/entities";
import { Household } from "@akker/core/household/household";
import { Person } from "@akker/core/person/person";
import { weekOf } from "@akker/core/week";
import { benchDatabase, benchServer, publishWeek, summary, call } from "./fixture";
import { printTable, type Figure } from "./lib";

const rounds = 25;

/**
 * GET /api/harvests/{week}/mine with the 200 demo households asking at once,
 * round after round, against the local server in its own process; beside it
 * the same DynamoDB reads issued raw, 200 at once, as the floor.
 */
export async function harvestMine(): Promise<Figure[]> {
  const db = await benchDatabase();
  try {
    await seedDemo();
    const week = weekOf(Date.now());
    const farmID = demoFarm.id;
    const setup = await withActor({ type: "system", farmID }, async () => {
      await publishWeek(week);
      const households = await Household.list();
      return Promise.all(
        households.map(async (h) => {
          const person = (await Person.byHousehold(h.id))[0]!;
          return { household: h, person, token: await Session.open(person.id) };
        }),
      );
    });

    const server = await benchServer(db.endpoint, db.tableName);
    const http: number[] = [];
    let errors = 0;
    let calls = { gets: 0, batches: 0, batchedKeys: 0 };
    try {
      for (let r = 0; r < rounds + 2; r++) {
        if (r === 2) calls = (await server.stats()).reads;
        const results = await Promise.all(
          setup.map((s) =>
            call(server.port, "GET", `/api/harvests/${week}/mine`, { cookie: `akker_session=${s.token}` }),
          ),
        );
        if (r < 2) continue; // warm-up
        for (const res of results) {
          if (res.status !== 200) errors++;
          http.push(res.ms);
        }
      }
      const after = (await server.stats()).reads;
      calls = { gets: after.gets - calls.gets, batches: after.batches - calls.batches, batchedKeys: after.batchedKeys - calls.batchedKeys };
    } finally {
      await server.stop();
    }

    // The same reads, straight to DynamoDB, in the order the server needs them:
    // the session, then week, share and opt-out at once (who the person is
    // comes from the identity cache, see packages/core/src/person/identity.ts).
    const { client } = useDynamo();
    const e = useDB().entities;
    const reads = setup.map((s) => ({
      session: e.session.get({ farmID, tokenHash: Session.hashToken(s.token) }).params(),
      week: e.harvestWeek.get({ farmID, week }).params(),
      share: e.harvestShare.get({ farmID, week, householdID: s.household.id }).params(),
      optOut: e.harvestOptOut.get({ farmID, week, householdID: s.household.id }).params(),
    }));
    const raw: number[] = [];
    for (let r = 0; r < rounds + 2; r++) {
      const times = await Promise.all(
        reads.map(async (p) => {
          const started = performance.now();
          await client.send(new GetCommand(p.session));
          await Promise.all([client.send(new GetCommand(p.week)), client.send(new GetCommand(p.share)), client.send(new GetCommand(p.optOut))]);
          return performance.now() - started;
        }),
      );
      if (r >= 2) raw.push(...times);
    }

    const h = summary(http);
    const d = summary(raw);
    return [
      { name: `GET …/mine, 200 households at once × ${rounds}: p50`, value: `${h.p50.toFixed(1)} ms` },
      { name: "GET …/mine p99", value: `${h.p99.toFixed(1)} ms`, target: "≤ 25 ms", ok: h.p99 <= 25 },
      { name: "GET …/mine errors", value: `${errors} of ${h.n}`, target: "0", ok: errors === 0 },
      {
        name: "DynamoDB calls per round of 200 (reads coalesced per tick)",
        value: `${((calls.gets + calls.batches) / rounds).toFixed(1)} (${(calls.batchedKeys / Math.max(1, calls.batches)).toFixed(0)} keys a batch)`,
      },
      { name: "raw DynamoDB reads it needs (4 reads, 2 round trips): p50", value: `${d.p50.toFixed(1)} ms` },
      { name: "raw DynamoDB reads it needs: p99", value: `${d.p99.toFixed(1)} ms` },
      { name: "overhead ratio p99 (API / raw reads)", value: `${(h.p99 / d.p99).toFixed(2)}×` },
    ];
  } finally {
    await db.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) printTable("Harvest: my share under load", await harvestMine());
