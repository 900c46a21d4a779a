import * as z from "zod/mini";
import { useFarmID, usePerson } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Household } from "../household/household";
import { ID } from "../id";
import { Person } from "../person/person";
import { dateOf } from "../week";
import { load, notFound, serialize, signups } from "./stored";

/*
 * The roster of a work day, and the attendance the farmer marks on it.
 */

export const RosterEntry = z.object({
  personID: z.string(),
  name: z.string(),
  householdID: z.string(),
  /** A walk-in came without signing up (or from the waiting list) and was marked present. */
  status: z.enum(["confirmed", "waitlisted", "walk-in"]),
  position: z.number(),
  present: z.boolean(),
  /** The hours credited for the day, once marked present. */
  hours: z.nullable(z.number()),
});

/** Hours per person: quarters, as the day's own hours are counted. */
const Hours = z.number().check(z.minimum(0.25), z.maximum(24), z.refine((h) => Number.isInteger(h * 4), { message: "Whole quarters of an hour." }));

export const AttendanceInput = z.object({
  /** Everyone who came: people signed up, and walk-ins from the farm's member households. */
  present: z.array(ID).check(z.maxLength(500)),
  /** Hours for someone who worked more or less than the day's own (per person ID). */
  hours: z.optional(z.record(ID, Hours)),
});

type Credited = Map<string, { householdID: string; hours: number }>;

/** Who is confirmed and who waits, in order, and the walk-ins, with attendance once marked. */
export async function roster(workdayID: string, fresh?: Credited) {
  const w = await load(workdayID);
  if (!w) throw notFound();
  const all = (await signups(workdayID)).sort((a, b) =>
    a.status === b.status ? a.position - b.position : a.status === "confirmed" ? -1 : 1,
  );
  const credited = fresh ?? (await attendanceOf(workdayID, w.start, all.map((s) => s.householdID)));
  const signedUp = new Set(all.map((s) => s.personID));
  const walkIns = [...credited].filter(([personID]) => !signedUp.has(personID));
  const people = await Promise.all([...all.map((s) => s.personID), ...walkIns.map(([p]) => p)].map((p) => Person.get(p)));
  const entries = [
    ...all.map((s) => ({ personID: s.personID, householdID: s.householdID, status: s.status, position: s.position })),
    ...walkIns.map(([personID, c]) => ({ personID, householdID: c.householdID, status: "walk-in" as const, position: 0 })),
  ];
  return {
    workday: serialize(w),
    entries: entries.map((e, i) => ({
      ...e,
      name: people[i]?.name ?? "?",
      present: credited.has(e.personID),
      hours: credited.get(e.personID)?.hours ?? null,
    })),
  };
}

function attendanceID(workdayID: string, personID: string) {
  return `att_${workdayID}_${personID}`;
}

/**
 * The day's attendance entries: those of the households given, read
 * strongly consistent, and any other (a walk-in's) through the season index.
 */
async function attendanceOf(workdayID: string, start: string, householdIDs: string[]): Promise<Credited> {
  const farmID = useFarmID();
  const prefix = `att_${workdayID}_`;
  const season = dateOf(Date.parse(start)).slice(0, 4);
  const indexed = await useDB().entities.hours.query.bySeason({ farmID, season }).begins({ entryID: prefix }).go({ pages: "all" });
  const credited: Credited = new Map();
  for (const householdID of new Set([...householdIDs, ...indexed.data.map((e) => e.householdID)])) {
    const res = await useDB().entities.hours.query.byHousehold({ farmID, householdID }).begins({ entryID: prefix }).go({ pages: "all" });
    for (const e of res.data) credited.set(e.personID, { householdID, hours: e.hours });
  }
  return credited;
}

/**
 * Marks who came (replacing an earlier marking) and credits each of them
 * the day's hours, or their own, approved: people signed up and walk-ins of
 * the farm's member households. Marking twice credits once.
 */
export async function attendance(workdayID: string, input: z.infer<typeof AttendanceInput>) {
  const farmID = useFarmID();
  const w = await load(workdayID);
  if (!w) throw notFound();
  if (Date.parse(w.start) > Clock.now())
    throw new VisibleError("conflict", "workday.not_started", "Attendance can be marked once the work day has started.");
  const all = await signups(workdayID);
  const households = new Map(all.map((s) => [s.personID, s.householdID]));
  const others = await Promise.all(input.present.filter((p) => !households.has(p)).map((p) => Person.get(p)));
  const actives = new Set((await Household.list()).filter((h) => h.status === "active").map((h) => h.id));
  for (const person of others) if (person?.householdID && actives.has(person.householdID)) households.set(person.id, person.householdID);
  const unknown = input.present.filter((p) => !households.has(p));
  if (unknown.length)
    throw new VisibleError("input", "input.invalid", "Only people of member households can be marked present.", unknown.map((p) => ({ path: "present", message: `${p} is not a person of a member household.` })));
  const extra = Object.keys(input.hours ?? {}).filter((p) => !input.present.includes(p));
  if (extra.length)
    throw new VisibleError("input", "input.invalid", "Hours are only for people marked present.", extra.map((p) => ({ path: `hours.${p}`, message: "Not marked present." })));
  const dayHours = Math.round(((Date.parse(w.end) - Date.parse(w.start)) / 3600_000) * 4) / 4;
  const date = dateOf(Date.parse(w.start));
  const wanted: Credited = new Map(input.present.map((p) => [p, { householdID: households.get(p)!, hours: input.hours?.[p] ?? dayHours }]));
  const already = await attendanceOf(workdayID, w.start, [...new Set(households.values())]);
  const put = [...wanted].filter(([p, c]) => already.get(p)?.hours !== c.hours);
  if (put.length)
    await useDB()
      .entities.hours.put(
        put.map(([personID, c]) => ({
          farmID,
          entryID: attendanceID(workdayID, personID),
          householdID: c.householdID,
          personID,
          season: date.slice(0, 4),
          workdayID,
          task: w.task,
          date,
          hours: c.hours,
          status: "approved" as const,
          decidedBy: usePerson().personID,
        })),
      )
      .go();
  for (const [personID, c] of already)
    if (!wanted.has(personID)) await useDB().entities.hours.delete({ farmID, householdID: c.householdID, entryID: attendanceID(workdayID, personID) }).go();
  await Audit.record("workday.attendance", workdayID, { present: input.present.length, walkIns: input.present.filter((p) => !all.some((s) => s.personID === p)).length });
  return roster(workdayID, wanted);
}

/** The people of the member households, by name: whom a coordinator can mark as a walk-in. */
export async function walkInCandidates(workdayID: string) {
  if (!(await load(workdayID))) throw notFound();
  const [households, people] = await Promise.all([
    Household.list(),
    useDB().entities.person.query.byID({ farmID: useFarmID() }).go({ pages: "all" }),
  ]);
  const active = new Map(households.filter((h) => h.status === "active").map((h) => [h.id, h.name]));
  return people.data
    .filter((p) => active.has(p.householdID))
    .map((p) => ({ personID: p.personID, name: p.name, household: active.get(p.householdID)! }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
}
