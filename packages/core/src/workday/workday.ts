import * as z from "zod/mini";
import { hasRole, useFarmID, usePerson } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { workdayTasks } from "./entities";
import { VisibleError } from "../error";
import { createID } from "../id";
import { Mail } from "../mail/mail";
import { workdayPromoted } from "./mail";
import { Mailing } from "../mail/mailing";
import { Person } from "../person/person";
import { oneAtATime } from "../one-at-a-time";
import { amsterdamParts, amsterdamTime } from "../week";
import * as Roster from "./roster";
import { load, maxTransactionItems, notFound, placeOf, serialize, signups, started, type Item } from "./stored";
import { cancelProgress } from "./cancel-mail";
import { mailsFor, nextInLine, promotable, promoteWaiting, when as formatWhen } from "./waitlist";
import { backoff as retryBackoff } from "../backoff";

export namespace Workday {
  export const tasks = workdayTasks;
  const instant = z.iso.datetime({ offset: true });

  export const CreateInput = z
    .object({
      title: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
      task: z.enum(workdayTasks),
      start: instant,
      end: instant,
      capacity: z.int().check(z.minimum(1), z.maximum(500)),
      location: z.optional(z.string().check(z.trim(), z.maxLength(200))),
      description: z.optional(z.string().check(z.trim(), z.maxLength(4000))),
      /** Make the same day this many weeks in a row (same wall-clock time), e.g. every Saturday in May. */
      repeatWeeks: z._default(z.int().check(z.minimum(1), z.maximum(52)), 1),
    })
    .check(
      z.refine((w) => Date.parse(w.end) > Date.parse(w.start), { message: "The end must be after the start.", path: ["end"] }),
      z.refine((w) => Date.parse(w.end) - Date.parse(w.start) <= 24 * 3600_000, { message: "A work day lasts at most 24 hours.", path: ["end"] }),
    );

  export const UpdateInput = z
    .partial(
      z.object({
        title: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
        task: z.enum(workdayTasks),
        start: instant,
        end: instant,
        capacity: z.int().check(z.minimum(1), z.maximum(500)),
        location: z.string().check(z.trim(), z.maxLength(200)),
        description: z.string().check(z.trim(), z.maxLength(4000)),
      }),
    )
    .check(z.refine((v) => Object.keys(v).length > 0, { message: "Nothing to change." }));

  export const Info = z.object({
    id: z.string(),
    title: z.string(),
    task: z.enum(workdayTasks),
    start: z.string(),
    end: z.string(),
    capacity: z.number(),
    confirmed: z.number(),
    waitlisted: z.number(),
    location: z.nullable(z.string()),
    description: z.nullable(z.string()),
    status: z.enum(["scheduled", "cancelled"]),
    /** The caller's own sign-up on this day. */
    mine: z.nullable(z.enum(["confirmed", "waitlisted"])),
    /** Place in the waiting line (1 = next), when waitlisted. */
    waitlistPlace: z.nullable(z.number()),
  });
  export type Info = z.infer<typeof Info>;

