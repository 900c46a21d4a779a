import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Clock } from "@akker/core/clock";
import { useDB } from "@akker/core/entities";
import { Mailing } from "@akker/core/mail/mailing";
import { createApp } from "../../functions/src/api/app";
import { login, makeHousehold, freshFarmApp } from "./helpers";

/* The general assembly: a meeting, one ballot of several votes, and attendance at the door. */

let app: ReturnType<typeof createApp>;
let farmID: string;
let board: Awaited<ReturnType<typeof login>>;
const voters: Record<string, { client: Awaited<ReturnType<typeof login>>; householdID: string }> = {};
const now = Date.parse("2027-03-01T09:00:00Z");
const iso = (t: number) => new Date(t).toISOString();

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(now));
  await makeHousehold(farmID, { name: "Bestuur", email: "alv-bestuur@example.nl", roles: ["board"] });
  board = await login(app, "alv-bestuur@example.nl", "10.16.0.1");
  let n = 0;
  for (const name of ["Akkerman", "Bos", "Claassen", "Dekker", "Evers", "Fransen"]) {
    const email = `alv-${name.toLowerCase()}@example.nl`;
    const { household } = await makeHousehold(farmID, { name, email });
    voters[name] = { client: await login(app, email, `10.16.1.${++n}`), householdID: household.id };
  }
});

afterAll(() => Clock.set(undefined));

async function ballots(electionID: string) {
  return (await useDB().entities.ballot.query.byElection({ farmID, electionID }).go({ pages: "all" })).data;
}

