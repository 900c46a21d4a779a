import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../functions/src/api/app";
import { runJobs } from "../../functions/src/jobs/tick";
import { jobs } from "../../functions/src/jobs/registry";
import { withActor } from "@akker/core/actor";
import { Certificate } from "@akker/core/membership/certificate";
import { Clock } from "@akker/core/clock";
import { Household } from "@akker/core/household/household";
import { Person } from "@akker/core/person/person";
import { readFileSync } from "node:fs";
import { householdCreditorReference } from "@akker/core/contribution/bank/index";
import { BankImport } from "@akker/core/contribution/bank-import";
import { Payment } from "@akker/core/contribution/payment";
import { Erasure } from "@akker/core/privacy/erasure";
import { Privacy } from "@akker/core/privacy/privacy";
import { Season } from "@akker/core/contribution/season";
import { Statement } from "@akker/core/contribution/statement";
import { entities, useDB } from "@akker/core/entities";
import { client, freshFarmApp, ledgerEntries, login, makeHousehold, makePerson } from "./helpers";

/*
 * Personal data (issue 12, item 14): a member downloads everything held
 * about their household and its people, and a household that left and
 * settled is erased on schedule, its fiscal records kept for seven years.
 */

let app: ReturnType<typeof createApp>;
let farmID: string;
const day = 24 * 3600_000;
// Households made in November 2026
const joined = Date.parse("2026-11-16T10:00:00Z");

const asSystem = <T>(fn: () => Promise<T>) => withActor({ type: "system", farmID }, fn);

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(joined));
});

afterAll(() => Clock.set(undefined));

/**
 * Writes an item of every entity the export holds for a household and its
 * person, each marked with `tag` where it has text. Keyed by entity: the
 * test checks every exported entity has its writer here.
 */
