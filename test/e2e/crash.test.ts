import { spawn, type ChildProcess } from "node:child_process";
import { Agent, request } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { Mailing } from "@akker/core/mail/mailing";
import { withActor, type Actor } from "@akker/core/actor";
import { Assembly } from "@akker/core/assembly/assembly";
import { Audit } from "@akker/core/audit/audit";
import { Session } from "@akker/core/auth/session";
import { composeIBAN } from "@akker/core/contribution/iban";
import { BankImport } from "@akker/core/contribution/bank-import";
import { Mandate } from "@akker/core/contribution/mandate";
import { PaymentLikeness } from "@akker/core/contribution/payment-likeness";
import { Payment } from "@akker/core/contribution/payment";
import { Season } from "@akker/core/contribution/season";
import { Statement } from "@akker/core/contribution/statement";
import { demoFarm, seedDemo } from "@akker/core/demo/seed";
import { useDynamo } from "@akker/core/dynamo";
import { Election } from "@akker/core/election/election";
import { useDB } from "@akker/core/entities";
import { VisibleError } from "@akker/core/error";
import { Farm } from "@akker/core/farm/farm";
import { Household } from "@akker/core/household/household";
import { Certificate } from "@akker/core/membership/certificate";
import { Mail } from "@akker/core/mail/mail";
import { Message } from "@akker/core/message/message";
import { mailUnsent as messagesUnsent } from "@akker/core/message/send";
import { Identity } from "@akker/core/person/identity";
import { Person } from "@akker/core/person/person";
import { Reminders } from "@akker/core/workday/reminders";
import { Workday } from "@akker/core/workday/workday";
import { freePort } from "../../functions/src/local/dynamo-local";
import { useTestTable } from "../setup/table";

/*
 * Crash safety. Two ways in:
 *
 * 1. Every crash point, one at a time, in this process: the DynamoDB client
 *    is made to "die" right after the n-th write of a sign-up, a cancel, a
 *    ballot and a payment, for n = 1, 2, … until the action makes fewer
 *    writes. After each, nothing may be half-done, and doing the action
 *    again (as a person pressing the button again would) must end right.
 *
 * 2. The real thing: the local server in a child process under a mixed load
 *    of sign-ups, cancels, ballots and payments, SIGKILLed when 40% of the
 *    requests have answered, then a new server on the same table. Whatever
 *    answered 2xx must be there, the counts must agree, and once the clients
 *    have resent what got no answer the end state must be exactly the one
 *    the requests ask for.
 */

const farmID = demoFarm.id;
const system: Actor = { type: "system", farmID };
const households = 60;
const days = 4;
const capacity = 6;
const year = new Date().getUTCFullYear();
const root = new URL("../..", import.meta.url).pathname;

interface Member {
  n: number;
  householdID: string;
  personID: string;
  token: string;
  actor: Actor;
}

let endpoint: string;
let tableName: string;
let members: Member[];
let treasurerToken: string;
let board: Actor;
let coordinator: Actor;

async function actorOf(email: string): Promise<Actor> {
  return withActor(system, async () => {
    const person = (await Person.byEmail(email))!;
    const identity = (await Identity.get(person.id))!;
    return { type: "person", farmID, personID: person.id, householdID: identity.householdID, roles: identity.roles, sessionID: "crash-test" };
  });
}

beforeAll(async () => {
  ({ endpoint, tableName } = await useTestTable());
  await seedDemo({ households });
  board = await actorOf("bestuur@demo.test");
  coordinator = await actorOf("coordinator@demo.test");
  await withActor(system, async () => {
    await Season.save(year, { budgetCents: 6_000_000, weeks: 52 });
    await Season.confirm(year, {});
  });
  const list = await withActor(system, () => Household.list());
  members = await withActor(system, () =>
    Promise.all(
      list.map(async (h) => {
        const person = (await Person.byHousehold(h.id))[0]!;
        const n = Number(/\((\d+)\)/.exec(h.name)![1]);
        return { n, householdID: h.id, personID: person.id, token: await Session.open(person.id), actor: await actorOf(person.email) };
      }),
    ),
  );
  members.sort((a, b) => a.n - b.n);
  treasurerToken = await withActor(system, async () => Session.open((await Person.byEmail("penningmeester@demo.test"))!.id));
});

// ---------------------------------------------------------------------------
// The invariants: what must hold whenever the server is not running a request.
// ---------------------------------------------------------------------------

/** Work days: counters equal the sign-up items, capacity kept, one waiting line. */
async function checkWorkdays(workdayIDs: string[]) {
  const db = useDB().entities;
  const out = new Map<string, { confirmed: Set<string>; waitlisted: Set<string> }>();
  const read = await Promise.all(
    workdayIDs.map(async (workdayID) => ({
      workdayID,
      w: (await db.workday.get({ farmID, workdayID }).go({ consistent: true })).data!,
      items: (await db.signup.query.byWorkday({ farmID, workdayID }).go({ pages: "all", consistent: true })).data,
    })),
  );
  for (const { workdayID, w, items } of read) {
    const confirmed = items.filter((s) => s.status === "confirmed");
    const waiting = items.filter((s) => s.status === "waitlisted").sort((a, b) => a.position - b.position);
    const where = `work day ${workdayID}`;
    expect(w.confirmed, `${where}: confirmed counter`).toBe(confirmed.length);
    expect(w.waitlisted, `${where}: waitlisted counter`).toBe(waiting.length);
    expect(confirmed.length, `${where}: capacity`).toBeLessThanOrEqual(w.capacity);
    // Nobody waits while a place is free, and the line is first come, first served.
    if (waiting.length) expect(confirmed.length, `${where}: a place free while people wait`).toBe(w.capacity);
    const positions = items.map((s) => s.position);
    expect(new Set(positions).size, `${where}: positions unique`).toBe(items.length);
    for (const p of positions) expect(p, `${where}: position within the day's sequence`).toBeLessThanOrEqual(w.seq);
    if (waiting.length && confirmed.length)
      expect(Math.max(...confirmed.map((s) => s.position)), `${where}: promoted out of order`).toBeLessThan(waiting[0]!.position);
    out.set(workdayID, { confirmed: new Set(confirmed.map((s) => s.personID)), waitlisted: new Set(waiting.map((s) => s.personID)) });
  }
  return out;
}

/** Election: ballots = households marked voted; the stored turnout agrees; every receipt is a stored ballot. */
async function checkElection(electionID: string, receipts: Iterable<string> = []) {
  const db = useDB().entities;
  const ballots = (await db.ballot.query.byElection({ farmID, electionID }).go({ pages: "all", consistent: true })).data;
  const roll = (await db.roll.query.byElection({ farmID, electionID }).go({ pages: "all", consistent: true })).data;
  const voted = roll.filter((r) => r.voted);
  expect(ballots.length, `election ${electionID}: ballots = households marked voted`).toBe(voted.length);
  expect(new Set(roll.map((r) => r.householdID)).size, "one roll entry per household").toBe(roll.length);
  const trackers = new Set(ballots.map((b) => b.tracker));
  for (const r of receipts) expect(trackers.has(r), `receipt ${r} is a stored ballot`).toBe(true);
  const info = await withActor(board, () => Election.get(electionID));
  expect(info.turnout.voted).toBe(voted.length);
  return { ballots: ballots.length, voted: new Set(voted.map((r) => r.householdID)), trackers };
}

