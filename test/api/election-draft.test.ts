import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../functions/src/api/app";
import { withActor } from "@akker/core/actor";
import { Audit } from "@akker/core/audit/audit";
import { Clock } from "@akker/core/clock";
import { login, makeHousehold, freshFarmApp } from "./helpers";

let app: ReturnType<typeof createApp>;
let farmID: string;
let board: Awaited<ReturnType<typeof login>>;
let member: Awaited<ReturnType<typeof login>>;
const now = Date.parse("2027-04-01T09:00:00Z");
const hour = 3600_000;
const iso = (t: number) => new Date(t).toISOString();
const motion = { title: "Begroting 2028", kind: "motion", opensAt: iso(now + hour), closesAt: iso(now + 48 * hour) };

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(now));
  await makeHousehold(farmID, { name: "Bestuur", email: "bestuur@example.nl", roles: ["board"] });
  board = await login(app, "bestuur@example.nl", "10.7.0.1");
  await makeHousehold(farmID, { name: "Akkerman", email: "akkerman@example.nl" });
  member = await login(app, "akkerman@example.nl", "10.7.0.2");
  return () => Clock.set(undefined);
});

describe("deleting a draft vote", () => {
  it("deletes a draft for the board only, with its audit event; a vote that opened stays", async () => {
    const draft = (await board.post("/api/elections", motion)).body.election.id as string;
    expect((await member.delete(`/api/elections/${draft}`)).status).toBe(403);
    const deleted = await board.delete(`/api/elections/${draft}`);
    expect(deleted.status).toBe(204);
    expect((await board.get(`/api/elections/${draft}`)).status).toBe(404);
    expect((await board.get("/api/elections")).body.elections.map((e: { id: string }) => e.id)).not.toContain(draft);
    expect((await board.delete(`/api/elections/${draft}`)).body.error.code).toBe("election.not_found");
    const events = await withActor({ type: "system", farmID }, () => Audit.forSubject(draft));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["election.created", "election.deleted"]));

    const opened = (await board.post("/api/elections", motion)).body.election.id as string;
    await board.post(`/api/elections/${opened}/open`);
    const refused = await board.delete(`/api/elections/${opened}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("election.not_draft");
    expect((await board.get(`/api/elections/${opened}`)).body.election).toMatchObject({ status: "open", turnout: { eligible: 2 } });
  });

  it("a delete racing the opening either deletes the draft or leaves the vote open with its whole roll", async () => {
    for (let i = 0; i < 4; i++) {
      const id = (await board.post("/api/elections", motion)).body.election.id as string;
      const [del, open] = await Promise.all([board.delete(`/api/elections/${id}`), board.post(`/api/elections/${id}/open`)]);
      const after = await board.get(`/api/elections/${id}`);
      if (del.status === 204) expect([after.status, open.status === 200 || open.status === 404 || open.status === 409]).toEqual([404, true]);
      else {
        expect(del.status).toBe(409);
        expect(after.body.election).toMatchObject({ status: "open", turnout: { eligible: 2 } });
      }
    }
  });
});
