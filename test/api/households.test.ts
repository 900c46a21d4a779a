import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../functions/src/api/app";
import { useDB } from "@akker/core/entities";
import { client, login, makeHousehold, makePerson, freshFarmApp } from "./helpers";

let app: ReturnType<typeof createApp>;
let farmID: string;
let own: Awaited<ReturnType<typeof makeHousehold>>;
let other: Awaited<ReturnType<typeof makeHousehold>>;
let member: Awaited<ReturnType<typeof login>>;
let board: Awaited<ReturnType<typeof login>>;
let farmer: Awaited<ReturnType<typeof login>>;

async function countHouseholds() {
  const res = await useDB().entities.household.query.byID({ farmID }).go({ pages: "all" });
  return res.data.length;
}

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp());
  own = await makeHousehold(farmID, { name: "Jansen", email: "lid@example.nl", adults: 2, children: 2 });
  other = await makeHousehold(farmID, { name: "Visser", email: "ander@example.nl" });
  await makeHousehold(farmID, { name: "Bestuur", email: "bestuur@example.nl", roles: ["board"] });
  await makePerson(farmID, { name: "Boer", email: "boer@example.nl", roles: ["farmer"] });
  member = await login(app, "lid@example.nl", "10.9.0.1");
  board = await login(app, "bestuur@example.nl", "10.9.0.2");
  farmer = await login(app, "boer@example.nl", "10.9.0.3");
});