/**
 * Payments: each ledger entry has its claim and its audit event and the
 * other way round, no bank reference is recorded twice, and every statement's
 * paid total is the sum of the household's entries.
 */
async function checkPayments() {
  const db = useDB().entities;
  const entries = (await db.ledgerEntry.query.byYear({ farmID, year }).go({ pages: "all" })).data;
  const byRef = new Map<string, typeof entries>();
  for (const e of entries) byRef.set(Payment.claimOf(e.reference), [...(byRef.get(Payment.claimOf(e.reference)) ?? []), e]);
  for (const [ref, list] of byRef) expect(list.length, `reference ${ref} recorded once`).toBe(1);
  const claims = await Promise.all(entries.map((e) => db.paymentClaim.get({ farmID, claim: Payment.claimOf(e.reference) }).go({ consistent: true })));
  entries.forEach((e, i) => expect(claims[i]!.data?.entryID, `claim of ${e.reference}`).toBe(e.entryID));
  const recorded = new Set<string>();
  const sums = new Map<string, number>();
  for (const e of entries) sums.set(e.householdID, (sums.get(e.householdID) ?? 0) + e.amountCents);
  const logs = await Promise.all(members.map((m) => withActor(system, () => Audit.forSubject(m.householdID))));
  for (const ev of logs.flat()) if (ev.action === "payment.recorded") recorded.add((ev.data as { entryID: string }).entryID);
  expect([...recorded].sort(), "one audit event per payment, and no event without its payment").toEqual(entries.map((e) => e.entryID).sort());
  const statements = await withActor(system, () => Statement.all(year));
  for (const s of statements) expect(s.result.paidCents, `paid total of ${s.household.name}`).toBe(sums.get(s.household.householdID) ?? 0);
  return { entries, sums };
}

// ---------------------------------------------------------------------------
// 1. Every crash point, in this process.
// ---------------------------------------------------------------------------

class SimulatedCrash extends Error {
  constructor() {
    super("simulated crash");
  }
}

/** ElectroDB wraps the client's error; the crash is somewhere in the causes. */
function isCrash(e: unknown): boolean {
  for (let c = e; c; c = (c as { cause?: unknown }).cause) if (c instanceof SimulatedCrash) return true;
  return false;
}

const writes = new Set(["PutItemCommand", "UpdateItemCommand", "DeleteItemCommand", "TransactWriteItemsCommand", "BatchWriteItemCommand"]);

/**
 * Runs `action` with the DynamoDB client dying right after its n-th write
 * has reached the table (as when the Lambda is killed at that moment).
 * Answers whether the crash happened, i.e. the action made at least n writes.
 */
async function crashAfterWrite<T>(n: number, action: () => Promise<T>): Promise<boolean> {
  const { client } = useDynamo();
  const name = `crash-after-write-${n}`;
  let count = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (writes.has(context.commandName ?? "") && ++count === n) throw new SimulatedCrash();
      return out;
    },
    { step: "initialize", name },
  );
  try {
    await action();
    // a mailing the action started runs after its answer: its writes are the action's too (a crash there is caught by it)
    await Mailing.settled();
    // Mail.commitWith lets a failed hand-over pass and leaves the mail kept for the mail job,
    // which is what a crash there leaves too: it still counts as a crash at n.
    return count >= n;
  } catch (e) {
    if (isCrash(e)) return true;
    throw e;
  } finally {
    client.middlewareStack.remove(name);
  }
}

/** Crash after write 1, 2, … (up to `last`) of the action, each time on fresh subjects; check, do it again, check. */
async function everyCrashPoint(run: (n: number, crash: (action: () => Promise<unknown>) => Promise<boolean>) => Promise<void>, last = 20) {
  const points: number[] = [];
  for (let n = 1; n <= last; n++) {
    let crashed = false;
    await run(n, async (action) => (crashed = await crashAfterWrite(n, action)));
    if (!crashed) break;
    points.push(n);
  }
  return points;
}

async function newDay(title: string) {
  const start = new Date(Date.now() + 14 * 24 * 3600_000).toISOString();
  const end = new Date(Date.now() + 14 * 24 * 3600_000 + 3 * 3600_000).toISOString();
  return (await withActor(coordinator, () => Workday.create({ title, task: "weeding", start, end, capacity: 1, repeatWeeks: 1 })))[0]!.id;
}

