import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { useDB } from "@akker/core/entities";
import { Household } from "@akker/core/household/household";
import { Mailing } from "@akker/core/mail/mailing";
import { mailPoll, mailUnsentPolls } from "@akker/core/poll/mail";
import { createApp } from "../../functions/src/api/app";
import { freshFarmApp, login, makeHousehold, makePerson } from "./helpers";

/*
 * Open polls (issue 16): the board and the farmer ask, each member household
 * answers once and may change its answer until the poll closes; members see
 * the counts and the comments without names, the board and the farmer what
 * each household answered.
 */

let app: ReturnType<typeof createApp>;
let farmID: string;
const c = {} as Record<"board" | "farmer" | "jansen" | "jansen2" | "visser" | "former" | "treasurer", Awaited<ReturnType<typeof login>>>;
const start = Date.parse("2027-01-11T10:00:00Z");

const teeltenquete = {
  kind: "rating",
  title: "Teeltenquête 2027",
  description: "Hoe vond u de gewassen van dit jaar?",
  options: [{ label: "Prei" }, { label: "Pastinaak" }, { label: "Boerenkool" }],
};

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(start));
  // Jansen has two people: they answer for one household
  const jansen = await withActor({ type: "system", farmID }, () =>
    Household.create({
      name: "Jansen",
      adults: 2,
      children: 0,
      vegetarian: false,
      certificate: "full",
      status: "active",
      people: [{ name: "Anna Jansen", email: "anna@example.nl", locale: "nl" }, { name: "Bert Jansen", email: "bert@example.nl", locale: "nl" }],
    }),
  );
  await makeHousehold(farmID, { name: "Visser", email: "visser@example.nl" });
  await makeHousehold(farmID, { name: "Bestuur", email: "bestuur@example.nl", roles: ["board"] });
  await makeHousehold(farmID, { name: "Penning", email: "penning@example.nl", roles: ["treasurer"] });
  const { household: left } = await makeHousehold(farmID, { name: "Weg", email: "weg@example.nl" });
  await withActor({ type: "system", farmID }, () => Household.update({ id: left.id, changes: { status: "left" } }));
  await makePerson(farmID, { name: "Boer", email: "boer@example.nl", roles: ["farmer"] });
  const who = { board: "bestuur", farmer: "boer", jansen: "anna", jansen2: "bert", visser: "visser", former: "weg", treasurer: "penning" } as const;
  let n = 0;
  for (const [key, local] of Object.entries(who)) c[key as keyof typeof c] = await login(app, `${local}@example.nl`, `10.16.0.${++n}`);
  expect(jansen.name).toBe("Jansen");
});

afterAll(() => Clock.set(undefined));

async function answerCount(pollID: string) {
  return (await useDB().entities.pollAnswer.query.byPoll({ farmID, pollID }).go({ pages: "all" })).data.length;
}

