import { pathToFileURL } from "node:url";
import { withActor, type Actor } from "@akker/core/actor";
import { Session } from "@akker/core/auth/session";
import { Clock } from "@akker/core/clock";
import { seedActivity } from "@akker/core/demo/activity";
import { demoFarm, seedDemo } from "@akker/core/demo/seed";
import { Household } from "@akker/core/household/household";
import { Mail } from "@akker/core/mail/mail";
import { Person } from "@akker/core/person/person";
import { addWeeks, weekOf } from "@akker/core/week";
import { createApp } from "../functions/src/api/app";
import { jobs } from "../functions/src/jobs/registry";
import { runJobs } from "../functions/src/jobs/tick";
import { logger } from "../functions/src/log";
import { benchDatabase } from "./fixture";
import { printTable, type Figure } from "./lib";
import { bill, eur, eurFine, fmt, pad, type Line } from "./cost-bill";
import { call, countingLogs, instrumentDynamo, measure, meter, meterApp, tableBytes, webApp, type Action } from "./cost-meter";
import { assumptions, households, minutesPerMonth, prices, weeksPerMonth } from "./cost-model";

/*
 * `npm run bench -- cost`: what one farm costs on AWS a month, and fifty on
 * one deployment, from measured work per user action times an explicit
 * usage model. docs/cost.md explains the model; every price and assumption
 * is a constant in cost-model.ts; cost-meter.ts measures, cost-bill.ts
 * prices what it measured.
 *
 * Measured, per action, against the real API in this process over DynamoDB
 * Local with the demo farm (200 households) and its activity: HTTP requests,
 * DynamoDB calls and the read/write request units DynamoDB reports for them
 * (ReturnConsumedCapacity on every call), the handler's milliseconds, the
 * bytes of each answer as CloudFront sends it (gzip above 1 kB), and the
 * bytes the API logs. Mail is counted, not sent: the figures are "before
 * email".
 */

// ---------------------------------------------------------------------------
// The run.
// ---------------------------------------------------------------------------