describe("a crash after any single write leaves nothing half-done", () => {
  it("signing up", async () => {
    const [a] = members;
    const points = await everyCrashPoint(async (n, crash) => {
      const day = await newDay(`Crash sign-up ${n}`);
      await crash(() => withActor(a!.actor, () => Workday.signup(day)));
      await checkWorkdays([day]);
      expect(await withActor(a!.actor, () => Workday.signup(day))).toEqual({ status: "confirmed" });
      const [state] = (await checkWorkdays([day])).values();
      expect([...state!.confirmed]).toEqual([a!.personID]);
    });
    expect(points).toEqual([1]);
  });

  it("cancelling a confirmed place, which moves the first in line up", async () => {
    const [a, b] = members;
    const points = await everyCrashPoint(async (n, crash) => {
      const day = await newDay(`Crash cancel ${n}`);
      await withActor(a!.actor, () => Workday.signup(day));
      await withActor(b!.actor, () => Workday.signup(day));
      await crash(() => withActor(a!.actor, () => Workday.cancelSignup(day)));
      await checkWorkdays([day]);
      await withActor(a!.actor, () => Workday.cancelSignup(day));
      const [state] = (await checkWorkdays([day])).values();
      expect([...state!.confirmed]).toEqual([b!.personID]);
      expect(state!.waitlisted.size).toBe(0);
      // the one who moved up hears of it once: the mail was kept with the change, and the
      // mail job hands over what the crash left (at least once; the local outbox takes a message once)
      await withActor(system, () => Mail.redeliver(new Date(Date.now() + Mail.keptMs + 1000)));
      const person = await withActor(system, () => Person.get(b!.personID));
      const mails = (await withActor(system, () => Mail.outbox(person!.email, 500))).filter((m) => m.subject.includes(`Crash cancel ${n}`));
      expect(mails, `crash after write ${n}`).toHaveLength(1);
    });
    // Write 1 is the change with its kept mail, 2 the mail handed over (the local outbox; SQS
    // when deployed), 3 forgetting the kept mail.
    expect(points).toEqual([1, 2, 3]);
  });

  it("creating a series of work days: every day and the audit event together", async () => {
    const points = await everyCrashPoint(async (n, crash) => {
      const title = `Crash create ${n}`;
      const start = new Date(Date.now() + 21 * 24 * 3600_000).toISOString();
      const end = new Date(Date.now() + 21 * 24 * 3600_000 + 2 * 3600_000).toISOString();
      const create = () => withActor(coordinator, () => Workday.create({ title, task: "weeding", start, end, capacity: 3, repeatWeeks: 3 }));
      await crash(create);
      const check = async () => {
        const made = (await useDB().entities.workday.query.byID({ farmID }).go({ pages: "all", consistent: true })).data.filter((w) => w.title === title);
        const logged = (await Promise.all(made.map((w) => withActor(system, () => Audit.forSubject(w.workdayID))))).flat().filter((e) => e.action === "workday.created");
        expect(made.length, "the whole series or nothing").toBeOneOf([0, 3]);
        expect(logged.length, "one audit event per series").toBe(made.length ? 1 : 0);
        return made.length;
      };
      if (!(await check())) await create();
      expect(await check()).toBe(3);
    });
    expect(points).toEqual([1]);
  });

  it("moving a work day: its sign-ups move with it, all or none", async () => {
    const [a, b, c] = members;
    const points = await everyCrashPoint(async (n, crash) => {
      const day = await newDay(`Crash move ${n}`);
      for (const m of [a, b, c]) await withActor(m!.actor, () => Workday.signup(day));
      const start = new Date(Date.now() + 15 * 24 * 3600_000).toISOString();
      const end = new Date(Date.now() + 15 * 24 * 3600_000 + 3 * 3600_000).toISOString();
      const starts = async () =>
        new Set(
          (await useDB().entities.signup.query.byWorkday({ farmID, workdayID: day }).go({ pages: "all", consistent: true })).data.map(
            (s) => s.start,
          ),
        );
      await crash(() => withActor(coordinator, () => Workday.update(day, { start, end })));
      const day1 = (await useDB().entities.workday.get({ farmID, workdayID: day }).go({ consistent: true })).data!;
      expect([...(await starts())], "every sign-up on the day's own start").toEqual([day1.start]);
      if (day1.start !== start) await withActor(coordinator, () => Workday.update(day, { start, end }));
      expect([...(await starts())]).toEqual([start]);
    });
    expect(points).toEqual([1]);
  });

  it("editing and cancelling a work day: each with its audit event", async () => {
    const logged = async (workdayID: string, action: string) =>
      (await withActor(system, () => Audit.forSubject(workdayID))).filter((e) => e.action === action).length;
    const stored = async (workdayID: string) => (await useDB().entities.workday.get({ farmID, workdayID }).go({ consistent: true })).data!;
    const points = await everyCrashPoint(async (n, crash) => {
      const day = await newDay(`Crash edit ${n}`);
      await crash(() => withActor(coordinator, () => Workday.update(day, { capacity: 5 })));
      expect(await logged(day, "workday.updated"), "one audit event per edit").toBe((await stored(day)).capacity === 5 ? 1 : 0);
      if ((await stored(day)).capacity !== 5) await withActor(coordinator, () => Workday.update(day, { capacity: 5 }));
      expect(await logged(day, "workday.updated")).toBe(1);
      await crash(() => withActor(coordinator, () => Workday.cancel(day)));
      expect(await logged(day, "workday.cancelled"), "one audit event per cancellation").toBe((await stored(day)).status === "cancelled" ? 1 : 0);
      await withActor(coordinator, () => Workday.cancel(day));
      expect((await stored(day)).status).toBe("cancelled");
      expect(await logged(day, "workday.cancelled")).toBe(1);
    });
    expect(points).toEqual([1]);
  });

  it("cancelling a work day people signed up for: the status with its audit event, then each one's mail once", async () => {
    const people = members.slice(0, 3);
    const sent: string[] = [];
    Mail.setTransport(async (m) => void sent.push(`${m.to} ${m.subject}`));
    try {
      const points = await everyCrashPoint(async (n, crash) => {
        const title = `Crash cancel ${n}`;
        const day = await newDay(title);
        for (const m of people) await withActor(m.actor, () => Workday.signup(day));
        await crash(() => withActor(coordinator, () => Workday.cancel(day)));
        // the coordinator presses cancel again, the work-day tick comes by, and the mail job sends what was kept
        await withActor(coordinator, () => Workday.cancel(day));
        await Mailing.settled();
        await withActor(system, () => Reminders.run(new Date()));
        await withActor(system, () => Mail.redeliver(new Date(Date.now() + Mail.keptMs)));
        const w = (await useDB().entities.workday.get({ farmID, workdayID: day }).go({ consistent: true })).data!;
        const signups = (await useDB().entities.signup.query.byWorkday({ farmID, workdayID: day }).go({ consistent: true })).data;
        expect(w.status).toBe("cancelled");
        expect(w.cancelMailPending, "the day's mail done").toBeUndefined();
        expect(signups.map((s) => !!s.cancelMailed)).toEqual(people.map(() => true));
        const mails = sent.filter((m) => m.includes(title));
        expect(mails.length, "each person mailed once").toBe(people.length);
        expect(new Set(mails).size).toBe(people.length);
        expect((await withActor(system, () => Audit.forSubject(day))).filter((e) => e.action === "workday.cancelled")).toHaveLength(1);
      }, 10);
      // the status with its audit event; then per person the mark with the mail kept, and the kept mail
      // forgotten once handed over; then the day's pending flag
      expect(points).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    } finally {
      Mail.setTransport(Mail.outboxTransport);
    }
  });

  it("casting a ballot", async () => {
    const electionID = await withActor(board, async () => {
      const e = await Election.create({
        title: "Crash: every write",
        kind: "motion",
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      });
      await Election.open(e.id);
      return e.id;
    });
    await Mailing.settled(); // the opening mails go out after the answer; their writes are not the ballot's
    const points = await everyCrashPoint(async (n, crash) => {
      const voter = members[n]!;
      await crash(() => withActor(voter.actor, () => Election.cast(electionID, { vote: "yes" })));
      await checkElection(electionID);
      // Again: either the first got in (already voted) or this one does.
      await withActor(voter.actor, () => Election.cast(electionID, { vote: "yes" })).catch((e: unknown) => {
        if (!(e instanceof VisibleError && e.code === "election.already_voted")) throw e;
      });
      const { voted } = await checkElection(electionID);
      expect(voted.has(voter.householdID)).toBe(true);
    });
    expect(points).toEqual([1]);
  });

  async function draftVote(title: string) {
    return withActor(board, async () =>
      (
        await Election.create({
          title,
          kind: "motion",
          opensAt: new Date(Date.now() - 60_000).toISOString(),
          closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
        })
      ).id,
    );
  }

  async function auditCount(electionID: string, action: string) {
    return (await withActor(board, () => Election.audit(electionID))).filter((ev) => ev.action === action).length;
  }

  /** The mails to every household are not data: leave them out, so the crash points are the data writes. */
  async function withoutMail<T>(fn: () => Promise<T>) {
    Mail.setTransport(async () => undefined);
    try {
      const out = await fn();
      // the mailing an action started runs after its answer: let it finish before the next crash counts writes
      await Mailing.settled();
      return out;
    } finally {
      Mail.setTransport(Mail.outboxTransport);
    }
  }

  it("opening a vote: the roll with the status and its audit event, then each household's mail", async () => {
    const active = members.length;
    const points = await withoutMail(() => everyCrashPoint(async (n, crash) => {
      const electionID = await draftVote(`Crash: opening ${n}`);
      await crash(() => withActor(board, () => Election.open(electionID)));
      // The board presses open again, and the tick comes by: writes the crashed run had in
      // flight may land meanwhile, as a killed Lambda's can, and refuse a household's mark once.
      await withActor(board, () => Election.open(electionID));
      await withActor(system, () => Election.tick(new Date()));
      const e = (await useDB().entities.election.get({ farmID, electionID }).go({ consistent: true })).data!;
      const roll = (await useDB().entities.roll.query.byElection({ farmID, electionID }).go({ pages: "all", consistent: true })).data;
      expect(e.status).toBe("open");
      expect(e.eligible).toBe(roll.length);
      expect(roll.length).toBeGreaterThanOrEqual(active);
      expect(e.openedMailSent).toBe(true);
      expect(roll.every((r) => r.openedMailed), "every household mailed the opening").toBe(true);
      expect(await auditCount(electionID, "election.opened")).toBe(1);
    }, 8));
    // the roll with the status and its audit event (one transaction: a small farm's roll fits beside them), then each
    // household's mark with its mails kept, and the kept mail forgotten once handed over (the first of them)
    expect(points).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("closing a vote: the status, then the count stored once with its audit event, then each household's mail", async () => {
    const points = await withoutMail(() => everyCrashPoint(async (n, crash) => {
      const electionID = await draftVote(`Crash: closing ${n}`);
      await withActor(board, () => Election.open(electionID));
      for (const m of members.slice(0, 5)) await withActor(m.actor, () => Election.cast(electionID, { vote: m.n % 2 ? "yes" : "no" }));
      await crash(() => withActor(board, () => Election.close(electionID)));
      // The board presses close again, or the tick does it.
      await withActor(system, () => Election.tick(new Date()));
      await withActor(board, () => Election.close(electionID));
      const e = (await useDB().entities.election.get({ farmID, electionID }).go({ consistent: true })).data!;
      expect(e.status).toBe("closed");
      expect((e.result as { voted: number }).voted).toBe(5);
      expect(await withActor(board, () => Election.recount(electionID))).toEqual(e.result);
      expect(await auditCount(electionID, "election.closed")).toBe(1);
      expect(e.resultsMailSent).toBe(true);
      const roll = (await useDB().entities.roll.query.byElection({ farmID, electionID }).go({ pages: "all", consistent: true })).data;
      expect(roll.every((r) => r.resultsMailed), "every household mailed the result").toBe(true);
    }, 5));
    // the status, the count with its audit event, then each household's mark with its mails (the first of them)
    expect(points).toEqual([1, 2, 3, 4, 5]);
  });

  it("closing an ALV that adopted its budget: the season's draft with the item's mark and its audit event, once", async () => {
    const points = await withoutMail(() => everyCrashPoint(async (n, crash) => {
      const y = 2100 + n; // years no other case here saves (a season save uses year + 20 + n)
      const a = await withActor(board, () => Assembly.create({ title: `Crash: ALV ${n}`, startsAt: new Date(Date.now() + 3600_000).toISOString(), place: "De schuur" }));
      await withActor(board, () => Assembly.addItem(a.id, { kind: "motion", title: "Begroting", budget: { year: y, budgetCents: 6_000_000, weeks: 52 } }));
      await withActor(board, () => Assembly.announce(a.id));
      const electionID = (await withActor(board, () => Assembly.open(a.id))).items[0]!.election!.id;
      for (const m of members.slice(0, 3)) await withActor(m.actor, () => Election.cast(electionID, { vote: "yes" }));
      // the opening's mail is done before the crash counts the closing's writes
      await Mailing.settled();
      await crash(() => withActor(board, () => Assembly.close(a.id)));
      // The board presses close again, and the tick comes by.
      await withActor(board, () => Assembly.close(a.id));
      await withActor(system, () => Election.tick(new Date()));
      await Mailing.settled();
      const season = (await useDB().entities.season.get({ farmID, year: y }).go({ consistent: true })).data;
      expect(season, `season ${y}`).toMatchObject({ budgetCents: 6_000_000, weeks: 52, pending: true, revision: 0 });
      const events = await withActor(system, async () => [...(await Audit.forSubject(a.id)), ...(await Audit.forSubject(String(y)))]);
      expect(events.filter((ev) => ev.action === "assembly.budget_adopted")).toHaveLength(1);
      expect(events.filter((ev) => ev.action === "season.saved")).toHaveLength(1);
    }, 10));
    // the closing's writes, the results' mail marks after it, and the season's draft with its mark among them
    expect(points).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("mailing a group: the people frozen, the message with its audit event, then each person's mark with their mail", async () => {
    const audience = { kind: "roles" as const, roles: ["board" as const, "treasurer" as const] };
    const points = await everyCrashPoint(async (n, crash) => {
      const input = { subject: `Crash: group mail ${n}`, text: "Eén keer, ook na een crash.", key: `crashmail${String(n).padStart(3, "0")}` };
      await crash(() => withActor(board, () => Message.send(audience, input)));
      // The board presses send again (the screen keeps its key), and the mail job comes by.
      const { message } = await withActor(board, () => Message.send(audience, input));
      await Mailing.settled();
      const later = new Date(Date.now() + Mail.keptMs + 1000);
      await withActor(system, async () => {
        await messagesUnsent(later);
        await Mail.redeliver(later);
      });
      const detail = await withActor(board, () => Message.get(message.id));
      expect(detail.done).toBe(true);
      expect(detail.recipients.length).toBe(message.total);
      expect(new Set(detail.recipients.map((r) => r.email)).size, "each person once").toBe(message.total);
      for (const r of detail.recipients) {
        expect(r.sentAt, `${r.email} marked mailed`).toBeTruthy();
        const mails = (await withActor(system, () => Mail.outbox(r.email!, 500))).filter((m) => m.subject === input.subject);
        expect(mails, `crash after write ${n}: ${r.email}`).toHaveLength(1);
      }
      expect((await withActor(system, () => Audit.forSubject(message.id))).filter((e) => e.action === "message.sent")).toHaveLength(1);
    }, 12);
    // the people (one batch), the message with its audit event, then per person: the mark with the mail kept,
    // the mail handed over, the kept mail forgotten; then the message marked done
    expect(points).toEqual(points.map((_, i) => i + 1));
    expect(points.length).toBeGreaterThanOrEqual(6);
  });

  it("creating a vote: the draft with its audit event", async () => {
    const points = await everyCrashPoint(async (n, crash) => {
      const title = `Crash: creating ${n}`;
      await crash(() => draftVote(title));
      const check = async () => {
        const made = (await withActor(board, () => Election.list())).filter((e) => e.title === title);
        for (const e of made) expect(await auditCount(e.id, "election.created"), "one audit event per vote created").toBe(1);
        return made.length;
      };
      if (!(await check())) await draftVote(title);
      expect(await check()).toBe(1);
    });
    expect(points).toEqual([1]);
  });

  it("giving a proxy, then withdrawing it: each with its audit event", async () => {
    const electionID = await withoutMail(async () => {
      const id = await draftVote("Crash: proxies");
      await withActor(board, () => Election.open(id));
      return id;
    });
    const pair = (n: number) => ({ from: members[40 + 2 * n]!, to: members[41 + 2 * n]! });
    const logged = async (action: string, from: string) =>
      (await withActor(board, () => Election.audit(electionID))).filter((ev) => ev.action === action && (ev.data as { from: string }).from === from).length;
    const proxyOf = async (from: string) => (await useDB().entities.proxy.get({ farmID, electionID, fromHouseholdID: from }).go({ consistent: true })).data;
    const given = await everyCrashPoint(async (n, crash) => {
      const { from, to } = pair(n);
      await crash(() => withActor(from.actor, () => Election.grantProxy(electionID, to.householdID)));
      const check = async () => {
        const p = await proxyOf(from.householdID);
        expect(await logged("election.proxy_granted", from.householdID), "one audit event per proxy given").toBe(p ? 1 : 0);
        return p;
      };
      if (!(await check())) await withActor(from.actor, () => Election.grantProxy(electionID, to.householdID));
      expect((await check())?.toHouseholdID).toBe(to.householdID);
    });
    expect(given).toEqual([1]);
    const withdrawn = await everyCrashPoint(async (n, crash) => {
      const { from } = pair(n);
      await crash(() => withActor(from.actor, () => Election.withdrawProxy(electionID)));
      const check = async () => {
        const p = await proxyOf(from.householdID);
        expect(await logged("election.proxy_withdrawn", from.householdID), "one audit event per proxy withdrawn").toBe(p ? 0 : 1);
        return p;
      };
      if (await check()) await withActor(from.actor, () => Election.withdrawProxy(electionID));
      expect(await check()).toBeNull();
    });
    expect(withdrawn).toEqual([1]);
  });

  it("recording a deposit payment, which issues the certificate", async () => {
    const points = await everyCrashPoint(async (n, crash) => {
      const h = await withActor(system, () =>
        Household.create({ name: `Inleg ${n}`, adults: 2, children: 0, vegetarian: false, certificate: "full", status: "active", people: [{ name: `Inleg ${n}`, email: `inleg${n}@crash.test`, locale: "nl" }] }),
      );
      const input = { amountCents: 25_000, date: `${year}-01-10`, reference: `INLEG-CRASH-${n}` };
      const check = async () => {
        const paid = (await useDB().entities.depositPayment.query.byHousehold({ farmID, householdID: h.id }).go({ consistent: false })).data;
        const own = (await useDB().entities.depositPayment.get({ farmID, reference: input.reference }).go({ consistent: true })).data;
        const certificate = (await useDB().entities.certificate.get({ farmID, householdID: h.id }).go({ consistent: true })).data;
        const logged = (await withActor(system, () => Audit.forSubject(h.id))).filter((e) => e.action === "deposit.paid");
        expect(certificate?.paidCents ?? 0, "paid on the certificate = the deposit payments").toBe(own ? own.amountCents : 0);
        expect(logged.length, "one audit event per deposit payment").toBe(own ? 1 : 0);
        return { paid, own };
      };
      await crash(() => withActor(system, () => Certificate.recordPayment(h.id, input)));
      await check();
      await withActor(system, () => Certificate.recordPayment(h.id, input));
      expect((await check()).own?.amountCents).toBe(25_000);
    });
    expect(points).toEqual([1]);
  });

  it("changing a household's composition, which the contribution dates by its audit event", async () => {
    const points = await everyCrashPoint(async (n, crash) => {
      const h = members[20 + n]!;
      const before = (await withActor(system, () => Household.get(h.householdID)))!;
      const changes = { vegetarian: !before.vegetarian };
      await crash(() => withActor(system, () => Household.update({ id: h.householdID, changes })));
      const check = async () => {
        const now = (await useDB().entities.household.get({ farmID, householdID: h.householdID }).go({ consistent: true })).data!;
        const logged = (await withActor(system, () => Audit.forSubject(h.householdID))).filter((e) => e.action === "household.updated");
        expect(logged.some((e) => (e.data as { vegetarian?: boolean }).vegetarian === now.vegetarian), "the change is in the log").toBe(now.vegetarian !== before.vegetarian);
        return now;
      };
      if ((await check()).vegetarian === before.vegetarian) await withActor(system, () => Household.update({ id: h.householdID, changes }));
      expect((await check()).vegetarian).toBe(changes.vegetarian);
    });
    expect(points).toEqual([1]);
  });

  it("recording a payment", async () => {
    const points = await everyCrashPoint(async (n, crash) => {
      const payer = members[10 + n]!;
      const input = { householdID: payer.householdID, amountCents: 4200, date: `${year}-01-20`, reference: `CRASHPOINT-${n}` };
      await crash(() => withActor(system, () => Payment.record(input)));
      await checkPayments();
      await withActor(system, () => Payment.record(input));
      const { entries } = await checkPayments();
      expect(entries.filter((e) => e.reference === input.reference)).toHaveLength(1);
    });
    expect(points).toEqual([1]);
  });

  it("importing a bank file: a household's payments with its likeness and audit event, all or none, and again books each line once", async () => {
    // a year of its own: checkPayments' statements count only payments by hand
    const booked = year - 5;
    const payers = members.slice(0, 3);
    const db = useDB().entities;
    /** This year's entries of the payers, the lines their likeness names, and the payments their audit events name: one and the same. */
    const check = async () => {
      const entries = (await Promise.all(payers.map((p) => withActor(system, () => Payment.ofHousehold(p.householdID, booked))))).flat();
      const likeness = await withActor(system, () => PaymentLikeness.read(payers.map((p) => ({ householdID: p.householdID, year: booked }))));
      const tokens = payers.flatMap((p) => [...likeness.get(p.householdID, booked).lines.values()]);
      const logs = (await Promise.all(payers.map((p) => withActor(system, () => Audit.forSubject(p.householdID))))).flat();
      const named = logs.filter((e) => e.action === "payments.booked").flatMap((e) => (e.data as { payments: { entryID: string }[] }).payments.map((x) => x.entryID));
      expect(tokens.length, "a line in the likeness for each payment booked").toBe(entries.length);
      expect(named.sort(), "one audit mention per payment, and none without its payment").toEqual(entries.map((e) => e.id).sort());
      return entries;
    };
    const points = await everyCrashPoint(async (n, crash) => {
      const cents = 4310 + n;
      const amount = `${Math.floor(cents / 100)},${cents % 100}`;
      const file = [
        "datum;bedrag;omschrijving;rekening",
        ...payers.flatMap((p, i) => [`${booked}-02-0${i + 1};${amount};Bijdrage februari;${p.householdID}`, `${booked}-03-0${i + 1};${amount};Bijdrage maart;${p.householdID}`]),
        `${booked}-02-10;${n},00;Gift;NL91ABNA0417164300`,
      ].join("\n");
      const bytes = new TextEncoder().encode(file);
      await crash(() => withActor(system, () => BankImport.run(bytes)));
      const before = (await check()).filter((e) => e.amountCents === cents);
      expect(before.length, "each household's payments all or none").toBeOneOf([0, 2, 4, 6]);
      // the crashed import's lease runs out by itself (60 s): here at once
      await db.bankLease.delete({ farmID }).go();
      const again = await withActor(system, () => BankImport.run(bytes));
      const after = (await check()).filter((e) => e.amountCents === cents);
      expect(after, "each line booked once").toHaveLength(6);
      expect(again.imported).toBe(6 - before.length);
      expect(new Set(after.map((e) => `${e.householdID} ${e.date}`)).size).toBe(6);
      const waiting = (await db.bankLine.query.byState({ farmID, state: "review" }).go({ pages: "all" })).data.filter((l) => l.amountCents === n * 100 && l.bookingDate === `${booked}-02-10`);
      expect(waiting, "the unknown line waits once").toHaveLength(1);
    });
    // the lease taken, the transaction, the import's audit event, the lease let go
    expect(points).toEqual([1, 2, 3, 4]);
  });

  async function mandateEvents(householdID: string, action: string) {
    return (await withActor(system, () => Audit.forSubject(householdID))).filter((e) => e.action === action).length;
  }

  it("giving a mandate, then revoking it: each change with its audit event and its mails", async () => {
    // each household its own account: an IBAN on another household's active mandate is refused
    const ibanOf = (n: number) => composeIBAN("NL", `INGB${String(10_000_000_000 + 300 + n).slice(1)}`);
    /** Each person of the household is told of each change once, whatever the crash left kept. */
    const mailedOnce = async (householdID: string, subject: RegExp) => {
      await withActor(system, () => Mail.redeliver(new Date(Date.now() + Mail.keptMs + 1000)));
      for (const person of await withActor(system, () => Person.byHousehold(householdID))) {
        const mails = (await withActor(system, () => Mail.outbox(person.email, 500))).filter((m) => subject.test(m.subject));
        expect(mails, `${subject} to ${person.email}`).toHaveLength(1);
      }
    };
    const given = await everyCrashPoint(async (n, crash) => {
      const { householdID } = members[30 + n]!;
      const input = Mandate.Input.parse({ iban: ibanOf(n), accountHolder: `Crash ${n}`, signedOn: `${year - 1}-12-01` });
      await crash(() => withActor(system, () => Mandate.put(householdID, input)));
      const check = async () => {
        const m = (await useDB().entities.mandate.get({ farmID, householdID }).go({ consistent: true })).data;
        expect(await mandateEvents(householdID, "mandate.given"), "one audit event per mandate given").toBe(m ? 1 : 0);
        return m;
      };
      if (!(await check())) await withActor(system, () => Mandate.put(householdID, input));
      expect((await check())?.status).toBe("active");
      await mailedOnce(householdID, /^(Machtiging gegeven|Mandate given)/);
    });
    // write 1 is the mandate with its IBAN claim, audit event and kept mails; then each mail handed over and forgotten
    expect(given.length).toBeGreaterThanOrEqual(3);
    expect(given).toEqual(given.map((_, i) => i + 1));
    const revoked = await everyCrashPoint(async (n, crash) => {
      const { householdID } = members[30 + n]!;
      await crash(() => withActor(system, () => Mandate.revoke(householdID)));
      const check = async () => {
        const m = (await useDB().entities.mandate.get({ farmID, householdID }).go({ consistent: true })).data!;
        expect(await mandateEvents(householdID, "mandate.revoked"), "one audit event per revocation").toBe(m.status === "revoked" ? 1 : 0);
        return m.status;
      };
      if ((await check()) !== "revoked") await withActor(system, () => Mandate.revoke(householdID));
      expect(await check()).toBe("revoked");
      await mailedOnce(householdID, /^(Machtiging ingetrokken|Mandate revoked)/);
    }, given.length);
    expect(revoked).toEqual(given);
  });

  /** The farm's stored target hours, past the farm cache. */
  async function storedTargetHours() {
    return (await useDB().entities.farm.get({ farmID }).go({ consistent: true })).data!.targetHours;
  }

  async function seasonSaves(y: number) {
    return (await withActor(system, () => Audit.forSubject(String(y)))).filter((e) => e.action === "season.saved").length;
  }

  it("saving a season with a farm setting among the figures: the setting, the season and its audit event together", async () => {
    const before = await storedTargetHours();
    const points = await everyCrashPoint(async (n, crash) => {
      const y = year + 20 + n;
      const input = { budgetCents: 5_000_000 + n, weeks: 50, targetHours: 30 + n };
      await crash(() => withActor(board, () => Season.save(y, input)));
      const check = async () => {
        const season = await withActor(system, () => Season.load(y));
        expect(await storedTargetHours(), "the farm setting changed with the season, never without").toBe(season ? input.targetHours : before);
        expect(await seasonSaves(y), "one audit event per save").toBe(season ? 1 : 0);
        return season;
      };
      if (!(await check())) await withActor(board, () => Season.save(y, input));
      expect((await check())?.budgetCents).toBe(input.budgetCents);
      await withActor(system, () => Farm.update({ targetHours: before }));
    });
    expect(points).toEqual([1]);
  });

  it("confirming a season's price: the version with its audit event", async () => {
    const points = await everyCrashPoint(async (n, crash) => {
      const y = year + 60 + n;
      await withActor(board, () => Season.save(y, { budgetCents: 5_000_000, weeks: 50 }));
      await crash(() => withActor(system, () => Season.confirm(y, {})));
      const check = async () => {
        const versions = (await withActor(system, () => Season.load(y)))!.versions.length;
        const logged = (await withActor(system, () => Audit.forSubject(String(y)))).filter((e) => e.action === "season.confirmed").length;
        expect(logged, "one audit event per confirmed version").toBe(versions);
        return versions;
      };
      if (!(await check())) await withActor(system, () => Season.confirm(y, {}));
      expect(await check()).toBe(1);
    });
    expect(points).toEqual([1]);
  });

  it("a season save refused for a concurrent edit changes no farm setting", async () => {
    const y = year + 40;
    const before = await storedTargetHours();
    await withActor(board, () => Season.save(y, { budgetCents: 4_000_000, weeks: 52 }));
    // The other board member saves right between this save's read of the season and its write of it.
    const { client } = useDynamo();
    const name = "concurrent-season-save";
    let interleaved = false;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (!interleaved && writes.has(context.commandName ?? "") && JSON.stringify(args.input).includes("$season")) {
          interleaved = true;
          await withActor(board, () => Season.save(y, { budgetCents: 4_100_000, weeks: 52 }));
        }
        return next(args);
      },
      { step: "initialize", name },
    );
    const refused = await withActor(board, () => Season.save(y, { budgetCents: 4_200_000, weeks: 52, targetHours: before + 7 }))
      .then(() => undefined, (e: unknown) => e)
      .finally(() => client.middlewareStack.remove(name));
    expect(interleaved).toBe(true);
    expect(refused).toBeInstanceOf(VisibleError);
    expect((refused as VisibleError).code).toBe("season.changed");
    expect(await storedTargetHours(), "the refused save's setting is not on the farm").toBe(before);
    expect((await withActor(system, () => Season.load(y)))!.budgetCents).toBe(4_100_000);
    expect(await seasonSaves(y), "no audit event for the refused save").toBe(2);
  });
});

// ---------------------------------------------------------------------------
// 2. SIGKILL the real server under load.
// ---------------------------------------------------------------------------

interface Server {
  port: number;
  agent: Agent;
  child: ChildProcess;
}

/** The local server (bench/serve.ts) in its own process over the test's table. */
async function startServer(): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/serve.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DYNAMO_ENDPOINT: endpoint, TABLE_NAME: tableName, DEFAULT_FARM_ID: farmID, POWERTOOLS_LOG_LEVEL: "ERROR" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
    child.once("exit", (code, signal) => reject(new Error(`server exited while starting (${code ?? signal})`)));
  });
  return { port, child, agent: new Agent({ keepAlive: true, maxSockets: 200 }) };
}

