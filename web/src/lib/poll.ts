import { query } from "@solidjs/router";
import type { Poll } from "@akker/core/poll/poll";
import { esc, loggedIn, request } from "./api";
import { canEnterHarvest, canManageHouseholds, hasHarvestShare, type MeInfo } from "./person";

/*
 * The typed client and queries of the poll screens: they load with those
 * screens and the home screen's poll card, not with the first screen; only
 * types come from core.
 */

export type PollInfo = Poll.Info;
export type PollKind = Poll.Kind;
export type PollAnswer = Poll.AnswerInput;
export type PollCreateInput = Parameters<typeof Poll.create>[0];
export type PollUpdateInput = Parameters<typeof Poll.update>[1];
export type PollResults = Awaited<ReturnType<typeof Poll.results>>;
export type HouseholdAnswer = Awaited<ReturnType<typeof Poll.answers>>[number];

const path = (pollID: string, rest = "") => `/polls/${esc(pollID)}${rest}`;
const one = (r: { poll: PollInfo }) => r.poll;

export const pollApi = {
  list: () => request<{ polls: PollInfo[] }>("GET", "/polls").then((r) => r.polls),
  get: (pollID: string) => request<{ poll: PollInfo }>("GET", path(pollID)).then(one),
  create: (input: PollCreateInput) => request<{ poll: PollInfo }>("POST", "/polls", input).then(one),
  answer: (pollID: string, answer: PollAnswer) => request<{ poll: PollInfo }>("PUT", path(pollID, "/answer"), answer).then(one),
  close: (pollID: string) => request<{ poll: PollInfo }>("POST", path(pollID, "/close")).then(one),
  update: (pollID: string, changes: PollUpdateInput) => request<{ poll: PollInfo }>("PATCH", path(pollID), changes).then(one),
  open: (pollID: string, mail: boolean) => request<{ poll: PollInfo }>("POST", path(pollID, "/open"), { mail }).then(one),
  results: (pollID: string) => request<PollResults>("GET", path(pollID, "/results")),
  answers: (pollID: string) =>
    request<{ answers: HouseholdAnswer[] }>("GET", path(pollID, "/answers")).then((r) => r.answers),
};

export const getPolls = query(() => loggedIn(() => pollApi.list()), "polls");
export const getPoll = query((pollID: string) => loggedIn(() => pollApi.get(pollID)), "poll");
export const getPollResults = query((pollID: string) => loggedIn(() => pollApi.results(pollID)), "poll-results");
export const getPollAnswers = query((pollID: string) => loggedIn(() => pollApi.answers(pollID)), "poll-answers");

/** Member households answer; the board and the farmer ask and read along. */
export function canSeePolls(me: MeInfo | undefined): boolean {
  return hasHarvestShare(me) || canRunPolls(me);
}

export function canRunPolls(me: MeInfo | undefined): boolean {
  return canManageHouseholds(me) || canEnterHarvest(me);
}

export function canAnswerPolls(me: MeInfo | undefined): boolean {
  return hasHarvestShare(me);
}
