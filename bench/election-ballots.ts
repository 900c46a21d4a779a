import { pathToFileURL } from "node:url";
import { withActor } from "@akker/core/actor";
import { Session } from "@akker/core/auth/session";
import { Election } from "@akker/core/election/election";
import { useDB } from "@akker/core/entities";
import { Farm } from "@akker/core/farm/farm";
import { benchDatabase, benchServer, summary, call } from "./fixture";
import { printTable, type Figure } from "./lib";

const households = Number(process.env.BENCH_HOUSEHOLDS ?? 10_000);
const concurrency = 50;

/**
 * 10,000 households each cast one ballot through the local server (50 at a
 * time), then the board closes the election, which counts every ballot.
 */
export async function electionBallots(): Promise<Figure[]> {
  const db = await benchDatabase();
  try {
    const farmID = "bench-farm";
    const system = { type: "system" as const, farmID };
    const { electionID, tokens, seedSeconds } = await withActor(system, async () => {
      const seedStarted = performance.now();
      await Farm.create({ id: farmID, name: "Benchboerderij" });
      const e = useDB().entities;
      const ids = Array.from({ length: households }, (_, i) => String(i).padStart(5, "0"));
      // Written in batches straight to the table: 10,000 households and their people.
      for (let i = 0; i < ids.length; i += 1000) {
        const slice = ids.slice(i, i + 1000);
        await Promise.all([
          e.household.put(slice.map((n) => ({ farmID, householdID: `hh_${n}`, name: `Huishouden ${n}`, adults: 2, children: 0, vegetarian: false, certificate: "full" as const, status: "active" as const }))).go({ concurrency: 4 }),
          e.person.put(slice.map((n) => ({ farmID, personID: `per_${n}`, name: `Lid ${n}`, email: `lid${n}@bench.test`, householdID: `hh_${n}` }))).go({ concurrency: 4 }),
        ]);
      }
      const board = { type: "person" as const, farmID, personID: "per_00000", householdID: "hh_00000", roles: ["board" as const], sessionID: "bench" };
      const election = await withActor(board, () =>
        Election.create({
          title: "Bestuursverkiezing",
          kind: "board",
          seats: 3,
          candidates: ["Anne", "Bram", "Cor", "Dirk", "Eva"].map((name) => ({ name, statement: "" })),
          opensAt: new Date(Date.now() - 60_000).toISOString(),
          closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
        }),
      );
      await withActor(board, () => Election.open(election.id));
      const tokens: string[] = [];
      for (let i = 0; i < ids.length; i += 500)
        tokens.push(...(await Promise.all(ids.slice(i, i + 500).map((n) => Session.open(`per_${n}`)))));
      return { electionID: election.id, tokens, seedSeconds: (performance.now() - seedStarted) / 1000 };
    });

    const server = await benchServer(db.endpoint, db.tableName, { DEFAULT_FARM_ID: farmID });
    const times: number[] = [];
    let errors = 0;
    let seconds: number;
    try {
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < tokens.length) {
            const i = next++;
            const json = { choices: [`c${(i % 5) + 1}`, `c${((i * 7) % 5) + 1}`] };
            const res = await call(server.port, "POST", `/api/elections/${electionID}/ballots`, { cookie: `akker_session=${tokens[i]}`, json });
            if (res.status !== 201) errors++;
            times.push(res.ms);
          }
        }),
      );
      seconds = (performance.now() - started) / 1000;
    } finally {
      await server.stop();
    }

    const board = { type: "person" as const, farmID, personID: "per_00000", householdID: "hh_00000", roles: ["board" as const, "member" as const], sessionID: "bench" };
    const closeStarted = performance.now();
    await withActor(board, () => Election.close(electionID));
    const closeSeconds = (performance.now() - closeStarted) / 1000;
    // The tally alone: read every ballot and count, as a recount does.
    const tallyStarted = performance.now();
    const result = await withActor(board, () => Election.recount(electionID));
    const tallySeconds = (performance.now() - tallyStarted) / 1000;
    const t = summary(times);
    return [
      { name: `households on the roll (seeded in ${seedSeconds.toFixed(0)} s)`, value: String(households) },
      { name: `ballots cast (${concurrency} at a time)`, value: String(times.length - errors) },
      { name: "ballots per second", value: `${(times.length / seconds).toFixed(0)} /s` },
      { name: "per ballot p50", value: `${t.p50.toFixed(0)} ms` },
      { name: "per ballot p99", value: `${t.p99.toFixed(0)} ms` },
      { name: "errors", value: String(errors), target: "0", ok: errors === 0 },
      { name: "tally: read every ballot and count", value: `${tallySeconds.toFixed(2)} s`, target: "≤ 5 s", ok: tallySeconds <= 5 },
      { name: "close (count, store, mail every household)", value: `${closeSeconds.toFixed(1)} s` },
      { name: "counted = cast", value: `${result.voted} = ${times.length - errors}`, ok: result.voted === times.length - errors },
    ];
  } finally {
    await db.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) printTable("Elections: 10,000 ballots", await electionBallots());
