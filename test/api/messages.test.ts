import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { Season } from "@akker/core/contribution/season";
import { useDB } from "@akker/core/entities";
import { Household } from "@akker/core/household/household";
import { Mailing } from "@akker/core/mail/mailing";
import { setPace } from "@akker/core/message/send";
import { Reminders } from "@akker/core/workday/reminders";
import { freshFarmApp, login, makeHousehold, makePerson, type TestApp } from "./helpers";

let app: TestApp;
let farmID: string;
type Client = Awaited<ReturnType<typeof login>>;
let board: Client, treasurer: Client, farmer: Client, member: Client, quiet: Client;
const now = Date.parse("2027-03-10T09:00:00Z");
const hour = 3600_000;

async function mailsTo(email: string) {
  await Mailing.settled();
  return ((await (await app.request(`/api/dev/outbox?to=${email}`)).json()) as any).messages as { subject: string; text: string }[];
}

beforeAll(async () => {
  // the households are members since December, so by March their first instalments are in arrears
  ({ farmID, app } = await freshFarmApp(Date.parse("2026-12-15T09:00:00Z")));
  setPace(1000);
  await makeHousehold(farmID, { name: "Bestuur", email: "bestuur@example.nl", roles: ["board"] });
  await makeHousehold(farmID, { name: "Penning", email: "penning@example.nl", roles: ["treasurer", "board"] });
  await makePerson(farmID, { name: "Boer", email: "boer@example.nl", roles: ["farmer"] });
  await makeHousehold(farmID, { name: "Lid", email: "lid@example.nl" });
  await makeHousehold(farmID, { name: "Stil", email: "stil@example.nl" });
  Clock.set(now);
  const [b, t, f, m, q] = await Promise.all(["bestuur", "penning", "boer", "lid", "stil"].map((n, i) => login(app, `${n}@example.nl`, `10.9.0.${i}`)));
  [board, treasurer, farmer, member, quiet] = [b!, t!, f!, m!, q!];
  await withActor({ type: "system", farmID }, async () => {
    await Season.save(2027, { budgetCents: 6_000_000, weeks: 52 });
    await Season.confirm(2027, {});
  });
});

afterAll(() => {
  Clock.set(undefined);
  setPace(10);
});