function stopServer(s: Server, signal: NodeJS.Signals) {
  return new Promise<void>((resolve) => {
    s.agent.destroy();
    if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
    s.child.once("exit", () => resolve());
    s.child.kill(signal);
  });
}

type Answer = { status: number; body: any };

function send(s: Server, method: string, path: string, token: string, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: "127.0.0.1",
        port: s.port,
        method,
        path,
        agent: s.agent,
        timeout: 20_000,
        // as a browser sends them: the page's own origin on every request that changes something
        headers: {
          cookie: `akker_session=${token}`,
          ...(method !== "GET" ? { origin: `http://127.0.0.1:${s.port}` } : {}),
          ...(payload ? { "content-type": "application/json" } : {}),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("error", reject);
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(payload);
  });
}

type Op =
  | { kind: "signup"; member: Member; workdayID: string }
  | { kind: "cancel"; member: Member; workdayID: string }
  | { kind: "ballot"; member: Member; second: boolean }
  | { kind: "payment"; householdID: string; reference: string; amountCents: number; date: string };

interface Tried {
  op: Op;
  /** The session it is sent with: the household's, or the treasurer's for a payment. */
  token: string;
  /** Each attempt: the answer, or "lost" when the connection died before one came. */
  attempts: (Answer | "lost")[];
}