export async function cost(): Promise<Figure[]> {
  const db = await benchDatabase();
  const level = logger.getLevelName();
  try {
    const farmID = demoFarm.id;
    const system: Actor = { type: "system", farmID };
    await seedDemo();
    await seedActivity();
    process.env.DEFAULT_FARM_ID = farmID;
    meterApp(createApp({ stage: "local" }));
    // the request lines the API logs in Lambda, where the level is INFO
    logger.setLogLevel("INFO");
    const outbox = new Map<string, Mail.Message>();
    Mail.setTransport(async (m) => {
      meter.mails++;
      outbox.set(m.to, m);
    });
    instrumentDynamo();

    // Sessions as a phone holds them: made two hours ago, so the first request refreshes them, as after a night.
    const people = await withActor(system, async () => {
      const list = await Household.list();
      return Promise.all(list.map(async (h) => ({ household: h, person: (await Person.byHousehold(h.id))[0]! })));
    });
    const sessionOf = (personID: string) => withActor(system, () => Session.open(personID));
    Clock.set(Date.now() - 2 * 3600_000);
    const tokens = await Promise.all(people.map((p) => sessionOf(p.person.id)));
    const byEmail = async (email: string) => sessionOf((await withActor(system, () => Person.byEmail(email)))!.id);
    const [farmer, coordinator, treasurer, board] = await Promise.all(
      ["boer@demo.test", "coordinator@demo.test", "penningmeester@demo.test", "bestuur@demo.test"].map(byEmail),
    );
    Clock.set(undefined);

    const a = assumptions;
    const week = weekOf(Date.now());
    const year = new Date().getFullYear();
    const workdays = (await call(farmer, "GET", "/api/workdays")).json.workdays as { id: string; title: string; capacity: number; confirmed: number }[];
    const openDay = workdays.find((w) => w.confirmed === 0 && w.capacity >= 12) ?? workdays[1]!;
    const elections = (await call(board, "GET", "/api/elections")).json.elections as { id: string; status: string }[];
    const vote = elections.find((e) => e.status === "open")!;
    const member = (i: number) => ({ ...people[40 + i]!, token: tokens[40 + i]! });

    const actions: Action[] = [];
    const samples = 10;
    actions.push(
      await measure("open the app (me, my share, work days)", households * a.opensPerHouseholdPerWeek * weeksPerMonth, samples, async (i) => {
        const m = member(i);
        await call(m.token, "GET", "/api/me");
        await call(m.token, "GET", `/api/harvests/${week}/mine`);
        await call(m.token, "GET", "/api/workdays");
      }),
    );
    actions.push(
      await measure("log in (code by mail, verify)", households * a.loginsPerHouseholdPerMonth, samples, async (i) => {
        const email = member(i).person.email;
        await call(undefined, "POST", "/api/auth/code", { email });
        const code = /\b(\d{6})\b/.exec(outbox.get(email)!.text)![1];
        await call(undefined, "POST", "/api/auth/verify", { email, code });
      }),
    );
    actions.push(
      // the week after next: next week's deadline has passed from Thursday evening to Sunday
      await measure("opt out of a coming week's harvest", households * a.optOutShare * weeksPerMonth, samples, (i) =>
        call(member(i).token, "PUT", `/api/harvests/${addWeeks(week, 2)}/opt-out`, { optedOut: true }),
      ),
    );
    actions.push(
      await measure("sign up for a work day (view it, sign up)", a.workdaysPerWeek * weeksPerMonth * a.signupsPerWorkday, samples, async (i) => {
        await call(member(i).token, "GET", `/api/workdays/${openDay.id}`);
        await call(member(i).token, "POST", `/api/workdays/${openDay.id}/signup`);
      }),
    );
    actions.push(
      await measure("cancel a sign-up", a.workdaysPerWeek * weeksPerMonth * a.signupsPerWorkday * a.cancelShare, 3, (i) =>
        call(member(i).token, "DELETE", `/api/workdays/${openDay.id}/signup`),
      ),
    );
    actions.push(
      await measure("report hours", a.hoursReportsPerMonth, samples, (i) =>
        call(member(i).token, "POST", "/api/me/hours", { date: new Date().toISOString().slice(0, 10), hours: 2, task: "weeding" }),
      ),
    );
    actions.push(
      await measure("look at the contribution statement", households * a.statementViewsPerHouseholdPerMonth, samples, (i) =>
        call(member(i).token, "GET", `/api/households/${member(i).household.id}/statement?year=${year}`),
      ),
    );
    actions.push(
      await measure("vote (read the vote, cast the ballot)", (a.electionsPerYear / 12) * households * a.turnout, samples, async (i) => {
        await call(member(i).token, "GET", `/api/elections/${vote.id}`);
        await call(member(i).token, "POST", `/api/elections/${vote.id}/ballots`, { vote: "yes" });
      }),
    );
    const crops = [
      { crop: "courgette", unit: "piece", quantity: 640 },
      { crop: "spinazie", unit: "kg", quantity: 150 },
      { crop: "radijs", unit: "bunch", quantity: 480 },
      { crop: "aardappel", unit: "kg", quantity: 500, step: 0.25 },
      { crop: "wortel", unit: "kg", quantity: 190 },
    ];
    actions.push(
      await measure("farmer: enter the week's harvest (twice) and publish it", weeksPerMonth, 1, async (i) => {
        const w = addWeeks(week, 2 + i);
        for (let k = 0; k < a.harvestEditsPerWeek; k++) await call(farmer, "PUT", `/api/harvests/${w}`, { items: crops.map((c) => ({ ...c, quantity: c.quantity + k })) });
        await call(farmer, "POST", `/api/harvests/${w}/publish`);
      }),
    );
    const start = new Date(Date.now() + 20 * 24 * 3600_000);
    actions.push(
      await measure("coordinator: plan a work day", a.workdaysPerWeek * weeksPerMonth, 3, (i) =>
        call(coordinator, "POST", "/api/workdays", {
          title: `Schoffelen ${i}`,
          task: "weeding",
          start: new Date(start.getTime() + i * 3600_000).toISOString(),
          end: new Date(start.getTime() + (i + 3) * 3600_000).toISOString(),
          capacity: 10,
        }),
      ),
    );
    actions.push(
      await measure("coordinator: look at a roster", a.workdaysPerWeek * weeksPerMonth * a.rosterViewsPerWorkday, 3, () =>
        call(coordinator, "GET", `/api/workdays/${openDay.id}/roster`),
      ),
    );
    actions.push(
      await measure("treasurer: import the bank statement (200 lines)", a.bankImportsPerMonth, 1, (i) => {
        const csv = ["datum;bedrag;omschrijving;rekening", ...people.map((p, k) => `${year}-11-0${i + 1};43,34;Bijdrage ${i}-${k};${p.household.id}`)].join("\n");
        return call(treasurer, "POST", "/api/payments/import", csv, "text/csv");
      }),
    );
    actions.push(await measure("treasurer: the contribution overview", a.overviewsPerMonth, 3, () => call(treasurer, "GET", `/api/contribution/overview?year=${year}`)));
    actions.push(
      await measure("treasurer: the month's direct-debit file (preview)", a.sepaFilesPerMonth, 2, () =>
        call(treasurer, "GET", `/api/sepa/${year}-${String(new Date().getMonth() + 1).padStart(2, "0")}.json`),
      ),
    );
    actions.push(
      await measure("board: create, open and close a vote", a.electionsPerYear / 12, 1, async (i) => {
        const created = await call(board, "POST", "/api/elections", {
          title: `Kostenmodel ${i}`,
          kind: "motion",
          opensAt: new Date(Date.now() - 60_000).toISOString(),
          closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
        });
        await call(board, "POST", `/api/elections/${created.json.election.id}/open`);
        await call(board, "POST", `/api/elections/${created.json.election.id}/close`);
      }),
    );
    // The scheduled jobs for one farm, steady state (the first tick after the seed catches up).
    await runJobs({ jobs, farmIDs: [farmID], now: new Date() });
    actions.push(
      await measure("scheduled jobs, one farm (every 5 min)", minutesPerMonth / a.tickMinutes, 3, async () => {
        const started = performance.now();
        await countingLogs(async () => {
          for (const r of await runJobs({ jobs, farmIDs: [farmID], now: new Date() })) logger.info("job.done", { job: r.job, farmID: r.farmID, ms: r.ms });
        });
        meter.ms += Math.ceil(performance.now() - started);
      }, "tick"),
    );

    const measured = { tableBytes: (await tableBytes()).bytes, web: webApp() ?? { files: 12, wireBytes: 120_000, rawBytes: 400_000, indexWireBytes: 1500 } };
    const one = bill(actions, 1, measured);
    const fifty = bill(actions, 50, measured);

    console.log("\nCost: measured work per user action (averages; ms = handler time over DynamoDB Local)");
    console.log(
      pad(
        [
          ["action", "a month", "requests", "DynamoDB calls", "RRU", "WRU", "ms", "bytes out", "log bytes", "mails"],
          ...actions.map((x) => [x.name, fmt(x.perMonth), x.requests.toFixed(0), x.calls.toFixed(1), x.rru.toFixed(1), x.wru.toFixed(1), x.ms.toFixed(0), x.bytes.toFixed(0), x.logBytes.toFixed(0), x.mails.toFixed(0)]),
        ],
        [false, true, true, true, true, true, true, true, true, true],
      ),
    );
    console.log(`\nCost: a month on AWS ${prices.region}, list prices of ${prices.asOf}, 1 USD = € ${prices.eurPerUsd}, before email`);
    console.log(
      pad(
        [
          ["service", "1 farm: usage", "list", "after free tier", "50 farms: usage", "list", "after free tier"],
          ...one.map((l, i) => [l.service, l.usage, eurFine(l.usd), eurFine(l.usdFree), fifty[i]!.usage, eurFine(fifty[i]!.usd), eurFine(fifty[i]!.usdFree)]),
        ],
        [false, true, true, true, true, true, true],
      ),
    );
    const total = (ls: Line[], k: "usd" | "usdFree") => ls.reduce((n, l) => n + l[k], 0);
    const mailsPerMonth = actions.reduce((n, x) => n + x.mails * x.perMonth, 0);
    const target = 5 / prices.eurPerUsd;
    return [
      { name: "1 farm (200 households), a month, list prices", value: eur(total(one, "usd")), target: "< € 5", ok: total(one, "usd") < target },
      { name: "1 farm, after the always-free tiers", value: eur(total(one, "usdFree")) },
      { name: "50 farms on one deployment, a month, list prices", value: eur(total(fifty, "usd")) },
      { name: "50 farms: per farm", value: eur(total(fifty, "usd") / 50), target: "< € 5", ok: total(fifty, "usd") / 50 < target },
      { name: "50 farms, after the always-free tiers", value: eur(total(fifty, "usdFree")) },
      { name: "API requests a month, 1 farm", value: fmt(actions.filter((x) => x.kind === "api").reduce((n, x) => n + x.requests * x.perMonth, 0)) },
      { name: "mails a month, 1 farm (not in these figures)", value: fmt(mailsPerMonth) },
      { name: "…which would add (SES only)", value: eur((mailsPerMonth / 1000) * prices.ses.per1000Mails) },
    ];
  } finally {
    Mail.setTransport(Mail.outboxTransport);
    logger.setLogLevel(level);
    Clock.set(undefined);
    await db.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) printTable("Cost: a month on AWS", await cost());