describe("who may mail which group", () => {
  const mail = { audience: { kind: "members" }, subject: "Nieuws van het land", text: "Regel één\nRegel twee: https://example.nl/foto" };

  it("a member never mails a group, nor reads what was sent", async () => {
    expect((await member.post("/api/messages", mail)).status).toBe(403);
    expect((await member.post("/api/messages/preview", { audience: { kind: "members" } })).status).toBe(403);
    expect((await member.post("/api/contribution/messages", { subject: "x", text: "y" })).status).toBe(403);
    expect((await member.get("/api/messages")).status).toBe(403);
  });

  it("the farmer mails all members only; the board any group but arrears; only the treasurer mails arrears", async () => {
    const roles = { audience: { kind: "roles", roles: ["board"] }, subject: "Vergadering", text: "Dinsdag." };
    expect((await farmer.post("/api/messages", roles)).body.error.code).toBe("message.audience_forbidden");
    expect((await board.post("/api/contribution/messages", { subject: "Achterstand", text: "Graag betalen." })).status).toBe(403);
    const preview = await treasurer.post("/api/contribution/messages/preview");
    expect(preview.status).toBe(200);
    const overview = await treasurer.get("/api/contribution/overview?year=2027");
    expect(preview.body.households).toBe(overview.body.totals.late);
    const sent = await treasurer.post("/api/contribution/messages", { subject: "Achterstand", text: "Graag betalen." });
    expect(sent.status).toBe(201);
    expect(sent.body.message.author.role).toBe("treasurer");
    expect(sent.body.message.total).toBe(preview.body.people);
    // the board sees the log, but not who is in arrears
    await Mailing.settled();
    expect((await board.get("/api/messages")).body.messages.map((m: any) => m.id)).not.toContain(sent.body.message.id);
    expect((await board.get(`/api/messages/${sent.body.message.id}`)).status).toBe(404);
    expect((await treasurer.get(`/api/messages/${sent.body.message.id}`)).body.recipients.every((r: any) => r.sentAt)).toBe(true);
  });

  it("a person in two groups gets one mail", async () => {
    const body = { audience: { kind: "roles", roles: ["board", "treasurer"] }, subject: "Bestuur en penningmeester", text: "Eén keer." };
    expect((await board.post("/api/messages/preview", { audience: body.audience })).body).toEqual({ people: 2, households: 2, optedOut: 0 });
    const sent = await board.post("/api/messages", body);
    expect(sent.status).toBe(201);
    expect((await mailsTo("penning@example.nl")).filter((m) => m.subject === body.subject)).toHaveLength(1);
  });

  it("news goes only to who wants it; the board's mail always goes; the same key sends once", async () => {
    expect((await quiet.put("/api/me/preferences", { news: false, reminders: true })).body).toEqual({ news: false, reminders: true });
    expect((await quiet.get("/api/me/preferences")).body).toEqual({ news: false, reminders: true });
    const fromFarmer = await farmer.post("/api/messages", { ...mail, key: "farmernote0001" });
    expect(fromFarmer.status).toBe(201);
    expect(fromFarmer.body.message.optedOut).toBe(1);
    expect((await farmer.post("/api/messages", { ...mail, key: "farmernote0001" })).body.duplicate).toBe(true);
    expect((await board.post("/api/messages", { ...mail, key: "farmernote0001" })).body.error.code).toBe("message.key_taken");
    const fromBoard = await board.post("/api/messages", { ...mail, subject: "Van het bestuur" });
    expect(fromBoard.body.message.optedOut).toBe(0);
    const [toQuiet, toMember] = [await mailsTo("stil@example.nl"), await mailsTo("lid@example.nl")];
    expect(toQuiet.map((m) => m.subject).filter((s) => s === mail.subject || s === "Van het bestuur")).toEqual(["Van het bestuur"]);
    expect(toMember.filter((m) => m.subject === mail.subject)).toHaveLength(1);
    expect(toMember[0]!.text).toContain("Regel één\nRegel twee: https://example.nl/foto");
    // the farmer's log: mail to all members
    expect((await farmer.get("/api/messages")).body.messages.every((m: any) => m.audience.kind === "members")).toBe(true);
    const detail = await board.get(`/api/messages/${fromBoard.body.message.id}`);
    expect(detail.body.recipients.map((r: any) => r.email).sort()).toContain("stil@example.nl");
    expect((await board.get(`/api/messages/${fromBoard.body.message.id}/mailing`)).body).toMatchObject({ done: true });
  });

  it("a work day's households and an open vote's households that have not voted", async () => {
    const coordinator = { type: "system", farmID } as const;
    const made = await farmer.post("/api/workdays", { title: "Wieden", task: "weeding", start: new Date(now + 30 * hour).toISOString(), end: new Date(now + 33 * hour).toISOString(), capacity: 5 });
    const day = made.body.workdays[0] as { id: string };
    expect((await member.post(`/api/workdays/${day!.id}/signup`)).status).toBe(200);
    expect((await quiet.post(`/api/workdays/${day!.id}/signup`)).status).toBe(200);
    expect((await board.post("/api/messages/preview", { audience: { kind: "workday", workdayID: day!.id } })).body.people).toBe(2);
    expect((await board.post("/api/messages/preview", { audience: { kind: "workday", workdayID: "wd_none" } })).status).toBe(404);
    // reminders: the one who turned them off is marked, not mailed
    await quiet.put("/api/me/preferences", { news: true, reminders: false });
    await withActor(coordinator, () => Reminders.run(new Date(now)));
    expect((await mailsTo("stil@example.nl")).filter((m) => m.subject.includes("Wieden"))).toHaveLength(0);
    expect((await mailsTo("lid@example.nl")).filter((m) => m.subject.includes("Wieden"))).toHaveLength(1);

    const vote = await board.post("/api/elections", { title: "Begroting", kind: "motion", opensAt: new Date(now + hour).toISOString(), closesAt: new Date(now + 72 * hour).toISOString() });
    const id = vote.body.election.id;
    expect((await board.post("/api/messages/preview", { audience: { kind: "notVoted", electionID: id } })).body.error.code).toBe("message.vote_not_open");
    expect((await board.post(`/api/elections/${id}/open`)).status).toBe(200);
    const before = (await board.post("/api/messages/preview", { audience: { kind: "notVoted", electionID: id } })).body.households;
    expect((await member.post(`/api/elections/${id}/ballots`, { vote: "yes" })).status).toBe(201);
    expect((await board.post("/api/messages/preview", { audience: { kind: "notVoted", electionID: id } })).body.households).toBe(before - 1);
  });
});

describe("a group mail to 200 households", () => {
  it("mails every person once, at the pace set, and the log says to whom and when", async () => {
    const made = await withActor({ type: "system", farmID }, async () => {
      const out: string[] = [];
      for (let i = 0; i < 200; i += 20)
        await Promise.all(
          Array.from({ length: 20 }, (_, k) => i + k).map(async (n) => {
            const people = [{ name: `Lid ${n}`, email: `groot${n}@example.nl`, locale: "nl" as const }];
            if (n % 4 === 0) people.push({ name: `Partner ${n}`, email: `partner${n}@example.nl`, locale: "nl" as const });
            await Household.create({ name: `Groot ${n}`, adults: 2, children: 0, vegetarian: false, certificate: "full", status: "active", people });
            out.push(...people.map((p) => p.email));
          }),
        );
      return out;
    });
    setPace(100);
    const started = Date.now();
    const sent = await board.post("/api/messages", { audience: { kind: "members" }, subject: "Aan alle 200", text: "Hallo allemaal." });
    expect(sent.status).toBe(201);
    await Mailing.settled();
    const seconds = (Date.now() - started) / 1000;
    setPace(1000);
    const total = sent.body.message.total as number;
    expect(total).toBeGreaterThanOrEqual(made.length);
    // a hundred a second: the run waits between its hundreds
    expect(seconds).toBeGreaterThanOrEqual(Math.floor((total - 1) / 100));
    const outbox = (await useDB().entities.outbox.query.byID({ farmID }).go({ pages: "all" })).data.filter((m) => m.subject === "Aan alle 200");
    const counts = new Map<string, number>();
    for (const m of outbox) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
    expect(outbox).toHaveLength(total);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (const email of made) expect(counts.get(email), email).toBe(1);
    const detail = await board.get(`/api/messages/${sent.body.message.id}`);
    expect(detail.body.done).toBe(true);
    expect(detail.body.recipients).toHaveLength(total);
    expect(detail.body.recipients.every((r: any) => r.sentAt && r.email)).toBe(true);
  });
});