function writers(h: { householdID: string; personID: string; email: string; tag: string }): Record<string, () => Promise<unknown>> {
  const db = useDB().entities;
  const { householdID, personID, email, tag } = h;
  const electionID = `el_${tag.toLowerCase()}`;
  return {
    household: async () => undefined, // made by makeHousehold
    person: async () => undefined,
    roleGrant: () => db.roleGrant.put({ farmID, personID, role: "coordinator" }).go(),
    loginCode: () => db.loginCode.put({ farmID, email, codeHash: `HASH-${tag}`, expiresAt: Clock.now() + 600_000, attempts: 2 }).go(),
    session: () => db.session.put({ farmID, tokenHash: `TOKENHASH-${tag}`, personID, createdAt: Clock.now(), lastSeenAt: Clock.now() }).go(),
    outbox: () => db.outbox.put({ farmID, messageID: `msg_o${tag.toLowerCase()}`, to: email, subject: `Outbox ${tag}`, text: "t", locale: "nl", sentAt: Clock.iso() }).go(),
    pendingMail: () => db.pendingMail.put({ farmID, messageID: `msg_p${tag.toLowerCase()}`, to: email, subject: `Pending ${tag}`, text: "t", locale: "nl", sentAt: Clock.iso() }).go(),
    audit: () => db.audit.put({ farmID, eventID: `evt_${tag.toLowerCase()}`, actorID: "system", action: "test.event", subjectID: householdID, data: { note: `Audit ${tag}` } }).go(),
    harvestShare: () => db.harvestShare.put({ farmID, week: "2026-W48", householdID, lines: [{ crop: `Crop ${tag}`, unit: "kg", quantity: 1 }], version: 1, balances: {} }).go(),
    harvestOptOut: () => db.harvestOptOut.put({ farmID, week: "2026-W50", householdID, personID }).go(),
    signup: async () => {
      await db.workday.put({ farmID, workdayID: `wd_${tag.toLowerCase()}`, title: `Day ${tag}`, task: "weeding", start: "2026-12-01T09:00:00.000Z", end: "2026-12-01T12:00:00.000Z", capacity: 5, confirmed: 1 }).go();
      await db.signup.put({ farmID, workdayID: `wd_${tag.toLowerCase()}`, personID, householdID, status: "confirmed", position: 1, start: "2026-12-01T09:00:00.000Z" }).go();
    },
    hours: () => db.hours.put({ farmID, entryID: `hr_${tag.toLowerCase()}`, householdID, personID, season: "2026", task: "weeding", date: "2026-12-01", hours: 3, note: `Hours ${tag}`, status: "approved" }).go(),
    calendarLink: async () => {
      await db.calendarToken.put({ farmID, tokenHash: `CALHASH-${tag}`, personID }).go();
      await db.calendarLink.put({ farmID, personID, token: `CALTOKEN-${tag}`, tokenHash: `CALHASH-${tag}` }).go();
    },
    roll: async () => {
      await db.election.put({ farmID, electionID, title: `Vote ${tag}`, kind: "motion", opensAt: "2026-11-01T00:00:00.000Z", closesAt: "2026-11-10T00:00:00.000Z", status: "closed", eligible: 2 }).go();
      await db.roll.put({ farmID, electionID, householdID, voted: true, via: "self" }).go();
      await db.ballot.put({ farmID, electionID, tracker: `TRACKER-${tag}`, vote: "yes", choices: [`SECRET-${tag}`], day: "2026-11-05" }).go();
    },
    proxy: () => db.proxy.put({ farmID, electionID, fromHouseholdID: householdID, toHouseholdID: "hh_someone", status: "used" }).go(),
    ledgerEntry: () =>
      db.ledgerEntry.put({ farmID, householdID, entryID: `pay_${tag.toLowerCase()}`, year: 2026, kind: "payment", amountCents: 1234, date: "2026-11-20", reference: `REF ${tag}`, source: "manual", createdBy: "system" }).go(),
    ledgerBatch: () =>
      db.ledgerBatch
        .put({ farmID, householdID, year: 2026, batchID: `pay_b${tag.toLowerCase()}`, createdBy: "system",
          lines: JSON.stringify([{ amountCents: 4334, date: "2026-11-21", reference: `BATCH ${tag}`, key: `KEY-${tag}`, likeness: "l#1", format: "rabobank-csv", line: 2, counterName: `Payer ${tag}`, matchedBy: "mandate" }]) })
        .go(),
    compositionPeriod: () => db.compositionPeriod.put({ farmID, householdID, from: "2026-11-16", adults: 2, children: 0, vegetarian: false, active: true }).go(),
    mandate: () =>
      db.mandate.put({ farmID, householdID, mandateID: `M-${tag}`, iban: "NL91ABNA0417164300", accountHolder: `Holder ${tag}`, signedOn: "2026-11-16", status: "active" }).go(),
    sepaRunItem: () =>
      db.sepaRunItem
        .put({ farmID, runID: `RUN${tag}`, householdID, month: "2026-12", household: `Household ${tag}`, endToEndID: `202612-${tag}`, name: `Holder ${tag}`, iban: "NL91ABNA0417164300", mandateID: `M-${tag}`, signedOn: "2026-11-16", amountCents: 1234, sequence: "FRST", remittance: "Bijdrage december 2026", notified: true })
        .go(),
    solidarityChoice: async () => {
      await db.season.put({ farmID, year: 2026, budgetCents: 1, weeks: 1, vegetarianDiscountCents: 0, childFactor: 0.5, proposal: { mouths: 1, vegetarianMouths: 0, households: 1 } }).go();
      await db.solidarityChoice.put({ farmID, year: 2026, householdID, choice: "reduced", percent: 10, reason: `Reason ${tag}`, potCents: 100, mouths: 2 }).go();
    },
    certificate: () =>
      db.certificate.put({ farmID, householdID, certificate: "full", depositCents: 200_000, plan: "once", instalments: 1, paidCents: 1000, memberSince: "2026-11-16" }).go(),
    depositPayment: () => db.depositPayment.put({ farmID, reference: `DEP ${tag}`, householdID, amountCents: 1000, date: "2026-11-17", recordedBy: "system" }).go(),
    pollAnswer: async () => {
      await db.poll.put({ farmID, pollID: `pl_${tag.toLowerCase()}`, kind: "choice", title: `Poll ${tag}`, options: [{ id: "o1", label: "Ja" }], status: "open", createdBy: "system" }).go();
      await db.pollAnswer.put({ farmID, pollID: `pl_${tag.toLowerCase()}`, householdID, personID, values: { o1: "chosen" }, comment: `Comment ${tag}` }).go();
    },
    application: () =>
      db.application.put({ farmID, applicationID: `app_${tag.toLowerCase()}`, name: `Applicant ${tag}`, email, adults: 2, children: 0, vegetarian: false, certificate: "full", status: "accepted", householdID }).go(),
  };
}

