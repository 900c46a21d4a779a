import { createHash } from "node:crypto";
import { useFarmID, withActor, type Actor } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { BankPrivacy } from "../contribution/bank-privacy";
import { Mandate } from "../contribution/mandate";
import { Payment } from "../contribution/payment";
import { Statement } from "../contribution/statement";
import { useDB } from "../entities";
import { certificateStatus } from "../membership/rules";
import { identityChanged } from "../person/changes";
import { addDays, dateOf } from "../week";
import { Workday } from "../workday/workday";
import { getEach, Privacy } from "./privacy";
import { LedgerBatch } from "../contribution/ledger-batch";
import { writeAll } from "../batch-write";

/**
 * Erasure (AVG/GDPR art. 17): once a household has left and its business is
 * settled, its people are erased on schedule, keeping only what the books
 * must keep for seven years (art. 52 AWR), then that too. Run by the
 * `privacy` job; what is kept, why and how long: docs/privacy.md. Apart from
 * the export (./privacy.ts), which the API serves: the settlement check
 * needs the contribution's statements, which the work-days function that
 * serves /api/me/* should not carry.
 */
export namespace Erasure {
  /** A household is erased this many days after it left and its business was settled. */
  export const graceDays = 30;
  /** Fiscal records are kept for seven years after the end of the year of settlement (art. 52 AWR). */
  export const retentionYears = 7;

  /** The pseudonym that replaces a household's and its people's names: stable, and saying nothing. */
  export function pseudonym(id: string) {
    return `Oud-lid ${createHash("sha256").update(id).digest("hex").slice(0, 4).toUpperCase()}`;
  }

  type Settlement = { settled: false; reason: string } | { settled: true; since: string };

  /**
   * Whether a household that left has nothing open: every confirmed season's
   * contribution paid to the cent (nothing owed, nothing to pay back), and the
   * deposit refunded or none paid. `since` is the day the last of it happened.
   */
  export async function settlement(householdID: string): Promise<Settlement> {
    const farmID = useFarmID();
    const db = useDB().entities;
    const h = (await db.household.get({ farmID, householdID }).go()).data;
    if (!h) return { settled: false, reason: "unknown" };
    if (h.status !== "left") return { settled: false, reason: "not_left" };
    const [certificate, ledger, batches, deposits, seasons, events] = await Promise.all([
      db.certificate.get({ farmID, householdID }).go(),
      db.ledgerEntry.query.byHousehold({ farmID, householdID }).go({ pages: "all" }),
      LedgerBatch.ofHousehold(householdID),
      db.depositPayment.query.byHousehold({ farmID, householdID }).go({ pages: "all" }),
      db.season.query.byYear({ farmID }).go({ pages: "all" }),
      Audit.forSubject(householdID),
    ]);
    const c = certificate.data;
    if (c) {
      const status = certificateStatus({ ...c, householdLeft: true }, dateOf(Clock.now()));
      if (status !== "refunded" && c.paidCents > 0) return { settled: false, reason: "deposit_not_refunded" };
    }
    for (const season of seasons.data) {
      if (!season.versions.length) continue;
      const s = await Statement.forHousehold(householdID, season.year);
      if (s.paidCents !== s.yearlyCents) return { settled: false, reason: "open_balance" };
    }
    const left = events
      .filter((e) => e.action.startsWith("household.") && (e.data as { status?: string } | undefined)?.status === "left")
      .map((e) => dateOf(Date.parse(e.at)));
    const days = [
      left.at(-1) ?? c?.endDate ?? dateOf(Date.parse(h.updatedAt)),
      c?.refundedAt,
      ...ledger.data.map((e) => e.date),
      ...batches.flatMap(LedgerBatch.entries).map((e) => e.date),
      ...deposits.data.map((d) => d.date),
    ].filter((d): d is string => !!d);
    return { settled: true, since: days.sort().at(-1)! };
  }

  /**
   * The scheduled job: erases every household that left and settled more than
   * `graceDays` ago, and deletes what was kept of those whose retention ended.
   * Idempotent: an erased household is marked, and each step finds only what
   * is still there.
   */
  export async function run(now: Date) {
    const farmID = useFarmID();
    const today = dateOf(now.getTime());
    const households = (await useDB().entities.household.query.byID({ farmID }).go({ pages: "all" })).data;
    const erased: string[] = [];
    const purged: string[] = [];
    for (const h of households) {
      if (h.status !== "left") continue;
      if (h.erasedAt) {
        if (h.retainUntil && today > h.retainUntil && (await purgeHousehold(h.householdID))) purged.push(h.householdID);
        continue;
      }
      const s = await settlement(h.householdID);
      if (!s.settled || addDays(s.since, graceDays) > today) continue;
      if (await eraseHousehold(h.householdID, s.since, now)) erased.push(h.householdID);
    }
    return { erased, purged };
  }

