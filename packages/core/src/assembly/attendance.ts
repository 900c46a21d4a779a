import type * as z from "zod/mini";
import { useFarmID, usePerson } from "../actor";
import { Audit } from "../audit/audit";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Household } from "../household/household";
import { Assembly } from "./assembly";
import { itemResults, presentIDs, Results } from "./results";
import { load, notFound } from "./stored";

export { Results };

/*
 * Attendance at the door: the board checks households in (and out, for a
 * mistake) while the meeting is announced or its ballot open; once closed
 * the list is the record the room's quorum was counted on, and stays.
 */

const atDoor = () => new VisibleError("conflict", "assembly.not_at_door", "Check-in is open from the announcement until the ballot closes.");

async function doorOpen(assemblyID: string) {
  const a = await load(assemblyID);
  if (!a) throw notFound();
  if (a.status !== "announced" && a.status !== "open") throw atDoor();
}

/** Marks a household present; a second tap (or a second phone) is the same check-in. */
export async function checkIn(assemblyID: string, householdID: string) {
  const farmID = useFarmID();
  await doorOpen(assemblyID);
  const household = await Household.get(householdID);
  if (!household || household.status !== "active")
    throw new VisibleError("not_found", "household.not_found", "No such member household.");
  const res = await useDB()
    .transaction.write(({ assembly, assemblyCheckIn, audit }) => [
      assembly.check({ farmID, assemblyID }).where((x, op) => `${op.eq(x.status, "announced")} OR ${op.eq(x.status, "open")}`).commit(),
      assemblyCheckIn.put({ farmID, assemblyID, householdID, by: usePerson().personID }).commit(),
      audit.create(Audit.event("assembly.checked_in", assemblyID, { householdID })).commit(),
    ])
    .go();
  if (res.canceled) throw atDoor();
  return present(assemblyID);
}

/** Undoes a check-in made by mistake, until the ballot closes. */
export async function checkOut(assemblyID: string, householdID: string) {
  const farmID = useFarmID();
  await doorOpen(assemblyID);
  const res = await useDB()
    .transaction.write(({ assembly, assemblyCheckIn, audit }) => [
      assembly.check({ farmID, assemblyID }).where((x, op) => `${op.eq(x.status, "announced")} OR ${op.eq(x.status, "open")}`).commit(),
      assemblyCheckIn.delete({ farmID, assemblyID, householdID }).commit(),
      audit.create(Audit.event("assembly.checked_out", assemblyID, { householdID })).commit(),
    ])
    .go();
  if (res.canceled) throw atDoor();
  return present(assemblyID);
}

/** The households checked in, by name. */
export async function present(assemblyID: string) {
  if (!(await load(assemblyID))) throw notFound();
  const [marks, households] = await Promise.all([presentIDs(assemblyID), Household.list()]);
  const names = new Map(households.map((h) => [h.id, h.name]));
  return marks
    .map((m) => ({ householdID: m.householdID, name: names.get(m.householdID) ?? "?", checkedInAt: m.createdAt }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
}

/** Each vote item's result once its vote closed (null before), with the room's quorum for an item voted in the room. */
export async function results(assemblyID: string): Promise<z.infer<typeof Results>> {
  await Assembly.visible(assemblyID);
  return itemResults(assemblyID);
}
