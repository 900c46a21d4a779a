import { render, screen, waitFor } from "@solidjs/testing-library";
import { vi } from "vitest";
import { App } from "./app";
import type { HarvestItem, HarvestMine, HarvestOverview, HarvestUnit } from "./lib/harvest";
import type { HouseholdInfo, HouseholdWithPeople } from "./lib/household";
import type { CertificateDetail } from "./lib/membership";
import type { MeInfo } from "./lib/person";
import type { WorkdayInfo } from "./lib/workday";

/*
 * Component tests talk to a fake API through a mocked fetch: a handler
 * gets each call and answers with a status and a JSON body.
 */

export interface Call {
  method: string;
  path: string;
  body: unknown;
  init: RequestInit | undefined;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** Answer later, as a slow server would. */
  delayMs?: number;
}

export function mockApi(handler: (call: Call) => Reply | undefined) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost");
    const call: Call = {
      method: init?.method ?? "GET",
      path: url.pathname + url.search,
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      init,
    };
    calls.push(call);
    const reply = handler(call) ?? { status: 404, body: { error: { code: "not_found", message: "Not found." } } };
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: reply.body === undefined ? {} : { "content-type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetch);
  return { calls, fetch, find: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path) };
}

export function apiError(status: number, code: string, issues?: { path: string; message: string }[]): Reply {
  return { status, body: { error: { code, message: `The server says ${code}.`, ...(issues ? { issues } : {}) } } };
}

export const ok = (body?: unknown): Reply => ({ status: 200, body });

/** Renders the whole app at a path, as a browser would open it. */
export function renderApp(path = "/") {
  window.history.replaceState(null, "", path);
  return render(() => <App />);
}

export const farm = { id: "farm_demo", name: "Herenboeren Het Zandpad" };

/** Someone logged in at the demo farm, reading Dutch. */
function me(person: Omit<MeInfo["person"], "locale">, household: MeInfo["household"], roles: MeInfo["roles"]): MeInfo {
  return { person: { ...person, locale: "nl" }, household, roles, farm };
}

export const memberMe = me(
  { id: "person_anna", name: "Anna de Vries", email: "lid001@demo.test" },
  { id: "hh_devries", name: "Familie De Vries", mouths: 2.5, status: "active" },
  ["member"],
);

export const boardMe = me(
  { id: "person_bert", name: "Bert Bestuur", email: "bestuur@demo.test" },
  { id: "hh_bestuur", name: "Huishouden Bestuur", mouths: 2, status: "active" },
  ["member", "board"],
);

export const farmerMe = me({ id: "person_boer", name: "Bram Boer", email: "boer@demo.test" }, null, ["farmer"]);

export const coordinatorMe = me(
  { id: "person_sara", name: "Sara Klus", email: "coordinator@demo.test" },
  { id: "hh_klus", name: "Huishouden Klus", mouths: 2, status: "active" },
  ["member", "coordinator"],
);

export const households: HouseholdInfo[] = [
  { id: "hh_devries", name: "Familie De Vries", adults: 2, children: 1, mouths: 2.5, vegetarian: false, certificate: "full", status: "active" },
  { id: "hh_jansen", name: "Familie Jansen", adults: 1, children: 0, mouths: 1, vegetarian: true, certificate: "half", status: "active" },
  { id: "hh_ozturk", name: "Öztürk", adults: 2, children: 2, mouths: 3, vegetarian: false, certificate: "full", status: "pending" },
];

export const devries: HouseholdWithPeople = {
  ...households[0]!,
  people: [
    { id: "person_anna", name: "Anna de Vries", email: "lid001@demo.test", householdID: "hh_devries", locale: "nl" },
    { id: "person_kees", name: "Kees de Vries", email: "kees@demo.test", householdID: "hh_devries", locale: "en" },
  ],
};

/** What the farmer harvested in the example week: spinach that does not divide into whole steps, and meat. */
export const harvestItems: HarvestItem[] = [
  { crop: "Spinazie", unit: "kg", quantity: 12.37 },
  { crop: "Courgette", unit: "piece", quantity: 40 },
  { crop: "Gehakt", unit: "kg", quantity: 5, step: 0.5, meat: true },
];

