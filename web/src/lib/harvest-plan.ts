import { query } from "@solidjs/router";
import type { Handover } from "@akker/core/harvest/handover";
import type { HarvestContact } from "@akker/core/harvest/contact";
import type { OptOutPlan } from "@akker/core/harvest/opt-out";
import type { HarvestSeason } from "@akker/core/harvest/season";
import { esc, loggedIn, request } from "./api";
import type { HarvestMine } from "./harvest";

/* A member household's planning: coming weeks, a holiday, Herenburen, the season, whom to write to. */

export type HandoverInfo = Handover.Info;
export type HolidayResult = OptOutPlan.WeekResult;
export type SeasonInfo = HarvestSeason.Info;
export type ContactInfo = HarvestContact.Info;
export type Neighbour = Awaited<ReturnType<typeof Handover.neighbours>>[number];

export const planApi = {
  weeks: () => request<{ weeks: HarvestMine[] }>("GET", "/harvests/mine/weeks").then((r) => r.weeks),
  holiday: (from: string, to: string) =>
    request<{ weeks: HolidayResult[] }>("POST", "/harvests/mine/holiday", { from, to }).then((r) => r.weeks),
  season: (year: string) => request<SeasonInfo>("GET", `/harvests/mine/season?year=${esc(year)}`),
  contact: () => request<ContactInfo>("GET", "/harvests/mine/contact"),
  neighbours: (q: string) => request<{ households: Neighbour[] }>("GET", `/harvests/mine/neighbours?q=${esc(q)}`).then((r) => r.households),
  handover: (week: string) => request<HandoverInfo>("GET", `/harvests/${esc(week)}/handover`),
  offer: (week: string, toHouseholdID: string) => request<HandoverInfo>("PUT", `/harvests/${esc(week)}/handover`, { toHouseholdID }),
  withdraw: (week: string) => request<HandoverInfo>("DELETE", `/harvests/${esc(week)}/handover`),
  answer: (week: string, fromHouseholdID: string, accepted: boolean) =>
    request<HandoverInfo>("POST", `/harvests/${esc(week)}/handover/answer`, { fromHouseholdID, accepted }),
};

export const getMyWeeks = query(() => loggedIn(() => planApi.weeks()), "harvest-weeks");
export const getMySeason = query((year: string) => loggedIn(() => planApi.season(year)), "harvest-season");
export const getContact = query(() => loggedIn(() => planApi.contact()), "harvest-contact");
export const getHandover = query((week: string) => loggedIn(() => planApi.handover(week)), "harvest-handover");
