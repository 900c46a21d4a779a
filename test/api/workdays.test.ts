import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { createApp } from "../../functions/src/api/app";
import { runJobs } from "../../functions/src/jobs/tick";
import { jobs } from "../../functions/src/jobs/registry";
import { Mailing } from "@akker/core/mail/mailing";
import { Clock } from "@akker/core/clock";
import { useDB } from "@akker/core/entities";
import { withActor } from "@akker/core/actor";
import { Household } from "@akker/core/household/household";
import { Person } from "@akker/core/person/person";
import { login, makeHousehold, makePerson, freshFarmApp } from "./helpers";

let app: ReturnType<typeof createApp>;
let farmID: string;
let coordinator: Awaited<ReturnType<typeof login>>;
let member: Awaited<ReturnType<typeof login>>;
let other: Awaited<ReturnType<typeof login>>;
const members: Awaited<ReturnType<typeof login>>[] = [];
const hour = 3600_000;
// Wednesday 6 January 2027, 10:00 in Amsterdam (winter time)
const now = Date.parse("2027-01-06T09:00:00Z");

async function outbox(email: string) {
  // a cancelled day mails after its answer
  await Mailing.settled();
  return ((await (await app.request(`/api/dev/outbox?to=${email}`)).json()) as any).messages as { subject: string; text: string }[];
}

async function createDay(body: Record<string, unknown>) {
  const res = await coordinator.post("/api/workdays", {
    title: "Wieden",
    task: "weeding",
    start: "2027-01-09T09:00:00+01:00",
    end: "2027-01-09T12:00:00+01:00",
    capacity: 10,
    ...body,
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.workday.id as string;
}

async function countsAgree(id: string) {
  const w = (await useDB().entities.workday.get({ farmID, workdayID: id }).go({ consistent: true })).data!;
  const s = (await useDB().entities.signup.query.byWorkday({ farmID, workdayID: id }).go({ pages: "all", consistent: true })).data;
  expect(w.confirmed).toBe(s.filter((x) => x.status === "confirmed").length);
  expect(w.waitlisted).toBe(s.filter((x) => x.status === "waitlisted").length);
  expect(w.confirmed).toBeLessThanOrEqual(w.capacity);
  return { w, s };
}

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(now));
  await makePerson(farmID, { name: "Sara Klus", email: "coordinator@example.nl", roles: ["coordinator"] });
  coordinator = await login(app, "coordinator@example.nl", "10.7.0.1");
  await makeHousehold(farmID, { name: "Jansen", email: "jansen@example.nl" });
  await makeHousehold(farmID, { name: "Visser", email: "visser@example.nl" });
  member = await login(app, "jansen@example.nl", "10.7.0.2");
  other = await login(app, "visser@example.nl", "10.7.0.3");
  for (let i = 0; i < 50; i++) {
    const email = `lid${i}@example.nl`;
    await makeHousehold(farmID, { name: `Lid ${i}`, email });
    members.push(await login(app, email, `10.8.${i}.1`));
  }
});

afterAll(() => Clock.set(undefined));

