import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Clock } from "@akker/core/clock";
import { useDB } from "@akker/core/entities";
import { Mail } from "@akker/core/mail/mail";
import { Mailing } from "@akker/core/mail/mailing";
import { weekLabel } from "@akker/core/week";
import { createApp } from "../../functions/src/api/app";
import { runJobs } from "../../functions/src/jobs/tick";
import { jobs } from "../../functions/src/jobs/registry";
import { login, makeHousehold, makePerson, freshFarmApp } from "./helpers";

/*
 * Mail that tells of a change is kept in the change's own transaction
 * (pendingMail) and handed over after it: a change never commits without
 * its mail. Here the transport fails at that moment, as when the process
 * dies or the mail service is down: the change holds, the mail waits, and
 * the mail job sends it, once.
 */

let app: ReturnType<typeof createApp>;
let farmID: string;
const now = Date.parse("2027-01-06T09:00:00Z");

const failing = async () => {
  throw new Error("mail service unreachable");
};

/** The mails about a work day an address got (not its login codes). */
async function outbox(email: string, title: string) {
  const { messages } = (await (await app.request(`/api/dev/outbox?to=${email}`)).json()) as { messages: { subject: string }[] };
  return messages.filter((m) => m.subject.includes(title));
}
const kept = async () => (await useDB().entities.pendingMail.query.byID({ farmID }).go({ pages: "all", consistent: true })).data;
const mailJob = (at: number) => runJobs({ jobs: jobs.filter((j) => j.name === "mail"), farmIDs: [farmID], now: new Date(at) });

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(now));
});

afterAll(() => {
  Clock.set(undefined);
  Mail.setTransport(Mail.outboxTransport);
});

/** A work day with one place: the first household has it, the second waits. */
async function dayWithOnePlace(title: string, n: number) {
  await makePerson(farmID, { name: `Klus ${n}`, email: `coordinator${n}@example.nl`, roles: ["coordinator"] });
  const coordinator = await login(app, `coordinator${n}@example.nl`, `10.9.${n}.1`);
  const [first, second] = await Promise.all(
    [`eerste${n}@example.nl`, `tweede${n}@example.nl`].map(async (email, i) => {
      await makeHousehold(farmID, { name: `Huishouden ${n}.${i}`, email });
      return { email, client: await login(app, email, `10.9.${n}.${i + 2}`) };
    }),
  );
  const day = await coordinator.post("/api/workdays", {
    title,
    task: "harvest",
    start: "2027-01-09T09:00:00+01:00",
    end: "2027-01-09T12:00:00+01:00",
    capacity: 1,
  });
  const id = day.body.workday.id as string;
  expect((await first!.client.post(`/api/workdays/${id}/signup`)).body.status).toBe("confirmed");
  expect((await second!.client.post(`/api/workdays/${id}/signup`)).body.status).toBe("waitlisted");
  return { id, coordinator, first: first!, second: second! };
}