describe("households", () => {
  it("a member sees their own household with its people and mouths", async () => {
    const res = await member.get(`/api/households/${own.household.id}`);
    expect(res.status).toBe(200);
    expect(res.body.household).toMatchObject({ name: "Jansen", adults: 2, children: 2, mouths: 3, certificate: "full" });
    expect(res.body.household.people.map((p: { email: string }) => p.email)).toEqual(["lid@example.nl"]);
    const me = await member.get("/api/me");
    expect(me.body.household).toMatchObject({ id: own.household.id, mouths: 3 });
  });

  it("a member reading another household gets 404, like an unknown one", async () => {
    const res = await member.get(`/api/households/${other.household.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("household.not_found");
    expect((await member.get("/api/households/hh_unknown")).status).toBe(404);
  });

  it("board routes: 401 without a session, 403 for a member or the farmer", async () => {
    expect((await client(app).get("/api/households")).status).toBe(401);
    const forbidden = await member.get("/api/households");
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("auth.forbidden");
    expect((await farmer.get("/api/households")).status).toBe(403);
    const before = await countHouseholds();
    const post = await member.post("/api/households", { name: "X", adults: 2, certificate: "full" });
    expect(post.status).toBe(403);
    expect((await member.patch(`/api/households/${own.household.id}`, { adults: 3 })).status).toBe(403);
    expect(await countHouseholds()).toBe(before);
  });

  it("the board lists, creates and edits households", async () => {
    const list = await board.get("/api/households");
    expect(list.status).toBe(200);
    expect(list.body.households.map((h: { name: string }) => h.name)).toEqual(["Bestuur", "Jansen", "Visser"]);
    // each with its people's names and addresses, for the board's search
    expect(list.body.households[1].people).toEqual([{ name: "Jansen", email: "lid@example.nl" }]);

    const created = await board.post("/api/households", {
      name: "De Vries",
      adults: 1,
      children: 0,
      certificate: "half",
      vegetarian: true,
      people: [{ name: "Eva de Vries", email: "Eva@Example.nl" }],
    });
    expect(created.status).toBe(201);
    expect(created.body.household).toMatchObject({ name: "De Vries", mouths: 1, vegetarian: true, status: "active" });
    expect(created.body.household.people[0].email).toBe("eva@example.nl");
    const id = created.body.household.id as string;
    expect(id).toMatch(/^hh_/);

    const edited = await board.patch(`/api/households/${id}`, { adults: 2, children: 1, certificate: "full" });
    expect(edited.status).toBe(200);
    expect(edited.body.household.mouths).toBe(2.5);

    const added = await board.post(`/api/households/${id}/people`, { name: "Bram de Vries", email: "bram@example.nl" });
    expect(added.status).toBe(201);
    const dup = await board.post(`/api/households/${id}/people`, { name: "Bram 2", email: "bram@example.nl" });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("person.email_taken");

    // the new person can log in and sees the household
    const eva = await login(app, "eva@example.nl", "10.9.0.4");
    expect((await eva.get(`/api/households/${id}`)).body.household.people).toHaveLength(2);
  });

  it("adding a person is never silent: an audit event and a mail to the household's people, or nothing at all", async () => {
    const jansen = own.household.id;
    const mails = async (to: string) => ((await (await app.request(`/api/dev/outbox?to=${to}`)).json()) as any).messages as { subject: string; text: string }[];
    const added = await board.post(`/api/households/${jansen}/people`, { name: "Piet Bestuur", email: "piet.prive@example.nl" });
    expect(added.status).toBe(201);
    const told = (await mails("lid@example.nl")).filter((m) => m.subject === "Toegevoegd aan Jansen: Piet Bestuur");
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain("Bestuur heeft Piet Bestuur (piet.prive@example.nl) toegevoegd aan jullie huishouden Jansen");
    expect(told[0]!.text).toContain(`/households/${jansen}`);
    // the newcomer is not told about themselves as one of the household's people
    expect((await mails("piet.prive@example.nl")).filter((m) => m.subject.startsWith("Toegevoegd"))).toEqual([]);
    const events = (await useDB().entities.audit.query.bySubject({ farmID, subjectID: jansen }).go({ pages: "all" })).data;
    expect(events.filter((e) => e.action === "household.person_added").map((e) => e.data)).toEqual([
      { personID: added.body.person.id },
    ]);

    // refused (an address in use, an unknown household): no person, no event, no mail
    expect((await board.post(`/api/households/${jansen}/people`, { name: "Dubbel", email: "ander@example.nl" })).status).toBe(409);
    const unknown = await board.post("/api/households/hh_unknown/people", { name: "Niemand", email: "niemand@example.nl" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("household.not_found");
    expect((await useDB().entities.person.query.byEmail({ farmID, email: "niemand@example.nl" }).go()).data).toEqual([]);
    const after = (await useDB().entities.audit.query.bySubject({ farmID, subjectID: jansen }).go({ pages: "all" })).data;
    expect(after.filter((e) => e.action === "household.person_added")).toHaveLength(1);
    expect((await mails("lid@example.nl")).filter((m) => m.subject.startsWith("Toegevoegd"))).toHaveLength(1);
  });

  it("refuses a composition that does not fit the certificate, changing nothing", async () => {
    const before = await countHouseholds();
    const half = await board.post("/api/households", { name: "Te groot", adults: 2, certificate: "half" });
    expect(half.status).toBe(400);
    expect(half.body.error.code).toBe("household.composition");
    expect(half.body.error.issues[0].path).toBe("certificate");
    const full = await board.post("/api/households", { name: "Te groot", adults: 4, children: 4, certificate: "full" });
    expect(full.status).toBe(400);
    expect(await countHouseholds()).toBe(before);

    const patch = await board.patch(`/api/households/${own.household.id}`, { certificate: "half" });
    expect(patch.status).toBe(400);
    const after = await board.get(`/api/households/${own.household.id}`);
    expect(after.body.household.certificate).toBe("full");
  });

  it("rejects malformed bodies with 400 and the issues, changing nothing", async () => {
    const before = await countHouseholds();
    const cases = [
      { name: "", adults: 2, certificate: "full" },
      { name: "X", adults: 0, certificate: "full" },
      { name: "X", adults: 2, certificate: "quarter" },
      { name: "X", adults: "two", certificate: "full" },
      { name: "X", adults: 2.5, certificate: "full" },
      { name: "X".repeat(101), adults: 2, certificate: "full" },
      [],
      null,
    ];
    for (const body of cases) {
      const res = await board.post("/api/households", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("input.invalid");
      expect(Array.isArray(res.body.error.issues)).toBe(true);
    }
    expect((await board.patch(`/api/households/${own.household.id}`, {})).status).toBe(400);
    expect((await board.patch(`/api/households/${own.household.id}`, { status: "gone" })).status).toBe(400);
    expect(await countHouseholds()).toBe(before);
  });

  it("a person can choose English, and mails follow", async () => {
    const res = await member.patch("/api/me", { locale: "en" });
    expect(res.status).toBe(200);
    expect(res.body.person.locale).toBe("en");
    await client(app, { ip: "10.9.0.5" }).post("/api/auth/code", { email: "lid@example.nl" });
    const outbox = ((await (await app.request("/api/dev/outbox?to=lid@example.nl")).json()) as any);
    expect(outbox.messages[0].subject).toMatch(/^Your login code/);
    // and so does the mail that someone joined the household
    expect((await board.post(`/api/households/${own.household.id}/people`, { name: "Kees", email: "kees@example.nl" })).status).toBe(201);
    const told = ((await (await app.request("/api/dev/outbox?to=lid@example.nl")).json()) as any).messages[0];
    expect(told.subject).toBe("Added to Jansen: Kees");
    expect(told.text).toContain("Bestuur added Kees (kees@example.nl) to your household Jansen");
  });
});
