import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { createApp } from "../../functions/src/api/app";
import { runJobs } from "../../functions/src/jobs/tick";
import { jobs } from "../../functions/src/jobs/registry";
import { Mailing } from "@akker/core/mail/mailing";
import { Session } from "@akker/core/auth/session";
import { Clock } from "@akker/core/clock";
import { useDynamo } from "@akker/core/dynamo";
import { useDB } from "@akker/core/entities";
import { Household } from "@akker/core/household/household";
import { login, makeHousehold, freshFarmApp } from "./helpers";

let app: ReturnType<typeof createApp>;
let farmID: string;
let board: Awaited<ReturnType<typeof login>>;
const voters: { name: string; client: Awaited<ReturnType<typeof login>>; householdID: string; personID: string }[] = [];
const now = Date.parse("2027-03-01T09:00:00Z");
const hour = 3600_000;
const iso = (t: number) => new Date(t).toISOString();

async function outbox(email: string) {
  // an opening or a close mails after its answer
  await Mailing.settled();
  return ((await (await app.request(`/api/dev/outbox?to=${email}`)).json()) as any).messages as { subject: string; text: string }[];
}

async function newElection(body: Record<string, unknown>) {
  const res = await board.post("/api/elections", { opensAt: iso(now + hour), closesAt: iso(now + 7 * 24 * hour), ...body });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.election.id as string;
}

const boardElection = {
  title: "Bestuursverkiezing 2027",
  kind: "board",
  seats: 2,
  candidates: [
    { name: "Anne de Vries", statement: "Ik wil de boerderij <b>financieel</b> gezond houden." },
    { name: "Bram Jansen", statement: "Meer meewerkdagen voor gezinnen." },
    { name: "Cor Visser", statement: "" },
  ],
};

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(now));
  await makeHousehold(farmID, { name: "Bestuur", email: "bestuur@example.nl", roles: ["board"] });
  board = await login(app, "bestuur@example.nl", "10.6.0.1");
  for (const name of ["Akkerman", "Bos", "Claassen", "Dekker", "Evers", "Fransen"]) {
    const email = `${name.toLowerCase()}@example.nl`;
    const { household, person } = await makeHousehold(farmID, { name, email });
    voters.push({ name, client: await login(app, email, `10.6.1.${voters.length}`), householdID: household.id, personID: person.id });
  }
});

afterAll(() => Clock.set(undefined));

const v = (name: string) => voters.find((x) => x.name === name)!;