/** A week as the API answers it to the farmer and the board: a draft unless told otherwise. */
/** A household's share in a split: its lines as [crop, unit, quantity]. */
function share(householdID: string, name: string, mouths: number, vegetarian: boolean, lines: [string, HarvestUnit, number][]) {
  return { householdID, name, mouths, vegetarian, lines: lines.map(([crop, unit, quantity]) => ({ crop, unit, quantity })) };
}

export function harvestOverview(week: string, changes: Partial<HarvestOverview> = {}): HarvestOverview {
  return {
    week,
    status: "draft",
    version: 0,
    dirty: false,
    note: null,
    publishedAt: null,
    optOutDeadline: "2027-04-08T18:00:00+02:00",
    items: harvestItems,
    participants: 3,
    mouths: 6.5,
    optedOut: 1,
    allocations: [
      share("hh_devries", "Familie De Vries", 2.5, false, [
        ["Spinazie", "kg", 4.75],
        ["Courgette", "piece", 15],
        ["Gehakt", "kg", 2.5],
      ]),
      share("hh_jansen", "Familie Jansen", 1, true, [
        ["Spinazie", "kg", 1.9],
        ["Courgette", "piece", 6],
      ]),
      share("hh_ozturk", "Öztürk", 3, false, [
        ["Spinazie", "kg", 5.7],
        ["Courgette", "piece", 19],
        ["Gehakt", "kg", 2.5],
      ]),
    ],
    leftovers: [
      { crop: "Spinazie", unit: "kg", quantity: 0.02 },
      { crop: "Courgette", unit: "piece", quantity: 0 },
      { crop: "Gehakt", unit: "kg", quantity: 0 },
    ],
    ...changes,
  };
}

/** A household's share of a week, as a member sees it: not yet published unless told otherwise. */
export function harvestMine(week: string, changes: Partial<HarvestMine> = {}): HarvestMine {
  return {
    week,
    status: "pending",
    optedOut: false,
    optOutDeadline: "2027-04-08T18:00:00+02:00",
    canOptOut: true,
    changed: false,
    publishedAt: null,
    note: null,
    lines: [],
    ...changes,
  };
}

/**
 * A work day as the API answers it: Saturday 9 May 2099, 09:00–12:00 in
 * Amsterdam (far enough ahead to stay in the future), 3 places of which 1 taken.
 */
export function workday(changes: Partial<WorkdayInfo> = {}): WorkdayInfo {
  return {
    id: "wd_weeding",
    title: "Wieden in de kas",
    task: "weeding",
    start: "2099-05-09T09:00:00+02:00",
    end: "2099-05-09T12:00:00+02:00",
    capacity: 3,
    confirmed: 1,
    waitlisted: 0,
    location: "Kas 2",
    description: null,
    status: "scheduled",
    mine: null,
    waitlistPlace: null,
    ...changes,
  };
}

/** An instant `hours` from now as the API writes it (negative: in the past). */
export function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString();
}

/** Waits until a live alert region says the text: that is what a screen reader announces. */
export async function findAlert(text: string) {
  return waitFor(() => {
    const alert = screen.getAllByRole("alert").find((a) => a.textContent?.includes(text));
    if (!alert) throw new Error(`No alert says "${text}"`);
    return alert;
  });
}

/** The De Vries household's certificate: a full one, a quarter of its deposit paid, in instalments. */
export function certificateDetail(changes: Partial<CertificateDetail> = {}): CertificateDetail {
  return {
    householdID: "hh_devries",
    householdName: "Familie De Vries",
    householdStatus: "active",
    certificate: "full",
    mouths: 2.5,
    depositCents: 200_000,
    paidCents: 50_000,
    outstandingCents: 150_000,
    plan: "instalments",
    instalmentCount: 8,
    status: "pending",
    memberSince: "2026-03-01",
    firstPossibleEndDate: "2028-12-31",
    noticeGivenAt: null,
    endDate: null,
    refundedAt: null,
    refundedCents: null,
    instalments: [],
    payments: [],
    noticeEndDate: null,
    ...changes,
  };
}
