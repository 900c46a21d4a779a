import { useFarmID } from "../actor";
import { useDB } from "../entities";
import { Farm } from "../farm/farm";
import type { Template } from "../mail/format";
import { Mail } from "../mail/mail";
import { Mailing } from "../mail/mailing";
import { Person } from "../person/person";
import { electionOpened, electionReminder, electionResults } from "./mail";
import { candidatesOf, load, type Stored } from "./stored";
import type { Result } from "./tally";

/* The mail to the households on an election's roll: its opening, the reminder, the results. */

export async function mailOpened(electionID: string) {
  const e = (await load(electionID))!;
  const done = await mailRoll(electionID, "openedMailed", (p) => ({
    template: electionOpened,
    data: { farm: "", title: e.title, closes: when(e.closesAt, p.locale), link: `/elections/${electionID}` },
  }));
  if (done) await useDB().entities.election.patch({ farmID: useFarmID(), electionID }).set({ openedMailSent: true }).go();
}

export function when(iso: string, locale: "nl" | "en") {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    timeZone: "Europe/Amsterdam",
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

/**
 * Mails every household on the roll that has not had this mail: each
 * household's mark and its mails are one transaction, so a run that dies
 * halfway is finished by the next (the tick), and nobody is mailed twice.
 * True when every household is marked.
 */
export async function mailRoll(
  electionID: string,
  mark: "openedMailed" | "reminded" | "resultsMailed",
  make: (p: { locale: "nl" | "en" }) => { template: Template<never>; data: Record<string, unknown> },
  only: (r: { voted: boolean; proxyTo?: string; voters?: string[] }) => boolean = () => true,
) {
  const farmID = useFarmID();
  const farm = await Farm.current();
  const unmarked = async () =>
    (await useDB().entities.roll.query.byElection({ farmID, electionID }).go({ pages: "all", consistent: true })).data.filter(
      (r) => !r[mark] && only(r),
    );
  const entries = await unmarked();
  let refused = 0;
  for (let i = 0; i < entries.length; i += 20)
    await Promise.all(
      entries.slice(i, i + 20).map(async (r) => {
        // a reminder asks for a vote: it goes to the people who can cast it
        const people = (await Person.byHousehold(r.householdID)).filter((p) => mark !== "reminded" || !r.voters || r.voters.includes(p.id));
        const mails = people.map((p) => {
          const { template, data } = make(p);
          return Mail.compose<never>(template, p.email, p.locale, { ...data, farm: farm.name } as never);
        });
        const sent = await Mail.commitWith(mails, ({ roll }) => [
          roll
            .patch({ farmID, electionID, householdID: r.householdID })
            .set({ [mark]: true })
            // a reminder is for a household that has not voted, also at this moment
            .where((a, op) => (mark === "reminded" ? `${op.notExists(a[mark])} AND ${op.eq(a.voted, false)}` : op.notExists(a[mark])))
            .commit(),
        ]);
        if (!sent) refused++;
      }),
    );
  // refused: marked by another run meanwhile (then done), or a conflicting write (then the next run)
  return refused === 0 || (await unmarked()).length === 0;
}

export async function mailResults(electionID: string) {
  const e = (await load(electionID))!;
  const result = e.result as Result;
  const names = new Map(candidatesOf(e).map((c) => [c.id, c.name]));
  const done = await mailRoll(electionID, "resultsMailed", (p) => ({
    template: electionResults,
    data: {
      title: e.title,
      link: `/elections/${electionID}`,
      summary:
        e.kind === "board"
          ? result.winners.map((w) => names.get(w) ?? w).join(", ") || (p.locale === "nl" ? "niemand" : "nobody")
          : result.passed
            ? p.locale === "nl" ? "aangenomen" : "carried"
            : p.locale === "nl" ? "verworpen" : "not carried",
    },
  }));
  if (done) await useDB().entities.election.patch({ farmID: useFarmID(), electionID }).set({ resultsMailSent: true }).go();
}

Mailing.register("election-opened", mailOpened);
Mailing.register("election-results", mailResults);

/** Starts the opening's or the results' mail: an ALV's vote item leaves it to its meeting, which mails once for all its items. */
export function startMail(e: Stored, what: "opened" | "results") {
  return e.assemblyID ? Mailing.start(`assembly-${what}`, e.assemblyID) : Mailing.start(`election-${what}`, e.electionID);
}

/** The opening's mail while the vote is open, the results' once it closed: households on the roll, and how many were mailed. */
export async function mailingProgress(electionID: string): Promise<Mailing.Progress> {
  const e = await load(electionID);
  if (!e || e.status === "draft") return { total: 0, sent: 0, done: true };
  const mark = e.status === "open" ? "openedMailed" : "resultsMailed";
  const entries = (await useDB().entities.roll.query.byElection({ farmID: useFarmID(), electionID }).go({ pages: "all" })).data;
  return {
    total: entries.length,
    sent: entries.filter((r) => r[mark]).length,
    done: !!(e.status === "open" ? e.openedMailSent : e.resultsMailSent),
  };
}

export async function remind(e: Stored) {
  await mailRoll(
    e.electionID,
    "reminded",
    (p) => ({ template: electionReminder, data: { title: e.title, closes: when(e.closesAt, p.locale), link: `/elections/${e.electionID}` } }),
    (r) => !r.voted && !r.proxyTo,
  );
}
