import { useFarmID } from "../actor";
import { useDB } from "../entities";
import { VisibleError } from "../error";

/*
 * An election as stored, its roll and proxies, and the checks every verb of
 * election/ makes on them: shared by election.ts, ballot.ts, proxy.ts and
 * roll-mail.ts, and not part of the Election namespace.
 */

export type Stored = NonNullable<Awaited<ReturnType<typeof load>>>;
export type RollEntry = { voters?: string[] };

export const notFound = () => new VisibleError("not_found", "election.not_found", "No such election.");

export async function load(electionID: string) {
  return (await useDB().entities.election.get({ farmID: useFarmID(), electionID }).go({ consistent: true })).data ?? undefined;
}

export async function roll(electionID: string) {
  return (await useDB().entities.roll.query.byElection({ farmID: useFarmID(), electionID }).go({ pages: "all" })).data;
}

export async function proxies(electionID: string) {
  return (await useDB().entities.proxy.query.byElection({ farmID: useFarmID(), electionID }).go({ pages: "all" })).data;
}

/**
 * Whether a person may act for a household on the roll: one of the people
 * it had when the vote opened. An entry written before the roll froze its
 * people falls back on when the person was made (the vote's opening time).
 */
export async function actsFor(entry: RollEntry, e: Stored, personID: string) {
  if (entry.voters) return entry.voters.includes(personID);
  const person = (await useDB().entities.person.get({ farmID: useFarmID(), personID }).go()).data;
  return !!person && person.createdAt <= e.opensAt;
}

export const joinedLate = () =>
  new VisibleError("forbidden", "election.joined_after_opening", "You joined your household after this vote opened; it votes through the people it had then.");

/** Voting, proxies and withdrawals: only while open and opensAt ≤ now < closesAt. */
export function assertVoting(e: Stored, now: string, message = "Voting is not open.") {
  if (e.status !== "open" || now < e.opensAt || now >= e.closesAt) throw new VisibleError("conflict", "election.not_open", message);
}

type Writable = Parameters<Parameters<ReturnType<typeof useDB>["transaction"]["write"]>[0]>[0];

/** The same, as the transaction's own check against the request's clock (ISO instants compare as strings). */
export function votingAt(election: Writable["election"], electionID: string, at: string) {
  return election
    .check({ farmID: useFarmID(), electionID })
    .where((a, op) => `${op.eq(a.status, "open")} AND ${op.lte(a.opensAt, at)} AND ${op.gt(a.closesAt, at)}`)
    .commit();
}

export function candidatesOf(e: Stored) {
  return (e.candidates ?? []).map((c) => ({ id: c.id, name: c.name, statement: c.statement ?? "" }));
}
