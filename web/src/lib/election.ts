import { json, query, revalidate } from "@solidjs/router";
import type { Election } from "@akker/core/election/election";
import { esc, loggedIn, peek, request } from "./api";
import { canManageHouseholds, type MeInfo } from "./person";

/*
 * The typed client, the queries and the shared rules of the election
 * screens. They load with those screens, not with the first one; only
 * types come from core.
 */

export type ElectionInfo = Election.Info;
export type ElectionKind = Election.Info["kind"];
export type Majority = NonNullable<Election.Info["majority"]>;
/** As the API takes it: statements may be left out. */
export type ElectionCreateInput = Omit<Parameters<typeof Election.create>[0], "candidates"> & {
  candidates?: { name: string; statement?: string }[];
};
export type ElectionUpdateInput = Omit<Parameters<typeof Election.update>[1], "candidates"> & {
  candidates?: { name: string; statement?: string }[];
};
export type BallotInput = Parameters<typeof Election.cast>[1];
export type MotionVote = NonNullable<BallotInput["vote"]>;
export type ElectionResults = Awaited<ReturnType<typeof Election.results>>;
export type CountedBallot = Awaited<ReturnType<typeof Election.trackers>>[number];
export type RollHousehold = Awaited<ReturnType<typeof Election.rollHouseholds>>[number];
export type AuditEvent = Awaited<ReturnType<typeof Election.audit>>[number];

const path = (electionID: string, rest = "") => `/elections/${esc(electionID)}${rest}`;
const one = (r: { election: ElectionInfo }) => r.election;

export const electionApi = {
  /** Newest first; drafts only for the board. */
  list: () => request<{ elections: ElectionInfo[] }>("GET", "/elections").then((r) => r.elections),
  get: (electionID: string) => request<{ election: ElectionInfo }>("GET", path(electionID)).then(one),
  create: (input: ElectionCreateInput) =>
    request<{ election: ElectionInfo }>("POST", "/elections", input).then(one),
  update: (electionID: string, changes: ElectionUpdateInput) =>
    request<{ election: ElectionInfo }>("PATCH", path(electionID), changes).then(one),
  /** Deletes a draft (409 once it opened). */
  remove: (electionID: string) => request<void>("DELETE", path(electionID)),
  /** Opens or closes voting now. */
  change: (electionID: string, to: "open" | "close") =>
    request<{ election: ElectionInfo }>("POST", path(electionID, `/${to}`)).then(one),
  /** Answers the tracker: the one time it is shown. */
  cast: (electionID: string, ballot: BallotInput) =>
    request<{ tracker: string }>("POST", path(electionID, "/ballots"), ballot).then((r) => r.tracker),
  grantProxy: (electionID: string, toHouseholdID: string) =>
    request<{ election: ElectionInfo }>("POST", path(electionID, "/proxies"), { toHouseholdID }).then(one),
  withdrawProxy: (electionID: string) =>
    request<{ election: ElectionInfo }>("DELETE", path(electionID, "/proxies")).then(one),
  /** The households on the voter roll, by name. */
  roll: (electionID: string) =>
    request<{ households: RollHousehold[] }>("GET", path(electionID, "/households")).then((r) => r.households),
  results: (electionID: string) => request<ElectionResults>("GET", path(electionID, "/results")),
  trackers: (electionID: string) =>
    request<{ ballots: CountedBallot[] }>("GET", path(electionID, "/trackers")).then((r) => r.ballots),
  audit: (electionID: string) =>
    request<{ events: AuditEvent[] }>("GET", path(electionID, "/audit")).then((r) => r.events),
};

export const getElections = query(() => loggedIn(() => electionApi.list()), "elections");

export const getElection = query((electionID: string) => loggedIn(() => electionApi.get(electionID)), "election");

export const getElectionResults = query(
  (electionID: string) => loggedIn(() => electionApi.results(electionID)),
  "election-results",
);

export const getElectionTrackers = query(
  (electionID: string) => loggedIn(() => electionApi.trackers(electionID)),
  "election-trackers",
);

export const getElectionRoll = query(
  (electionID: string) => loggedIn(() => electionApi.roll(electionID)),
  "election-roll",
);

export const getElectionAudit = query(
  (electionID: string) => loggedIn(() => electionApi.audit(electionID)),
  "election-audit",
);

/** The board makes, opens and closes elections; an admin may do whatever the board may. */
export function canRunElections(me: MeInfo | undefined): boolean {
  return canManageHouseholds(me);
}

const at = (iso: string) => Date.parse(iso);

/**
 * Open votes first, the one closing soonest on top; then the board's drafts,
 * the one opening soonest on top; then the closed ones, the latest on top.
 */
export function groupElections(list: ElectionInfo[]) {
  return {
    open: list.filter((e) => e.status === "open").sort((a, b) => at(a.closesAt) - at(b.closesAt)),
    drafts: list.filter((e) => e.status === "draft").sort((a, b) => at(a.opensAt) - at(b.opensAt)),
    closed: list.filter((e) => e.status === "closed").sort((a, b) => at(b.closesAt) - at(a.closesAt)),
  };
}

/**
 * Puts the new state of an election into the cached list and view and tells
 * the screens, without fetching anything. A new one joins the list.
 */
export function putElection(election: ElectionInfo) {
  const listKey = getElections.keyFor();
  const list = peek<ElectionInfo[]>(listKey);
  if (list)
    query.set(
      listKey,
      list.some((e) => e.id === election.id)
        ? list.map((e) => (e.id === election.id ? election : e))
        : [election, ...list],
    );
  const key = getElection.keyFor(election.id);
  query.set(key, election);
  return revalidate([listKey, key], false);
}

/** A deleted draft leaves the cached list; nothing is fetched. */
export function dropElection(electionID: string) {
  const listKey = getElections.keyFor();
  const list = peek<ElectionInfo[]>(listKey);
  if (list) query.set(listKey, list.filter((e) => e.id !== electionID));
  return revalidate([listKey], false);
}

/** What an action ends with when the API answered with the election: the answer is shown, nothing is fetched. */
export async function settleElection(election: ElectionInfo) {
  await putElection(election);
  return json(election, { revalidate: [] });
}

/** Fetches the election and the list again: after an answer that says the screen is out of date. */
export function reloadElection(electionID: string) {
  return revalidate([getElection.keyFor(electionID), getElections.keyFor()]);
}

/**
 * A tracker as it may have been written down: capitals, no dashes or
 * spaces, and the letters Crockford's alphabet leaves out read as the
 * digits they look like (O → 0, I and L → 1).
 */
export function trackerKey(value: string): string {
  return value
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

/** Lower case without accents, so "Bröker" is found with "brok". */
export function searchable(value: string): string {
  return value.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

/** A share in percent with one decimal, as the API gives the turnout: 2 of 3 → 66.7. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}