  /**
   * Erases one household's people: names, addresses, sessions, login codes,
   * calendar links, sign-ups, hours, harvest shares and opt-outs, poll
   * answers, mails, closed applications and the audit events about them go; the household
   * keeps a pseudonym with its composition, and its fiscal records (payments,
   * mandate, certificate, deposits, composition periods, solidarity choices
   * without their reason) are kept until `retainUntil`. People who hold a
   * staff role keep their person, outside the household. The bulk goes first
   * (each step idempotent); the mark, the people and the audit event are one
   * transaction at the end, conditional on the household not being erased.
   */
  export async function eraseHousehold(householdID: string, settledOn: string, now: Date): Promise<boolean> {
    const farmID = useFarmID();
    const db = useDB().entities;
    const h = (await db.household.get({ farmID, householdID }).go()).data;
    if (!h || h.erasedAt || h.status !== "left") return false;
    // no more debits, and the account is free for a household that has it next; its people are mailed so, before they go
    const mandate = (await db.mandate.get({ farmID, householdID }).go()).data;
    if (mandate?.status === "active") await Mandate.revoke(householdID);
    const found = await Privacy.gather(householdID);
    if (!found) return false;
    const { raw } = found;
    const staff = raw.perPerson.filter((x) => x.roles.length > 0).map((x) => x.p.personID);
    const leaving = raw.perPerson.filter((x) => !staff.includes(x.p.personID));

    // Places on work days still to come are given up as the person would, so the waiting line moves up.
    for (const { p, signups } of leaving)
      for (const s of signups.filter((s) => Date.parse(s.start) > now.getTime())) {
        const actor: Actor = { type: "person", farmID, personID: p.personID, householdID, roles: ["member"], sessionID: "erasure" };
        // a day that started meanwhile is past: its sign-up goes with the others below
        await withActor(actor, () => Workday.cancelSignup(s.workdayID)).catch(() => undefined);
      }
    for (const { p, sessions, signups, calendar, audit, outbox } of leaving) {
      await writeAll((b) => db.session.delete(b).go(), sessions.map((s) => ({ farmID, tokenHash: s.tokenHash })));
      await db.loginCode.delete({ farmID, email: p.email }).go();
      if (calendar) await db.calendarToken.delete({ farmID, tokenHash: calendar.tokenHash }).go();
      await db.calendarLink.delete({ farmID, personID: p.personID }).go();
      await writeAll((b) => db.signup.delete(b).go(), signups.filter((s) => Date.parse(s.start) <= now.getTime()).map((s) => ({ farmID, workdayID: s.workdayID, personID: s.personID })));
      await writeAll((b) => db.outbox.delete(b).go(), outbox.map((m) => ({ farmID, messageID: m.messageID })));
      await writeAll((b) => db.audit.delete(b).go(), audit.map((e) => ({ farmID, eventID: e.eventID })));
    }
    const leavingEmails = leaving.map((x) => x.p.email);
    await writeAll((b) => db.pendingMail.delete(b).go(), raw.pending.filter((m) => leavingEmails.includes(m.to)).map((m) => ({ farmID, messageID: m.messageID })));
    await writeAll((b) => db.harvestShare.delete(b).go(), raw.shares.map((s) => ({ farmID, week: s.week, householdID })));
    await writeAll((b) => db.harvestOptOut.delete(b).go(), raw.optOuts.map((o) => ({ farmID, week: o.week, householdID })));
    await writeAll((b) => db.harvestPickup.delete(b).go(), raw.shares.map((s) => ({ farmID, week: s.week, householdID })));
    // a poll's counts lose the household's answer, as its comment may name it
    await writeAll((b) => db.pollAnswer.delete(b).go(), raw.pollAnswers.map((a) => ({ farmID, pollID: a.pollID, householdID })));
    const hoursIDs = new Set(raw.hours.map((h) => h.entryID));
    await writeAll((b) => db.hours.delete(b).go(), raw.hours.map((h) => ({ farmID, householdID, entryID: h.entryID })));
    // an application still waiting or offered is a new relationship with the farm: it stays
    const closed = raw.applications.filter((a) => !["waiting", "offered"].includes(a.status));
    const closedIDs = new Set(closed.map((a) => a.applicationID));
    await writeAll((b) => db.application.delete(b).go(), closed.map((a) => ({ farmID, applicationID: a.applicationID })));
    // events about deleted things go; the household's own keep their facts, without names or addresses
    for (const e of raw.audit) {
      if (e.subjectID && (hoursIDs.has(e.subjectID) || closedIDs.has(e.subjectID))) {
        await db.audit.delete({ farmID, eventID: e.eventID }).go();
      } else if (e.subjectID === householdID && e.data && typeof e.data === "object") {
        const data = e.data as Record<string, unknown>;
        if ("name" in data || "email" in data || "people" in data) {
          const { name: _n, email: _e, people: _p, ...rest } = data;
          await db.audit.patch({ farmID, eventID: e.eventID }).composite({ subjectID: householdID }).set({ data: { ...rest, ...("name" in data ? { name: pseudonym(householdID) } : {}) } }).go();
        }
      }
    }
    for (const choice of raw.choices.filter((c) => c.reason))
      await db.solidarityChoice.patch({ farmID, year: choice.year, householdID }).remove(["reason"]).go();
    await BankPrivacy.erase(householdID, raw.audit, raw.batches, pseudonym(householdID));

    const retainUntil = `${Number(settledOn.slice(0, 4)) + retentionYears}-12-31`;
    const res = await useDB()
      .transaction.write(({ household, person, emailClaim, audit }) => [
        household
          .patch({ farmID, householdID })
          .set({ name: pseudonym(householdID), erasedAt: now.toISOString(), retainUntil })
          .where((a, op) => `${op.notExists(a.erasedAt)} AND ${op.eq(a.status, "left")}`)
          .commit(),
        ...leaving.map(({ p }) => person.delete({ farmID, personID: p.personID }).commit()),
        ...leaving.map(({ p }) => emailClaim.delete({ farmID, email: p.email }).commit()),
        ...staff.map((personID) => person.patch({ farmID, personID }).set({ householdID: "none" }).commit()),
        audit
          .create(Audit.event("privacy.erased", householdID, { people: leaving.length, staffKept: staff.length, settledOn, retainUntil }))
          .commit(),
      ])
      .go();
    if (res.canceled) return false;
    identityChanged();
    return true;
  }