/** The value at a path such as `contribution.payments` or `people[].roles`, as the coverage names it. */
function at(data: any, path: string): unknown[] {
  let values: unknown[] = [data];
  for (const part of path.split(".")) {
    const many = part.endsWith("[]");
    const key = many ? part.slice(0, -2) : part;
    values = values.flatMap((v: any) => (many ? (v?.[key] ?? []) : [v?.[key]]));
  }
  return values.flatMap((v) => (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]));
}

describe("GET /api/me/export", () => {
  it("holds the household's data from every entity it covers, and nothing of another household", async () => {
    Clock.set(joined);
    const made = [];
    let member: ReturnType<typeof client> | undefined;
    for (const tag of ["AAA", "BBB"]) {
      const email = `${tag.toLowerCase()}@example.nl`;
      const { household, person } = await makeHousehold(farmID, { name: `Household ${tag}`, email });
      // logged in first: the fixture's outbox mail would stand before the code
      if (tag === "AAA") member = await login(app, email, "10.1.0.1");
      const w = writers({ householdID: household.id, personID: person.id, email, tag });
      await asSystem(async () => {
        for (const write of Object.values(w)) await write();
      });
      made.push({ household, person, email, tag, w });
    }
    const [a, b] = made as [(typeof made)[0], (typeof made)[0]];
    const res = await member!.get("/api/me/export");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="mijn-gegevens-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const data = res.body;

    for (const [name, cover] of Object.entries(Privacy.coverage)) {
      if (!("exported" in cover)) continue;
      expect(a.w[name], `a fixture for ${name}`).toBeTypeOf("function");
      const path = cover.exported.split(" ")[0]!;
      expect(at(data, path).length, `${name} at ${path}`).toBeGreaterThan(0);
    }
    expect(data.household).toMatchObject({ householdID: a.household.id, name: "Household AAA" });
    expect(data.people).toEqual([expect.objectContaining({ personID: a.person.id, email: a.email, roles: ["coordinator"] })]);
    expect(data.contribution.mandate).toMatchObject({ iban: "NL91ABNA0417164300", accountHolder: "Holder AAA" });
    expect(data.contribution.solidarity[0]).toMatchObject({ reason: "Reason AAA" });
    expect(data.elections.roll[0]).toMatchObject({ title: "Vote AAA", voted: true, via: "self" });
    expect(data.mails.map((m: any) => m.subject)).toEqual(expect.arrayContaining(["Outbox AAA", "Pending AAA"]));
    expect(data.sessions.length).toBeGreaterThanOrEqual(2); // the fixture's and the login's

    const text = JSON.stringify(data);
    // nothing of the other household
    for (const needle of [b.household.id, b.person.id, b.email, "BBB"]) expect(text).not.toContain(needle);
    // no secrets, and never a ballot
    for (const needle of ["TOKENHASH", "HASH-AAA", "CALTOKEN", "CALHASH", "SECRET-AAA", "TRACKER-AAA", "tokenHash", "codeHash"])
      expect(text).not.toContain(needle);
  });

  it("is for a logged-in person only; staff without a household get their own person", async () => {
    expect((await client(app).get("/api/me/export")).status).toBe(401);
    await makePerson(farmID, { name: "Boer Bas", email: "bas@example.nl", roles: ["farmer"] });
    const farmer = await login(app, "bas@example.nl", "10.1.0.9");
    const res = await farmer.get("/api/me/export");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ household: null, people: [{ name: "Boer Bas", email: "bas@example.nl", roles: ["farmer"] }] });
    expect(res.body.sessions).toHaveLength(1);
    expect(JSON.stringify(res.body)).not.toContain("AAA");
  });
});

