import * as z from "zod/mini";
import { useFarmID, usePerson } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { VisibleError } from "../error";
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
  status: z.enum(["confirmed", "waitlisted"]),
  position: z.number(),
  present: z.boolean(),
});

/** Who is confirmed and who waits, in order, with attendance once marked. */
export async function roster(workdayID: string) {
  const w = await load(workdayID);
  if (!w) throw notFound();
  const all = (await signups(workdayID)).sort((a, b) =>
    a.status === b.status ? a.position - b.position : a.status === "confirmed" ? -1 : 1,
  );
  const [people, credited] = await Promise.all([
    Promise.all(all.map((s) => Person.get(s.personID))),
    attendanceOf(workdayID, all.map((s) => s.householdID)),
  ]);
  return {
    workday: serialize(w),
    entries: all.map((s, i) => ({
      personID: s.personID,
      name: people[i]?.name ?? "?",
      householdID: s.householdID,
      status: s.status,
      position: s.position,
      present: credited.has(s.personID),
    })),
  };
}

function attendanceID(workdayID: string, personID: string) {
  return `att_${workdayID}_${personID}`;
}

async function attendanceOf(workdayID: string, householdIDs: string[]) {
  const farmID = useFarmID();
  const present = new Set<string>();
  for (const householdID of new Set(householdIDs)) {
    const res = await useDB()
      .entities.hours.query.byHousehold({ farmID, householdID })
      .begins({ entryID: `att_${workdayID}_` })
      .go({ pages: "all" });
    for (const e of res.data) present.add(e.personID);
  }
  return present;
}

/**
 * Marks who came (replacing an earlier marking) and credits each of them
 * the day's hours, approved. Marking twice credits once.
 */
export async function attendance(workdayID: string, present: string[]) {
  const farmID = useFarmID();
  const w = await load(workdayID);
  if (!w) throw notFound();
  if (Date.parse(w.start) > Clock.now())
    throw new VisibleError("conflict", "workday.not_started", "Attendance can be marked once the work day has started.");
  const all = await signups(workdayID);
  const byPerson = new Map(all.map((s) => [s.personID, s]));
  const unknown = present.filter((p) => byPerson.get(p)?.status !== "confirmed");
  if (unknown.length)
    throw new VisibleError("input", "input.invalid", "Only confirmed people can be marked present.", unknown.map((p) => ({ path: "present", message: `${p} is not confirmed on this day.` })));
  const hours = Math.round(((Date.parse(w.end) - Date.parse(w.start)) / 3600_000) * 4) / 4;
  const date = dateOf(Date.parse(w.start));
  const season = date.slice(0, 4);
  const wanted = new Set(present);
  const already = await attendanceOf(workdayID, all.map((s) => s.householdID));
  const add = present.filter((p) => !already.has(p));
  const remove = [...already].filter((p) => !wanted.has(p));
  if (add.length)
    await useDB()
      .entities.hours.put(
        add.map((personID) => ({
          farmID,
          entryID: attendanceID(workdayID, personID),
          householdID: byPerson.get(personID)!.householdID,
          personID,
          season,
          workdayID,
          task: w.task,
          date,
          hours,
          status: "approved" as const,
          decidedBy: usePerson().personID,
        })),
      )
      .go();
  for (const personID of remove) {
    const householdID = all.find((s) => s.personID === personID)?.householdID;
    if (householdID) await useDB().entities.hours.delete({ farmID, householdID, entryID: attendanceID(workdayID, personID) }).go();
  }
  await Audit.record("workday.attendance", workdayID, { present: present.length });
  return roster(workdayID);
}
