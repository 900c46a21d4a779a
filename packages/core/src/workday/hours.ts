import * as z from "zod/mini";
import { useFarmID, usePerson } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { toCSV as csv } from "../csv";
import { useDB } from "../entities";
import { workdayTasks } from "./entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { Household } from "../household/household";
import { Person } from "../person/person";
import { createID } from "../id";
import { amsterdamParts, dateOf } from "../week";

/**
 * Hours households helped, made visible, never policed: attendance on a
 * work day counts at once, flexible work (a tour, a workshop, washing crates)
 * counts once a coordinator approves it. Seasons are calendar years.
 */
export namespace Hours {
  export const ReportInput = z.object({
    date: z.iso.date(),
    hours: z.number().check(z.minimum(0.25), z.maximum(24), z.multipleOf(0.25)),
    task: z.enum(workdayTasks),
    note: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  });

  export const Entry = z.object({
    id: z.string(),
    householdID: z.string(),
    personID: z.string(),
    workdayID: z.nullable(z.string()),
    task: z.enum(workdayTasks),
    date: z.string(),
    hours: z.number(),
    note: z.nullable(z.string()),
    status: z.enum(["pending", "approved", "declined"]),
  });
  export type Entry = z.infer<typeof Entry>;

  type Item = {
    entryID: string;
    householdID: string;
    personID: string;
    workdayID?: string;
    task: Entry["task"];
    date: string;
    hours: number;
    note?: string;
    status: Entry["status"];
  };

  function serialize(e: Item): Entry {
    return {
      id: e.entryID,
      householdID: e.householdID,
      personID: e.personID,
      workdayID: e.workdayID ?? null,
      task: e.task,
      date: e.date,
      hours: e.hours,
      note: e.note || null,
      status: e.status,
    };
  }

  export function currentSeason() {
    return String(amsterdamParts(Clock.now()).year);
  }

  /** A member reports hours of flexible work; they count once approved. */
  export async function report(input: z.infer<typeof ReportInput>): Promise<Entry> {
    const person = usePerson();
    if (!person.householdID) throw new VisibleError("forbidden", "workday.no_household", "Only members of a household report hours.");
    const today = dateOf(Clock.now());
    if (input.date > today)
      throw new VisibleError("input", "input.invalid", "Hours are reported after the work.", [{ path: "date", message: "The date cannot be in the future." }]);
    const item = {
      farmID: useFarmID(),
      entryID: createID("hours"),
      householdID: person.householdID,
      personID: person.personID,
      season: input.date.slice(0, 4),
      task: input.task,
      date: input.date,
      hours: input.hours,
      note: input.note,
      status: "pending" as const,
    };
    await useDB().entities.hours.create(item).go();
    return serialize(item);
  }

  /**
   * Whose hours the caller may not decide on: their own, and their
   * household's, as hours count for the household (approving a partner's
   * hours raises one's own total). Another coordinator or the farmer decides.
   */
  function isOwn(entry: { personID: string; householdID: string }) {
    const actor = usePerson();
    return entry.personID === actor.personID || (!!actor.householdID && entry.householdID === actor.householdID);
  }

  /**
   * A coordinator approves or declines reported hours, never their own
   * household's. A changed decision is a new one: added to the entry's
   * history with its audit event (which names the one it replaces), in one
   * transaction conditional on the decision read.
   */
  export async function decide(entryID: string, decision: "approved" | "declined") {
    const farmID = useFarmID();
    const entry = (await recentEntries()).find((e) => e.entryID === entryID);
    if (!entry) throw new VisibleError("not_found", "hours.not_found", "No such hours entry.");
    if (isOwn(entry))
      throw new VisibleError("forbidden", "hours.own", "Hours of your own household are decided by another coordinator.");
    if (entry.status === decision) return serialize(entry);
    const by = usePerson().personID;
    const decisions = [...(entry.decisions ?? []), { status: decision, by, at: Clock.iso() }];
    const res = await useDB()
      .transaction.write(({ hours, audit }) => [
        hours
          .patch({ farmID, householdID: entry.householdID, entryID })
          .set({ status: decision, decidedBy: by, decisions })
          .where((a, op) => op.eq(a.status, entry.status))
          .commit(),
        audit
          .create(
            Audit.event(`hours.${decision}`, entryID, {
              hours: entry.hours,
              householdID: entry.householdID,
              ...(entry.status !== "pending" ? { replaces: entry.status, decidedBy: entry.decidedBy } : {}),
            }),
          )
          .commit(),
      ])
      .go();
    if (res.canceled) throw new VisibleError("conflict", "hours.changed", "The entry changed meanwhile; try again.");
    return serialize({ ...entry, status: decision });
  }