describe("a general assembly", () => {
  let id: string;
  let items: { id: string; kind: string; election: { id: string; candidates: { id: string }[] } | null }[];
  const item = (n: number) => items[n]!;

  it("is planned by the board: a draft members neither see nor change", async () => {
    const made = await board.post("/api/assemblies", { title: "ALV voorjaar", startsAt: iso(now + 7 * 24 * 3600_000), place: "De schuur" });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    id = made.body.assembly.id;
    expect((await voters.Bos!.client.get(`/api/assemblies/${id}`)).status).toBe(404);
    expect((await voters.Bos!.client.post("/api/assemblies", { title: "x", startsAt: iso(now), place: "y" })).status).toBe(403);
    expect((await voters.Bos!.client.post(`/api/assemblies/${id}/items`, { kind: "discussion", title: "x" })).status).toBe(403);
    const add = (body: Record<string, unknown>) => board.post(`/api/assemblies/${id}/items`, body);
    expect((await add({ kind: "discussion", title: "Opening en mededelingen" })).status).toBe(201);
    expect((await add({ kind: "motion", title: "Begroting 2027" })).status).toBe(201);
    expect((await add({ kind: "motion", title: "Kippen erbij", majority: "two-thirds" })).status).toBe(201);
    expect((await add({ kind: "motion", title: "Huishoudelijk reglement", quorumPercent: 50, inRoom: true })).status).toBe(201);
    const seats = await add({ kind: "board", title: "Bestuur", seats: 1, candidates: [{ name: "Anne" }, { name: "Bram" }] });
    expect(seats.status, JSON.stringify(seats.body)).toBe(201);
    expect((await add({ kind: "board", title: "Leeg", seats: 2, candidates: [{ name: "Anne" }] })).status).toBe(400);
    items = seats.body.assembly.items;
    expect(items.map((i) => i.kind)).toEqual(["discussion", "vote", "vote", "vote", "vote"]);
    expect(seats.body.assembly.items[3].inRoom).toBe(true);
  });

  it("is announced to the members, who see the agenda but not the votes before the ballot opens", async () => {
    expect((await voters.Bos!.client.post(`/api/assemblies/${id}/announce`)).status).toBe(403);
    expect((await board.post(`/api/assemblies/${id}/announce`)).body.assembly.status).toBe("announced");
    const seen = await voters.Bos!.client.get(`/api/assemblies/${id}`);
    expect(seen.body.assembly.items.map((i: { election: unknown }) => i.election)).toEqual([null, null, null, null, null]);
    expect((await voters.Bos!.client.get("/api/assemblies")).body.assemblies.map((a: { id: string }) => a.id)).toEqual([id]);
  });

  it("takes check-ins at the door from the board only", async () => {
    const path = `/api/assemblies/${id}/attendance/${voters.Claassen!.householdID}`;
    expect((await voters.Bos!.client.put(`/api/assemblies/${id}/attendance/${voters.Bos!.householdID}`)).status).toBe(403);
    expect((await voters.Bos!.client.get(`/api/assemblies/${id}/attendance`)).status).toBe(403);
    // a second tap, or two phones at once, is one check-in
    const taps = await Promise.all([board.put(path), board.put(path), board.put(path)]);
    expect(taps.map((t) => t.status)).toEqual([200, 200, 200]);
    expect((await board.put(`/api/assemblies/${id}/attendance/${voters.Dekker!.householdID}`)).status).toBe(200);
    expect((await board.put(`/api/assemblies/${id}/attendance/${voters.Evers!.householdID}`)).status).toBe(200);
    const undone = await board.delete(`/api/assemblies/${id}/attendance/${voters.Evers!.householdID}`);
    expect(undone.body.present.map((p: { name: string }) => p.name)).toEqual(["Claassen", "Dekker"]);
    expect((await board.put(`/api/assemblies/${id}/attendance/hh_unknown`)).status).toBe(404);
  });

  it("opens one ballot of every vote; adding to the agenda then is refused", async () => {
    expect((await voters.Bos!.client.post(`/api/assemblies/${id}/open`)).status).toBe(403);
    const opened = await board.post(`/api/assemblies/${id}/open`);
    expect(opened.body.assembly.status).toBe("open");
    items = opened.body.assembly.items;
    expect(items.slice(1).map((i) => (i.election as unknown as { status: string }).status)).toEqual(["open", "open", "open", "open"]);
    expect((await board.post(`/api/assemblies/${id}/items`, { kind: "discussion", title: "Rondvraag" })).status).toBe(409);
    // its votes belong to the meeting's screen, not the list of votes
    for (const who of [board, voters.Bos!.client])
      expect((await who.get("/api/elections")).body.elections.map((e: { id: string }) => e.id)).not.toContain(item(1).election!.id);
    await Mailing.settled();
  });

  it("takes a household's votes in one submit, each its own secret ballot with its own tracker", async () => {
    const bad = await voters.Akkerman!.client.post(`/api/assemblies/${id}/ballot`, {
      votes: [{ itemID: item(1).id, vote: "yes" }, { itemID: item(0).id, vote: "yes" }],
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, "input.invalid"]);
    expect(await ballots(item(1).election!.id)).toHaveLength(0); // bad input casts nothing
    const submit = {
      votes: [
        { itemID: item(1).id, vote: "yes" },
        { itemID: item(2).id, vote: "no" },
        { itemID: item(4).id, choices: [item(4).election!.candidates[0]!.id] },
      ],
    };
    const res = await voters.Akkerman!.client.post(`/api/assemblies/${id}/ballot`, submit);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const trackers = res.body.receipts.map((r: { tracker: string }) => r.tracker);
    expect(new Set(trackers).size).toBe(3);
    expect(res.body.receipts.every((r: { error: unknown }) => r.error === null)).toBe(true);
    // the item left blank is still to vote on; the others are not again
    const again = await voters.Akkerman!.client.post(`/api/assemblies/${id}/ballot`, { votes: [...submit.votes, { itemID: item(3).id, vote: "yes" }] });
    expect(again.body.receipts.map((r: { error: { code: string } | null }) => r.error?.code ?? "counted")).toEqual([
      "election.already_voted",
      "election.already_voted",
      "election.already_voted",
      "counted",
    ]);
  });

  it("counts one vote per household per item, however many submits arrive at once", async () => {
    const submit = { votes: [1, 2, 3].map((n) => ({ itemID: item(n).id, vote: "abstain" })) };
    const all = await Promise.all(Array.from({ length: 12 }, () => voters.Fransen!.client.post(`/api/assemblies/${id}/ballot`, submit)));
    expect(all.every((r) => r.status === 200)).toBe(true);
    for (const n of [1, 2, 3]) {
      const counted = all.filter((r) => r.body.receipts.find((x: { itemID: string }) => x.itemID === item(n).id).tracker);
      expect(counted).toHaveLength(1);
      expect(await ballots(item(n).election!.id)).toHaveLength(2); // Akkerman's and Fransen's
    }
  });

  it("uses a proxy per item: only where the household holds it", async () => {
    const given = await voters.Dekker!.client.post(`/api/elections/${item(2).election!.id}/proxies`, { toHouseholdID: voters.Evers!.householdID });
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    const res = await voters.Evers!.client.post(`/api/assemblies/${id}/ballot`, {
      onBehalfOf: voters.Dekker!.householdID,
      votes: [
        { itemID: item(1).id, vote: "no" },
        { itemID: item(2).id, vote: "no" },
      ],
    });
    expect(res.body.receipts.map((r: { tracker: string | null; error: { code: string } | null }) => r.error?.code ?? !!r.tracker)).toEqual(["election.no_proxy", true]);
    expect(await ballots(item(2).election!.id)).toHaveLength(3);
    expect(await ballots(item(1).election!.id)).toHaveLength(2);
  });

  it("meets an in-room item's quorum with the households present and their proxies, besides the ballots cast", async () => {
    // Bos gives its vote on the room's item to Claassen, who is present; Dekker is present and votes nothing
    const proxy = await voters.Bos!.client.post(`/api/elections/${item(3).election!.id}/proxies`, { toHouseholdID: voters.Claassen!.householdID });
    expect(proxy.status, JSON.stringify(proxy.body)).toBe(201);
    const early = await voters.Bos!.client.get(`/api/assemblies/${id}/results`);
    expect(early.body.items.map((i: { result: unknown }) => i.result)).toEqual([null, null, null, null]);
    expect((await voters.Bos!.client.post(`/api/assemblies/${id}/close`)).status).toBe(403);
    const closed = await board.post(`/api/assemblies/${id}/close`);
    expect(closed.body.assembly.status).toBe("closed");
    const res = await voters.Bos!.client.get(`/api/assemblies/${id}/results`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.present).toBe(2);
    const room = res.body.items.find((i: { itemID: string }) => i.itemID === item(3).id).result;
    // 7 on the roll: Akkerman and Fransen voted, Claassen and Dekker present, Bos by Claassen's proxy = 5 ≥ 50%
    expect(room).toMatchObject({ eligible: 7, voted: 2, attending: 5, quorumMet: true, passed: true });
    const online = res.body.items.find((i: { itemID: string }) => i.itemID === item(1).id).result;
    expect(online).toMatchObject({ voted: 2, attending: null, passed: true });
    const seats = res.body.items.find((i: { itemID: string }) => i.itemID === item(4).id).result;
    expect(seats.winners).toEqual(["c1"]);
  });

  it("keeps the attendance it was counted on once closed", async () => {
    const late = await board.put(`/api/assemblies/${id}/attendance/${voters.Evers!.householdID}`);
    expect([late.status, late.body.error.code]).toEqual([409, "assembly.not_at_door"]);
    expect((await board.patch(`/api/assemblies/${id}`, { place: "Elders" })).status).toBe(409);
  });
});
