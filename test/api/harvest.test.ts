import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../functions/src/api/app";
import { Clock } from "@akker/core/clock";
import { Mailing } from "@akker/core/mail/mailing";
import { login, makeHousehold, makePerson, freshFarmApp } from "./helpers";

let app: ReturnType<typeof createApp>;
let farmer: Awaited<ReturnType<typeof login>>;
let board: Awaited<ReturnType<typeof login>>;
let member: Awaited<ReturnType<typeof login>>;
let veggie: Awaited<ReturnType<typeof login>>;
let skipper: Awaited<ReturnType<typeof login>>;
const ids: Record<string, string> = {};

// Monday 5 April 2027, in week 14; week 15's opt-out closes Thursday 8 April 18:00 (CEST).
const monday = Date.parse("2027-04-05T08:00:00Z");
const deadlineW15 = Date.parse("2027-04-08T16:00:00Z");

const items = [
  { crop: "courgette", unit: "piece", quantity: 37 },
  { crop: "spinazie", unit: "kg", quantity: 12.35, step: 0.05 },
  { crop: "gehakt", unit: "kg", quantity: 6, step: 0.5, meat: true },
];

async function outbox(email: string) {
  // a publish mails after its answer: read the outbox once that is done
  await Mailing.settled();
  return ((await (await app.request(`/api/dev/outbox?to=${email}`)).json()) as any).messages as { subject: string; text: string }[];
}

beforeAll(async () => {
  const { farmID, app: made } = await freshFarmApp(monday);
  app = made;
  const make = async (name: string, adults: number, children = 0, vegetarian = false) => {
    const { household } = await makeHousehold(farmID, { name, email: `${name.toLowerCase()}@example.nl`, adults, children });
    ids[name] = household.id;
    if (vegetarian) await board.patch(`/api/households/${household.id}`, { vegetarian: true });
  };
  await makeHousehold(farmID, { name: "Bestuur", email: "bestuur@example.nl", roles: ["board"] }).then((r) => (ids.Bestuur = r.household.id));
  board = await login(app, "bestuur@example.nl", "10.5.0.1");
  await make("Jansen", 2, 2);
  await make("Visser", 1);
  await make("Smit", 2, 0, true);
  await make("Bakker", 4, 2);
  await make("Mulder", 2, 1);
  await makePerson(farmID, { name: "Boer", email: "boer@example.nl", roles: ["farmer"] });
  farmer = await login(app, "boer@example.nl", "10.5.0.2");
  member = await login(app, "jansen@example.nl", "10.5.0.3");
  veggie = await login(app, "smit@example.nl", "10.5.0.4");
  skipper = await login(app, "mulder@example.nl", "10.5.0.5");
});

afterAll(() => Clock.set(undefined));