describe("work days", () => {
  it("50 simultaneous sign-ups for 10 places: 10 confirmed, 40 waitlisted in one order, nobody lost", async () => {
    const id = await createDay({ title: "Drukte" });
    const results = await Promise.all(members.map((m) => m.post(`/api/workdays/${id}/signup`)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.status === "confirmed")).toHaveLength(10);
    expect(results.filter((r) => r.body.status === "waitlisted")).toHaveLength(40);
    const { s } = await countsAgree(id);
    expect(s).toHaveLength(50);
    const positions = s.map((x) => x.position).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // the confirmed are exactly the first ten in line
    expect(s.filter((x) => x.status === "confirmed").every((x) => x.position <= 10)).toBe(true);

    // signing up twice changes nothing
    const again = await members[0]!.post(`/api/workdays/${id}/signup`);
    expect(again.body.status).toBe(results[0]!.body.status);
    await countsAgree(id);

    // concurrent cancels of confirmed places each promote exactly one, in order
    const confirmed = members.filter((_, i) => results[i]!.body.status === "confirmed").slice(0, 4);
    const cancels = await Promise.all(confirmed.map((m) => m.delete(`/api/workdays/${id}/signup`)));
    expect(cancels.every((r) => r.status === 204)).toBe(true);
    const after = await countsAgree(id);
    expect(after.w.confirmed).toBe(10);
    expect(after.w.waitlisted).toBe(36);
    expect(after.s.filter((x) => x.status === "confirmed").every((x) => x.position <= 14)).toBe(true);
    // the promoted were mailed
    const promotedPositions = [11, 12, 13, 14];
    const promoted = after.s.filter((x) => promotedPositions.includes(x.position));
    expect(promoted.every((x) => x.status === "confirmed")).toBe(true);
  });

  it("the list shows free places and my sign-up; my work days lists it", async () => {
    const id = await createDay({ title: "Oogsten", task: "harvest", capacity: 2 });
    expect((await member.post(`/api/workdays/${id}/signup`)).body.status).toBe("confirmed");
    const list = await member.get("/api/workdays");
    const day = list.body.workdays.find((w: any) => w.id === id);
    expect(day).toMatchObject({ title: "Oogsten", capacity: 2, confirmed: 1, waitlisted: 0, mine: "confirmed" });
    expect(day.start).toBe("2027-01-09T09:00:00+01:00");
    const mine = await member.get("/api/workdays/mine");
    expect(mine.body.workdays.map((w: any) => w.id)).toContain(id);
    const seenByOther = (await other.get("/api/workdays")).body.workdays.find((w: any) => w.id === id);
    expect(seenByOther.mine).toBeNull();
  });

  it("cancelling a confirmed place moves the first waiting person up and mails them", async () => {
    const id = await createDay({ title: "Kippenhok", capacity: 1 });
    await member.post(`/api/workdays/${id}/signup`);
    expect((await other.post(`/api/workdays/${id}/signup`)).body.status).toBe("waitlisted");
    const waiting = (await other.get("/api/workdays")).body.workdays.find((w: any) => w.id === id);
    expect(waiting).toMatchObject({ mine: "waitlisted", waitlistPlace: 1 });
    expect((await other.get("/api/workdays/mine")).body.workdays.find((w: any) => w.id === id).waitlistPlace).toBe(1);
    expect((await member.delete(`/api/workdays/${id}/signup`)).status).toBe(204);
    expect((await other.get(`/api/workdays/${id}`)).body.workday.mine).toBe("confirmed");
    expect((await outbox("visser@example.nl"))[0]!.subject).toMatch(/^Je kunt meedoen: Kippenhok/);
    await countsAgree(id);
  });

  it("bad input is a 400 that changes nothing; members cannot create or see rosters", async () => {
    const before = (await useDB().entities.workday.query.byID({ farmID }).go({ pages: "all" })).data.length;
    const base = { title: "X", task: "other", start: "2027-02-01T09:00:00+01:00", end: "2027-02-01T12:00:00+01:00", capacity: 5 };
    for (const body of [
      { ...base, end: "2027-02-01T08:00:00+01:00" },
      { ...base, capacity: 0 },
      { ...base, start: "2026-12-01T09:00:00+01:00", end: "2026-12-01T12:00:00+01:00" },
      { ...base, task: "dancing" },
      { ...base, start: "tomorrow" },
      { ...base, title: "" },
    ]) {
      const res = await coordinator.post("/api/workdays", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("input.invalid");
    }
    expect((await member.post("/api/workdays", base)).status).toBe(403);
    expect((await useDB().entities.workday.query.byID({ farmID }).go({ pages: "all" })).data.length).toBe(before);
    const id = await createDay({});
    expect((await member.get(`/api/workdays/${id}/roster`)).status).toBe(403);
    expect((await member.post(`/api/workdays/${id}/attendance`, { present: [] })).status).toBe(403);
    expect((await member.get("/api/hours/totals")).status).toBe(403);
    expect((await member.get("/api/workdays/wd_nope")).status).toBe(404);
  });

  it("repeats a day weekly at the same wall-clock time, across the change to summer time", async () => {
    const res = await coordinator.post("/api/workdays", {
      title: "Zaterdagochtend",
      task: "weeding",
      start: "2027-03-20T09:00:00+01:00",
      end: "2027-03-20T12:00:00+01:00",
      capacity: 8,
      repeatWeeks: 3,
    });
    expect(res.status).toBe(201);
    expect(res.body.workdays.map((w: any) => w.start)).toEqual([
      "2027-03-20T09:00:00+01:00",
      "2027-03-27T09:00:00+01:00",
      "2027-04-03T09:00:00+02:00",
    ]);
  });

  it("no sign-up or cancel after the start", async () => {
    const id = await createDay({ title: "Vroeg", start: "2027-01-06T11:00:00+01:00", end: "2027-01-06T13:00:00+01:00" });
    await member.post(`/api/workdays/${id}/signup`);
    Clock.set(Date.parse("2027-01-06T10:30:00Z"));
    try {
      const late = await other.post(`/api/workdays/${id}/signup`);
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe("workday.started");
      expect((await member.delete(`/api/workdays/${id}/signup`)).status).toBe(409);
    } finally {
      Clock.set(now);
    }
  });

  it("attendance credits the hours once; reported hours count after approval", async () => {
    const id = await createDay({ title: "Afwassen", task: "cleaning", start: "2027-01-06T14:00:00+01:00", end: "2027-01-06T16:30:00+01:00" });
    await member.post(`/api/workdays/${id}/signup`);
    const me = (await member.get("/api/me")).body.person.id;
    expect((await coordinator.post(`/api/workdays/${id}/attendance`, { present: [me] })).status).toBe(409);
    Clock.set(Date.parse("2027-01-06T16:00:00Z"));
    try {
      const r1 = await coordinator.post(`/api/workdays/${id}/attendance`, { present: [me] });
      expect(r1.status).toBe(200);
      expect(r1.body.entries[0]).toMatchObject({ personID: me, present: true });
      await coordinator.post(`/api/workdays/${id}/attendance`, { present: [me] });
      const hours = await member.get("/api/me/hours");
      expect(hours.body).toMatchObject({ season: "2027", targetHours: 20, confirmedHours: 2.5, pendingHours: 0 });

      const reported = await member.post("/api/me/hours", { date: "2027-01-05", hours: 1.5, task: "tour", note: "Rondleiding basisschool" });
      expect(reported.status).toBe(201);
      expect((await member.get("/api/me/hours")).body).toMatchObject({ confirmedHours: 2.5, pendingHours: 1.5 });
      expect((await member.post("/api/me/hours", { date: "2027-01-05", hours: 0.3, task: "tour" })).status).toBe(400);
      expect((await member.post(`/api/hours/${reported.body.entry.id}/decision`, { decision: "approved" })).status).toBe(403);
      const pending = await coordinator.get("/api/hours/pending");
      expect(pending.body.entries.find((e: any) => e.id === reported.body.entry.id)).toMatchObject({ personName: "Jansen", householdName: "Jansen", hours: 1.5 });
      await coordinator.post(`/api/hours/${reported.body.entry.id}/decision`, { decision: "approved" });
      expect((await member.get("/api/me/hours")).body).toMatchObject({ confirmedHours: 4, pendingHours: 0 });

      const totals = await coordinator.get("/api/hours/totals?season=2027");
      expect(totals.body.households.find((h: any) => h.name === "Jansen").hours).toBe(4);
      expect(totals.body.tasks.find((t: any) => t.task === "tour").hours).toBe(1.5);
      const csv = await coordinator.get("/api/hours/totals.csv?season=2027");
      expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
      expect(csv.body).toContain('"Jansen";"4";"20"');
    } finally {
      Clock.set(now);
    }
  });

  it("the reminder job mails each confirmed person once, and the roster to coordinators the day before", async () => {
    const id = await createDay({ title: "Herinnering", start: "2027-01-07T13:00:00+01:00", end: "2027-01-07T15:00:00+01:00", capacity: 1 });
    await member.post(`/api/workdays/${id}/signup`);
    await other.post(`/api/workdays/${id}/signup`);
    await runJobs({ jobs, farmIDs: [farmID], now: new Date(now) });
    await runJobs({ jobs, farmIDs: [farmID], now: new Date(now + hour) });
    const reminders = (await outbox("jansen@example.nl")).filter((m) => m.subject.startsWith("Tot binnenkort: Herinnering"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toContain("13:00");
    expect((await outbox("visser@example.nl")).filter((m) => m.subject.includes("Tot binnenkort: Herinnering"))).toHaveLength(0);
    const rosters = (await outbox("coordinator@example.nl")).filter((m) => m.subject.includes("Rooster voor morgen: Herinnering"));
    expect(rosters).toHaveLength(1);
    expect(rosters[0]!.text).toContain("Jansen");
  });

  it("cancelling a work day mails everyone signed up", async () => {
    const id = await createDay({ title: "Afgelast" });
    await member.post(`/api/workdays/${id}/signup`);
    const res = await coordinator.post(`/api/workdays/${id}/cancel`);
    expect(res.body.workday.status).toBe("cancelled");
    expect((await outbox("jansen@example.nl"))[0]!.subject).toMatch(/^Gaat niet door: Afgelast/);
    expect((await coordinator.get(`/api/workdays/${id}/mailing`)).body).toEqual({ total: 1, sent: 1, done: true });
    expect((await other.post(`/api/workdays/${id}/signup`)).status).toBe(404);
  });

  it("the calendar link is valid iCalendar in Amsterdam time; renewing kills the old link", async () => {
    const winter = await createDay({ title: "Winterwerk", start: "2027-01-16T09:30:00+01:00", end: "2027-01-16T12:00:00+01:00" });
    const summer = await createDay({ title: "Zomerwerk", start: "2027-07-03T09:30:00+02:00", end: "2027-07-03T12:00:00+02:00" });
    await member.post(`/api/workdays/${winter}/signup`);
    await member.post(`/api/workdays/${summer}/signup`);
    const { url } = (await member.get("/api/me/calendar")).body;
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const path = new URL(url).pathname;
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    const events = cal.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const amsterdam = (t: ICAL.Time) =>
      new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", hour: "2-digit", minute: "2-digit" }).format(t.toJSDate());
    const w = events.find((e) => e.summary === "Winterwerk")!;
    const s = events.find((e) => e.summary === "Zomerwerk")!;
    expect(amsterdam(w.startDate)).toBe("09:30");
    expect(amsterdam(s.startDate)).toBe("09:30");
    expect(amsterdam(s.endDate)).toBe("12:00");
    expect(w.startDate.toJSDate().toISOString()).toBe("2027-01-16T08:30:00.000Z");
    expect(s.startDate.toJSDate().toISOString()).toBe("2027-07-03T07:30:00.000Z");

    const renewed = (await member.post("/api/me/calendar/renew")).body.url;
    expect(renewed).not.toBe(url);
    expect((await app.request(path)).status).toBe(404);
    expect((await app.request(new URL(renewed).pathname)).status).toBe(200);
    expect((await app.request("/api/calendar/nonsense.ics")).status).toBe(404);
  });

  it("a member cannot see another household's hours", async () => {
    const theirs = await other.get("/api/me/hours");
    expect(theirs.body.confirmedHours).toBe(0);
    expect(theirs.body.entries).toEqual([]);
  });
});

describe("raising a work day's capacity", () => {
  it("moves the waiting line up in order with their mails; a newcomer queues behind it", async () => {
    const id = await createDay({ title: "Verhoogd", capacity: 1 });
    expect((await member.post(`/api/workdays/${id}/signup`)).body.status).toBe("confirmed");
    expect((await other.post(`/api/workdays/${id}/signup`)).body.status).toBe("waitlisted");
    for (const m of members.slice(0, 3)) expect((await m.post(`/api/workdays/${id}/signup`)).body.status).toBe("waitlisted");

    const raised = await coordinator.patch(`/api/workdays/${id}`, { capacity: 3 });
    expect(raised.status).toBe(200);
    expect(raised.body.workday).toMatchObject({ capacity: 3, confirmed: 3, waitlisted: 2 });
    expect((await other.get(`/api/workdays/${id}`)).body.workday.mine).toBe("confirmed");
    expect((await members[0]!.get(`/api/workdays/${id}`)).body.workday.mine).toBe("confirmed");
    expect((await outbox("visser@example.nl"))[0]!.subject).toMatch(/^Je kunt meedoen: Verhoogd/);
    expect((await outbox("lid0@example.nl"))[0]!.subject).toMatch(/^Je kunt meedoen: Verhoogd/);
    expect((await members[1]!.get(`/api/workdays/${id}`)).body.workday).toMatchObject({ mine: "waitlisted", waitlistPlace: 1 });
    expect((await outbox("lid1@example.nl")).filter((m) => m.subject.includes("Verhoogd"))).toHaveLength(0);

    // one more place: the next in line gets it, not the newcomer
    await coordinator.patch(`/api/workdays/${id}`, { capacity: 4 });
    expect((await members[1]!.get(`/api/workdays/${id}`)).body.workday.mine).toBe("confirmed");
    expect((await members[3]!.post(`/api/workdays/${id}/signup`)).body.status).toBe("waitlisted");
    expect((await members[3]!.get(`/api/workdays/${id}`)).body.workday.waitlistPlace).toBe(2);
    await countsAgree(id);
    const events = (await useDB().entities.audit.query.bySubject({ farmID, subjectID: id }).go({ pages: "all" })).data;
    expect(events.filter((e) => e.action === "workday.updated").map((e) => e.data)).toEqual([
      { capacity: 3, promoted: 2 },
      { capacity: 4, promoted: 1 },
    ]);
  });

  it("a raise during simultaneous sign-ups confirms the first in line only", async () => {
    const id = await createDay({ title: "Gelijktijdig", capacity: 2 });
    for (const m of members.slice(0, 10)) await m.post(`/api/workdays/${id}/signup`);
    const [raised] = await Promise.all([
      coordinator.patch(`/api/workdays/${id}`, { capacity: 8 }),
      ...members.slice(10, 25).map((m) => m.post(`/api/workdays/${id}/signup`)),
    ]);
    expect(raised.status).toBe(200);
    const { w, s } = await countsAgree(id);
    expect(w.confirmed).toBe(8);
    expect(s).toHaveLength(25);
    const confirmed = s.filter((x) => x.status === "confirmed").map((x) => x.position).sort((a, b) => a - b);
    expect(confirmed).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (let i = 2; i < 8; i++) expect((await outbox(`lid${i}@example.nl`))[0]!.subject).toMatch(/^Je kunt meedoen: Gelijktijdig/);
  });

  it("a line longer than one transaction holds moves up whole, in parts", async () => {
    const id = await createDay({ title: "Lange rij", capacity: 1 });
    for (const m of members) await m.post(`/api/workdays/${id}/signup`);
    const raised = await coordinator.patch(`/api/workdays/${id}`, { capacity: 60, start: "2027-01-09T10:00:00+01:00", end: "2027-01-09T13:00:00+01:00" });
    expect(raised.status).toBe(200);
    expect(raised.body.workday).toMatchObject({ confirmed: 50, waitlisted: 0 });
    const { s } = await countsAgree(id);
    expect(s.every((x) => x.status === "confirmed" && x.start === "2027-01-09T09:00:00.000Z")).toBe(true);
    expect((await outbox("lid49@example.nl"))[0]!.subject).toMatch(/^Je kunt meedoen: Lange rij \(za 9 januari 10:00/);
  });
});

describe("deciding on reported hours", () => {
  let kees: Awaited<ReturnType<typeof login>>;
  let karin: Awaited<ReturnType<typeof login>>;
  let farmer: Awaited<ReturnType<typeof login>>;

  beforeAll(async () => {
    // a coordinator who is also a member, with a partner in the same household
    await withActor({ type: "system", farmID }, async () => {
      await Household.create({
        name: "Klaassen",
        adults: 2,
        children: 0,
        vegetarian: false,
        certificate: "full",
        status: "active",
        people: [
          { name: "Kees Klaassen", email: "kees@example.nl", locale: "nl" },
          { name: "Karin Klaassen", email: "karin@example.nl", locale: "nl" },
        ],
      });
      await Person.grantRole((await Person.byEmail("kees@example.nl"))!.id, "coordinator");
    });
    await makePerson(farmID, { name: "Boer Bart", email: "bart@example.nl", roles: ["farmer"] });
    kees = await login(app, "kees@example.nl", "10.7.1.1");
    karin = await login(app, "karin@example.nl", "10.7.1.2");
    farmer = await login(app, "bart@example.nl", "10.7.1.3");
  });

  const report = async (who: Awaited<ReturnType<typeof login>>, hours: number) => {
    const res = await who.post("/api/me/hours", { date: "2027-01-05", hours, task: "workshop" });
    expect(res.status).toBe(201);
    return res.body.entry.id as string;
  };
  const stored = async (entryID: string) =>
    (await useDB().entities.hours.query.bySeason({ farmID, season: "2027" }).go({ pages: "all" })).data.find((e) => e.entryID === entryID)!;
  const events = async (entryID: string) =>
    (await useDB().entities.audit.query.bySubject({ farmID, subjectID: entryID }).go({ pages: "all" })).data.sort((a, b) =>
      a.eventID.localeCompare(b.eventID),
    );

  it("nobody decides on their own hours nor on their household's; another coordinator does", async () => {
    const own = await report(kees, 3);
    const partner = await report(karin, 2);
    const pending = (await kees.get("/api/hours/pending")).body.entries;
    expect(pending.filter((e: any) => e.own).map((e: any) => e.id).sort()).toEqual([own, partner].sort());
    for (const id of [own, partner])
      for (const decision of ["approved", "declined"]) {
        const res = await kees.post(`/api/hours/${id}/decision`, { decision });
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe("hours.own");
      }
    expect((await stored(own)).status).toBe("pending");
    expect(await events(own)).toEqual([]);
    // the others see them as anyone's
    expect((await coordinator.get("/api/hours/pending")).body.entries.find((e: any) => e.id === own).own).toBe(false);
    expect((await coordinator.post(`/api/hours/${own}/decision`, { decision: "approved" })).status).toBe(200);
    expect((await farmer.post(`/api/hours/${partner}/decision`, { decision: "declined" })).status).toBe(200);
    expect((await karin.get("/api/me/hours")).body).toMatchObject({ confirmedHours: 3, pendingHours: 0 });
    // and the coordinator decides on other households' hours as before
    const theirs = await report(other, 1);
    expect((await kees.get("/api/hours/pending")).body.entries.find((e: any) => e.id === theirs).own).toBe(false);
    expect((await kees.post(`/api/hours/${theirs}/decision`, { decision: "approved" })).status).toBe(200);
  });

  it("a changed decision is a new one: kept in the entry's history, each with its audit event", async () => {
    const id = await report(other, 2.5);
    expect((await coordinator.post(`/api/hours/${id}/decision`, { decision: "approved" })).status).toBe(200);
    const changed = await kees.post(`/api/hours/${id}/decision`, { decision: "declined" });
    expect(changed.status).toBe(200);
    expect(changed.body.entry.status).toBe("declined");
    // the same decision again is no new decision
    expect((await kees.post(`/api/hours/${id}/decision`, { decision: "declined" })).status).toBe(200);
    const entry = await stored(id);
    const sara = (await coordinator.get("/api/me")).body.person.id;
    const keesID = (await kees.get("/api/me")).body.person.id;
    expect(entry.decisions!.map((d) => [d.status, d.by])).toEqual([
      ["approved", sara],
      ["declined", keesID],
    ]);
    const log = await events(id);
    expect(log.map((e) => [e.action, e.actorID, e.data])).toEqual([
      ["hours.approved", sara, { hours: 2.5, householdID: entry.householdID }],
      ["hours.declined", keesID, { hours: 2.5, householdID: entry.householdID, replaces: "approved", decidedBy: sara }],
    ]);
  });

  it("simultaneous decisions: each one that counts is in the history and the log, the last one stands", async () => {
    for (let round = 0; round < 5; round++) {
      const id = await report(other, 1);
      const answers = await Promise.all([
        coordinator.post(`/api/hours/${id}/decision`, { decision: "approved" }),
        farmer.post(`/api/hours/${id}/decision`, { decision: "declined" }),
        kees.post(`/api/hours/${id}/decision`, { decision: round % 2 ? "approved" : "declined" }),
      ]);
      for (const a of answers) expect([200, 409]).toContain(a.status);
      const entry = await stored(id);
      const log = await events(id);
      expect(log).toHaveLength(entry.decisions!.length);
      expect(entry.decisions!.at(-1)!.status).toBe(entry.status);
      expect(log.map((e) => e.action)).toEqual(entry.decisions!.map((d) => `hours.${d.status}`));
    }
  });
});