  /** The same wall-clock time `weeks` weeks later, across summer and winter time. */
  function weeksLater(iso: string, weeks: number) {
    const p = amsterdamParts(Date.parse(iso));
    const day = new Date(Date.UTC(p.year, p.month - 1, p.day + 7 * weeks));
    return new Date(amsterdamTime(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), p.hour, p.minute)).toISOString();
  }

  /** Creates a work day, or a weekly series of them in one go. */
  export async function create(input: z.infer<typeof CreateInput>): Promise<Info[]> {
    const farmID = useFarmID();
    if (Date.parse(input.start) <= Clock.now())
      throw new VisibleError("input", "input.invalid", "The work day must be in the future.", [
        { path: "start", message: "The start must be in the future." },
      ]);
    const seriesID = input.repeatWeeks > 1 ? createID("series") : undefined;
    const items = Array.from({ length: input.repeatWeeks }, (_, i) => ({
      farmID,
      workdayID: createID("workday"),
      title: input.title,
      task: input.task,
      start: weeksLater(input.start, i),
      end: weeksLater(input.end, i),
      capacity: input.capacity,
      location: input.location,
      description: input.description,
      seriesID,
      createdBy: usePerson().personID,
    }));
    // At most 52 days and the audit event: within one transaction's 100 items.
    const res = await useDB()
      .transaction.write(({ workday, audit }) => [
        ...items.map((w) => workday.put(w).commit()),
        audit.create(Audit.event("workday.created", items[0]!.workdayID, { count: items.length, title: input.title })).commit(),
      ])
      .go();
    if (res.canceled) throw new Error("work days not written");
    return items.map((w) => serialize({ ...w, status: "scheduled", confirmed: 0, waitlisted: 0, version: 0, seq: 0 }));
  }

  export async function get(workdayID: string): Promise<Info> {
    const w = await load(workdayID);
    if (!w) throw notFound();
    const person = usePerson();
    const all = await signups(workdayID);
    const own = all.find((s) => s.personID === person.personID);
    return serialize(w, own ? { status: own.status, place: placeOf(all, own.personID) } : null);
  }

  /** A period to list: an end before the start is refused. */
  export const ListInput = z
    .object({ from: z.optional(instant), to: z.optional(instant) })
    .check(
      z.refine((r) => !r.from || !r.to || Date.parse(r.to) >= Date.parse(r.from), { message: "The end must not be before the start.", path: ["to"] }),
    );

  /** Keys hold ISO strings, which sort as times only within years 0000–9999 (an offset can push 9999 past them). */
  const within = (t: number) => Math.min(Date.parse("9999-12-31T23:59:59.999Z"), Math.max(Date.parse("0000-01-01T00:00:00Z"), t));

  /** Work days between two instants (default: from now on, for a year), with the caller's own sign-ups. */
  export async function list(range: z.output<typeof ListInput>): Promise<Info[]> {
    const farmID = useFarmID();
    const start = within(range.from ? Date.parse(range.from) : Clock.now() - 12 * 3600_000);
    // a start more than a year ahead still gets its year, not a reversed range
    const end = within(range.to ? Date.parse(range.to) : Math.max(start, Clock.now()) + 366 * 24 * 3600_000);
    // only an end, before the default start (now): nothing from now on ends by then
    if (end < start) return [];
    const from = new Date(start).toISOString();
    const to = new Date(end).toISOString();
    const person = usePerson();
    const [days, mine] = await Promise.all([
      useDB().entities.workday.query.byStart({ farmID }).between({ start: from }, { start: to }).go({ pages: "all" }),
      ownSignups(person.personID, from),
    ]);
    const own = new Map(mine.data.map((s) => [s.workdayID, s]));
    const places = await waitlistPlaces(mine.data, person.personID);
    return days.data.map((w) => {
      const s = own.get(w.workdayID);
      return serialize(w, s ? { status: s.status, place: places.get(w.workdayID) ?? null } : null);
    });
  }

  /** A person's sign-ups from an instant on; bounded above: a bare gte() walks every later key of the person's partition. */
  function ownSignups(personID: string, from: string) {
    return useDB()
      .entities.signup.query.byPerson({ farmID: useFarmID(), personID })
      .between({ start: from }, { start: "9999-12-31T23:59:59.999Z" })
      .go({ pages: "all" });
  }

  /** The caller's place in line on each day where it waits (few days: one query each). */
  async function waitlistPlaces(own: { workdayID: string; status: string }[], personID: string) {
    const waiting = own.filter((s) => s.status === "waitlisted");
    const places = await Promise.all(waiting.map(async (s) => [s.workdayID, placeOf(await signups(s.workdayID), personID)] as const));
    return new Map(places);
  }

  /** The caller's work days from now on (and the last month), in date order. */
  export async function mine(): Promise<Info[]> {
    const person = usePerson();
    const from = new Date(Clock.now() - 31 * 24 * 3600_000).toISOString();
    const res = await ownSignups(person.personID, from);
    const [days, places] = await Promise.all([Promise.all(res.data.map((s) => load(s.workdayID))), waitlistPlaces(res.data, person.personID)]);
    return days.flatMap((w, i) => (w ? [serialize(w, { status: res.data[i]!.status, place: places.get(w.workdayID) ?? null })] : []));
  }

  export const stats = { retries: 0 };

  /** Full jitter, growing with the attempts: colliding writers spread out instead of colliding again. */
  async function backoff(attempt: number) {
    stats.retries++;
    await retryBackoff(attempt);
  }

  /**
   * Signs one person of the caller's household up. Every change to a day's
   * sign-ups is one transaction that also bumps the day's version, on the
   * condition that nobody else did meanwhile: so capacity is never exceeded,
   * counts always equal the sign-up items, and the waiting line has one order.
   * On a conflict it reads again and retries.
   */
  export async function signup(workdayID: string, forPersonID?: string): Promise<{ status: "confirmed" | "waitlisted" }> {
    const personID = await personOfHousehold(forPersonID);
    return oneAtATime(`workday:${useFarmID()}:${workdayID}`, () => trySignup(workdayID, personID));
  }

  async function existingStatus(workdayID: string, personID: string) {
    const res = await useDB().entities.signup.get({ farmID: useFarmID(), workdayID, personID }).go({ consistent: true });
    return res.data?.status;
  }

  async function trySignup(workdayID: string, personID: string): Promise<{ status: "confirmed" | "waitlisted" }> {
    const farmID = useFarmID();
    const actor = usePerson();
    for (let attempt = 0; attempt < 200; attempt++) {
      const w = await load(workdayID);
      if (!w || w.status === "cancelled") throw notFound();
      if (Date.parse(w.start) <= Clock.now()) throw started();
      // free places while people wait (a raise promoted in parts, cut short): they go first
      if (w.confirmed < w.capacity && w.waitlisted > 0) {
        const promoted = await promoteWaiting(w);
        if (promoted !== null) {
          if (!promoted) await backoff(attempt);
          continue;
        }
      }
      // a place goes to a newcomer only when nobody waits for one
      const status = w.confirmed < w.capacity && w.waitlisted === 0 ? "confirmed" : "waitlisted";
      const res = await useDB()
        .transaction.write(({ workday, signup }) => [
          workday
            .patch({ farmID, workdayID })
            .set({
              version: w.version + 1,
              seq: w.seq + 1,
              ...(status === "confirmed" ? { confirmed: w.confirmed + 1 } : { waitlisted: w.waitlisted + 1 }),
            })
            .where((a, op) => `${op.eq(a.version, w.version)} AND ${op.eq(a.status, "scheduled")}`)
            .commit(),
          signup
            .create({ farmID, workdayID, personID, householdID: actor.householdID!, status, position: w.seq + 1, start: w.start })
            .commit(),
        ])
        .go();
      if (!res.canceled) return { status };
      // Signed up already (repeating it changes nothing), or someone else changed the day first.
      const existing = await existingStatus(workdayID, personID);
      if (existing) return { status: existing };
      await backoff(attempt);
    }
    throw new VisibleError("conflict", "workday.busy", "Too many people are signing up right now; try again.");
  }

  /** The person to sign up or off: the caller, or another person of the caller's household. */
  async function personOfHousehold(personID?: string) {
    const actor = usePerson();
    if (!actor.householdID || !hasRole("member"))
      throw new VisibleError("forbidden", "workday.no_household", "Only members of a household can sign up.");
    if (!personID || personID === actor.personID) return actor.personID;
    const other = await Person.get(personID);
    if (!other || other.householdID !== actor.householdID)
      throw new VisibleError("not_found", "person.not_found", "No such person in your household.");
    return other.id;
  }

  /**
   * Cancels a sign-up. When a confirmed place frees up, the first in the
   * waiting line gets it in the same transaction, and is mailed.
   */
  export async function cancelSignup(workdayID: string, forPersonID?: string) {
    const personID = await personOfHousehold(forPersonID);
    return oneAtATime(`workday:${useFarmID()}:${workdayID}`, () => tryCancel(workdayID, personID));
  }

  async function tryCancel(workdayID: string, personID: string) {
    const farmID = useFarmID();
    for (let attempt = 0; attempt < 200; attempt++) {
      const w = await load(workdayID);
      if (!w) throw notFound();
      if (Date.parse(w.start) <= Clock.now()) throw started();
      const all = await signups(workdayID);
      const own = all.find((s) => s.personID === personID);
      if (!own) return;
      const next =
        own.status === "confirmed"
          ? all.filter((s) => s.status === "waitlisted").sort((a, b) => a.position - b.position)[0]
          : undefined;
      // the promoted person learns of the place with it: kept in the same transaction
      const promoted = next && w.status === "scheduled" ? await mailsFor([next.personID], workdayPromoted, w) : [];
      const done = await Mail.commitWith(promoted, ({ workday, signup }) => [
        workday
          .patch({ farmID, workdayID })
          .set({
            version: w.version + 1,
            confirmed: w.confirmed - (own.status === "confirmed" && !next ? 1 : 0),
            waitlisted: w.waitlisted - (own.status === "waitlisted" || next ? 1 : 0),
          })
          .where((a, op) => op.eq(a.version, w.version))
          .commit(),
        signup.delete({ farmID, workdayID, personID }).commit(),
        ...(next
          ? [
              signup
                .patch({ farmID, workdayID, personID: next.personID })
                .set({ status: "confirmed" })
                .where((a, op) => op.eq(a.status, "waitlisted"))
                .commit(),
            ]
          : []),
      ]);
      if (done) return;
      await backoff(attempt);
    }
    throw new VisibleError("conflict", "workday.busy", "Too many changes at once; try again.");
  }

  /**
   * Edits a work day; capacity cannot drop below the confirmed count (cancel
   * people first). Places added go to the waiting line first, in order, with
   * their mails, in the edit's own transaction; a line longer than one
   * transaction holds moves up in further ones, and meanwhile a newcomer
   * queues behind it (trySignup).
   */
  /** "za 9 mei 09:00–12:00" on the farm's clock. */
  export const when = formatWhen;

  export async function update(workdayID: string, changes: z.infer<typeof UpdateInput>) {
    return oneAtATime(`workday:${useFarmID()}:${workdayID}`, () => tryUpdate(workdayID, changes));
  }

  async function tryUpdate(workdayID: string, changes: z.infer<typeof UpdateInput>) {
    const farmID = useFarmID();
    for (let attempt = 0; attempt < 20; attempt++) {
      const w = await load(workdayID);
      if (!w) throw notFound();
      const next = { ...w, ...changes };
      if (Date.parse(next.end) <= Date.parse(next.start))
        throw new VisibleError("input", "input.invalid", "The end must be after the start.", [{ path: "end", message: "The end must be after the start." }]);
      if (changes.start && Date.parse(changes.start) <= Clock.now())
        throw new VisibleError("input", "input.invalid", "The work day must be in the future.", [{ path: "start", message: "The start must be in the future." }]);
      if (next.capacity < w.confirmed)
        throw new VisibleError("conflict", "workday.capacity_below_confirmed", `${w.confirmed} people are already confirmed.`);
      const start = changes.start ? new Date(changes.start).toISOString() : undefined;
      const end = changes.end ? new Date(changes.end).toISOString() : undefined;
      const after: Item = { ...next, ...(start ? { start } : {}), ...(end ? { end } : {}) };
      // A new start is copied to the sign-ups' date index ("my work days"). In
      // the same transaction while it fits one (100 items); the version lock
      // keeps this list current, as every sign-up change bumps the version.
      const all = await signups(workdayID);
      const moved = start ? all : [];
      const together = moved.length <= maxTransactionItems - 2;
      const promoted = nextInLine(after, all, promotable(start && together ? moved.length : 0));
      const up = new Set(promoted.map((s) => s.personID));
      const mails = await mailsFor([...up], workdayPromoted, after);
      const done = await Mail.commitWith(mails, ({ workday, audit, signup }) => [
        workday
          .patch({ farmID, workdayID })
          .set({
            ...changes,
            ...(start ? { start } : {}),
            ...(end ? { end } : {}),
            version: w.version + 1,
            ...(promoted.length ? { confirmed: w.confirmed + promoted.length, waitlisted: w.waitlisted - promoted.length } : {}),
          })
          .where((a, op) => op.eq(a.version, w.version))
          .commit(),
        audit.create(Audit.event("workday.updated", workdayID, { ...changes, ...(promoted.length ? { promoted: promoted.length } : {}) })).commit(),
        // one operation per sign-up: a promoted one that also moves gets both in one patch
        ...(start && together
          ? moved.filter((s) => !up.has(s.personID)).map((s) => signup.patch({ farmID, workdayID, personID: s.personID }).set({ start }).commit())
          : []),
        ...promoted.map((s) =>
          signup
            .patch({ farmID, workdayID, personID: s.personID })
            .set({ status: "confirmed", ...(start && together ? { start } : {}) })
            .where((a, op) => op.eq(a.status, "waitlisted"))
            .commit(),
        ),
      ]);
      if (!done) {
        await backoff(attempt);
        continue;
      }
      // A day with more sign-ups than a transaction holds gets the copies after it.
      if (start && !together)
        for (const s of moved) await useDB().entities.signup.patch({ farmID, workdayID, personID: s.personID }).set({ start }).go();
      // More places than one transaction could fill: the rest of the line moves up in parts.
      for (let more = 0; more < 200; more++) {
        const now = await load(workdayID);
        if (!now || now.confirmed >= now.capacity || now.waitlisted === 0) break;
        const step = await promoteWaiting(now);
        if (step === null) break;
        if (!step) await backoff(more);
      }
      return get(workdayID);
    }
    throw new VisibleError("conflict", "workday.changed", "The work day changed meanwhile; try again.");
  }

  /** Cancels a work day: everyone signed up is mailed, after the answer (GET …/mailing shows how far). */
  export async function cancel(workdayID: string) {
    const farmID = useFarmID();
    const w = await load(workdayID);
    if (!w) throw notFound();
    if (w.status === "cancelled") {
      // cancelled again: what a crash left of its mail goes out now, not at the next tick
      if (w.cancelMailPending) await Mailing.start("workday-cancelled", workdayID);
      return get(workdayID);
    }
    const res = await useDB()
      .transaction.write(({ workday, audit }) => [
        workday
          .patch({ farmID, workdayID })
          // the counts are the sign-ups at this version: with none there is nobody to mail
          .set({ status: "cancelled", version: w.version + 1, ...(w.confirmed + w.waitlisted > 0 ? { cancelMailPending: true } : {}) })
          .where((a, op) => op.eq(a.version, w.version))
          .commit(),
        audit.create(Audit.event("workday.cancelled", workdayID)).commit(),
      ])
      .go();
    if (res.canceled) throw new VisibleError("conflict", "workday.changed", "The work day changed meanwhile; try again.");
    await Mailing.start("workday-cancelled", workdayID);
    return get(workdayID);
  }

  /** How far the mail of a cancelled day got: the people signed up, and how many were mailed. */
  export async function mailing(workdayID: string): Promise<Mailing.Progress> {
    const w = await load(workdayID);
    if (!w) throw notFound();
    if (w.status !== "cancelled") return { total: 0, sent: 0, done: true };
    return cancelProgress(w);
  }

  export const RosterEntry = Roster.RosterEntry;
  /** Who is confirmed and who waits, in order, with attendance once marked. */
  export const roster = Roster.roster;
  export const attendance = Roster.attendance;
  export const AttendanceInput = Roster.AttendanceInput;
  /** The people of the member households, by name: whom to mark as a walk-in. */
  export const walkInCandidates = Roster.walkInCandidates;
}
