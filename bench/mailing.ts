import { pathToFileURL } from "node:url";
import { withActor } from "@akker/core/actor";
import { Session } from "@akker/core/auth/session";
import { demoFarm, seedDemo } from "@akker/core/demo/seed";
import { useDB } from "@akker/core/entities";
import { Household } from "@akker/core/household/household";
import { Person } from "@akker/core/person/person";
import { benchDatabase, benchServer, call } from "./fixture";
import { percentile, printTable, type Figure } from "./lib";

const rounds = 10;

/**
 * The answers that used to wait for 200 households' mail: publishing a
 * week, correcting it (republish), opening and closing a vote, each ten
 * times through the local server on the 200-household demo farm. Each
 * answer is timed; then the mailing's progress route is asked until done
 * (the mail goes out after the answer), and at the end the outbox is
 * counted against the people of the households each mailing was for.
 */
export async function mailing(): Promise<Figure[]> {
  const db = await benchDatabase();
  try {
    const farmID = demoFarm.id;
    await seedDemo({ households: 200 });
    const { farmer, board, peopleOf } = await withActor({ type: "system", farmID }, async () => {
      const session = async (email: string) => `akker_session=${await Session.open((await Person.byEmail(email))!.id)}`;
      const people = (await useDB().entities.person.query.byID({ farmID }).go({ pages: "all" })).data;
      // the households a vote's roll holds: the active ones
      const active = new Set((await Household.list()).filter((h) => h.status === "active").map((h) => h.id));
      const peopleOf = new Map<string, number>();
      for (const p of people) if (p.householdID && active.has(p.householdID)) peopleOf.set(p.householdID, (peopleOf.get(p.householdID) ?? 0) + 1);
      return { farmer: await session("boer@demo.test"), board: await session("bestuur@demo.test"), peopleOf };
    });
    const server = await benchServer(db.endpoint, db.tableName, { DEFAULT_FARM_ID: farmID });
    const times = { publish: [] as number[], republish: [] as number[], open: [] as number[], close: [] as number[] };
    const after = { publish: [] as number[], republish: [] as number[], open: [] as number[], close: [] as number[] };
    const households = { publish: 0, republish: 0, open: 0, close: 0 };
    let expected = 0;
    let errors = 0;
    const ask = async (cookie: string, method: string, path: string, json?: unknown) => {
      const res = await call(server.port, method, path, { cookie, json });
      if (res.status >= 300) {
        errors++;
        throw new Error(`${method} ${path}: ${res.status} ${res.body.slice(0, 200)}`);
      }
      return { ms: res.ms, body: JSON.parse(res.body || "null") };
    };
    /** Asks the progress route until done: how long the mail took after the answer, and the households it was for. */
    const mailed = async (cookie: string, path: string) => {
      const started = performance.now();
      for (;;) {
        const { body } = await ask(cookie, "GET", path);
        if (body.done) return { ms: performance.now() - started, total: body.total as number };
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const items = (courgettes: number) => [
      { crop: "courgette", unit: "piece", quantity: courgettes },
      { crop: "spinazie", unit: "kg", quantity: 60.35, step: 0.05 },
      { crop: "radijs", unit: "bunch", quantity: 150 },
      { crop: "aardappel", unit: "kg", quantity: 180 },
      { crop: "gehakt", unit: "kg", quantity: 40, step: 0.5, meat: true },
    ];
    try {
      for (let i = 0; i < rounds; i++) {
        // weeks far ahead, in order: a correction is only for the newest published week
        const week = `2030-W${String(10 + i).padStart(2, "0")}`;
        await ask(farmer, "PUT", `/api/harvests/${week}`, { items: items(370) });
        const first = await ask(farmer, "POST", `/api/harvests/${week}/publish`);
        times.publish.push(first.ms);
        const m1 = await mailed(farmer, `/api/harvests/${week}/mailing`);
        after.publish.push(m1.ms);
        households.publish += m1.total;
        expected += (first.body.allocations as { householdID: string }[]).reduce((n, a) => n + (peopleOf.get(a.householdID) ?? 0), 0);
        // a crop came in short: only the households whose share changed are mailed
        await ask(farmer, "PUT", `/api/harvests/${week}`, { items: items(330) });
        const again = await ask(farmer, "POST", `/api/harvests/${week}/publish`);
        times.republish.push(again.ms);
        const m2 = await mailed(farmer, `/api/harvests/${week}/mailing`);
        after.republish.push(m2.ms);
        households.republish += m2.total;
        const before = new Map((first.body.allocations as { householdID: string; lines: unknown }[]).map((a) => [a.householdID, JSON.stringify(a.lines)]));
        expected += (again.body.allocations as { householdID: string; lines: unknown }[])
          .filter((a) => before.get(a.householdID) !== JSON.stringify(a.lines))
          .reduce((n, a) => n + (peopleOf.get(a.householdID) ?? 0), 0);

        const now = Date.now();
        const created = await ask(board, "POST", "/api/elections", {
          title: `Begroting ${i + 1}`,
          kind: "motion",
          majority: "simple",
          opensAt: new Date(now + 3600_000).toISOString(),
          closesAt: new Date(now + 7 * 24 * 3600_000).toISOString(),
        });
        const id = created.body.election.id as string;
        times.open.push((await ask(board, "POST", `/api/elections/${id}/open`)).ms);
        const m3 = await mailed(board, `/api/elections/${id}/mailing`);
        after.open.push(m3.ms);
        households.open += m3.total;
        times.close.push((await ask(board, "POST", `/api/elections/${id}/close`)).ms);
        const m4 = await mailed(board, `/api/elections/${id}/mailing`);
        after.close.push(m4.ms);
        households.close += m4.total;
        const rollPeople = [...peopleOf.values()].reduce((n, c) => n + c, 0);
        expected += 2 * rollPeople;
      }
    } finally {
      await server.stop();
    }
    const arrived = await withActor({ type: "system", farmID }, async () => {
      const all = (await useDB().entities.outbox.query.byID({ farmID }).go({ pages: "all" })).data;
      return all.filter((m) => /oogst|Stemmen geopend|Uitslag/i.test(m.subject)).length;
    });
    const p = (ms: number[]) => percentile([...ms].sort((a, b) => a - b), 95);
    const row = (name: string, key: keyof typeof times, target = true): Figure => ({
      name: `${name}: the answer, p95 of ${rounds} (median ${percentile([...times[key]].sort((x, y) => x - y), 50).toFixed(0)} ms); mail done ${(p(after[key]) / 1000).toFixed(1)} s after it (p95), ${households[key]} households in all`,
      value: `${p(times[key]).toFixed(0)} ms`,
      ...(target ? { target: "≤ 1 s", ok: p(times[key]) <= 1000 } : {}),
    });
    return [
      row("publish a week, 200 households", "publish"),
      row("republish it with fewer courgettes (only changed shares mailed)", "republish"),
      row("open a vote", "open", false),
      row("close a vote", "close"),
      { name: "mails in the outbox afterwards / expected (the people of the households each mailing was for)", value: `${arrived} / ${expected}`, ok: arrived === expected },
      { name: "errors", value: String(errors), ok: errors === 0 },
    ];
  } finally {
    await db.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) printTable("Mail after the answer: 200 households", await mailing());
