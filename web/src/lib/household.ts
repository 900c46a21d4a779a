import { query } from "@solidjs/router";
import type { Household } from "@akker/core/household/household";
import type { Person } from "@akker/core/person/person";
import { esc, loggedIn, request } from "./api";
import type { PersonInfo } from "./person";

/* Households and their people: the board's list, one household, adding a person. */

export type HouseholdInfo = Household.Info;
export type HouseholdWithPeople = Household.WithPeople;
export type Certificate = Household.Info["certificate"];
export type HouseholdStatus = Household.Info["status"];
export type CreateHouseholdInput = Parameters<typeof Household.create>[0];
export type UpdateHouseholdInput = Parameters<typeof Household.update>[0]["changes"];
export type CreatePersonInput = Omit<Parameters<typeof Person.create>[0], "householdID">;

const one = (r: { household: HouseholdWithPeople }) => r.household;

export const householdApi = {
  list: () => request<{ households: HouseholdInfo[] }>("GET", "/households").then((r) => r.households),
  get: (householdID: string) =>
    request<{ household: HouseholdWithPeople }>("GET", `/households/${esc(householdID)}`).then(one),
  create: (input: CreateHouseholdInput) =>
    request<{ household: HouseholdWithPeople }>("POST", "/households", input).then(one),
  update: (householdID: string, changes: UpdateHouseholdInput) =>
    request<{ household: HouseholdWithPeople }>("PATCH", `/households/${esc(householdID)}`, changes).then(one),
  addPerson: (householdID: string, input: CreatePersonInput) =>
    request<{ person: PersonInfo }>("POST", `/households/${esc(householdID)}/people`, input).then((r) => r.person),
};

export const getHouseholds = query(() => loggedIn(() => householdApi.list()), "households");

export const getHousehold = query(
  (householdID: string) => loggedIn(() => householdApi.get(householdID)),
  "household",
);