describe("a rating poll: the teeltenquête", () => {
  let id: string;

  it("the farmer starts it; a member may not", async () => {
    expect((await c.jansen.post("/api/polls", teeltenquete)).status).toBe(403);
    const res = await c.farmer.post("/api/polls", teeltenquete);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id = res.body.poll.id;
    expect(res.body.poll).toMatchObject({ kind: "rating", status: "open", mine: null, options: [{ id: "o1", label: "Prei" }, { id: "o2" }, { id: "o3" }] });
    expect((await c.visser.get("/api/polls")).body.polls.map((p: { id: string }) => p.id)).toEqual([id]);
  });

  it("one answer per household: the second person of a household changes it, never adds one", async () => {
    const first = await c.jansen.put(`/api/polls/${id}/answer`, { ratings: [{ option: "o1", stars: 2 }], comment: "Minder prei" });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.poll.mine).toMatchObject({ ratings: [{ option: "o1", stars: 2 }], comment: "Minder prei" });
    const second = await c.jansen2.put(`/api/polls/${id}/answer`, { ratings: [{ option: "o1", stars: 5 }, { option: "o2", stars: 3 }], comment: "Meer prei!" });
    expect(second.body.poll.mine.ratings).toEqual([{ option: "o1", stars: 5 }, { option: "o2", stars: 3 }]);
    // many at once, still one
    await Promise.all([1, 2, 3, 4, 5].map((stars) => c.visser.put(`/api/polls/${id}/answer`, { ratings: [{ option: "o1", stars }] })));
    expect(await answerCount(id)).toBe(2);
  });

  it("members see the counts and the comments without names; the board and the farmer see each household's answer", async () => {
    await c.visser.put(`/api/polls/${id}/answer`, { ratings: [{ option: "o1", stars: 4 }, { option: "o3", stars: 1 }], comment: "Boerenkool nee" });
    const results = await c.visser.get(`/api/polls/${id}/results`);
    expect(results.status).toBe(200);
    expect(results.body.answered).toBe(2);
    expect(results.body.options[0]).toMatchObject({ label: "Prei", count: 2, average: 4.5, distribution: [0, 0, 0, 1, 1] });
    expect(results.body.options[2]).toMatchObject({ label: "Boerenkool", count: 1, average: 1 });
    expect(results.body.comments.sort()).toEqual(["Boerenkool nee", "Meer prei!"]);
    expect(JSON.stringify(results.body)).not.toMatch(/Jansen|Visser|hh_/);

    expect((await c.visser.get(`/api/polls/${id}/answers`)).status).toBe(403);
    const answers = await c.farmer.get(`/api/polls/${id}/answers`);
    expect(answers.body.answers.map((a: { name: string; comment: string }) => [a.name, a.comment])).toEqual([
      ["Jansen", "Meer prei!"],
      ["Visser", "Boerenkool nee"],
    ]);
    expect((await c.board.get(`/api/polls/${id}/answers`)).status).toBe(200);
  });

  it("an answer that does not fit the poll is refused and changes nothing", async () => {
    const before = (await c.visser.get(`/api/polls/${id}`)).body.poll.mine;
    for (const body of [
      { choice: "o1" },
      { ratings: [] },
      { ratings: [{ option: "o9", stars: 3 }] },
      { ratings: [{ option: "o1", stars: 3 }, { option: "o1", stars: 4 }] },
      { ratings: [{ option: "o1", stars: 6 }] },
      { dates: [{ option: "o1", answer: "yes" }] },
    ]) {
      const res = await c.visser.put(`/api/polls/${id}/answer`, body);
      expect([res.status, res.body.error.code], JSON.stringify(body)).toEqual([400, "input.invalid"]);
    }
    expect((await c.visser.get(`/api/polls/${id}`)).body.poll.mine).toEqual(before);
  });

  it("who answers: member households only; staff without a household and former members do not", async () => {
    expect((await c.farmer.put(`/api/polls/${id}/answer`, { ratings: [{ option: "o1", stars: 3 }] })).status).toBe(403);
    expect((await c.former.put(`/api/polls/${id}/answer`, { ratings: [{ option: "o1", stars: 3 }] })).status).toBe(403);
    expect((await c.former.get("/api/polls")).status).toBe(403);
    expect((await c.farmer.get("/api/polls")).status).toBe(200);
    // the treasurer's household answers as any member household
    expect((await c.treasurer.put(`/api/polls/${id}/answer`, { ratings: [{ option: "o2", stars: 4 }] })).status).toBe(200);
    expect((await c.treasurer.post(`/api/polls/${id}/close`)).status).toBe(403);
  });

  it("closed: answers are neither given nor changed, the results stay", async () => {
    const closing = c.board.post(`/api/polls/${id}/close`);
    // the household's own answer again: in before the close or refused, the results are the same, so they can be checked
    const racing = c.jansen.put(`/api/polls/${id}/answer`, { ratings: [{ option: "o1", stars: 5 }, { option: "o2", stars: 3 }], comment: "Meer prei!" });
    const [closed, raced] = await Promise.all([closing, racing]);
    expect(closed.status).toBe(200);
    expect(closed.body.poll.status).toBe("closed");
    expect([200, 409]).toContain(raced.status);
    const res = await c.visser.put(`/api/polls/${id}/answer`, { ratings: [{ option: "o1", stars: 1 }] });
    expect([res.status, res.body.error.code]).toEqual([409, "poll.closed"]);
    expect((await c.board.post(`/api/polls/${id}/close`)).status).toBe(409);
    const results = await c.visser.get(`/api/polls/${id}/results`);
    expect(results.body.options[0].average).toBe(4.5);
    expect(results.body.answered).toBe(3);
  });
});

