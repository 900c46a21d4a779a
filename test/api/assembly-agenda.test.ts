import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Clock } from "@akker/core/clock";
import { Mailing } from "@akker/core/mail/mailing";
import { jobs } from "../../functions/src/jobs/registry";
import { runJobs } from "../../functions/src/jobs/tick";
import { freshFarmApp, login, makeHousehold, type TestApp } from "./helpers";

/* An ALV's agenda until its ballot opens (papers per item, held while a draft; edits; order), and the reminder to vote. */

type Client = Awaited<ReturnType<typeof login>>;
let app: TestApp;
let farmID: string;
let board: Client;
const members: Record<string, Client> = {};
const now = Date.parse("2027-04-01T09:00:00Z");
const iso = (t: number) => new Date(t).toISOString();
const names = ["Akkerman", "Bos", "Claassen"];
const email = (name: string) => `agenda-${name.toLowerCase()}@example.nl`;
const pdf = `%PDF-1.4\n% stuk\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`;

async function outbox(to: string) {
  await Mailing.settled();
  return ((await (await app.request(`/api/dev/outbox?to=${to}`)).json()) as { messages: { subject: string }[] }).messages;
}

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(now));
  await makeHousehold(farmID, { name: "Bestuur", email: email("Bestuur"), roles: ["board"] });
  board = await login(app, email("Bestuur"), "10.18.0.1");
  let n = 0;
  for (const name of names) {
    await makeHousehold(farmID, { name, email: email(name) });
    members[name] = await login(app, email(name), `10.18.1.${++n}`);
  }
});

afterAll(() => Clock.set(undefined));