/** A client works through its list one request at a time, like a phone; several clients run at once. */
class Client {
  done = 0;
  constructor(readonly ops: Tried[]) {}

  /** Sends until the list is done or `stop()` says no more; a lost answer stays to be sent again. */
  async run(s: Server, stop: () => boolean, answered: () => void) {
    while (this.done < this.ops.length && !stop()) {
      const t = this.ops[this.done]!;
      try {
        t.attempts.push(await send(s, ...this.request(t.op, t.token)));
        this.done++;
        answered();
      } catch (e) {
        t.attempts.push("lost");
        // While the server is up a lost answer is rare (a kept-alive socket closing as it is reused): send it again.
        if (!stop() && t.attempts.filter((a) => a === "lost").length > 3)
          throw new Error(`no answer from a running server: ${JSON.stringify(t.op)}: ${String(e)}`);
      }
    }
  }

  private request(op: Op, token: string): [string, string, string, unknown?] {
    switch (op.kind) {
      case "signup":
        return ["POST", `/api/workdays/${op.workdayID}/signup`, token];
      case "cancel":
        return ["DELETE", `/api/workdays/${op.workdayID}/signup`, token];
      case "ballot":
        return ["POST", `/api/elections/${electionID}/ballots`, token, { vote: op.member.n % 3 ? "yes" : "no" }];
      case "payment":
        return ["POST", "/api/payments", token, { householdID: op.householdID, amountCents: op.amountCents, date: op.date, reference: op.reference }];
    }
  }
}

