import { useFarmID } from "../actor";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { amsterdamISO } from "../week";
import type { Workday } from "./workday";

/*
 * A work day as stored, its sign-ups, and what every verb of workday/ answers
 * with: shared by workday.ts, waitlist.ts and roster.ts, not part of the
 * Workday namespace.
 */

export type Item = {
  workdayID: string;
  title: string;
  task: Workday.Info["task"];
  start: string;
  end: string;
  capacity: number;
  confirmed: number;
  waitlisted: number;
  location?: string;
  description?: string;
  status: Workday.Info["status"];
  version: number;
  seq: number;
};

export function serialize(w: Item, mine: { status: "confirmed" | "waitlisted"; place: number | null } | null = null): Workday.Info {
  return {
    id: w.workdayID,
    title: w.title,
    task: w.task,
    start: amsterdamISO(Date.parse(w.start)),
    end: amsterdamISO(Date.parse(w.end)),
    capacity: w.capacity,
    confirmed: w.confirmed,
    waitlisted: w.waitlisted,
    location: w.location || null,
    description: w.description || null,
    status: w.status,
    mine: mine?.status ?? null,
    waitlistPlace: mine?.place ?? null,
  };
}

export const notFound = () => new VisibleError("not_found", "workday.not_found", "No such work day.");
export const started = () => new VisibleError("conflict", "workday.started", "This work day has already started.");
/** What one DynamoDB transaction may hold. */
export const maxTransactionItems = 100;

export async function load(workdayID: string) {
  const res = await useDB().entities.workday.get({ farmID: useFarmID(), workdayID }).go({ consistent: true });
  return res.data ?? undefined;
}

export async function signups(workdayID: string) {
  const res = await useDB()
    .entities.signup.query.byWorkday({ farmID: useFarmID(), workdayID })
    .go({ pages: "all", consistent: true });
  return res.data;
}

export function placeOf(all: { status: string; position: number; personID: string }[], personID: string) {
  const queue = all.filter((s) => s.status === "waitlisted").sort((a, b) => a.position - b.position);
  const i = queue.findIndex((s) => s.personID === personID);
  return i < 0 ? null : i + 1;
}
