import { query } from "@solidjs/router";
import type { Me } from "@akker/core/person/me";
import type { Person } from "@akker/core/person/person";
import { loggedIn, request } from "./api";

/*
 * The caller: who is logged in, their language, and what their roles let
 * them do. The screens ask these questions; the server decides again.
 */

export type Locale = Me.Info["person"]["locale"];
export type Role = Me.Info["roles"][number];
export type MeInfo = Me.Info;
export type PersonInfo = Person.Info;

export const personApi = {
  me: () => request<MeInfo>("GET", "/me"),
  updateMe: (changes: { locale: Locale }) => request<MeInfo>("PATCH", "/me", changes),
};

export const getMe = query(() => loggedIn(() => personApi.me()), "me");

/** Member households have a share of the harvest; the farmer, without one, has none. */
export function hasHarvestShare(me: MeInfo | undefined): boolean {
  return !!me?.household && me.roles.includes("member");
}

/** The farmer enters and publishes the harvest; the board and admins may look on. */
export function canEnterHarvest(me: MeInfo | undefined): boolean {
  return !!me && me.roles.includes("farmer");
}

export function canViewHarvest(me: MeInfo | undefined): boolean {
  return canEnterHarvest(me) || canManageHouseholds(me);
}

/** People of a member household sign up for work days and report hours: the same people who share the harvest. */
export function canSignUp(me: MeInfo | undefined): boolean {
  return hasHarvestShare(me);
}

/** Farmers and coordinators plan work days, keep the roster and approve reported hours. */
export function canOrganiseWorkdays(me: MeInfo | undefined): boolean {
  return !!me && (me.roles.includes("farmer") || me.roles.includes("coordinator") || me.roles.includes("admin"));
}

/** The board and the coordinators see the hours per household and per task. */
export function canSeeHourTotals(me: MeInfo | undefined): boolean {
  return !!me && (me.roles.includes("board") || me.roles.includes("coordinator") || me.roles.includes("admin"));
}

/** Board members manage households; an admin may do whatever the board may. */
export function canManageHouseholds(me: MeInfo | undefined): boolean {
  return !!me && (me.roles.includes("board") || me.roles.includes("admin"));
}

/** One household, one vote: the people of member households vote; the board runs elections and sees them too. */
export function canSeeElections(me: MeInfo | undefined): boolean {
  return hasHarvestShare(me) || canManageHouseholds(me);
}