  /**
   * After the retention period: the fiscal records kept at erasure, the roll
   * entries and proxies, the household's audit events and the household go.
   * An audit event without names records that it happened.
   */
  async function purgeHousehold(householdID: string): Promise<boolean> {
    const farmID = useFarmID();
    const db = useDB().entities;
    const found = await Privacy.gather(householdID);
    if (!found) return false;
    const { raw } = found;
    // a payment's reference claim, and the claim a reversal makes on the payment it reverses (payment.ts)
    const claims = (
      await getEach(raw.ledger.flatMap((e) => [Payment.claimOf(e.reference), `reversal:${e.entryID}`].map((claim) => db.paymentClaim.get({ farmID, claim }))))
    ).data.filter((c) => c.householdID === householdID);
    await writeAll((b) => db.paymentClaim.delete(b).go(), claims.map((c) => ({ farmID, claim: c.claim })));
    await writeAll((b) => db.ledgerEntry.delete(b).go(), raw.ledger.map((e) => ({ farmID, householdID, year: e.year, entryID: e.entryID })));
    await writeAll((b) => db.ledgerBatch.delete(b).go(), raw.batches.map((e) => ({ farmID, householdID, year: e.year, batchID: e.batchID })));
    await writeAll((b) => db.depositPayment.delete(b).go(), raw.deposits.map((d) => ({ farmID, reference: d.reference })));
    await writeAll((b) => db.compositionPeriod.delete(b).go(), raw.periods.map((p) => ({ farmID, householdID, from: p.from })));
    await writeAll((b) => db.solidarityChoice.delete(b).go(), raw.choices.map((c) => ({ farmID, year: c.year, householdID })));
    await writeAll((b) => db.roll.delete(b).go(), raw.rolls.map((r) => ({ farmID, electionID: r.electionID, householdID })));
    await writeAll((b) => db.proxy.delete(b).go(), raw.proxies.map((p) => ({ farmID, electionID: p.electionID, fromHouseholdID: p.fromHouseholdID })));
    // its check-ins at the door of general assemblies (assembly/), kept like the roll: one a meeting at most
    const meetings = (await db.assembly.query.byID({ farmID }).go({ pages: "all" })).data;
    await writeAll((b) => db.assemblyCheckIn.delete(b).go(), meetings.map((m) => ({ farmID, assemblyID: m.assemblyID, householdID })));
    // before the audit events that name its bank lines
    await BankPrivacy.purge(householdID, raw.audit);
    await writeAll((b) => db.audit.delete(b).go(), raw.audit.map((e) => ({ farmID, eventID: e.eventID })));
    await Mandate.forget(householdID);
    await db.certificate.delete({ farmID, householdID }).go();
    const res = await useDB()
      .transaction.write(({ household, audit }) => [
        household.delete({ farmID, householdID }).where((a, op) => op.exists(a.erasedAt)).commit(),
        // under one subject for all: the household it was about is no longer named anywhere
        audit.create(Audit.event("privacy.purged", "privacy", { retainedUntil: raw.household.retainUntil })).commit(),
      ])
      .go();
    return !res.canceled;
  }

}