describe("dates and one choice", () => {
  it("dates: yes / maybe / no per day, counted per day", async () => {
    const res = await c.board.post("/api/polls", {
      kind: "dates",
      title: "Oogstfeest",
      options: [{ date: "2027-09-18", label: "middag" }, { date: "2027-09-25", label: "" }],
      closesAt: "2027-01-12T12:00:00+01:00",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.poll.id;
    expect(res.body.poll.closesAt).toBe("2027-01-12T11:00:00.000Z");
    await c.jansen.put(`/api/polls/${id}/answer`, { dates: [{ option: "o1", answer: "yes" }, { option: "o2", answer: "maybe" }] });
    await c.visser.put(`/api/polls/${id}/answer`, { dates: [{ option: "o1", answer: "no" }, { option: "o2", answer: "yes" }] });
    const results = await c.jansen.get(`/api/polls/${id}/results`);
    expect(results.body.options.map((o: { count: number; maybe: number; no: number }) => [o.count, o.maybe, o.no])).toEqual([[1, 0, 1], [1, 1, 0]]);
    // past its closing time, closed without anyone closing it
    Clock.set(Date.parse("2027-01-12T11:00:00Z"));
    try {
      const late = await c.visser.put(`/api/polls/${id}/answer`, { dates: [{ option: "o1", answer: "yes" }] });
      expect([late.status, late.body.error.code]).toEqual([409, "poll.closed"]);
      expect((await c.visser.get(`/api/polls/${id}`)).body.poll.status).toBe("closed");
    } finally {
      Clock.set(start);
    }
  });

  it("a dates poll needs a date per option, a choice two options, a closing time to come", async () => {
    for (const body of [
      { kind: "dates", title: "X", options: [{ label: "zaterdag" }] },
      { kind: "choice", title: "X", options: [{ label: "Ja" }] },
      { kind: "choice", title: "X", options: [{ label: "Ja" }, { label: "Nee" }], closesAt: "2027-01-01T00:00:00Z" },
    ]) {
      const res = await c.board.post("/api/polls", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it("choice: one option per household", async () => {
    const res = await c.farmer.post("/api/polls", { kind: "choice", title: "Kerstpakket", options: [{ label: "Pompoen" }, { label: "Spruiten" }] });
    const id = res.body.poll.id;
    await c.jansen.put(`/api/polls/${id}/answer`, { choice: "o1" });
    await c.jansen2.put(`/api/polls/${id}/answer`, { choice: "o2" });
    await c.visser.put(`/api/polls/${id}/answer`, { choice: "o2" });
    const results = await c.visser.get(`/api/polls/${id}/results`);
    expect(results.body.options.map((o: { count: number }) => o.count)).toEqual([0, 2]);
    expect((await c.jansen.get(`/api/polls/${id}`)).body.poll.mine.choice).toBe("o2");
  });
});

describe("a draft, changed until the first answer, and its opening mail", () => {
  const mailsAbout = async (email: string, title: string) => {
    await Mailing.settled();
    const { messages } = (await (await app.request(`/api/dev/outbox?to=${email}`)).json()) as { messages: { subject: string; text: string }[] };
    return messages.filter((m) => m.subject.includes(title));
  };

  it("a draft is the staff's: members neither see nor answer it; it changes until the first answer", async () => {
    const res = await c.board.post("/api/polls", { kind: "choice", title: "Oogstfeest", options: [{ label: "Zaterdag" }, { label: "Zondag" }], draft: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.poll.id as string;
    expect(res.body.poll).toMatchObject({ status: "draft", editable: true, mail: false });
    expect((await c.visser.get("/api/polls")).body.polls.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await c.farmer.get("/api/polls")).body.polls[0].id).toBe(id);
    expect((await c.visser.get(`/api/polls/${id}`)).status).toBe(404);
    expect((await c.visser.put(`/api/polls/${id}/answer`, { choice: "o1" })).status).toBe(404);
    expect((await c.visser.patch(`/api/polls/${id}`, { title: "Van mij" })).status).toBe(403);

    // bad changes change nothing
    for (const body of [{}, { title: "" }, { options: [{ label: "Alleen zaterdag" }] }, { closesAt: "2027-01-01T00:00:00Z" }]) {
      const bad = await c.board.patch(`/api/polls/${id}`, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    const changed = await c.farmer.patch(`/api/polls/${id}`, {
      title: "Oogstfeest 2027",
      description: "Welke dag komt u?",
      options: [{ label: "Vrijdag" }, { label: "Zaterdag" }, { label: "Zondag" }],
      closesAt: "2027-02-01T12:00:00+01:00",
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.poll).toMatchObject({ title: "Oogstfeest 2027", description: "Welke dag komt u?", closesAt: "2027-02-01T11:00:00.000Z", status: "draft" });
    expect(changed.body.poll.options.map((o: { id: string; label: string }) => [o.id, o.label])).toEqual([["o1", "Vrijdag"], ["o2", "Zaterdag"], ["o3", "Zondag"]]);
    expect((await c.board.patch(`/api/polls/${id}`, { closesAt: null })).body.poll.closesAt).toBeNull();

    const opened = await c.farmer.post(`/api/polls/${id}/open`, {});
    expect([opened.status, opened.body.poll.status, opened.body.poll.editable]).toEqual([200, "open", true]);
    expect((await c.board.post(`/api/polls/${id}/open`, {})).body.error.code).toBe("poll.not_draft");
    // open, nobody answered yet: still to change
    expect((await c.board.patch(`/api/polls/${id}`, { title: "Oogstfeest!" })).status).toBe(200);
    expect((await c.visser.put(`/api/polls/${id}/answer`, { choice: "o3" })).status).toBe(200);
    const late = await c.board.patch(`/api/polls/${id}`, { title: "Toch anders" });
    expect([late.status, late.body.error.code]).toEqual([409, "poll.answered"]);
    expect((await c.board.get(`/api/polls/${id}`)).body.poll).toMatchObject({ title: "Oogstfeest!", editable: false });
    // members never get to change it
    expect((await c.visser.get(`/api/polls/${id}`)).body.poll.editable).toBe(false);
  });

  it("an edit racing the first answer: never both, and an answer always fits the options it is stored under", async () => {
    for (let round = 0; round < 6; round++) {
      const id = (await c.board.post("/api/polls", { kind: "choice", title: `Race ${round}`, options: [{ label: "A" }, { label: "B" }, { label: "C" }] })).body.poll.id as string;
      const [edit, answer] = await Promise.all([
        c.board.patch(`/api/polls/${id}`, { options: [{ label: "P" }, { label: "Q" }] }),
        c.jansen.put(`/api/polls/${id}/answer`, { choice: "o3" }),
      ]);
      expect([edit.status, answer.status].filter((s) => s === 200), `round ${round}: ${edit.status} ${answer.status}`).toHaveLength(1);
      if (edit.status === 200) expect([answer.status, answer.body.error.code]).toEqual([400, "input.invalid"]);
      else expect([edit.status, edit.body.error.code]).toEqual([409, "poll.answered"]);
      const poll = (await c.board.get(`/api/polls/${id}`)).body.poll;
      const answers = (await useDB().entities.pollAnswer.query.byPoll({ farmID, pollID: id }).go()).data;
      for (const a of answers) for (const option of Object.keys(a.values)) expect(poll.options.map((o: { id: string }) => o.id)).toContain(option);
    }
  });

  it("opening mails the members once, not those who turned news mail off; a draft mails when opened", async () => {
    const visser = (await useDB().entities.person.query.byEmail({ farmID, email: "visser@example.nl" }).go()).data[0]!;
    await useDB().entities.person.patch({ farmID, personID: visser.personID }).set({ newsOff: true }).go();
    try {
      const res = await c.farmer.post("/api/polls", { ...teeltenquete, title: "Teeltenquête mail", mail: true, closesAt: "2027-02-14T22:00:00Z" });
      expect(res.body.poll.mail).toBe(true);
      const id = res.body.poll.id as string;
      for (const email of ["anna@example.nl", "bert@example.nl", "bestuur@example.nl"]) {
        const mails = await mailsAbout(email, "Teeltenquête mail");
        expect(mails, email).toHaveLength(1);
        expect(mails[0]!.text).toContain(`/polls/${id}`);
        expect(mails[0]!.text).toContain("(tot 14 februari 2027)");
        expect(mails[0]!.text).toContain("Hoe vond u de gewassen van dit jaar?");
      }
      // turned news mail off, left the farm, or no household: no mail
      for (const email of ["visser@example.nl", "weg@example.nl", "boer@example.nl"]) expect(await mailsAbout(email, "Teeltenquête mail"), email).toHaveLength(0);
      // the run again, twice at once (the tick, a second worker): nobody twice
      await withActor({ type: "system", farmID }, () => Promise.all([mailPoll(id), mailPoll(id), mailUnsentPolls()]));
      expect(await mailsAbout("anna@example.nl", "Teeltenquête mail")).toHaveLength(1);
      expect((await useDB().entities.poll.get({ farmID, pollID: id }).go()).data?.mailDone).toBe(true);

      const draft = (await c.board.post("/api/polls", { kind: "choice", title: "Concept met mail", options: [{ label: "Ja" }, { label: "Nee" }], draft: true, mail: true })).body.poll;
      expect(await mailsAbout("anna@example.nl", "Concept met mail")).toHaveLength(0);
      await withActor({ type: "system", farmID }, () => mailUnsentPolls());
      expect(await mailsAbout("anna@example.nl", "Concept met mail")).toHaveLength(0);
      expect((await c.board.post(`/api/polls/${draft.id}/open`, { mail: true })).status).toBe(200);
      expect(await mailsAbout("anna@example.nl", "Concept met mail")).toHaveLength(1);
      // opened without mail: none
      const quiet = (await c.board.post("/api/polls", { kind: "choice", title: "Stil concept", options: [{ label: "Ja" }, { label: "Nee" }], draft: true })).body.poll;
      expect((await c.board.post(`/api/polls/${quiet.id}/open`, { mail: false })).status).toBe(200);
      expect(await mailsAbout("anna@example.nl", "Stil concept")).toHaveLength(0);
    } finally {
      await useDB().entities.person.patch({ farmID, personID: visser.personID }).set({ newsOff: false }).go();
    }
  });
  it("an opening mail a crash left half sent is finished by the tick, nobody mailed twice", async () => {
    const res = await c.board.post("/api/polls", { kind: "choice", title: "Halve mail", options: [{ label: "Ja" }, { label: "Nee" }], draft: true });
    const pollID = res.body.poll.id as string;
    // as if the opening committed, anna's mail went out with her mark, and the run then died
    await useDB().entities.poll.patch({ farmID, pollID }).set({ status: "open", mail: true }).go();
    const anna = (await useDB().entities.person.query.byEmail({ farmID, email: "anna@example.nl" }).go()).data[0]!;
    await useDB().entities.pollMail.create({ farmID, pollID, personID: anna.personID }).go();
    await withActor({ type: "system", farmID }, () => mailUnsentPolls());
    expect(await mailsAbout("anna@example.nl", "Halve mail")).toHaveLength(0);
    for (const email of ["bert@example.nl", "visser@example.nl", "bestuur@example.nl"]) expect(await mailsAbout(email, "Halve mail"), email).toHaveLength(1);
    expect((await useDB().entities.poll.get({ farmID, pollID }).go()).data?.mailDone).toBe(true);
    await withActor({ type: "system", farmID }, () => mailUnsentPolls());
    expect(await mailsAbout("bert@example.nl", "Halve mail")).toHaveLength(1);
  });
});