describe("elections", () => {
  let id: string;

  it("a draft is the board's; opening freezes the roll and mails the members", async () => {
    id = await newElection(boardElection);
    expect((await v("Bos").client.get(`/api/elections/${id}`)).status).toBe(404);
    expect((await v("Bos").client.post(`/api/elections/${id}/open`)).status).toBe(403);
    const edited = await board.patch(`/api/elections/${id}`, { seats: 1 });
    expect(edited.body.election.seats).toBe(1);
    await board.patch(`/api/elections/${id}`, { seats: 2 });
    const opened = await board.post(`/api/elections/${id}/open`);
    expect(opened.body.election).toMatchObject({ status: "open", turnout: { eligible: 7, voted: 0, byProxy: 0 } });
    // answered from the roll it wrote, as the vote reads back
    expect(opened.body.election).toEqual((await board.get(`/api/elections/${id}`)).body.election);
    expect((await board.patch(`/api/elections/${id}`, { seats: 1 })).status).toBe(409);
    expect((await outbox("bos@example.nl"))[0]!.subject).toBe("Stemmen geopend: Bestuursverkiezing 2027");
    expect((await board.get(`/api/elections/${id}/mailing`)).body).toEqual({ total: 7, sent: 7, done: true });
    const seen = await v("Bos").client.get(`/api/elections/${id}`);
    expect(seen.body.election.me).toEqual({ eligible: true, joinedAfterOpening: false, voted: false, canVoteFor: [], proxyTo: null });
    expect(seen.body.election.candidates[0]).toMatchObject({ id: "c1", name: "Anne de Vries" });
  });

  it("100 simultaneous ballots from one household store exactly one", async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, () => v("Akkerman").client.post(`/api/elections/${id}/ballots`, { choices: ["c2"] })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.every((r) => r.status === 409 && r.body.error.code === "election.already_voted")).toBe(true);
    const ballots = (await useDB().entities.ballot.query.byElection({ farmID, electionID: id }).go()).data;
    const marks = (await useDB().entities.roll.query.byElection({ farmID, electionID: id }).go()).data.filter((r) => r.voted);
    expect(ballots).toHaveLength(1);
    expect(marks).toHaveLength(1);
    expect(results.find((r) => r.status === 201)!.body.tracker).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  it("ballots are validated: at most `seats` known candidates", async () => {
    for (const body of [{ choices: ["c1", "c2", "c3"] }, { choices: ["c9"] }, { vote: "yes" }, {}, { choices: ["c1"], vote: "yes" }]) {
      const res = await v("Bos").client.post(`/api/elections/${id}/ballots`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await v("Bos").client.get(`/api/elections/${id}`)).body.election.me.voted).toBe(false);
  });

  let bosTracker: string;
  it("proxies: one per receiver, withdrawn until used, used with onBehalfOf", async () => {
    const bos = v("Bos");
    const claassen = v("Claassen");
    const dekker = v("Dekker");
    expect((await bos.client.post(`/api/elections/${id}/proxies`, { toHouseholdID: claassen.householdID })).status).toBe(201);
    const full = await dekker.client.post(`/api/elections/${id}/proxies`, { toHouseholdID: claassen.householdID });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe("election.proxy_limit");
    const held = await claassen.client.get(`/api/elections/${id}`);
    expect(held.body.election.me.canVoteFor).toEqual([bos.householdID]);
    // the giver cannot vote while the proxy stands
    expect((await bos.client.post(`/api/elections/${id}/ballots`, { choices: ["c1"] })).body.error.code).toBe("election.proxy_given");
    // withdraw, and give again
    expect((await bos.client.delete(`/api/elections/${id}/proxies`)).status).toBe(200);
    expect((await claassen.client.get(`/api/elections/${id}`)).body.election.me.canVoteFor).toEqual([]);
    expect((await bos.client.post(`/api/elections/${id}/proxies`, { toHouseholdID: claassen.householdID })).status).toBe(201);
    const byProxy = await claassen.client.post(`/api/elections/${id}/ballots`, { choices: ["c1", "c3"], onBehalfOf: bos.householdID });
    expect(byProxy.status).toBe(201);
    bosTracker = byProxy.body.tracker;
    expect((await bos.client.delete(`/api/elections/${id}/proxies`)).body.error.code).toBe("election.proxy_used");
    expect((await bos.client.post(`/api/elections/${id}/ballots`, { choices: ["c2"] })).status).toBe(409);
    // Claassen still has its own vote
    expect((await claassen.client.post(`/api/elections/${id}/ballots`, { choices: ["c1"] })).status).toBe(201);
    // a proxy for a household that voted is refused; so is voting for a household without its proxy
    expect((await dekker.client.post(`/api/elections/${id}/ballots`, { choices: ["c2"] })).status).toBe(201);
    expect((await dekker.client.post(`/api/elections/${id}/proxies`, { toHouseholdID: v("Evers").householdID })).body.error.code).toBe("election.already_voted");
    expect((await v("Evers").client.post(`/api/elections/${id}/ballots`, { choices: ["c2"], onBehalfOf: v("Fransen").householdID })).body.error.code).toBe("election.no_proxy");
    const turnout = (await board.get(`/api/elections/${id}`)).body.election.turnout;
    expect(turnout).toEqual({ eligible: 7, voted: 4, byProxy: 1 });
  });

  it("a household not on the frozen roll cannot vote; results wait for closing", async () => {
    await makeHousehold(farmID, { name: "Nieuw", email: "nieuw@example.nl" });
    const late = await login(app, "nieuw@example.nl", "10.6.9.9");
    const res = await late.post(`/api/elections/${id}/ballots`, { choices: ["c1"] });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("election.not_eligible");
    const early = await v("Bos").client.get(`/api/elections/${id}/results`);
    expect(early.status).toBe(409);
    expect((await v("Bos").client.get(`/api/elections/${id}/trackers`)).status).toBe(409);
  });

  it("no ballot item holds a person, household, session or precise time", async () => {
    const { client, table } = useDynamo();
    const items = (await client.send(new ScanCommand({ TableName: table }))).Items ?? [];
    const ballots = items.filter((i) => i.__edb_e__ === "ballot");
    expect(ballots.length).toBe(4);
    const ids = [
      ...voters.flatMap((x) => [x.householdID, x.personID]),
      ...voters.map((x) => Session.hashToken(x.client.cookie.split("=")[1]!)),
    ];
    for (const b of ballots) {
      const text = JSON.stringify(b);
      for (const secret of ids) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/\d{2}:\d{2}/);
      expect(Object.keys(b).sort()).toEqual(
        ["__edb_e__", "__edb_v__", "choices", "day", "electionID", "farmID", "pk", "sk", "tracker"].sort(),
      );
      expect(b.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // the voted marks hold no choice
    const marks = items.filter((i) => i.__edb_e__ === "roll" && i.voted);
    for (const m of marks) expect(Object.keys(m)).not.toContain("choices");
  });

  it("closing counts; the trackers list lets each voter find their ballot; the board sees an audit log", async () => {
    expect((await v("Bos").client.post(`/api/elections/${id}/close`)).status).toBe(403);
    const closed = await board.post(`/api/elections/${id}/close`);
    expect(closed.body.election.status).toBe("closed");
    const results = await v("Evers").client.get(`/api/elections/${id}/results`);
    expect(results.status).toBe(200);
    expect(results.body).toMatchObject({ eligible: 7, voted: 4, quorumMet: true });
    // Akkerman c2; Bos (by proxy) c1 + c3; Claassen c1; Dekker c2
    const votes = Object.fromEntries(results.body.tally.map((r: any) => [r.name, r.votes]));
    expect(votes).toEqual({ "Anne de Vries": 2, "Bram Jansen": 2, "Cor Visser": 1 });
    expect(results.body.winners).toEqual(["c1", "c2"]);
    expect(results.body.tied).toEqual([]);
    const trackers = await v("Bos").client.get(`/api/elections/${id}/trackers`);
    expect(trackers.body.ballots).toHaveLength(4);
    expect(trackers.body.ballots.find((b: any) => b.tracker === bosTracker).choices).toEqual(["c1", "c3"]);
    expect((await v("Bos").client.post(`/api/elections/${id}/ballots`, { choices: ["c1"] })).status).toBe(409);
    const audit = await board.get(`/api/elections/${id}/audit`);
    expect(audit.body.events.map((e: any) => e.action)).toEqual([
      "election.created",
      "election.edited",
      "election.edited",
      "election.opened",
      "election.proxy_granted",
      "election.proxy_withdrawn",
      "election.proxy_granted",
      "election.closed",
    ]);
    // no ballot contents: no choices, no trackers (a bare "c3" could occur inside a random ID)
    for (const e of audit.body.events) expect(Object.keys(e.data ?? {})).not.toEqual(expect.arrayContaining(["choices"]));
    expect(JSON.stringify(audit.body)).not.toContain(bosTracker);
    expect((await v("Bos").client.get(`/api/elections/${id}/audit`)).status).toBe(403);
    expect((await outbox("evers@example.nl"))[0]!.subject).toBe("Uitslag: Bestuursverkiezing 2027");
  });

  it("a motion by two-thirds with quorum; the job opens, reminds once and closes on time", async () => {
    const motion = await newElection({ title: "Begroting 2028", kind: "motion", majority: "two-thirds", quorumPercent: 50 });
    await runJobs({ jobs, farmIDs: [farmID], now: new Date(now + 2 * hour) });
    expect((await board.get(`/api/elections/${motion}`)).body.election.status).toBe("open");
    // the households vote after the opening time, as ballots must
    Clock.set(now + 2 * hour);
    for (const [name, vote] of [["Akkerman", "yes"], ["Bos", "yes"], ["Claassen", "no"], ["Dekker", "abstain"]] as const)
      expect((await v(name).client.post(`/api/elections/${motion}/ballots`, { vote })).status).toBe(201);
    const remindAt = new Date(now + 6 * 24 * hour);
    await runJobs({ jobs, farmIDs: [farmID], now: remindAt });
    await runJobs({ jobs, farmIDs: [farmID], now: remindAt });
    expect((await outbox("evers@example.nl")).filter((m) => m.subject === "Nog niet gestemd: Begroting 2028")).toHaveLength(1);
    expect((await outbox("bos@example.nl")).filter((m) => m.subject.startsWith("Nog niet gestemd"))).toHaveLength(0);
    await runJobs({ jobs, farmIDs: [farmID], now: new Date(now + 8 * 24 * hour) });
    await runJobs({ jobs, farmIDs: [farmID], now: new Date(now + 8 * 24 * hour) });
    const res = await v("Evers").client.get(`/api/elections/${motion}/results`);
    expect(res.body).toMatchObject({ eligible: 8, voted: 4, quorumMet: true, passed: true, winners: ["yes"] });
    expect((await outbox("evers@example.nl")).filter((m) => m.subject === "Uitslag: Begroting 2028")).toHaveLength(1);
  });

  it("bad input is a 400 that changes nothing", async () => {
    const before = (await useDB().entities.election.query.byID({ farmID }).go()).data.length;
    for (const body of [
      { title: "X", kind: "board", seats: 1, candidates: [], opensAt: iso(now), closesAt: iso(now + hour) },
      { title: "X", kind: "motion", opensAt: iso(now + hour), closesAt: iso(now) },
      { title: "X", kind: "poll", opensAt: iso(now), closesAt: iso(now + hour) },
      { title: "X", kind: "board", seats: 3, candidates: [{ name: "A" }], opensAt: iso(now), closesAt: iso(now + hour) },
      { title: "X", kind: "motion", quorumPercent: 120, opensAt: iso(now), closesAt: iso(now + hour) },
    ]) {
      const res = await board.post("/api/elections", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await v("Bos").client.post("/api/elections", { ...boardElection, opensAt: iso(now), closesAt: iso(now + hour) })).status).toBe(403);
    expect((await useDB().entities.election.query.byID({ farmID }).go()).data.length).toBe(before);
  });
});

describe("who may act for a household: the people it had when the vote opened", () => {
  const t0 = now + 9 * 24 * hour;
  let vote: string;
  let intruder: Awaited<ReturnType<typeof login>>;

  async function ballotCount(electionID: string) {
    return (await useDB().entities.ballot.query.byElection({ farmID, electionID }).go({ consistent: true })).data.length;
  }

  it("a person the board adds after the opening cannot cast the household's ballot, nor give or withdraw its proxy", async () => {
    Clock.set(t0);
    vote = await newElection({ title: "Nieuwe schuur", kind: "motion", opensAt: iso(t0 + hour), closesAt: iso(t0 + 7 * 24 * hour) });
    expect((await board.post(`/api/elections/${vote}/open`)).status).toBe(200);
    const added = await board.post(`/api/households/${v("Akkerman").householdID}/people`, { name: "Indringer", email: "indringer@example.nl" });
    expect(added.status).toBe(201);
    intruder = await login(app, "indringer@example.nl", "10.6.7.1");

    const seen = (await intruder.get(`/api/elections/${vote}`)).body.election.me;
    expect(seen).toMatchObject({ eligible: false, joinedAfterOpening: true, voted: false });
    const cast = await intruder.post(`/api/elections/${vote}/ballots`, { vote: "yes" });
    expect(cast.status).toBe(403);
    expect(cast.body.error.code).toBe("election.joined_after_opening");
    const given = await intruder.post(`/api/elections/${vote}/proxies`, { toHouseholdID: v("Bos").householdID });
    expect(given.status).toBe(403);
    expect(given.body.error.code).toBe("election.joined_after_opening");
    expect(await ballotCount(vote)).toBe(0);
    expect((await useDB().entities.proxy.query.byElection({ farmID, electionID: vote }).go({ consistent: true })).data).toEqual([]);

    // Akkerman's own person gives its proxy to Bos: the newcomer cannot take it back
    expect((await v("Akkerman").client.post(`/api/elections/${vote}/proxies`, { toHouseholdID: v("Bos").householdID })).status).toBe(201);
    const withdrawn = await intruder.delete(`/api/elections/${vote}/proxies`);
    expect(withdrawn.status).toBe(403);
    expect(withdrawn.body.error.code).toBe("election.joined_after_opening");
    expect((await useDB().entities.proxy.get({ farmID, electionID: vote, fromHouseholdID: v("Akkerman").householdID }).go({ consistent: true })).data?.status).toBe("active");
  });

  it("a proxy held by a household is used only by the people it had at the opening", async () => {
    // Claassen hands its vote to Dekker; the board then adds someone to Dekker
    expect((await v("Claassen").client.post(`/api/elections/${vote}/proxies`, { toHouseholdID: v("Dekker").householdID })).status).toBe(201);
    expect((await board.post(`/api/households/${v("Dekker").householdID}/people`, { name: "Meelezer", email: "meelezer@example.nl" })).status).toBe(201);
    const late = await login(app, "meelezer@example.nl", "10.6.7.2");
    expect((await late.get(`/api/elections/${vote}`)).body.election.me.canVoteFor).toEqual([]);
    const behalf = await late.post(`/api/elections/${vote}/ballots`, { vote: "no", onBehalfOf: v("Claassen").householdID });
    expect(behalf.status).toBe(403);
    expect(behalf.body.error.code).toBe("election.joined_after_opening");
    const own = await late.post(`/api/elections/${vote}/ballots`, { vote: "no" });
    expect(own.body.error.code).toBe("election.joined_after_opening");
    expect(await ballotCount(vote)).toBe(0);
    // the households' own people still can
    expect((await v("Dekker").client.post(`/api/elections/${vote}/ballots`, { vote: "yes", onBehalfOf: v("Claassen").householdID })).status).toBe(201);
    expect((await v("Dekker").client.post(`/api/elections/${vote}/ballots`, { vote: "yes" })).status).toBe(201);
    expect((await v("Bos").client.post(`/api/elections/${vote}/ballots`, { vote: "yes", onBehalfOf: v("Akkerman").householdID })).status).toBe(201);
    expect(await ballotCount(vote)).toBe(3);
  });

  it("in a vote that opens after they joined, they act for their household like anyone in it", async () => {
    const next = await newElection({ title: "Kippen", kind: "motion", opensAt: iso(t0 + hour), closesAt: iso(t0 + 7 * 24 * hour) });
    await board.post(`/api/elections/${next}/open`);
    expect((await intruder.get(`/api/elections/${next}`)).body.election.me).toMatchObject({ eligible: true, joinedAfterOpening: false });
    expect((await intruder.post(`/api/elections/${next}/ballots`, { vote: "no" })).status).toBe(201);
    expect((await v("Akkerman").client.post(`/api/elections/${next}/ballots`, { vote: "yes" })).body.error.code).toBe("election.already_voted");
  });

  it("the reminder to vote goes to the people who can cast the household's vote", async () => {
    const remind = await newElection({ title: "Bijenhotel", kind: "motion", opensAt: iso(t0 + hour), closesAt: iso(t0 + 3 * 24 * hour) });
    await board.post(`/api/elections/${remind}/open`);
    expect((await board.post(`/api/households/${v("Evers").householdID}/people`, { name: "Laatkomer", email: "laatkomer@example.nl" })).status).toBe(201);
    await runJobs({ jobs, farmIDs: [farmID], now: new Date(t0 + 2 * 24 * hour) });
    const reminded = (m: { subject: string }) => m.subject === "Nog niet gestemd: Bijenhotel";
    expect((await outbox("evers@example.nl")).filter(reminded)).toHaveLength(1);
    expect((await outbox("laatkomer@example.nl")).filter(reminded)).toHaveLength(0);
  });

  it("adding a person writes an audit event and mails the household's people, kept with the change", async () => {
    const events = (await useDB().entities.audit.query.bySubject({ farmID, subjectID: v("Akkerman").householdID }).go({ pages: "all" })).data;
    const boardID = (await useDB().entities.person.query.byEmail({ farmID, email: "bestuur@example.nl" }).go()).data[0]!.personID;
    expect(events.filter((e) => e.action === "household.person_added")).toEqual([
      expect.objectContaining({ actorID: boardID, data: { personID: (await useDB().entities.person.query.byEmail({ farmID, email: "indringer@example.nl" }).go()).data[0]!.personID } }),
    ]);
    const mail = (await outbox("akkerman@example.nl")).find((m) => m.subject === "Toegevoegd aan Akkerman: Indringer");
    expect(mail?.text).toContain("Bestuur heeft Indringer (indringer@example.nl) toegevoegd aan jullie huishouden Akkerman");
    expect((await outbox("akkerman@example.nl")).filter((m) => m.subject.startsWith("Toegevoegd aan"))).toHaveLength(1);
    expect((await useDB().entities.pendingMail.query.byID({ farmID }).go()).data).toEqual([]);
  });
});

describe("ballots, proxies and withdrawals count only before the closing time", () => {
  const t1 = now + 12 * 24 * hour;
  let vote: string;

  it("opening early moves the opening time to that moment", async () => {
    Clock.set(t1);
    vote = await newElection({ title: "Zonnepanelen", kind: "motion", opensAt: iso(t1 + hour), closesAt: iso(t1 + 2 * hour) });
    const opened = await board.post(`/api/elections/${vote}/open`);
    expect(Date.parse(opened.body.election.opensAt)).toBe(t1);
    expect((await v("Evers").client.post(`/api/elections/${vote}/proxies`, { toHouseholdID: v("Fransen").householdID })).status).toBe(201);
  });

  it("at the closing time a ballot, a proxy or a withdrawal is refused, though the job has not closed the vote yet", async () => {
    Clock.set(t1 + 2 * hour - 1);
    expect((await v("Akkerman").client.post(`/api/elections/${vote}/ballots`, { vote: "yes" })).status).toBe(201);
    Clock.set(t1 + 2 * hour);
    expect((await board.get(`/api/elections/${vote}`)).body.election.status).toBe("open");
    const late = await Promise.all([
      v("Bos").client.post(`/api/elections/${vote}/ballots`, { vote: "no" }),
      v("Fransen").client.post(`/api/elections/${vote}/ballots`, { vote: "no", onBehalfOf: v("Evers").householdID }),
      v("Claassen").client.post(`/api/elections/${vote}/proxies`, { toHouseholdID: v("Dekker").householdID }),
      v("Evers").client.delete(`/api/elections/${vote}/proxies`),
    ]);
    for (const res of late) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("election.not_open");
    }
    Clock.set(t1 + 3 * hour);
    expect((await v("Dekker").client.post(`/api/elections/${vote}/ballots`, { vote: "no" })).body.error.code).toBe("election.not_open");
    await runJobs({ jobs, farmIDs: [farmID], now: new Date(t1 + 3 * hour) });
    const results = await v("Bos").client.get(`/api/elections/${vote}/results`);
    expect(results.body).toMatchObject({ voted: 1, winners: ["yes"] });
    const proxies = (await useDB().entities.proxy.query.byElection({ farmID, electionID: vote }).go({ consistent: true })).data;
    expect(proxies.map((p) => [p.fromHouseholdID, p.status])).toEqual([[v("Evers").householdID, "active"]]);
  });

  it("closing early moves the closing time to that moment; a vote whose closing time passed cannot open", async () => {
    const early = await newElection({ title: "Vroeg dicht", kind: "motion", opensAt: iso(t1 + 4 * hour), closesAt: iso(t1 + 9 * hour) });
    await board.post(`/api/elections/${early}/open`);
    const closed = await board.post(`/api/elections/${early}/close`);
    expect(Date.parse(closed.body.election.closesAt)).toBe(t1 + 3 * hour);
    const past = await newElection({ title: "Te laat", kind: "motion", opensAt: iso(t1 - 2 * hour), closesAt: iso(t1 - hour) });
    const refused = await board.post(`/api/elections/${past}/open`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("election.closes_in_past");
    expect((await board.get(`/api/elections/${past}`)).body.election.status).toBe("draft");
  });
});

describe("opening twice at once (the job and the board)", () => {
  it("a second opening never resets the mark of a household that voted meanwhile", async () => {
    const t2 = now + 13 * 24 * hour;
    Clock.set(t2);
    const id = await newElection({ title: "Tweemaal open", kind: "motion", opensAt: iso(t2 - hour), closesAt: iso(t2 + 7 * 24 * hour) });
    // the second opening reads the vote as a draft with the first, then is slow (a cold Lambda, a busy table)
    const list = Household.list;
    let calls = 0;
    const slow = vi.spyOn(Household, "list").mockImplementation(async () => {
      const all = await list();
      if (++calls === 2) await new Promise((r) => setTimeout(r, 1500));
      return all;
    });
    try {
      const opens = [board.post(`/api/elections/${id}/open`), board.post(`/api/elections/${id}/open`)];
      // meanwhile every household votes the moment it can
      const cast = voters.map(async (x) => {
        for (let k = 0; k < 200; k++) {
          const res = await x.client.post(`/api/elections/${id}/ballots`, { vote: "yes" });
          if (res.status !== 404) return res.status;
          await new Promise((r) => setTimeout(r, 5));
        }
      });
      expect(await Promise.all(cast)).toEqual(voters.map(() => 201));
      expect((await Promise.all(opens)).map((r) => r.status)).toEqual([200, 200]);
    } finally {
      slow.mockRestore();
    }
    expect(calls).toBe(2);
    // a household whose mark was reset could vote again
    const again = await Promise.all(voters.map((x) => x.client.post(`/api/elections/${id}/ballots`, { vote: "no" })));
    expect(again.map((r) => r.body.error?.code)).toEqual(voters.map(() => "election.already_voted"));
    const ballots = (await useDB().entities.ballot.query.byElection({ farmID, electionID: id }).go({ consistent: true })).data;
    const marked = (await useDB().entities.roll.query.byElection({ farmID, electionID: id }).go({ consistent: true })).data.filter((r) => r.voted);
    expect(ballots.length).toBe(voters.length);
    expect(marked.length).toBe(voters.length);
  });
});