describe("an ALV's agenda", () => {
  let id: string;
  let items: { id: string; title: string; papers: string[]; election: { id: string; quorumPercent: number | null } | null }[];
  let paper: string;
  let general: string;

  it("takes papers per item while a draft, for the board's eyes only until it is announced", async () => {
    id = (await board.post("/api/assemblies", { title: "ALV voorjaar", startsAt: iso(now + 7 * 24 * 3600_000), place: "De schuur" })).body.assembly.id;
    await board.post(`/api/assemblies/${id}/items`, { kind: "discussion", title: "Opening" });
    await board.post(`/api/assemblies/${id}/items`, { kind: "motion", title: "Kippen" });
    items = (await board.post(`/api/assemblies/${id}/items`, { kind: "motion", title: "Reglement" })).body.assembly.items;
    expect((await members.Bos!.post(`/api/assemblies/${id}/papers`, { title: "x" })).status).toBe(403);
    const unknown = await board.post(`/api/assemblies/${id}/papers`, { title: "Stuk", itemID: "itm_unknown" });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "assembly.item_not_found"]);
    const made = await board.post(`/api/assemblies/${id}/papers`, { title: "Offerte kippenhok", itemID: items[1]!.id });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.document.audience).toBe("board");
    paper = made.body.document.id;
    general = (await board.post(`/api/assemblies/${id}/papers`, { title: "Jaarverslag" })).body.document.id;
    const up = await board.post(`/api/documents/${paper}/versions?name=offerte.pdf`, pdf, { "content-type": "application/pdf" });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const seen = (await board.get(`/api/assemblies/${id}`)).body.assembly.items;
    expect(seen.map((i: { papers: string[] }) => i.papers)).toEqual([[], [paper], []]);
    // a member sees neither the meeting nor its papers, by list, ID or file
    expect((await members.Bos!.get(`/api/assemblies/${id}`)).status).toBe(404);
    expect((await members.Bos!.get(`/api/documents?assembly=${id}`)).body.documents).toEqual([]);
    expect((await members.Bos!.get("/api/documents")).body.documents).toEqual([]);
    expect((await members.Bos!.get(`/api/documents/${paper}/file`)).status).toBe(404);
    // nor can the library's own form put a paper for members on a draft meeting
    const direct = await board.post("/api/documents", { title: "Los stuk", category: "alv", audience: "members", assemblyID: id });
    expect([direct.status, direct.body.error.code]).toEqual([409, "document.assembly_draft"]);
    const nowhere = await board.post("/api/documents", { title: "Los stuk", category: "alv", assemblyID: "asm_unknown" });
    expect([nowhere.status, nowhere.body.error.code]).toEqual([404, "assembly.not_found"]);
    expect((await board.get(`/api/documents?assembly=${id}`)).body.documents.map((d: { title: string }) => d.title).sort()).toEqual(["Jaarverslag", "Offerte kippenhok"]);
  });

  it("lets the board change an item and the order while the ballot is not open; never a member", async () => {
    const [opening, chickens, rules] = items.map((i) => i.id);
    expect((await members.Bos!.patch(`/api/assemblies/${id}/items/${chickens}`, { title: "x" })).status).toBe(403);
    expect((await members.Bos!.put(`/api/assemblies/${id}/agenda`, { items: [rules, chickens, opening] })).status).toBe(403);
    const bad = await board.patch(`/api/assemblies/${id}/items/${opening}`, { quorumPercent: 50 });
    expect([bad.status, bad.body.error.code]).toEqual([400, "input.invalid"]);
    const changed = await board.patch(`/api/assemblies/${id}/items/${chickens}`, { title: "Kippen erbij", quorumPercent: 40, inRoom: true });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const item = changed.body.assembly.items[1];
    expect([item.title, item.inRoom, item.election.title, item.election.quorumPercent]).toEqual(["Kippen erbij", true, "Kippen erbij", 40]);
    const missing = await board.put(`/api/assemblies/${id}/agenda`, { items: [rules, chickens] });
    expect([missing.status, missing.body.error.code]).toEqual([400, "input.invalid"]);
    expect((await board.put(`/api/assemblies/${id}/agenda`, { items: [rules, rules, opening] })).status).toBe(400);
    const moved = await board.put(`/api/assemblies/${id}/agenda`, { items: [opening, rules, chickens] });
    expect(moved.body.assembly.items.map((i: { title: string }) => i.title)).toEqual(["Opening", "Reglement", "Kippen erbij"]);
    // an item added after a reorder goes last
    const added = await board.post(`/api/assemblies/${id}/items`, { kind: "discussion", title: "Rondvraag" });
    expect(added.body.assembly.items.map((i: { title: string }) => i.title)).toEqual(["Opening", "Reglement", "Kippen erbij", "Rondvraag"]);
    items = added.body.assembly.items;
  });

  it("shows the papers to the members once announced, each under its item", async () => {
    await board.post(`/api/assemblies/${id}/announce`);
    const seen = (await members.Bos!.get(`/api/assemblies/${id}`)).body.assembly;
    expect(seen.items.find((i: { title: string }) => i.title === "Kippen erbij").papers).toEqual([paper]);
    const docs = (await members.Bos!.get(`/api/documents?assembly=${id}`)).body.documents.map((d: { id: string }) => d.id).sort();
    expect(docs).toEqual([general, paper].sort());
    expect((await members.Bos!.get(`/api/documents/${paper}/file`)).status).toBe(200);
    // added now, a paper is for the members at once
    const late = await board.post(`/api/assemblies/${id}/papers`, { title: "Nagekomen stuk", itemID: items[0]!.id });
    expect(late.body.document.audience).toBe("members");
  });

  it("reminds the households that voted on nothing a day before closing, or when the board asks, once each; refuses changes once open", async () => {
    expect((await board.post(`/api/assemblies/${id}/remind`)).status).toBe(409);
    await board.post(`/api/assemblies/${id}/open`);
    const open = (await members.Akkerman!.get(`/api/assemblies/${id}`)).body.assembly.items.filter((i: { election: unknown }) => i.election);
    // Akkerman votes on one item only: it has voted, so no reminder
    await members.Akkerman!.post(`/api/assemblies/${id}/ballot`, { votes: [{ itemID: open[1].id, vote: "yes" }] });
    expect((await members.Bos!.post(`/api/assemblies/${id}/remind`)).status).toBe(403);
    const reminders = async () =>
      Promise.all(["Bestuur", ...names].map(async (name) => (await outbox(email(name))).filter((m) => m.subject === "Nog niet gestemd: ALV voorjaar").length));
    // the ballot closes a day after the meeting starts, 8 days from now: the tick reminds a day before
    const tick = (at: number) => runJobs({ jobs: jobs.filter((j) => j.name === "assembly-reminders"), farmIDs: [farmID], now: new Date(at) });
    await tick(now + 6 * 24 * 3600_000);
    expect(await reminders()).toEqual([0, 0, 0, 0]);
    await tick(now + 7 * 24 * 3600_000 + 3600_000);
    await tick(now + 7 * 24 * 3600_000 + 2 * 3600_000);
    expect(await reminders()).toEqual([1, 0, 1, 1]);
    // asked by the board as well, at once twice: nobody gets a second
    await Promise.all([board.post(`/api/assemblies/${id}/remind`), board.post(`/api/assemblies/${id}/remind`)]);
    expect((await board.post(`/api/assemblies/${id}/remind`)).status).toBe(200);
    expect(await reminders()).toEqual([1, 0, 1, 1]);
    const late = await board.patch(`/api/assemblies/${id}/items/${items[0]!.id}`, { title: "Welkom" });
    expect([late.status, late.body.error.code]).toEqual([409, "assembly.ballot_opened"]);
    expect((await board.put(`/api/assemblies/${id}/agenda`, { items: items.map((i) => i.id).reverse() })).status).toBe(409);
  });
});
