import { action, json, query, revalidate } from "@solidjs/router";
import type { Assembly } from "@akker/core/assembly/assembly";
import type { ItemUpdate } from "@akker/core/assembly/agenda";
import type { BallotInput, Receipt } from "@akker/core/assembly/ballot";
import type { results } from "@akker/core/assembly/attendance";
import type * as z from "zod/mini";
import { ApiError, esc, loggedIn, request } from "./api";
import { documentApi, getAssemblyDocuments, getDocuments, maxDocumentBytes } from "./document";

/*
 * The typed client and queries of the general assembly (ALV) screens: they
 * load with those screens, not with the first one; only types come from core.
 */

export type AssemblyInfo = Assembly.Info;
export type AgendaItem = Assembly.Item;
export type AssemblyInput = z.input<typeof Assembly.CreateInput>;
export type ItemInput = z.input<typeof Assembly.ItemInput>;
export type ItemChanges = z.input<typeof ItemUpdate>;
export type AssemblyBallot = z.input<typeof BallotInput>;
export type AssemblyReceipt = z.infer<typeof Receipt>;
export type AssemblyResults = Awaited<ReturnType<typeof results>>;
export type Present = { householdID: string; name: string; checkedInAt: string };

const path = (id: string, rest = "") => `/assemblies/${esc(id)}${rest}`;
const one = (r: { assembly: AssemblyInfo }) => r.assembly;

export const assemblyApi = {
  list: () => request<{ assemblies: AssemblyInfo[] }>("GET", "/assemblies").then((r) => r.assemblies),
  get: (id: string) => request<{ assembly: AssemblyInfo }>("GET", path(id)).then(one),
  create: (input: AssemblyInput) => request<{ assembly: AssemblyInfo }>("POST", "/assemblies", input).then(one),
  addItem: (id: string, item: ItemInput) => request<{ assembly: AssemblyInfo }>("POST", path(id, "/items"), item).then(one),
  updateItem: (id: string, itemID: string, changes: ItemChanges) =>
    request<{ assembly: AssemblyInfo }>("PATCH", path(id, `/items/${esc(itemID)}`), changes).then(one),
  reorder: (id: string, items: string[]) => request<{ assembly: AssemblyInfo }>("PUT", path(id, "/agenda"), { items }).then(one),
  addPaper: (id: string, paper: { title: string; itemID?: string }) =>
    request<{ document: { id: string } }>("POST", path(id, "/papers"), paper).then((r) => r.document),
  removeItem: (id: string, itemID: string) => request<{ assembly: AssemblyInfo }>("DELETE", path(id, `/items/${esc(itemID)}`)).then(one),
  change: (id: string, to: "announce" | "open" | "remind" | "close") => request<{ assembly: AssemblyInfo }>("POST", path(id, `/${to}`)).then(one),
  vote: (id: string, ballot: AssemblyBallot) => request<{ receipts: AssemblyReceipt[] }>("POST", path(id, "/ballot"), ballot).then((r) => r.receipts),
  present: (id: string) => request<{ present: Present[] }>("GET", path(id, "/attendance")).then((r) => r.present),
  checkIn: (id: string, householdID: string, present: boolean) =>
    request<{ present: Present[] }>(present ? "PUT" : "DELETE", path(id, `/attendance/${esc(householdID)}`)).then((r) => r.present),
  results: (id: string) => request<AssemblyResults>("GET", path(id, "/results")),
  /** The households on a vote's roll, by name: to name those whose proxy the caller holds. */
  rollNames: (electionID: string) =>
    request<{ households: { id: string; name: string }[] }>("GET", `/elections/${esc(electionID)}/households`).then((r) => r.households),
};

export const getAssemblies = query(() => loggedIn(() => assemblyApi.list()), "assemblies");
export const getAssembly = query((id: string) => loggedIn(() => assemblyApi.get(id)), "assembly");
export const getPresent = query((id: string) => loggedIn(() => assemblyApi.present(id)), "assembly-present");
export const getProxyNames = query((electionID: string) => loggedIn(() => assemblyApi.rollNames(electionID)), "assembly-proxy-names");
export const getAssemblyResults = query((id: string) => loggedIn(() => assemblyApi.results(id)), "assembly-results");

/** The meeting the home screen shows: the next one announced or open, else the last one closed. */
export function comingAssembly(list: AssemblyInfo[]): AssemblyInfo | undefined {
  const live = list.filter((a) => a.status === "announced" || a.status === "open").sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return live[0] ?? list.find((a) => a.status === "closed");
}

/** After a change the API answered with the meeting: it and the list are read again. */
const refresh = (id: string) => revalidate([getAssembly.keyFor(id), getAssemblies.keyFor(), getAssemblyResults.keyFor(id)]);

export const createAssembly = action(async (input: AssemblyInput) => {
  const made = await assemblyApi.create(input);
  await revalidate(getAssemblies.keyFor());
  return json(made, { revalidate: [] });
}, "assembly-create");

export const addItem = action(async (id: string, item: ItemInput) => {
  const a = await assemblyApi.addItem(id, item);
  await refresh(id);
  return json(a, { revalidate: [] });
}, "assembly-add-item");

export const removeItem = action(async (id: string, itemID: string) => {
  const a = await assemblyApi.removeItem(id, itemID);
  await refresh(id);
  return json(a, { revalidate: [] });
}, "assembly-remove-item");

export const updateItem = action(async (id: string, itemID: string, changes: ItemChanges) => {
  const a = await assemblyApi.updateItem(id, itemID, changes);
  await refresh(id);
  return json(a, { revalidate: [] });
}, "assembly-update-item");

export const reorderAgenda = action(async (id: string, items: string[]) => {
  const a = await assemblyApi.reorder(id, items);
  await refresh(id);
  return json(a, { revalidate: [] });
}, "assembly-reorder");

/** A paper on the meeting or one of its items: its document, then the file; should the file fail, the empty document goes again. */
export const addPaper = action(async (id: string, paper: { title: string; itemID?: string }, file: File | undefined) => {
  if (!file) throw new ApiError(400, "document.choose", "");
  // the API refuses it too; this saves sending 5 MB and more for nothing
  if (file.size > maxDocumentBytes) throw new ApiError(413, "input.too_large", "");
  const made = await assemblyApi.addPaper(id, paper);
  try {
    const done = await documentApi.upload(made.id, file);
    await refresh(id);
    return json(done, { revalidate: [getAssemblyDocuments.keyFor(id), getDocuments.keyFor()] });
  } catch (e) {
    await documentApi.remove(made.id).catch(() => undefined);
    throw e;
  }
}, "assembly-add-paper");

export const changeAssembly = action(async (id: string, to: "announce" | "open" | "remind" | "close") => {
  const a = await assemblyApi.change(id, to);
  await refresh(id);
  return json(a, { revalidate: [] });
}, "assembly-change");

export const voteBallot = action(async (id: string, ballot: AssemblyBallot) => {
  const receipts = await assemblyApi.vote(id, ballot);
  await refresh(id);
  return json(receipts, { revalidate: [] });
}, "assembly-vote");

export const checkIn = action(async (id: string, householdID: string, present: boolean) => {
  const list = await assemblyApi.checkIn(id, householdID, present);
  query.set(getPresent.keyFor(id), list);
  await revalidate(getPresent.keyFor(id), false);
  return json(list, { revalidate: [] });
}, "assembly-check-in");

/** What an agenda item is, to show: its vote's kind, or a vote item whose draft vote members do not see yet. */
export const itemKind = (item: AgendaItem) => item.election?.kind ?? (item.budget ? "motion" : item.kind === "vote" ? "vote" : "discussion");