let electionID: string;

describe("SIGKILL under load, then a restart on the same table", () => {
  it("keeps every answered write, leaves nothing half-done, and ends in the state the requests ask for", async () => {
    const started = performance.now();
    const workdayIDs = (
      await withActor(coordinator, () =>
        Workday.create({
          title: "Oogsten onder druk",
          task: "harvest",
          start: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
          end: new Date(Date.now() + 7 * 24 * 3600_000 + 3 * 3600_000).toISOString(),
          capacity,
          repeatWeeks: days,
        }),
      )
    ).map((w) => w.id);
    electionID = await withActor(board, async () => {
      const e = await Election.create({
        title: "Begroting onder druk",
        kind: "motion",
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      });
      await Election.open(e.id);
      return e.id;
    });

    // Each household: sign up for two days, vote, and some cancel one day or vote a second time.
    // Between its steps the treasurer books the household's two payments, so payments run
    // all through the load; every fourth is booked a second time at once in another tab,
    // as a double click would.
    const payment = (m: Member, k: number) => ({ kind: "payment" as const, householdID: m.householdID, reference: `CRASH-${m.n}-${k}`, amountCents: 1000 * k + m.n, date: `${year}-0${k}-15` });
    const payments = members.flatMap((m) => [payment(m, 1), payment(m, 2)]);
    const lists = members.map((m) => {
      const first = workdayIDs[m.n % days]!;
      const second = workdayIDs[(m.n + 1) % days]!;
      return [
        { op: { kind: "signup", member: m, workdayID: first }, token: m.token },
        { op: payments[2 * (m.n - 1)]!, token: treasurerToken },
        { op: { kind: "ballot", member: m, second: false }, token: m.token },
        { op: { kind: "signup", member: m, workdayID: second }, token: m.token },
        { op: payments[2 * (m.n - 1) + 1]!, token: treasurerToken },
        ...(m.n % 3 === 0 ? [{ op: { kind: "cancel", member: m, workdayID: first }, token: m.token }] : []),
        ...(m.n % 5 === 0 ? [{ op: { kind: "ballot", member: m, second: true }, token: m.token }] : []),
      ] as { op: Op; token: string }[];
    });
    payments.forEach((p, i) => {
      if (i % 4 === 0) lists[(Math.floor(i / 2) + 7) % members.length]!.splice(1 + 3 * (i % 2), 0, { op: p, token: treasurerToken });
    });
    const clients = lists.map((list) => new Client(list.map(({ op, token }) => ({ op, token, attempts: [] }))));
    const all = clients.flatMap((c) => c.ops);
    const total = all.length;

    // Phase 1: load until 40% has answered, then SIGKILL.
    let server = await startServer();
    let answered = 0;
    let killed = false;
    const killAt = Math.round(total * 0.4);
    const first = server;
    await Promise.all(
      clients.map((c) =>
        c.run(first, () => killed, () => {
          if (++answered >= killAt && !killed) {
            killed = true;
            first.child.kill("SIGKILL");
          }
        }),
      ),
    );
    await stopServer(first, "SIGKILL");
    expect(first.child.signalCode).toBe("SIGKILL");
    const lost = all.filter((t) => t.attempts.at(-1) === "lost");
    const answeredBefore = all.filter((t) => t.attempts.length && t.attempts.at(-1) !== "lost").length;

    // Every answer before the kill was a success, or the refusal the op expects.
    for (const t of all) checkAnswers(t);

    // Phase 2: a new server on the same table; check before anyone sends anything.
    server = await startServer();
    const afterRestart = await checkAll(workdayIDs, all);

    // Durable: what answered 2xx is in the table.
    for (const t of all) {
      const a = t.attempts.find((x): x is Answer => x !== "lost");
      if (!a || a.status >= 300) continue;
      const later = (t.op.kind === "signup" || t.op.kind === "cancel") && laterOpOnSameDay(clients, t);
      if (t.op.kind === "signup" && !later) {
        const state = afterRestart.days.get(t.op.workdayID)!;
        if (a.body.status === "confirmed") expect(state.confirmed.has(t.op.member.personID), "confirmed sign-up kept").toBe(true);
        else expect(state.confirmed.has(t.op.member.personID) || state.waitlisted.has(t.op.member.personID), "waitlisted sign-up kept").toBe(true);
      }
      if (t.op.kind === "cancel" && !later) {
        const state = afterRestart.days.get(t.op.workdayID)!;
        expect(state.confirmed.has(t.op.member.personID) || state.waitlisted.has(t.op.member.personID), "cancel kept").toBe(false);
      }
      if (t.op.kind === "ballot") {
        expect(afterRestart.election.trackers.has(a.body.tracker), "answered ballot kept").toBe(true);
        expect(afterRestart.election.voted.has(t.op.member.householdID)).toBe(true);
      }
      if (t.op.kind === "payment") expect(afterRestart.payments.entries.some((e) => e.entryID === a.body.payment.id), "answered payment kept").toBe(true);
    }

    // Phase 3: the clients resend what got no answer and go on with their lists.
    await Promise.all(clients.map((c) => c.run(server, () => false, () => undefined)));
    for (const t of all) {
      expect(t.attempts.at(-1)).not.toBe("lost");
      checkAnswers(t);
    }
    // A bank reference is "recorded" (201) once, however many tabs sent it.
    for (const p of payments) {
      const created = all.filter((t) => t.op === p).flatMap((t) => t.attempts.filter((a) => a !== "lost" && a.status === 201));
      const resent = all.some((t) => t.op === p && t.attempts.includes("lost"));
      if (resent) expect(created.length).toBeLessThanOrEqual(1);
      else expect(created, p.reference).toHaveLength(1);
    }
    await stopServer(server, "SIGTERM");
    const end = await checkAll(workdayIDs, all);

    // Exactly the state the requests ask for.
    for (const [i, workdayID] of workdayIDs.entries()) {
      const wanted = members
        .filter((m) => m.n % days === i || (m.n + 1) % days === i)
        .filter((m) => !(m.n % 3 === 0 && m.n % days === i))
        .map((m) => m.personID);
      const state = end.days.get(workdayID)!;
      expect(new Set([...state.confirmed, ...state.waitlisted])).toEqual(new Set(wanted));
      expect(state.confirmed.size).toBe(Math.min(capacity, wanted.length));
    }
    const receipts = all.flatMap((t) => (t.op.kind === "ballot" ? t.attempts.filter((a): a is Answer => a !== "lost" && a.status === 201) : []));
    expect(end.election.ballots).toBe(households);
    expect(end.election.voted.size).toBe(households);
    // No household twice: one receipt each, except where the answer was lost and the retry found the vote in.
    const unanswered = all.filter((t) => t.op.kind === "ballot" && !t.op.second && t.attempts.includes("lost") && (t.attempts.at(-1) as Answer).status === 409);
    expect(receipts.length + unanswered.length).toBe(households);
    const booked = end.payments.entries.filter((e) => e.reference.startsWith("CRASH-"));
    expect(booked).toHaveLength(payments.length);
    for (const p of payments) expect(booked.filter((e) => e.reference === p.reference)).toHaveLength(1);
    for (const m of members)
      expect(booked.filter((e) => e.householdID === m.householdID).reduce((n, e) => n + e.amountCents, 0)).toBe(1000 + m.n + 2000 + m.n);

    const seconds = (performance.now() - started) / 1000;
    console.log(
      `crash test: ${total} requests, SIGKILL after ${answeredBefore} answers with ${lost.length} in flight ` +
        `(${lost.filter((t) => t.op.kind === "signup" || t.op.kind === "cancel").length} work day, ${lost.filter((t) => t.op.kind === "ballot").length} ballot, ${lost.filter((t) => t.op.kind === "payment").length} payment); ` +
        `${unanswered.length} ballots counted whose tracker never reached the voter; ${seconds.toFixed(1)} s`,
    );
    expect(answeredBefore).toBeGreaterThanOrEqual(Math.round(total * 0.3));
    expect(lost.length).toBeGreaterThan(0);
  });

  it("a group mail cut off by SIGKILL halfway: after the restart the mail job mails each person once", async () => {
    const boardToken = await withActor(system, async () => Session.open((await Person.byEmail("bestuur@demo.test"))!.id));
    const subject = "Afgebroken door SIGKILL";
    const server = await startServer();
    const sent = await send(server, "POST", "/api/messages", boardToken, { audience: { kind: "members" }, subject, text: "Eén keer.", key: "sigkillmail0001" });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const messageID = sent.body.message.id as string;
    const recipients = async () => (await useDB().entities.messageRecipient.query.byMessage({ farmID, messageID }).go({ pages: "all", consistent: true })).data;
    // ten a second: killed once the first are mailed, with most still to go
    for (let i = 0; i < 200 && !(await recipients()).some((r) => r.sentAt); i++) await new Promise((r) => setTimeout(r, 50));
    await stopServer(server, "SIGKILL");
    const atKill = (await recipients()).filter((r) => r.sentAt).length;
    const later = new Date(Date.now() + Mail.keptMs + 1000);
    await withActor(system, async () => {
      await messagesUnsent(later);
      await Mail.redeliver(later);
    });
    const detail = await withActor(board, () => Message.get(messageID));
    expect(detail.done).toBe(true);
    expect(detail.recipients).toHaveLength(sent.body.message.total);
    for (const r of detail.recipients) {
      expect(r.sentAt, `${r.email} marked mailed`).toBeTruthy();
      const mails = (await withActor(system, () => Mail.outbox(r.email!, 500))).filter((m) => m.subject === subject);
      expect(mails, r.email!).toHaveLength(1);
    }
    console.log(`crash test: group mail to ${detail.recipients.length}, SIGKILL after ${atKill} were mailed; each mailed once after the restart`);
    expect(atKill).toBeLessThan(detail.recipients.length);
  });
});

