import { useFarmID, usePerson } from "../actor";
import { Clock } from "../clock";
import { entities, useDB } from "../entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { LedgerBatch } from "../contribution/ledger-batch";
import { addWeeks, weekOf } from "../week";

/** Reads one by one in parallel: the client coalesces them into batches and retries what is unprocessed (batch-get.ts). */
export async function getEach<T>(reads: { go: () => Promise<{ data: T | null }> }[]) {
  const found = await Promise.all(reads.map((r) => r.go()));
  return { data: found.map((f) => f.data).filter((d): d is T => d !== null) };
}

/**
 * Personal data (AVG/GDPR): what the platform holds about a household and its
 * people, for them to download (art. 15, 20), and its erasure once a
 * household has left and its business is settled (art. 17), keeping only
 * what the books must keep for seven years (art. 52 AWR): that is
 * ./erasure.ts. The table of what is kept, why and how long: docs/privacy.md.
 */
export namespace Privacy {
  type EntityName = keyof typeof entities;
  type Cover = { exported: string } | { excluded: string };

  /**
   * Every entity, and whether the export holds it or why not. Typed over the
   * entity list, so a new entity does not compile until it is placed here;
   * privacy.test.ts also checks it at run time.
   */
  const coverageList = {
    farm: { excluded: "the farm's own settings; nothing about a household" },
    household: { exported: "household" },
    person: { exported: "people" },
    emailClaim: { excluded: "repeats the person's address (to keep it unique); deleted with the person at erasure" },
    roleGrant: { exported: "people[].roles" },
    loginCode: { exported: "loginCodes (when it expires and the wrong tries, never the code's hash)" },
    session: { exported: "sessions (when made and last used, never the token's hash)" },
    outbox: { exported: "mails (the local outbox only: deployed, mail goes to SES and is not kept)" },
    pendingMail: { exported: "mails (kept until handed to the mail service)" },
    audit: { exported: "auditEvents (events whose subject is the household, a person, an hours entry or an application of theirs)" },
    rateLimit: { excluded: "counters per address, client or person (a member's neighbour searches), kept at most a day (TTL); no content" },
    harvestWeek: { excluded: "the farm's harvest, the same for every household" },
    harvestShare: { exported: "harvest.shares" },
    harvestOptOut: { exported: "harvest.optOuts (weeks from the household's start until two years ahead)" },
    harvestPickup: { excluded: "the tick that a week's share was collected, for the pickup; erased with the household" },
    harvestUncollected: { excluded: "the farm's count of shares not collected in a week; no household in it" },
    harvestHandover: { excluded: "which household collects a week's share for another; removed by TTL two months after the week" },
    workday: { excluded: "the farm's work days; the household's sign-ups are exported" },
    signup: { exported: "workdays.signups" },
    hours: { exported: "workdays.hours" },
    calendarToken: { excluded: "the hash of the calendar link's secret; the link's existence is in calendarLinks" },
    calendarLink: { exported: "calendarLinks (whether a person has a link, never the secret itself)" },
    election: { excluded: "the farm's elections; only their titles are shown with the household's roll entries" },
    roll: { exported: "elections.roll (whether the household voted and how: itself or by proxy, never for what)" },
    assembly: { excluded: "the farm's general assemblies, the same for every member; no household in them" },
    assemblyItem: { excluded: "an assembly's agenda item; its vote is an election, whose roll is exported" },
    assemblyCheckIn: { excluded: "that a household was at an assembly, recorded by the board for its quorum; kept like the vote roll, as the record of a valid vote, and deleted with it" },
    ballot: { excluded: "ballots are secret and linked to no household or person: nobody can tell which is theirs" },
    proxy: { exported: "elections.proxies (given and received)" },
    season: { excluded: "the farm's budget and prices, the same for everyone" },
    ledgerEntry: { exported: "contribution.payments" },
    ledgerBatch: { exported: "contribution.payments (a bank import's payments on the household, one item per import and year)" },
    paymentClaim: { excluded: "repeats a payment's bank reference to record it once; the payment is exported" },
    compositionPeriod: { exported: "contribution.compositionPeriods" },
    mandate: { exported: "contribution.mandate" },
    ibanClaim: { excluded: "repeats the mandate's IBAN to keep it to one household; the mandate is exported" },
    bankLine: { excluded: "the bank's statement line of a transfer, kept with the books; the payment it booked is exported" },
    bankAccount: { excluded: "the accounts the treasurer assigned transfers from, to match the next ones; the payments are exported" },
    bankLikeness: { excluded: "a hash of a transfer's date, amount and account, to catch one transfer read from two files" },
    bankLease: { excluded: "which import or review assignment books bank lines now, and until when; no person's data" },
    paymentLikeness: { excluded: "the dates and amounts of a household's payments and hashes of its bank lines, to book one transfer once; the payments are exported" },
    sepaRun: { excluded: "the farm's collection run: month, totals and creditor; the household's part of it is its collection (exported)" },
    sepaRunItem: { exported: "contribution.collections" },
    solidarityChoice: { exported: "contribution.solidarity" },
    solidarityPot: { excluded: "the farm's totals; no household in it" },
    arrearsSchedule: { excluded: "the farm's reminder schedule for a season; no household in it" },
    arrearsReminder: { excluded: "the mark that a reminder step was mailed, so it goes once; the mail is in mails, the arrears follow from the payments; it expires after 18 months (TTL)" },
    certificate: { exported: "membership.certificate (with its refund)" },
    depositPayment: { exported: "membership.depositPayments" },
    application: { exported: "membership.applications (the household's, and any under a person's address)" },
    applicationToken: { excluded: "the hash of an applicant's secret link, removed by TTL" },
    applicationEmail: { excluded: "repeats an open application's address (to keep it to one); the application is exported" },
    applicationRequest: { excluded: "an application whose address is not confirmed yet: nobody's until confirmed, removed by TTL within days" },
    waitlist: { excluded: "the list's version counter; no person in it" },
    newsPost: { excluded: "the farm's news, the same for every member; it names its author, the farmer or a board member, in that role" },
    newsPhoto: { excluded: "a photo uploaded for the farm's news; it names who uploaded it, the farmer or a board member" },
    newsMail: { excluded: "the mark that a post was mailed to a person (by ID only), so it goes once; the mail is in mails" },
    message: { excluded: "a mail the board or the farmer wrote to a group; it names its author, no household" },
    messageRecipient: { excluded: "that a group mail went to a person (by ID only: no address, name or text) and when; the mail is in mails; removed after two years (TTL)" },
    poll: { excluded: "the farm's polls, the same for everyone; their titles are shown with the household's answers" },
    pollAnswer: { exported: "polls.answers" },
    pollMail: { excluded: "the mark that a poll's opening was mailed to a person (by ID only), so it goes once; the mail is in mails" },
    document: { excluded: "the farm's library (statutes, budget, minutes …), the same for every member; it names the board member who uploaded each version" },
  };
  export const coverage: Record<EntityName, Cover> = coverageList;

