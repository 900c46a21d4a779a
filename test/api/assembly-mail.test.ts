import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Clock } from "@akker/core/clock";
import { Mailing } from "@akker/core/mail/mailing";
import { createApp } from "../../functions/src/api/app";
import { jobs } from "../../functions/src/jobs/registry";
import { runJobs } from "../../functions/src/jobs/tick";
import { freshFarmApp, login, makeHousehold } from "./helpers";

/* An ALV mails each household once when its ballot opens and once with every outcome; a plain vote mails as before. */

let app: ReturnType<typeof createApp>;
let farmID: string;
let board: Awaited<ReturnType<typeof login>>;
const now = Date.parse("2027-05-01T09:00:00Z");
const hour = 3600_000;
const iso = (t: number) => new Date(t).toISOString();
const names = ["Akkerman", "Bos", "Claassen", "Dekker"];
const email = (name: string) => `alvmail-${name.toLowerCase()}@example.nl`;
const everyone = [email("Bestuur"), ...names.map(email)];
const clients: Record<string, Awaited<ReturnType<typeof login>>> = {};
const households: Record<string, string> = {};

async function outbox(to: string) {
  await Mailing.settled();
  return ((await (await app.request(`/api/dev/outbox?to=${to}`)).json()) as { messages: { subject: string; text: string }[] }).messages;
}

/** Per address, the mails whose subject is this. */
async function counts(subject: string) {
  return Promise.all(everyone.map(async (to) => (await outbox(to)).filter((m) => m.subject === subject).length));
}

const tick = (at: number) => runJobs({ jobs: jobs.filter((j) => j.name === "elections"), farmIDs: [farmID], now: new Date(at) });

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(now));
  await makeHousehold(farmID, { name: "Bestuur", email: email("Bestuur"), roles: ["board"] });
  board = await login(app, email("Bestuur"), "10.17.0.1");
  let n = 0;
  for (const name of names) {
    households[name] = (await makeHousehold(farmID, { name, email: email(name) })).household.id;
    clients[name] = await login(app, email(name), `10.17.1.${++n}`);
  }
});

afterAll(() => {
  Mailing.setDispatch(Mailing.inProcess);
  Clock.set(undefined);
});

describe("an ALV's mail", () => {
  let id: string;
  let items: { id: string; election: { id: string; candidates: { id: string }[] } | null }[];

  it("is one opening mail per household naming the meeting and every item, also when the request's mailing was lost", async () => {
    const made = await board.post("/api/assemblies", { title: "ALV najaar", startsAt: iso(now + hour), place: "De kas" });
    id = made.body.assembly.id;
    const add = (body: Record<string, unknown>) => board.post(`/api/assemblies/${id}/items`, body);
    await add({ kind: "discussion", title: "Opening" });
    await add({ kind: "motion", title: "Begroting 2028" });
    await add({ kind: "motion", title: "Kippen erbij" });
    await add({ kind: "motion", title: "Huishoudelijk reglement", quorumPercent: 60, inRoom: true });
    const last = await add({ kind: "board", title: "Bestuurszetel", seats: 1, candidates: [{ name: "Anne" }, { name: "Bram" }] });
    expect(last.status, JSON.stringify(last.body)).toBe(201);
    await board.post(`/api/assemblies/${id}/announce`);
    // the process dies after the answer: the request's mailing never runs
    Mailing.setDispatch(async () => undefined);
    const opened = await board.post(`/api/assemblies/${id}/open`);
    Mailing.setDispatch(Mailing.inProcess);
    expect(opened.body.assembly.status).toBe("open");
    items = opened.body.assembly.items;
    expect(await counts("Stemmen geopend: ALV najaar")).toEqual([0, 0, 0, 0, 0]);
    // the tick finishes it, once, however often it runs; a repeated opening adds nothing
    await tick(now + 10 * 60_000);
    await tick(now + 15 * 60_000);
    await board.post(`/api/assemblies/${id}/open`);
    expect(await counts("Stemmen geopend: ALV najaar")).toEqual([1, 1, 1, 1, 1]);
    const [mail] = (await outbox(email("Bos"))).filter((m) => m.subject.startsWith("Stemmen geopend"));
    expect(mail!.text).toContain("De kas");
    for (const title of ["Begroting 2028", "Kippen erbij", "Huishoudelijk reglement", "Bestuurszetel"]) expect(mail!.text).toContain(`- ${title}`);
    expect(mail!.text).toContain(`/assemblies/${id}`);
    // no mail per vote item, and no reminder for a day's vote
    expect((await outbox(email("Bos"))).map((m) => m.subject).filter((s) => s !== "Stemmen geopend: ALV najaar" && !/code/i.test(s))).toEqual([]);
  });

  it("is one results mail per household with each item's outcome as the screen shows it, the room's quorum included", async () => {
    const vote = (name: string, body: Record<string, unknown>) => clients[name]!.post(`/api/assemblies/${id}/ballot`, body);
    const all = (v: string) => ({
      votes: [
        { itemID: items[1]!.id, vote: v },
        { itemID: items[2]!.id, vote: v },
        { itemID: items[4]!.id, choices: [items[4]!.election!.candidates[1]!.id] },
      ],
    });
    expect((await vote("Akkerman", all("yes"))).status).toBe(200);
    expect((await vote("Bos", all("no"))).status).toBe(200);
    expect((await vote("Claassen", all("yes"))).status).toBe(200);
    // 2 voted online on none of the room's item; 3 present of 5 makes its 60% quorum
    for (const name of ["Akkerman", "Bos", "Dekker"]) expect((await board.put(`/api/assemblies/${id}/attendance/${households[name]}`)).status).toBe(200);
    await Promise.all([board.post(`/api/assemblies/${id}/close`), board.post(`/api/assemblies/${id}/close`)]);
    await tick(now + 2 * hour);
    expect(await counts("Uitslag: ALV najaar")).toEqual([1, 1, 1, 1, 1]);
    const screen = (await clients.Bos!.get(`/api/assemblies/${id}/results`)).body;
    const room = screen.items.find((i: { itemID: string }) => i.itemID === items[3]!.id).result;
    expect(room).toMatchObject({ eligible: 5, attending: 3, quorumMet: true });
    const [mail] = (await outbox(email("Claassen"))).filter((m) => m.subject === "Uitslag: ALV najaar");
    expect(mail!.text).toContain("- Begroting 2028: aangenomen");
    expect(mail!.text).toContain("- Huishoudelijk reglement: verworpen (quorum gehaald: 3 van 5 huishoudens aanwezig, vertegenwoordigd of gestemd)");
    expect(mail!.text).toContain("- Bestuurszetel: gekozen: Bram");
    expect((await outbox(email("Bos"))).filter((m) => m.subject.startsWith("Uitslag")).map((m) => m.subject)).toEqual(["Uitslag: ALV najaar"]);
  });

  it("leaves a plain vote's mail as it was: its own opening and result", async () => {
    const made = await board.post("/api/elections", { kind: "motion", title: "Bijenhotel", opensAt: iso(now + 3 * hour), closesAt: iso(now + 4 * 24 * hour) });
    const electionID = made.body.election.id;
    await board.post(`/api/elections/${electionID}/open`);
    expect(await counts("Stemmen geopend: Bijenhotel")).toEqual([1, 1, 1, 1, 1]);
    await board.post(`/api/elections/${electionID}/close`);
    expect(await counts("Uitslag: Bijenhotel")).toEqual([1, 1, 1, 1, 1]);
  });
});
