import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../functions/src/api/app";
import { Clock } from "@akker/core/clock";
import { login, makeHousehold, makePerson, freshFarmApp } from "./helpers";

let app: ReturnType<typeof createApp>;
let farmID: string;
let coordinator: Awaited<ReturnType<typeof login>>;
let jansen: Awaited<ReturnType<typeof login>>;
let visser: Awaited<ReturnType<typeof login>>;
// Wednesday 6 January 2027, 10:00 in Amsterdam
const now = Date.parse("2027-01-06T09:00:00Z");

const personOf = async (client: typeof jansen) => (await client.get("/api/me")).body.person.id as string;

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(now));
  await makePerson(farmID, { name: "Sara Klus", email: "coordinator@example.nl", roles: ["coordinator"] });
  coordinator = await login(app, "coordinator@example.nl", "10.8.0.1");
  await makeHousehold(farmID, { name: "Jansen", email: "jansen@example.nl" });
  await makeHousehold(farmID, { name: "Visser", email: "visser@example.nl" });
  jansen = await login(app, "jansen@example.nl", "10.8.0.2");
  visser = await login(app, "visser@example.nl", "10.8.0.3");
  return () => Clock.set(undefined);
});

describe("attendance with hours per person and walk-ins", () => {
  it("credits each their own hours, takes a walk-in of a member household, and lets a second marking replace the first", async () => {
    const created = await coordinator.post("/api/workdays", {
      title: "Wieden",
      task: "weeding",
      start: "2027-01-06T13:00:00+01:00",
      end: "2027-01-06T16:00:00+01:00",
      capacity: 10,
    });
    const id = created.body.workday.id as string;
    await jansen.post(`/api/workdays/${id}/signup`);
    const [j, v] = [await personOf(jansen), await personOf(visser)];
    Clock.set(Date.parse("2027-01-06T15:00:00Z"));

    const candidates = await coordinator.get(`/api/workdays/${id}/walk-ins`);
    expect(candidates.body.people).toEqual(
      expect.arrayContaining([expect.objectContaining({ personID: v, name: "Visser", household: "Visser" })]),
    );
    expect((await jansen.get(`/api/workdays/${id}/walk-ins`)).status).toBe(403);

    const marked = await coordinator.post(`/api/workdays/${id}/attendance`, { present: [j, v], hours: { [v]: 1.5 } });
    expect(marked.status).toBe(200);
    expect(marked.body.entries).toEqual([
      expect.objectContaining({ personID: j, status: "confirmed", present: true, hours: 3 }),
      expect.objectContaining({ personID: v, name: "Visser", status: "walk-in", present: true, hours: 1.5 }),
    ]);
    expect((await visser.get("/api/me/hours")).body).toMatchObject({ confirmedHours: 1.5 });
    const read = await coordinator.get(`/api/workdays/${id}/roster`);
    expect(read.body.entries.map((e: any) => [e.status, e.hours])).toEqual([["confirmed", 3], ["walk-in", 1.5]]);

    // Changed hours replace the credited ones; someone unticked loses them.
    await coordinator.post(`/api/workdays/${id}/attendance`, { present: [v], hours: { [v]: 2.25 } });
    expect((await visser.get("/api/me/hours")).body).toMatchObject({ confirmedHours: 2.25 });
    expect((await jansen.get("/api/me/hours")).body).toMatchObject({ confirmedHours: 0 });
  });

  it("refuses anyone not of a member household, hours for someone not present, and hours not in quarters, changing nothing", async () => {
    const created = await coordinator.post("/api/workdays", {
      title: "Oogsten",
      task: "harvest",
      start: "2027-01-06T17:00:00+01:00",
      end: "2027-01-06T18:00:00+01:00",
      capacity: 4,
    });
    const id = created.body.workday.id as string;
    const v = await personOf(visser);
    Clock.set(Date.parse("2027-01-06T17:30:00Z"));
    const staff = (await coordinator.get("/api/me")).body.person.id as string;
    for (const body of [
      { present: [staff] },
      { present: ["person_01JNOSUCHPERSON00000000000"] },
      { present: [], hours: { [v]: 2 } },
      { present: [v], hours: { [v]: 1.1 } },
      { present: [v], hours: { [v]: 0 } },
    ]) {
      const res = await coordinator.post(`/api/workdays/${id}/attendance`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await coordinator.get(`/api/workdays/${id}/roster`)).body.entries).toEqual([]);
  });
});