describe("mail kept with its change", () => {
  it("a promotion from the waiting list whose mail cannot be handed over is still made, and the mail job sends its mail once", async () => {
    const { id, first, second } = await dayWithOnePlace("Oogsten", 1);

    // the mail service is away when the first gives up the place
    Mail.setTransport(failing);
    const cancel = await first.client.delete(`/api/workdays/${id}/signup`);
    Mail.setTransport(Mail.outboxTransport);
    expect(cancel.status).toBeLessThan(300);
    // the change holds: the second has the place
    const mine = await second.client.get("/api/workdays/mine");
    expect(JSON.stringify(mine.body)).toContain('"confirmed"');
    // and its mail waits
    expect(await outbox(second.email, "Oogsten")).toEqual([]);
    expect((await kept()).map((m) => m.to)).toEqual([second.email]);

    // a job run while the request may still be handing it over leaves it alone
    await mailJob(now + 30_000);
    expect(await outbox(second.email, "Oogsten")).toEqual([]);
    // after that, the job sends it, and only once
    const results = await mailJob(now + Mail.keptMs + 1000);
    expect(results.every((r) => r.ok)).toBe(true);
    await mailJob(now + Mail.keptMs + 60_000);
    const mails = await outbox(second.email, "Oogsten");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/Oogsten/);
    expect(await kept()).toEqual([]);
  });

  it("with the transport working, a kept mail is handed over at once and nothing stays kept", async () => {
    const { id, first, second } = await dayWithOnePlace("Snoeien", 2);
    await first.client.delete(`/api/workdays/${id}/signup`);
    expect((await outbox(second.email, "Snoeien")).map((m) => m.subject)).toEqual([expect.stringMatching(/Snoeien/)]);
    expect(await kept()).toEqual([]);
  });

  it("a reminder and a cancelled work day whose mails cannot be handed over go out with the mail job", async () => {
    const { id, coordinator, first, second } = await dayWithOnePlace("Wieden", 3);
    const remindersJob = jobs.filter((j) => j.name === "workday-reminders");
    // 47 hours before the start the confirmed one is reminded, while the mail service is away
    const remindAt = Date.parse("2027-01-07T09:00:00Z");
    Mail.setTransport(failing);
    const reminded = await runJobs({ jobs: remindersJob, farmIDs: [farmID], now: new Date(remindAt) });
    const cancel = await coordinator.post(`/api/workdays/${id}/cancel`);
    await Mailing.settled();
    Mail.setTransport(Mail.outboxTransport);
    expect(reminded.every((r) => r.ok)).toBe(true);
    expect(cancel.status).toBe(200);
    expect(await outbox(first.email, "Wieden")).toEqual([]);
    // (the days of the tests before start at the same time: their reminders are kept too)
    const keptHere = (await kept()).filter((m) => m.subject.includes("Wieden"));
    expect(keptHere.map((m) => m.to).sort()).toEqual([first.email, first.email, second.email].sort());
    // the reminder was claimed with its mail: a second run does not make another
    await runJobs({ jobs: remindersJob, farmIDs: [farmID], now: new Date(remindAt + 60_000) });
    await mailJob(remindAt + Mail.keptMs + 1000);
    expect((await outbox(first.email, "Wieden")).length).toBe(2);
    expect((await outbox(second.email, "Wieden")).length).toBe(1);
    expect(await kept()).toEqual([]);
  });

  it("a harvest publish that died halfway through its mails: the mail job mails the rest, and nobody twice", async () => {
    await makePerson(farmID, { name: "Jan Boer", email: "boer@example.nl", roles: ["farmer"] });
    const farmer = await login(app, "boer@example.nl", "10.9.4.1");
    const week = "2027-W02";
    expect((await farmer.put(`/api/harvests/${week}`, { items: [{ crop: "prei", unit: "kg", quantity: 40 }] })).status).toBe(200);
    expect((await farmer.post(`/api/harvests/${week}/publish`)).status).toBe(200);
    await Mailing.settled();
    const subject = `Je oogst van ${weekLabel(week, "nl")}`;
    const shares = (await useDB().entities.harvestShare.query.byWeek({ farmID, week }).go({ pages: "all" })).data;
    expect(shares.length).toBeGreaterThan(3);
    const mailed = async (householdEmails: string[]) =>
      Promise.all(householdEmails.map(async (e) => (await outbox(e, subject)).length));
    // as if the publish had died after the first two households: the rest unmarked, unmailed
    const people = await Promise.all(shares.map(async (sh) => (await useDB().entities.person.query.byHousehold({ farmID, householdID: sh.householdID }).go()).data));
    const emails = people.map((p) => p[0]!.email);
    for (const sh of shares.slice(2)) await useDB().entities.harvestShare.patch({ farmID, week, householdID: sh.householdID }).remove(["mailedVersion"]).go();
    await useDB().entities.harvestWeek.patch({ farmID, week }).remove(["mailedVersion"]).go();
    for (const e of emails.slice(2)) await useDB().entities.outbox.delete(((await useDB().entities.outbox.query.byRecipient({ farmID, to: e }).go()).data.filter((m) => m.subject === subject)).map((m) => ({ farmID, messageID: m.messageID }))).go();
    expect(await mailed(emails)).toEqual([1, 1, ...emails.slice(2).map(() => 0)]);

    // not while the publish may still be at it; then the rest, once
    const job = (at: number) => runJobs({ jobs: jobs.filter((j) => j.name === "harvest-mail"), farmIDs: [farmID], now: new Date(at) });
    const publishedAt = Date.parse((await useDB().entities.harvestWeek.get({ farmID, week }).go()).data!.publishedAt!);
    await job(publishedAt + 30_000);
    expect(await mailed(emails)).toEqual([1, 1, ...emails.slice(2).map(() => 0)]);
    expect((await job(publishedAt + Mail.keptMs + 1000)).every((r) => r.ok)).toBe(true);
    await job(publishedAt + Mail.keptMs + 60_000);
    expect(await mailed(emails)).toEqual(emails.map(() => 1));
    expect((await useDB().entities.harvestWeek.get({ farmID, week }).go()).data!.mailedVersion).toBe(1);
  });
});
