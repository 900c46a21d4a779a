import { query } from "@solidjs/router";
import type { z } from "zod/mini";
import type { Household } from "@akker/core/household/household";
import type { Person } from "@akker/core/person/person";
import { esc, loggedIn, request } from "./api";
import type { PersonInfo } from "./person";

/* Households and their people: the board's list, one household, adding a person. */

export type HouseholdInfo = Household.Info;
/** A household on the board's list, with its people's names and addresses to search. */
export type ListedHousehold = z.infer<typeof Household.Listed>;
export type HouseholdWithPeople = Household.WithPeople;
export type Certificate = Household.Info["certificate"];
export type HouseholdStatus = Household.Info["status"];
/** What the API accepts (its defaults filled in by the route), not what core receives. */
export type CreateHouseholdInput = z.input<typeof Household.CreateInput>;
export type UpdateHouseholdInput = z.input<typeof Household.UpdateInput>;
export type CreatePersonInput = Omit<z.input<typeof Person.CreateInput>, "householdID">;

const one = (r: { household: HouseholdWithPeople }) => r.household;

export const householdApi = {
  list: () => request<{ households: ListedHousehold[] }>("GET", "/households").then((r) => r.households),
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
