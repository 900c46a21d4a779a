import type { Harvest } from "@akker/core/harvest/harvest";
import type { Household } from "@akker/core/household/household";
import type { Me } from "@akker/core/person/me";
import type { Person } from "@akker/core/person/person";

/*
 * The typed client of the HTTP API (see the contract in API.md). The web app
 * imports only types from core: the shapes below are the ones the API
 * answers with, so a change in core shows up here as a type error.
 */

export type Locale = Me.Info["person"]["locale"];
export type Role = Me.Info["roles"][number];
export type MeInfo = Me.Info;
export type HouseholdInfo = Household.Info;
export type HouseholdWithPeople = Household.WithPeople;
export type PersonInfo = Person.Info;
export type Certificate = Household.Info["certificate"];
export type HouseholdStatus = Household.Info["status"];
export type CreateHouseholdInput = Parameters<typeof Household.create>[0];
export type UpdateHouseholdInput = Parameters<typeof Household.update>[0]["changes"];
export type CreatePersonInput = Omit<Parameters<typeof Person.create>[0], "householdID">;
export type HarvestOverview = Harvest.Overview;
export type HarvestMine = Harvest.Mine;
export type HarvestItem = Harvest.Overview["items"][number];
export type HarvestLine = Harvest.Overview["leftovers"][number];
export type HarvestUnit = HarvestItem["unit"];
export type HarvestSaveInput = Parameters<typeof Harvest.save>[1];
export type PublishedHarvest = Awaited<ReturnType<typeof Harvest.list>>[number];

export interface Issue {
  path: string;
  message: string;
}

/**
 * An answer other than 2xx. `code` is the dotted code from the body
 * (`auth.code_invalid`), or `network` when the server could not be reached,
 * or `http.<status>` when the body was not the API's error shape.
 */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly issues: Issue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

function isIssue(value: unknown): value is Issue {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Issue).path === "string" &&
    typeof (value as Issue).message === "string"
  );
}

async function toError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => undefined);
  const error = (body as { error?: unknown } | undefined)?.error as
    | { code?: unknown; message?: unknown; issues?: unknown }
    | undefined;
  if (error && typeof error.code === "string") {
    return new ApiError(
      res.status,
      error.code,
      typeof error.message === "string" ? error.message : error.code,
      Array.isArray(error.issues) ? error.issues.filter(isIssue) : [],
    );
  }
  return new ApiError(res.status, `http.${res.status}`, res.statusText || `HTTP ${res.status}`);
}

/** One call to the API on this origin; resolves with the parsed JSON, or undefined for an empty answer. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, "network", e instanceof Error ? e.message : "Network error");
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204 || res.status === 202) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const id = (value: string) => encodeURIComponent(value);

export const api = {
  auth: {
    /** 202 whether or not the address is known. */
    requestCode: (email: string) => request<void>("POST", "/auth/code", { email }),
    verify: (email: string, code: string) =>
      request<{ me: MeInfo }>("POST", "/auth/verify", { email, code }).then((r) => r.me),
    logout: () => request<void>("POST", "/auth/logout"),
  },
  me: {
    get: () => request<MeInfo>("GET", "/me"),
    update: (changes: { locale: Locale }) => request<MeInfo>("PATCH", "/me", changes),
  },
  households: {
    list: () =>
      request<{ households: HouseholdInfo[] }>("GET", "/households").then((r) => r.households),
    get: (householdID: string) =>
      request<{ household: HouseholdWithPeople }>("GET", `/households/${id(householdID)}`).then(
        (r) => r.household,
      ),
    create: (input: CreateHouseholdInput) =>
      request<{ household: HouseholdWithPeople }>("POST", "/households", input).then((r) => r.household),
    update: (householdID: string, changes: UpdateHouseholdInput) =>
      request<{ household: HouseholdWithPeople }>("PATCH", `/households/${id(householdID)}`, changes).then(
        (r) => r.household,
      ),
    addPerson: (householdID: string, input: CreatePersonInput) =>
      request<{ person: PersonInfo }>("POST", `/households/${id(householdID)}/people`, input).then(
        (r) => r.person,
      ),
  },
  harvests: {
    /** Published weeks, newest first, with the caller household's own lines. */
    list: () => request<{ harvests: PublishedHarvest[] }>("GET", "/harvests").then((r) => r.harvests),
    get: (week: string) => request<HarvestOverview>("GET", `/harvests/${id(week)}`),
    save: (week: string, input: HarvestSaveInput) => request<HarvestOverview>("PUT", `/harvests/${id(week)}`, input),
    publish: (week: string) => request<HarvestOverview>("POST", `/harvests/${id(week)}/publish`),
    mine: (week: string) => request<HarvestMine>("GET", `/harvests/${id(week)}/mine`),
    setOptOut: (week: string, optedOut: boolean) =>
      request<HarvestMine>("PUT", `/harvests/${id(week)}/opt-out`, { optedOut }),
  },
};
