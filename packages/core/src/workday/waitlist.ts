import { useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { Farm } from "../farm/farm";
import { Mail } from "../mail/mail";
import type { Locale } from "../mail/format";
import { workdayCancelled, workdayPromoted } from "./mail";
import { Person } from "../person/person";
import { type Item, maxTransactionItems, signups } from "./stored";

/*
 * A work day's waiting list: who moves up when a place frees, in one
 * transaction with the mail that tells them.
 */

/** "za 9 mei 09:00–12:00" on the farm's clock. */
export function when(w: { start: string; end: string }, locale: Locale) {
  const tag = locale === "nl" ? "nl-NL" : "en-GB";
  const day = new Intl.DateTimeFormat(tag, { timeZone: "Europe/Amsterdam", weekday: "short", day: "numeric", month: "long" }).format(new Date(w.start));
  const time = new Intl.DateTimeFormat(tag, { timeZone: "Europe/Amsterdam", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${day} ${time.format(new Date(w.start))}–${time.format(new Date(w.end))}`;
}

type WorkdayTemplate = typeof workdayPromoted | typeof workdayCancelled;

/** The messages of a work-day template to these people, each in their language. */
export async function mailsFor(personIDs: string[], template: WorkdayTemplate, w: Item) {
  const [farm, people] = await Promise.all([Farm.current(), Promise.all(personIDs.map((id) => Person.get(id)))]);
  return people.flatMap((p) =>
    p ? [Mail.compose(template, p.email, p.locale, { farm: farm.name, title: w.title, when: when(w, p.locale), location: w.location || null })] : [],
  );
}


/** Promotions that fit one transaction beside the day, its audit event and `besides` other items: a sign-up patch and a mail each. */
export function promotable(besides: number) {
  return Math.max(0, Math.floor((maxTransactionItems - 2 - besides) / 2));
}

/** The waiting people who get the day's free places, first in line first, at most `room` of them. */
export function nextInLine(w: Item, all: { status: string; position: number; personID: string }[], room: number) {
  const free = Math.max(0, w.capacity - w.confirmed);
  if (w.status !== "scheduled" || Date.parse(w.start) <= Clock.now()) return [];
  return all
    .filter((s) => s.status === "waitlisted")
    .sort((a, b) => a.position - b.position)
    .slice(0, Math.min(free, room));
}

/**
 * Gives free places to the first in line, with their mails, in one
 * version-locked transaction. False when the day changed meanwhile, null
 * when nobody moves up.
 */
export async function promoteWaiting(w: Item) {
  const farmID = useFarmID();
  const workdayID = w.workdayID;
  const next = nextInLine(w, await signups(workdayID), promotable(0));
  if (!next.length) return null;
  const mails = await mailsFor(next.map((s) => s.personID), workdayPromoted, w);
  return Mail.commitWith(mails, ({ workday, audit, signup }) => [
    workday
      .patch({ farmID, workdayID })
      .set({ version: w.version + 1, confirmed: w.confirmed + next.length, waitlisted: w.waitlisted - next.length })
      .where((a, op) => op.eq(a.version, w.version))
      .commit(),
    audit.create(Audit.event("workday.promoted", workdayID, { promoted: next.length })).commit(),
    ...next.map((s) =>
      signup
        .patch({ farmID, workdayID, personID: s.personID })
        .set({ status: "confirmed" })
        .where((a, op) => op.eq(a.status, "waitlisted"))
        .commit(),
    ),
  ]);
}