  async function seasonEntries(season = currentSeason()) {
    const res = await useDB().entities.hours.query.bySeason({ farmID: useFarmID(), season }).go({ pages: "all" });
    return res.data;
  }

  /** This season's and last season's entries: reports from late December are decided in January. */
  async function recentEntries() {
    const [previous, current] = await Promise.all([seasonEntries(String(Number(currentSeason()) - 1)), seasonEntries()]);
    return [...previous, ...current];
  }

  export const PendingEntry = z.extend(Entry, {
    personName: z.string(),
    householdName: z.string(),
    /** The caller's own or their household's: another coordinator decides. */
    own: z.boolean(),
  });

  /** Reported hours waiting for a coordinator, oldest first, with who reported them. */
  export async function pending() {
    const waiting = (await recentEntries()).filter((e) => e.status === "pending");
    const [households, people] = await Promise.all([
      Household.list(),
      Promise.all([...new Set(waiting.map((e) => e.personID))].map((id) => Person.get(id))),
    ]);
    const householdNames = new Map(households.map((h) => [h.id, h.name]));
    const personNames = new Map(people.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
    return waiting.map((e) => ({
      ...serialize(e),
      personName: personNames.get(e.personID) ?? "?",
      householdName: householdNames.get(e.householdID) ?? "?",
      own: isOwn(e),
    }));
  }

  /** The caller's household: hours this season against the farm's target. */
  export async function mine(season = currentSeason()) {
    const person = usePerson();
    if (!person.householdID) throw new VisibleError("forbidden", "workday.no_household", "Only members of a household have hours.");
    const [farm, res] = await Promise.all([
      Farm.current(),
      useDB().entities.hours.query.byHousehold({ farmID: useFarmID(), householdID: person.householdID }).go({ pages: "all" }),
    ]);
    const entries = res.data.filter((e) => e.season === season);
    const sum = (status: Entry["status"]) => entries.filter((e) => e.status === status).reduce((n, e) => n + e.hours, 0);
    return {
      season,
      targetHours: farm.targetHours,
      confirmedHours: sum("approved"),
      pendingHours: sum("pending"),
      entries: entries.sort((a, b) => b.date.localeCompare(a.date)).map(serialize),
    };
  }

  /** For the board: approved hours per household and per task type. */
  export async function totals(season = currentSeason()) {
    const [entries, households, farm] = await Promise.all([seasonEntries(season), Household.list(), Farm.current()]);
    const approved = entries.filter((e) => e.status === "approved");
    const perHousehold = new Map<string, number>();
    const perTask = new Map<string, number>();
    for (const e of approved) {
      perHousehold.set(e.householdID, (perHousehold.get(e.householdID) ?? 0) + e.hours);
      perTask.set(e.task, (perTask.get(e.task) ?? 0) + e.hours);
    }
    return {
      season,
      targetHours: farm.targetHours,
      households: households.map((h) => ({ householdID: h.id, name: h.name, hours: perHousehold.get(h.id) ?? 0 })),
      tasks: workdayTasks.map((task) => ({ task, hours: perTask.get(task) ?? 0 })),
      total: approved.reduce((n, e) => n + e.hours, 0),
    };
  }

  /** The totals as CSV for a Dutch spreadsheet (../csv.ts): per household, or per task (one table a file). */
  export function toCSV(t: Awaited<ReturnType<typeof totals>>, per: "household" | "task" = "household") {
    if (per === "task") return csv(["taak", "uren"], t.tasks.map((x) => [x.task, x.hours]));
    return csv(["huishouden", "uren", "doel"], t.households.map((h) => [h.name, h.hours, t.targetHours]));
  }
}