/**
 * The answers an op may get: a second ballot is refused; a ballot resent after
 * a lost answer may find its first attempt counted; a payment sent twice is
 * recorded once and answered 200 (duplicate) the other time.
 */
function checkAnswers(t: Tried) {
  t.attempts.forEach((a, i) => {
    if (a === "lost") return;
    const resent = t.attempts.slice(0, i).includes("lost");
    const why = JSON.stringify({ op: t.op.kind, attempt: i + 1, body: a.body });
    switch (t.op.kind) {
      case "signup":
        return expect(a.status, why).toBe(200);
      case "cancel":
        return expect(a.status, why).toBe(204);
      case "ballot":
        if (t.op.second) return expect(a.body?.error?.code, why).toBe("election.already_voted");
        if (resent && a.status === 409) return expect(a.body?.error?.code, why).toBe("election.already_voted");
        return expect(a.status, why).toBe(201);
      case "payment":
        expect([200, 201], why).toContain(a.status);
        return expect(a.body.duplicate, why).toBe(a.status === 200);
    }
  });
}

/** Whether the same person has a later op on the same day that may have run (answered or lost). */
function laterOpOnSameDay(clients: Client[], t: Tried) {
  const op = t.op as Extract<Op, { workdayID: string }>;
  const client = clients.find((c) => c.ops.includes(t))!;
  const i = client.ops.indexOf(t);
  return client.ops.slice(i + 1).some((o) => o.attempts.length && "workdayID" in o.op && o.op.workdayID === op.workdayID);
}

async function checkAll(workdayIDs: string[], all: Tried[]) {
  const receipts = all.flatMap((t) => t.attempts.flatMap((a) => (a !== "lost" && t.op.kind === "ballot" && a.status === 201 ? [a.body.tracker as string] : [])));
  const [daysState, election, payments] = await Promise.all([checkWorkdays(workdayIDs), checkElection(electionID, receipts), checkPayments()]);
  return { days: daysState, election, payments };
}