describe("every entity is considered", () => {
  it("the coverage names every entity, with a reason for each one left out", () => {
    for (const name of Object.keys(entities)) {
      const cover = (Privacy.coverage as Record<string, { exported?: string; excluded?: string }>)[name];
      expect(cover, `${name}: add it to Privacy.coverage (exported, or excluded with a reason)`).toBeDefined();
      if (cover!.excluded !== undefined) expect(cover!.excluded.length, `${name}: say why it is left out`).toBeGreaterThan(20);
      else expect(cover!.exported, name).toMatch(/^[a-z]/i);
    }
  });
});

describe("erasure", () => {
  const leftOn = Date.parse("2027-03-15T10:00:00Z");
  const settledOn = Date.parse("2027-04-01T10:00:00Z");
  let settled: { id: string; personID: string; email: string };
  let open: { id: string; personID: string; email: string };
  let settledClient: ReturnType<typeof client>;
  let staff: string;

  async function tick(at: number) {
    const results = await runJobs({ jobs, farmIDs: [farmID], now: new Date(at) });
    expect(results.filter((r) => !r.ok)).toEqual([]);
  }

  /** Every item of the farm, as stored. */
  async function snapshot() {
    const { client: ddb, table } = (await import("@akker/core/dynamo")).useDynamo();
    const { ScanCommand } = await import("@aws-sdk/lib-dynamodb");
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await ddb.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
      items.push(...((out.Items ?? []) as Record<string, unknown>[]));
      start = out.LastEvaluatedKey;
    } while (start);
    return items
      // rate-limit counters name addresses, but live a day at most (TTL, which DynamoDB Local does not run)
      .filter((i) => String(i.pk).includes(farmID) && i.__edb_e__ !== "rateLimit")
      .map((i) => JSON.stringify(i))
      .sort();
  }

  beforeAll(async () => {
    Clock.set(joined);
    for (const name of ["Settled", "Open"]) {
      const email = `${name.toLowerCase()}@example.nl`;
      const { household, person } = await makeHousehold(farmID, { name: `Family ${name}`, email });
      const ref = { id: household.id, personID: person.id, email };
      if (name === "Settled") settled = ref;
      else open = ref;
      await asSystem(async () => {
        const w = writers({ householdID: household.id, personID: person.id, email, tag: name.toUpperCase() });
        // what a member leaves behind: sessions, a calendar link, hours, shares, opt-outs, a mandate (and mail: the login below)
        for (const k of ["session", "calendarLink", "hours", "harvestShare", "harvestOptOut", "mandate", "roll"] as const) await w[k]!();
        await Certificate.recordPayment(household.id, { amountCents: 200_000, date: "2026-11-16", reference: `DEPOSIT ${name}` });
      });
    }
    // a board member living in the settled household: they keep their person, and their role, outside it
    staff = await asSystem(async () => {
      const p = await Person.create({ name: "Bea Bestuur", email: "bea@example.nl", householdID: settled.id, locale: "nl" });
      await Person.grantRole(p.id, "board");
      return p.id;
    });
    await asSystem(async () => {
      await Season.save(2027, { budgetCents: 500_000, weeks: 50, vegetarianDiscountCents: 0 });
      await Season.confirm(2027, {});
    });
    Clock.set(leftOn);
    settledClient = await login(app, settled.email, "10.2.0.1");
    await asSystem(async () => {
      for (const h of [settled, open]) await Household.update({ id: h.id, changes: { status: "left" } });
    });
    Clock.set(settledOn);
    await asSystem(async () => {
      for (const h of [settled, open]) await Certificate.refund(h.id);
      // the settled household pays what it owed for the months it was a member; the other does not
      const s = await Statement.forHousehold(settled.id, 2027);
      expect(s.yearlyCents).toBeGreaterThan(0);
      await Payment.record({ householdID: settled.id, amountCents: s.yearlyCents - 1000, date: "2027-04-01", reference: "CONTRIBUTION SETTLED" });
      // the rest by bank transfer, found by the household's reference: a bank line with the payer's name
      const rabobank = readFileSync(new URL("../fixtures/bank/rabobank-2026-11-12.csv", import.meta.url), "utf8").split(/\r?\n/)[0];
      const line = `"NL71RABO6627312220","EUR","RABONL2U","000000000000000001","2027-04-02","2027-04-02","+10,00","+0,00","NL20INGB0001234567","Family Settled","","","","cb","","","","","","Rest ${householdCreditorReference(settled.id)}","","","","","",""`;
      expect((await BankImport.run(new TextEncoder().encode(`${rabobank}\n${line}`))).imported).toBe(1);
    });
  });

  it("leaves a settled household alone until 30 days after the settlement", async () => {
    await tick(settledOn + 29 * day);
    const h = await asSystem(() => Household.withPeople(settled.id));
    expect(h).toMatchObject({ name: "Family Settled", people: expect.arrayContaining([expect.objectContaining({ email: settled.email })]) });
  });

  it("erases a household that left and settled: its people go, the fiscal records stay", async () => {
    const at = settledOn + 31 * day;
    Clock.set(at);
    await tick(at);
    const db = useDB().entities;
    const h = (await db.household.get({ farmID, householdID: settled.id }).go()).data!;
    expect(h.name).toBe(Erasure.pseudonym(settled.id));
    expect(h.name).toMatch(/^Oud-lid [0-9A-F]{4}$/);
    expect(h).toMatchObject({ status: "left", retainUntil: "2034-12-31" });
    expect(h.erasedAt).toBeDefined();
    // the people and what was about them
    expect((await db.person.get({ farmID, personID: settled.personID }).go()).data).toBeNull();
    expect((await db.emailClaim.get({ farmID, email: settled.email }).go()).data).toBeNull();
    expect((await db.session.query.byPerson({ farmID, personID: settled.personID }).go()).data).toEqual([]);
    expect((await db.calendarLink.get({ farmID, personID: settled.personID }).go()).data).toBeNull();
    expect((await db.calendarToken.get({ farmID, tokenHash: "CALHASH-SETTLED" }).go()).data).toBeNull();
    expect((await db.hours.query.byHousehold({ farmID, householdID: settled.id }).go()).data).toEqual([]);
    expect((await db.harvestShare.query.byHousehold({ farmID, householdID: settled.id }).go()).data).toEqual([]);
    expect((await db.harvestOptOut.get({ farmID, week: "2026-W50", householdID: settled.id }).go()).data).toBeNull();
    expect((await db.outbox.query.byRecipient({ farmID, to: settled.email }).go()).data).toEqual([]);
    expect((await db.pollAnswer.get({ farmID, pollID: "pl_settled", householdID: settled.id }).go()).data).toBeNull();
    // the books: payments (with the bank line, the payer's name a pseudonym), mandate (IBAN), certificate with its refund, deposits, composition
    const ledger = await ledgerEntries(farmID, settled.id);
    expect(ledger).toHaveLength(2);
    // the imported payment keeps its bank line in its batch (ledger-batch.ts)
    const banked = ledger.flatMap((e) => ("bank" in e && e.bank ? [e.bank] : []));
    expect(banked.map((l) => [l.counterName, l.counterIBAN])).toEqual([[Erasure.pseudonym(settled.id), "NL20INGB0001234567"]]);
    expect((await db.mandate.get({ farmID, householdID: settled.id }).go()).data).toMatchObject({ iban: "NL91ABNA0417164300", status: "revoked" });
    expect((await db.certificate.get({ farmID, householdID: settled.id }).go()).data?.refundedAt).toBeDefined();
    expect((await db.depositPayment.query.byHousehold({ farmID, householdID: settled.id }).go()).data).toHaveLength(1);
    expect((await db.compositionPeriod.query.byFarm({ farmID, householdID: settled.id }).go()).data.length).toBeGreaterThan(0);
    // staff keep their person and role, outside the household
    const bea = (await db.person.get({ farmID, personID: staff }).go()).data;
    expect(bea).toMatchObject({ name: "Bea Bestuur", householdID: "none" });
    expect((await db.roleGrant.query.byPerson({ farmID, personID: staff }).go()).data.map((g) => g.role)).toEqual(["board"]);
    // the statement still adds up, under the pseudonym
    const statement = await asSystem(() => Statement.forHousehold(settled.id, 2027));
    expect(statement).toMatchObject({ name: h.name, balanceCents: 0 });
    expect(statement.paidCents).toBe(statement.yearlyCents);
    // no name or address left anywhere of the farm's data (but in the mail Bea got, in her own box)
    const all = (await snapshot()).filter((i) => !i.includes("bea@example.nl")).join("\n");
    expect(all).not.toContain("Family Settled");
    expect(all).not.toContain(settled.email);
    // and an audit event says it happened
    const events = await asSystem(() => (import("@akker/core/audit/audit")).then(({ Audit }) => Audit.forSubject(settled.id)));
    expect(events.find((e) => e.action === "privacy.erased")).toMatchObject({ data: { people: 1, staffKept: 1, retainUntil: "2034-12-31" } });

    // the old session no longer logs in, and the address is unknown
    expect((await settledClient.get("/api/me")).status).toBe(401);
  });

  it("leaves a household that left with an open balance untouched", async () => {
    const db = useDB().entities;
    const h = (await db.household.get({ farmID, householdID: open.id }).go()).data!;
    expect(h.name).toBe("Family Open");
    expect(h.erasedAt).toBeUndefined();
    expect((await db.person.get({ farmID, personID: open.personID }).go()).data).toMatchObject({ email: open.email });
    expect(await asSystem(() => Erasure.settlement(open.id))).toEqual({ settled: false, reason: "open_balance" });
  });

  it("running again changes nothing", async () => {
    const before = await snapshot();
    await tick(settledOn + 32 * day);
    await tick(settledOn + 32 * day);
    expect(await snapshot()).toEqual(before);
  });

  it("deletes the fiscal records after seven years, leaving no trace of the household", async () => {
    const db = useDB().entities;
    await tick(Date.parse("2034-12-31T12:00:00Z"));
    expect(await ledgerEntries(farmID, settled.id)).toHaveLength(2);
    const after = Date.parse("2035-01-02T12:00:00Z");
    Clock.set(after);
    await tick(after);
    expect((await db.household.get({ farmID, householdID: settled.id }).go()).data).toBeNull();
    expect(await ledgerEntries(farmID, settled.id)).toEqual([]);
    expect((await db.mandate.get({ farmID, householdID: settled.id }).go()).data).toBeNull();
    expect((await db.certificate.get({ farmID, householdID: settled.id }).go()).data).toBeNull();
    expect((await db.depositPayment.query.byHousehold({ farmID, householdID: settled.id }).go()).data).toEqual([]);
    expect((await db.compositionPeriod.query.byFarm({ farmID, householdID: settled.id }).go()).data).toEqual([]);
    const all = (await snapshot()).join("\n");
    expect(all).not.toContain(settled.id);
    // the household with an open balance is still there, people and all
    expect((await db.person.get({ farmID, personID: open.personID }).go()).data).not.toBeNull();
  });
});