  /** Weeks before and after which opt-outs are looked for: the household's start, and this far ahead. */
  const optOutWeeksAhead = 104;

  /** An item as exported: without the farm (it is in `farm`) and the named fields. */
  const strip = <T extends object, K extends string = never>(item: T, ...keys: K[]): Omit<T, "farmID" | K> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(item)) if (k !== "farmID" && !(keys as string[]).includes(k) && v !== undefined) out[k] = v;
    return out as Omit<T, "farmID" | K>;
  };

  /** Everything about one household and its people, without secrets (no token or code hashes, no ballots). */
  export async function gather(householdID: string) {
    const farmID = useFarmID();
    const db = useDB().entities;
    const [farm, { data: household }, { data: people }] = await Promise.all([
      Farm.current(),
      db.household.get({ farmID, householdID }).go(),
      db.person.query.byHousehold({ farmID, householdID }).go({ pages: "all" }),
    ]);
    if (!household) return undefined;
    const emails = people.map((p) => p.email);

    const perPerson = await Promise.all(
      people.map(async (p) => {
        const [roles, sessions, code, calendar, signups, outbox, audit] = await Promise.all([
          db.roleGrant.query.byPerson({ farmID, personID: p.personID }).go({ pages: "all" }),
          db.session.query.byPerson({ farmID, personID: p.personID }).go({ pages: "all" }),
          db.loginCode.get({ farmID, email: p.email }).go(),
          db.calendarLink.get({ farmID, personID: p.personID }).go(),
          db.signup.query.byPerson({ farmID, personID: p.personID }).go({ pages: "all" }),
          db.outbox.query.byRecipient({ farmID, to: p.email }).go({ pages: "all" }),
          db.audit.query.bySubject({ farmID, subjectID: p.personID }).go({ pages: "all" }),
        ]);
        return { p, roles: roles.data, sessions: sessions.data, code: code.data, calendar: calendar.data, signups: signups.data, outbox: outbox.data, audit: audit.data };
      }),
    );

    const weeks = optOutWeeks(household.createdAt);
    const [shares, optOuts, hours, ledger, periods, mandate, certificate, deposits, seasons, elections, applications, pending, householdAudit, collections, polls, batches] =
      await Promise.all([
        db.harvestShare.query.byHousehold({ farmID, householdID }).go({ pages: "all" }),
        getEach(weeks.map((week) => db.harvestOptOut.get({ farmID, week, householdID }))),
        db.hours.query.byHousehold({ farmID, householdID }).go({ pages: "all" }),
        db.ledgerEntry.query.byHousehold({ farmID, householdID }).go({ pages: "all" }),
        db.compositionPeriod.query.byFarm({ farmID, householdID }).go({ pages: "all" }),
        db.mandate.get({ farmID, householdID }).go(),
        db.certificate.get({ farmID, householdID }).go(),
        db.depositPayment.query.byHousehold({ farmID, householdID }).go({ pages: "all" }),
        db.season.query.byYear({ farmID }).go({ pages: "all" }),
        db.election.query.byID({ farmID }).go({ pages: "all" }),
        db.application.query.byID({ farmID }).go({ pages: "all" }),
        db.pendingMail.query.byID({ farmID }).go({ pages: "all" }),
        db.audit.query.bySubject({ farmID, subjectID: householdID }).go({ pages: "all" }),
        db.sepaRunItem.query.byHousehold({ farmID, householdID }).go({ pages: "all" }),
        db.poll.query.byID({ farmID }).go({ pages: "all" }),
        LedgerBatch.ofHousehold(householdID),
      ]);
    const years = seasons.data.map((s) => s.year);
    const [choices, rolls, proxies, pollAnswers] = await Promise.all([
      getEach(years.map((year) => db.solidarityChoice.get({ farmID, year, householdID }))),
      getEach(elections.data.map((e) => db.roll.get({ farmID, electionID: e.electionID, householdID }))),
      Promise.all(
        elections.data.map((e) =>
          db.proxy.query
            .byElection({ farmID, electionID: e.electionID })
            .where((a, op) => `${op.eq(a.fromHouseholdID, householdID)} OR ${op.eq(a.toHouseholdID, householdID)}`)
            .go({ pages: "all" }),
        ),
      ),
      getEach(polls.data.map((p) => db.pollAnswer.get({ farmID, pollID: p.pollID, householdID }))),
    ]);
    const theirApplications = applications.data.filter((a) => a.householdID === householdID || emails.includes(a.email));
    const subjects = [...hours.data.map((h) => h.entryID), ...theirApplications.map((a) => a.applicationID)];
    const otherAudit = await Promise.all(subjects.map((subjectID) => db.audit.query.bySubject({ farmID, subjectID }).go({ pages: "all" })));
    const audit = [...householdAudit.data, ...perPerson.flatMap((x) => x.audit), ...otherAudit.flatMap((a) => a.data)];
    const titleOf = new Map(elections.data.map((e) => [e.electionID, e.title]));
    const signups = perPerson.flatMap((x) => x.signups);
    const workdays = (await getEach([...new Set(signups.map((s) => s.workdayID))].map((workdayID) => db.workday.get({ farmID, workdayID })))).data;
    const workdayTitle = new Map(workdays.map((w) => [w.workdayID, w.title]));

    return {
      raw: { household, people, perPerson, shares: shares.data, optOuts: optOuts.data, hours: hours.data, ledger: ledger.data, batches, periods: periods.data,
        mandate: mandate.data, certificate: certificate.data, deposits: deposits.data, choices: choices.data, rolls: rolls.data,
        proxies: proxies.flatMap((p) => p.data), applications: theirApplications, pending: pending.data.filter((m) => emails.includes(m.to)),
        audit, pollAnswers: pollAnswers.data },
      export: {
        exportedAt: Clock.iso(),
        farm: { id: farm.id, name: farm.name },
        household: strip(household),
        people: perPerson.map(({ p, roles }) => ({ ...strip(p), roles: roles.map((r) => r.role) })),
        sessions: perPerson.flatMap(({ sessions }) =>
          sessions.map((s) => ({ personID: s.personID, createdAt: new Date(s.createdAt).toISOString(), lastSeenAt: new Date(s.lastSeenAt).toISOString() })),
        ),
        loginCodes: perPerson.flatMap(({ p, code }) =>
          code ? [{ personID: p.personID, expiresAt: new Date(code.expiresAt).toISOString(), wrongTries: code.attempts }] : [],
        ),
        calendarLinks: perPerson.flatMap(({ p, calendar }) => (calendar ? [{ personID: p.personID, exists: true }] : [])),
        contribution: {
          compositionPeriods: periods.data.map((x) => strip(x)),
          mandate: mandate.data ? strip(mandate.data) : null,
          collections: collections.data.map((x) => strip(x)),
          // a bank import's payments with the bank line each was booked from
          payments: [...ledger.data.map((x) => strip(x)), ...batches.flatMap(LedgerBatch.entries).map(({ bank, ...e }) => ({ ...e, bankLine: bank }))].sort((a, b) =>
            a.entryID.localeCompare(b.entryID),
          ),
          solidarity: choices.data.map((x) => strip(x)),
        },
        membership: {
          certificate: certificate.data ? strip(certificate.data, "version") : null,
          depositPayments: deposits.data.map((x) => strip(x)),
          applications: theirApplications.map((a) => strip(a, "offerTokenHash")),
        },
        harvest: {
          shares: shares.data.map((x) => strip(x, "mailedVersion")),
          optOuts: optOuts.data.map((x) => strip(x)),
        },
        workdays: {
          signups: signups.map((s) => ({ ...strip(s), title: workdayTitle.get(s.workdayID) ?? null })),
          hours: hours.data.map((x) => strip(x)),
        },
        elections: {
          roll: rolls.data.map((r) => ({
            electionID: r.electionID,
            title: titleOf.get(r.electionID) ?? null,
            voted: r.voted,
            via: r.via ?? null,
            proxyTo: r.proxyTo ?? null,
            proxiesHeld: r.proxiesHeld,
          })),
          proxies: proxies.flatMap((p) => p.data).map((p) => ({ ...strip(p), title: titleOf.get(p.electionID) ?? null })),
        },
        polls: { answers: pollAnswers.data.map((a) => ({ ...strip(a), title: polls.data.find((p) => p.pollID === a.pollID)?.title ?? null })) },
        auditEvents: audit
          .map((e) => strip(e))
          .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt))),
        mails: [
          ...perPerson.flatMap((x) => x.outbox).map((m) => ({ ...strip(m, "expiresAtEpoch"), kept: "outbox" as const })),
          ...pending.data.filter((m) => emails.includes(m.to)).map((m) => ({ ...strip(m, "expiresAtEpoch"), kept: "pending" as const })),
        ],
      },
    };
  }

  type Gathered = NonNullable<Awaited<ReturnType<typeof gather>>>["export"];
  /** The download: for staff without a household, `household` is null and only their own person is in it. */
  export type Export = Omit<Gathered, "household"> & { household: Gathered["household"] | null };

  /** Everything the platform holds about the caller's household and its people (or the caller alone, without one). */
  export async function exportHousehold(): Promise<Export> {
    const actor = usePerson();
    if (actor.householdID) {
      const found = await gather(actor.householdID);
      if (found) return found.export;
    }
    return exportPerson(actor.personID);
  }

  /** Staff without a household: their own person, roles, sessions and mails. */
  async function exportPerson(personID: string): Promise<Export> {
    const farmID = useFarmID();
    const db = useDB().entities;
    const p = (await db.person.get({ farmID, personID }).go()).data;
    if (!p) throw new VisibleError("unauthenticated", "auth.required", "Log in first.");
    const [farm, roles, sessions, calendar, signups, outbox, audit] = await Promise.all([
      Farm.current(),
      db.roleGrant.query.byPerson({ farmID, personID }).go({ pages: "all" }),
      db.session.query.byPerson({ farmID, personID }).go({ pages: "all" }),
      db.calendarLink.get({ farmID, personID }).go(),
      db.signup.query.byPerson({ farmID, personID }).go({ pages: "all" }),
      db.outbox.query.byRecipient({ farmID, to: p.email }).go({ pages: "all" }),
      db.audit.query.bySubject({ farmID, subjectID: personID }).go({ pages: "all" }),
    ]);
    return {
      exportedAt: Clock.iso(),
      farm: { id: farm.id, name: farm.name },
      household: null,
      people: [{ ...strip(p), roles: roles.data.map((r) => r.role) }],
      sessions: sessions.data.map((s) => ({ personID, createdAt: new Date(s.createdAt).toISOString(), lastSeenAt: new Date(s.lastSeenAt).toISOString() })),
      loginCodes: [],
      calendarLinks: calendar.data ? [{ personID, exists: true }] : [],
      contribution: { compositionPeriods: [], mandate: null, collections: [], payments: [], solidarity: [] },
      membership: { certificate: null, depositPayments: [], applications: [] },
      harvest: { shares: [], optOuts: [] },
      workdays: { signups: signups.data.map((s) => ({ ...strip(s), title: null })), hours: [] },
      elections: { roll: [], proxies: [] },
      polls: { answers: [] },
      auditEvents: audit.data.map((e) => strip(e)),
      mails: outbox.data.map((m) => ({ ...strip(m, "expiresAtEpoch"), kept: "outbox" as const })),
    };
  }

  function optOutWeeks(since: string) {
    const first = weekOf(Date.parse(since));
    const last = addWeeks(weekOf(Clock.now()), optOutWeeksAhead);
    const weeks: string[] = [];
    for (let w = first; w <= last && weeks.length < 2000; w = addWeeks(w, 1)) weeks.push(w);
    return weeks;
  }
}