describe("the weekly harvest", () => {
  it("the farmer saves a draft and sees the preview; members see nothing yet", async () => {
    const res = await farmer.put("/api/harvests/2027-W15", { items, note: "De eerste courgettes!" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ week: "2027-W15", status: "draft", version: 0, participants: 6, optedOut: 0 });
    expect(res.body.optOutDeadline).toBe("2027-04-08T18:00:00+02:00");
    const pieces = res.body.allocations.flatMap((a: any) => a.lines.filter((l: any) => l.crop === "courgette"));
    const left = res.body.leftovers.find((l: any) => l.crop === "courgette").quantity;
    expect(pieces.reduce((n: number, l: any) => n + l.quantity, 0) + left).toBe(37);

    const mine = await member.get("/api/harvests/2027-W15/mine");
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ status: "pending", optedOut: false, canOptOut: true, lines: [] });
    expect((await member.get("/api/harvests")).body.harvests).toEqual([]);
  });

  it("a member opts out before the deadline; after it the answer is 409 and nothing changes", async () => {
    const out = await skipper.put("/api/harvests/2027-W15/opt-out", { optedOut: true });
    expect(out.status).toBe(200);
    expect(out.body.optedOut).toBe(true);
    const preview = await farmer.get("/api/harvests/2027-W15");
    expect(preview.body).toMatchObject({ participants: 5, optedOut: 1 });
    expect(preview.body.allocations.map((a: any) => a.householdID)).not.toContain(ids.Mulder);

    Clock.set(deadlineW15);
    const late = await skipper.put("/api/harvests/2027-W15/opt-out", { optedOut: false });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("harvest.deadline_passed");
    const lateOut = await member.put("/api/harvests/2027-W15/opt-out", { optedOut: true });
    expect(lateOut.status).toBe(409);
    expect((await skipper.get("/api/harvests/2027-W15/mine")).body).toMatchObject({ optedOut: true, canOptOut: false });
    expect((await member.get("/api/harvests/2027-W15/mine")).body.optedOut).toBe(false);
  });

  it("publishing shows each household its share and mails it; vegetarians get no meat", async () => {
    expect((await farmer.get("/api/harvests/2027-W15/standing")).body).toEqual({ week: "2027-W15", status: "draft", dirty: false, participants: 5, optedOut: 1 });
    const res = await farmer.post("/api/harvests/2027-W15/publish");
    expect(res.status).toBe(200);
    expect((await farmer.get("/api/harvests/2027-W15/standing")).body).toMatchObject({ status: "published", dirty: false, participants: 5 });
    // a week not entered is no error: it stands at none, with who takes part
    const none = await farmer.get("/api/harvests/2027-W16/standing");
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ week: "2027-W16", status: "none", dirty: false, participants: 6, optedOut: 0 });
    expect((await member.get("/api/harvests/2027-W16/standing")).status).toBe(403);
    expect(res.body).toMatchObject({ status: "published", version: 1, dirty: false });
    const mine = await member.get("/api/harvests/2027-W15/mine");
    expect(mine.body.status).toBe("published");
    expect(mine.body.changed).toBe(false);
    expect(mine.body.lines.map((l: any) => l.crop)).toEqual(["courgette", "spinazie", "gehakt"]);
    const veg = await veggie.get("/api/harvests/2027-W15/mine");
    expect(veg.body.lines.map((l: any) => l.crop)).not.toContain("gehakt");
    expect((await skipper.get("/api/harvests/2027-W15/mine")).body.lines).toEqual([]);

    const mail = await outbox("jansen@example.nl");
    expect(mail[0]!.subject).toBe("Je oogst van week 15 (12–18 april)");
    expect(mail[0]!.text).toContain("courgette");
    expect(mail[0]!.text).toContain("De eerste courgettes!");
    expect((await outbox("mulder@example.nl")).filter((m) => /oogst/.test(m.subject))).toHaveLength(0);

    const list = await member.get("/api/harvests");
    expect(list.body.harvests).toHaveLength(1);
    expect(list.body.harvests[0].lines).toEqual(mine.body.lines);
  });

  it("members cannot see the farmer routes (403) or another household's share (404)", async () => {
    expect((await member.get("/api/harvests/2027-W15")).status).toBe(403);
    expect((await member.put("/api/harvests/2027-W15", { items })).status).toBe(403);
    expect((await member.post("/api/harvests/2027-W15/publish")).status).toBe(403);
    expect((await board.put("/api/harvests/2027-W15", { items })).status).toBe(403);
    expect((await board.get("/api/harvests/2027-W15")).status).toBe(200);
    const other = await member.get(`/api/harvests/2027-W15/households/${ids.Visser}`);
    expect(other.status).toBe(404);
    const own = await member.get(`/api/harvests/2027-W15/households/${ids.Jansen}`);
    expect(own.status).toBe(200);
    expect((await farmer.get(`/api/harvests/2027-W15/households/${ids.Visser}`)).status).toBe(200);
  });

  it("a correction republishes with a changed notice; members see the old split until then", async () => {
    const before = (await member.get("/api/harvests/2027-W15/mine")).body.lines;
    const short = [{ ...items[0]!, quantity: 20 }, items[1]!, items[2]!];
    const saved = await farmer.put("/api/harvests/2027-W15", { items: short });
    expect(saved.body).toMatchObject({ status: "published", dirty: true });
    expect((await member.get("/api/harvests/2027-W15/mine")).body.lines).toEqual(before);

    const res = await farmer.post("/api/harvests/2027-W15/publish");
    expect(res.body).toMatchObject({ version: 2, dirty: false });
    const after = await member.get("/api/harvests/2027-W15/mine");
    expect(after.body.changed).toBe(true);
    const courgettes = after.body.lines.find((l: any) => l.crop === "courgette").quantity;
    expect(courgettes).toBeLessThan(before.find((l: any) => l.crop === "courgette").quantity);
    const mail = (await outbox("jansen@example.nl"))[0]!;
    expect(mail.subject).toBe("Gewijzigd: je oogst van week 15 (12–18 april)");
    const was = before.find((l: any) => l.crop === "courgette").quantity;
    expect(mail.text).toContain(`- courgette: ${was} stuks → ${courgettes} stuk${courgettes === 1 ? "" : "s"}`);
  });

  it("a correction mails only the households whose share changed, and the farmer sees the mailing's progress", async () => {
    const households = ["jansen", "visser", "smit", "bakker", "bestuur"];
    const shares = async () => (await farmer.get("/api/harvests/2027-W15")).body.allocations as { name: string; lines: unknown[] }[];
    const before = await shares();
    const mailsBefore = new Map(await Promise.all(households.map(async (h) => [h, (await outbox(`${h}@example.nl`)).length] as const)));
    // less meat: the vegetarian household's share stays as it was
    await farmer.put("/api/harvests/2027-W15", { items: [{ ...items[0]!, quantity: 20 }, items[1]!, { ...items[2]!, quantity: 4 }] });
    expect((await farmer.post("/api/harvests/2027-W15/publish")).body).toMatchObject({ version: 3 });
    const after = await shares();
    await Mailing.settled();
    const changed = after.filter((a) => JSON.stringify(a.lines) !== JSON.stringify(before.find((b) => b.name === a.name)!.lines));
    expect(changed.map((a) => a.name)).not.toContain("Smit");
    expect(changed.length).toBeGreaterThan(0);
    for (const h of households) {
      const mails = await outbox(`${h}@example.nl`);
      const isChanged = changed.some((a) => a.name.toLowerCase() === h);
      expect(mails.length - mailsBefore.get(h)!, h).toBe(isChanged ? 1 : 0);
      if (isChanged) expect(mails[0]!.text).toMatch(/- gehakt: [\d,]+ kg → [\d,]+ kg/);
    }
    const progress = await farmer.get("/api/harvests/2027-W15/mailing");
    expect(progress.body).toEqual({ total: changed.length, sent: changed.length, done: true });
    expect((await member.get("/api/harvests/2027-W15/mailing")).status).toBe(403);
  });

  it("an earlier week cannot be published once a later one is", async () => {
    expect((await farmer.put("/api/harvests/2027-W14", { items })).status).toBe(200);
    const res = await farmer.post("/api/harvests/2027-W14/publish");
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("harvest.not_latest");
  });

  it("bad input is a 400 that changes nothing", async () => {
    const before = (await farmer.get("/api/harvests/2027-W15")).body;
    for (const body of [
      { items: [] },
      { items: [{ crop: "sla", unit: "liter", quantity: 3 }] },
      { items: [{ crop: "sla", unit: "kg", quantity: -1 }] },
      { items: [{ crop: "", unit: "kg", quantity: 1 }] },
      { items: [{ crop: "sla", unit: "kg", quantity: 1, step: 0 }] },
      { items: "sla" },
    ]) {
      const res = await farmer.put("/api/harvests/2027-W15", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("input.invalid");
    }
    expect((await farmer.put("/api/harvests/2027-W60", { items })).status).toBe(400);
    expect((await member.get("/api/harvests/week-15/mine")).status).toBe(400);
    expect((await farmer.get("/api/harvests/2027-W15")).body).toEqual(before);
    expect((await farmer.get("/api/harvests/2027-W30")).status).toBe(404);
  });
});
