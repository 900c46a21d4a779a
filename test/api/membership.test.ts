import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../functions/src/api/app";
import { runJobs } from "../../functions/src/jobs/tick";
import { jobs } from "../../functions/src/jobs/registry";
import { Clock } from "@akker/core/clock";
import { useDB } from "@akker/core/entities";
import { client, login, makeHousehold, freshFarmApp } from "./helpers";

type Client = ReturnType<typeof client>;

let app: ReturnType<typeof createApp>;
let farmID: string;
let board: Client;
let treasurer: Client;
let jansen: Client;
let visser: Client;
const ids: Record<string, string> = {};
// Monday 1 March 2027, 10:00 in Amsterdam
const start = Date.parse("2027-03-01T09:00:00Z");
const day = 24 * 3600_000;
let ip = 0;
const anyone = () => client(app, { ip: `10.9.${Math.floor(ip / 200)}.${ip++ % 200}` });

async function outbox(email: string) {
  return ((await (await app.request(`/api/dev/outbox?to=${encodeURIComponent(email)}`)).json()) as any).messages as { subject: string; text: string }[];
}

async function linkToken(email: string, kind: "status" | "accept" | "confirm") {
  const mails = await outbox(email);
  for (const m of mails) {
    const found = m.text.match(new RegExp(`/apply/${kind}/([A-Za-z0-9_-]+)`));
    if (found) return found[1]!;
  }
  throw new Error(`no ${kind} link mailed to ${email}`);
}

/** Applies, and confirms the address with the mailed link as its owner would: the application then has its place. */
async function applyConfirmed(body: Record<string, unknown>) {
  const applied = await anyone().post("/api/applications", body);
  expect(applied.status, JSON.stringify(applied.body)).toBe(202);
  const confirmed = await anyone().post("/api/applications/confirm", { token: await linkToken(String(body.email), "confirm") });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  return confirmed.body.application as { id: string; position: number | null; statusToken: string };
}

async function tick(at: number) {
  const results = await runJobs({ jobs, farmIDs: [farmID], now: new Date(at) });
  expect(results.filter((r) => !r.ok)).toEqual([]);
}

async function count(entity: "application" | "household" | "depositPayment") {
  const db = useDB().entities;
  if (entity === "application") return (await db.application.query.byID({ farmID }).go({ pages: "all" })).data.length;
  if (entity === "household") return (await db.household.query.byID({ farmID }).go({ pages: "all" })).data.length;
  return (await db.depositPayment.scan.where((a, op) => op.eq(a.farmID, farmID)).go({ pages: "all" })).data.length;
}

/** Sessions die after two weeks unused: log everyone in again after moving the clock far. */
async function loginAll() {
  const n = ip++;
  board = await login(app, "bestuur@example.nl", `10.5.${n}.1`);
  treasurer = await login(app, "penning@example.nl", `10.5.${n}.2`);
  jansen = await login(app, "jansen@example.nl", `10.5.${n}.3`);
  visser = await login(app, "visser@example.nl", `10.5.${n}.4`);
}

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(start));
  for (const [name, roles] of [["Bestuur", ["board"]], ["Penning", ["treasurer"]], ["Jansen", []], ["Visser", []]] as const) {
    const email = `${name.toLowerCase()}@example.nl`;
    const { household } = await makeHousehold(farmID, { name, email, roles: [...roles] });
    ids[name] = household.id;
  }
  await loginAll();
});

afterAll(() => Clock.set(undefined));

describe("certificates and deposits", () => {
  it("a household's deposit goes from pending to paid; the same reference is recorded once", async () => {
    Clock.set(start);
    const register = await treasurer.get("/api/certificates");
    expect(register.status).toBe(200);
    const row = register.body.certificates.find((c: any) => c.householdID === ids.Visser);
    expect(row).toMatchObject({
      householdName: "Visser",
      certificate: "full",
      mouths: 2,
      depositCents: 200_000,
      paidCents: 0,
      status: "pending",
      memberSince: "2027-03-01",
      firstPossibleEndDate: "2029-12-31",
      endDate: null,
    });
    expect(register.body.totals).toMatchObject({ households: 4, depositCents: 800_000, byStatus: { pending: 4, paid: 0 } });

    const path = `/api/certificates/${ids.Visser}/deposit-payments`;
    const first = await treasurer.post(path, { amountCents: 150_000, date: "2027-03-01", reference: "INLEG VISSER 1" });
    expect(first.status).toBe(201);
    expect(first.body.certificate).toMatchObject({ paidCents: 150_000, outstandingCents: 50_000, status: "pending" });

    // the same reference, again and 20 times at once: one payment
    const again = await treasurer.post(path, { amountCents: 150_000, date: "2027-03-01", reference: "INLEG VISSER 1" });
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => treasurer.post(path, { amountCents: 150_000, date: "2027-03-01", reference: "INLEG VISSER 1" })),
    );
    expect(burst.every((r) => r.status === 200 && r.body.certificate.paidCents === 150_000)).toBe(true);
    // used for another household, or another amount: refused
    expect((await treasurer.post(`/api/certificates/${ids.Jansen}/deposit-payments`, { amountCents: 150_000, date: "2027-03-01", reference: "INLEG VISSER 1" })).body.error.code).toBe(
      "deposit.reference_used",
    );

    const over = await treasurer.post(path, { amountCents: 60_000, date: "2027-03-01", reference: "INLEG VISSER 2" });
    expect(over.status).toBe(409);
    expect(over.body.error).toMatchObject({ code: "certificate.overpaid", outstandingCents: 50_000 });

    // two different payments at once both count, and never past the deposit
    const pair = await Promise.all([
      treasurer.post(path, { amountCents: 25_000, date: "2027-03-01", reference: "INLEG VISSER 3" }),
      treasurer.post(path, { amountCents: 25_000, date: "2027-03-01", reference: "INLEG VISSER 4" }),
    ]);
    expect(pair.map((r) => r.status)).toEqual([201, 201]);
    const paid = await treasurer.get(`/api/certificates/${ids.Visser}`);
    expect(paid.body.certificate).toMatchObject({ paidCents: 200_000, outstandingCents: 0, status: "paid" });
    expect(paid.body.certificate.payments.map((p: any) => p.reference).sort()).toEqual(["INLEG VISSER 1", "INLEG VISSER 3", "INLEG VISSER 4"]);
    expect((await treasurer.post(path, { amountCents: 1, date: "2027-03-01", reference: "INLEG VISSER 5" })).status).toBe(409);

    // the household sees its own certificate
    const own = await visser.get(`/api/households/${ids.Visser}/certificate`);
    expect(own.body.certificate).toMatchObject({ status: "paid", noticeEndDate: null });

    const csv = await board.get("/api/certificates.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.body).toContain(`"Visser";"heel";"2";"2000,00";"2000,00";"betaald";"2027-03-01"`);
    expect(csv.body).toContain(`"Jansen";"heel";"2";"2000,00";"0,00";"openstaand"`);
  });

  it("instalments: 8 × €250, the board or treasurer chooses the plan", async () => {
    const res = await treasurer.patch(`/api/certificates/${ids.Jansen}`, { plan: "instalments" });
    expect(res.status).toBe(200);
    expect(res.body.certificate.instalmentCount).toBe(8);
    expect(res.body.certificate.instalments.map((i: any) => i.amountCents)).toEqual(Array(8).fill(25_000));
    const paid = await treasurer.post(`/api/certificates/${ids.Jansen}/deposit-payments`, { amountCents: 25_000, date: "2027-03-01", reference: "JANSEN 1/8" });
    expect(paid.body.certificate.instalments.map((i: any) => i.status)).toEqual(["paid", ...Array(7).fill("open")]);
  });
});

describe("the waiting list", () => {
  const applicants = {
    anna: { name: "Anna Appel", email: "anna@example.nl", adults: 2, children: 0, vegetarian: false, certificate: "full" },
    bert: { name: "Bert Boon", email: "bert@example.nl", adults: 3, children: 2, vegetarian: true, certificate: "full" },
    cees: { name: "Cees Cox", email: "cees@example.nl", adults: 1, children: 0, vegetarian: false, certificate: "half" },
    dirk: { name: "Dirk Dam", email: "dirk@example.nl", adults: 2, children: 1, vegetarian: false, certificate: "full" },
    eva: { name: "Eva Eik", email: "eva@example.nl", adults: 1, children: 0, vegetarian: true },
  };
  const app_: Record<string, string> = {};

  it("applications wait in order, and each applicant sees their own place", async () => {
    Clock.set(start);
    // the four households eat 8 mouths: nothing is free yet
    expect((await board.patch("/api/membership/settings", { capacityMouths: 8 })).body.settings).toMatchObject({ capacityMouths: 8, offerDays: 14 });
    for (const [key, body] of Object.entries(applicants)) {
      const res = await applyConfirmed(body);
      expect(res.statusToken).toEqual(expect.any(String));
      app_[key] = res.id;
      Clock.set(Clock.now() + 1000);
    }
    const list = await board.get("/api/applications");
    expect(list.status).toBe(200);
    expect(list.body.applications.map((a: any) => [a.name, a.position, a.mouths, a.status])).toEqual([
      ["Anna Appel", 1, 2, "waiting"],
      ["Bert Boon", 2, 4, "waiting"],
      ["Cees Cox", 3, 1, "waiting"],
      ["Dirk Dam", 4, 2.5, "waiting"],
      ["Eva Eik", 5, 1, "waiting"],
    ]);
    expect(list.body.applications[4].certificate).toBe("half");
    expect(list.body.capacity).toMatchObject({ capacityMouths: 8, memberMouths: 8, offeredMouths: 0, freeMouths: 0 });

    // the mailed private link shows the place, and nothing of anyone else
    const mail = (await outbox("cees@example.nl"))[0]!;
    expect(mail.subject).toBe("Je staat op de wachtlijst van Testboerderij");
    expect(mail.text).toContain("Je plek op de lijst: 3.");
    const seen = await anyone().get(`/api/applications/status/${await linkToken("cees@example.nl", "status")}`);
    expect(seen.body.application).toMatchObject({ id: app_.cees, position: 3, waiting: 5, status: "waiting", mouths: 1 });
    expect(seen.body.application.email).toBeUndefined();
    expect((await anyone().get("/api/applications/status/not-a-real-token-at-all")).status).toBe(404);

    // applying again with the same address keeps the place and mails the link again, without handing it out
    const again = await anyone().post("/api/applications", { ...applicants.anna, name: "Someone Else" });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ mailed: true });
    expect((await outbox("anna@example.nl"))[0]!.subject).toBe("Je staat al op de wachtlijst van Testboerderij");
    expect((await board.get("/api/applications")).body.applications).toHaveLength(5);
  });

  it("offers go in order to those that fit the free mouths; one that does not fit is not offered", async () => {
    await board.patch("/api/membership/settings", { capacityMouths: 11 });
    const made = await board.post("/api/applications/offers");
    expect(made.status).toBe(200);
    // 3 free: Anna (2) fits, Bert (4) does not, Cees (1) fits, then nothing is left
    expect(made.body.offers.map((a: any) => a.name)).toEqual(["Anna Appel", "Cees Cox"]);
    expect(made.body.capacity).toMatchObject({ offeredMouths: 3, freeMouths: 0 });
    const tooBig = await board.post(`/api/applications/${app_.bert}/offer`);
    expect(tooBig.status).toBe(409);
    expect(tooBig.body.error).toMatchObject({ code: "application.does_not_fit", mouths: 4, freeMouths: 0 });
    expect((await board.post(`/api/applications/${app_.anna}/offer`)).body.error.code).toBe("application.not_waiting");
    expect((await board.post("/api/applications/app_nope/offer")).status).toBe(404);
    // offering again makes no second offer
    expect((await board.post("/api/applications/offers")).body.offers).toEqual([]);

    const list = (await board.get("/api/applications")).body.applications;
    expect(list.map((a: any) => [a.name, a.status, a.position])).toEqual([
      ["Anna Appel", "offered", null],
      ["Bert Boon", "waiting", 1],
      ["Cees Cox", "offered", null],
      ["Dirk Dam", "waiting", 2],
      ["Eva Eik", "waiting", 3],
    ]);
    const offer = (await outbox("anna@example.nl"))[0]!;
    expect(offer.subject).toBe("Er is plek voor je bij Testboerderij");
    expect(offer.text).toContain("vóór maandag 15 maart 2027 om 10:00");
    expect(offer.text).toMatch(/€\s2\.000,00/);
    const bert = await anyone().get(`/api/applications/status/${await linkToken("bert@example.nl", "status")}`);
    expect(bert.body.application).toMatchObject({ position: 1, status: "waiting" });
  });

  it("accepting twice, or 10 times at once, makes one member household that can log in", async () => {
    const token = await linkToken("anna@example.nl", "accept");
    const households = await count("household");
    const results = await Promise.all(Array.from({ length: 10 }, () => anyone().post("/api/applications/accept", { token })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    const householdID = results[0]!.body.household.id;
    expect(results.every((r) => r.body.household.id === householdID)).toBe(true);
    const again = await anyone().post("/api/applications/accept", { token });
    expect(again.body).toEqual({ application: { id: app_.anna, status: "accepted" }, household: { id: householdID, name: "Anna Appel" }, email: "anna@example.nl" });
    expect(await count("household")).toBe(households + 1);
    const people = await useDB().entities.person.query.byEmail({ farmID, email: "anna@example.nl" }).go();
    expect(people.data).toHaveLength(1);
    expect((await outbox("anna@example.nl"))[0]!.subject).toBe("Welkom bij Testboerderij!");

    // the applicant logs in with a mailed code, and is a member with a pending certificate
    const anna = await login(app, "anna@example.nl", "10.5.1.1");
    const me = await anna.get("/api/me");
    expect(me.body.household).toMatchObject({ id: householdID, name: "Anna Appel", mouths: 2, status: "active" });
    expect(me.body.roles).toContain("member");
    const cert = await anna.get(`/api/households/${householdID}/certificate`);
    expect(cert.body.certificate).toMatchObject({ certificate: "full", depositCents: 200_000, paidCents: 0, status: "pending", memberSince: "2027-03-01" });
    expect((await anna.get("/api/workdays")).status).toBe(200);

    const list = await board.get("/api/applications");
    expect(list.body.applications.map((a: any) => a.name)).not.toContain("Anna Appel");
    expect(list.body.capacity).toMatchObject({ memberMouths: 10, offeredMouths: 1, freeMouths: 0 });
    // declining or accepting an accepted offer's link again changes nothing
    expect((await anyone().post("/api/applications/decline", { token })).status).toBe(409);
  });

  it("an expired offer moves on to the next in line that fits", async () => {
    const ceesToken = await linkToken("cees@example.nl", "accept");
    Clock.set(start + 13 * day);
    await tick(Clock.now());
    expect((await board.get("/api/applications")).body.applications.find((a: any) => a.name === "Cees Cox").status).toBe("offered");

    Clock.set(start + 14 * day + 10_000);
    await tick(Clock.now());
    await tick(Clock.now());
    const list = (await board.get("/api/applications?all=true")).body.applications;
    const status = Object.fromEntries(list.map((a: any) => [a.name, a.status]));
    // Cees's 1 mouth went on: Bert (4) and Dirk (2.5) do not fit it, Eva (1) does
    expect(status).toMatchObject({ "Cees Cox": "expired", "Bert Boon": "waiting", "Dirk Dam": "waiting", "Eva Eik": "offered" });
    expect((await outbox("cees@example.nl"))[0]!.subject).toBe("Je aanbod van Testboerderij is verlopen");
    expect((await outbox("eva@example.nl"))[0]!.subject).toBe("Er is plek voor je bij Testboerderij");
    expect((await outbox("eva@example.nl")).filter((m) => m.subject.startsWith("Er is plek"))).toHaveLength(1);
    const late = await anyone().post("/api/applications/accept", { token: ceesToken });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("application.offer_expired");
  });

  it("declining moves the offer on too; an applicant can leave the list", async () => {
    await board.patch("/api/membership/settings", { capacityMouths: 13 });
    // 2 free: Dirk (2.5) does not fit
    expect((await board.post("/api/applications/offers")).body.offers).toEqual([]);
    const declined = await anyone().post("/api/applications/decline", { token: await linkToken("eva@example.nl", "accept") });
    expect(declined.body.application.status).toBe("declined");
    // Eva's 1 mouth moves on, but fits nobody; with it 3 are free, and the board's next round reaches Dirk
    let status = Object.fromEntries((await board.get("/api/applications?all=true")).body.applications.map((a: any) => [a.name, a.status]));
    expect(status).toMatchObject({ "Eva Eik": "declined", "Dirk Dam": "waiting", "Bert Boon": "waiting" });
    expect((await board.post("/api/applications/offers")).body.offers.map((a: any) => a.name)).toEqual(["Dirk Dam"]);
    status = Object.fromEntries((await board.get("/api/applications?all=true")).body.applications.map((a: any) => [a.name, a.status]));
    expect(status).toMatchObject({ "Dirk Dam": "offered", "Bert Boon": "waiting" });
    const left = await anyone().post(`/api/applications/status/${await linkToken("bert@example.nl", "status")}/withdraw`);
    expect(left.body.application.status).toBe("withdrawn");
    expect((await board.get("/api/applications")).body.applications.map((a: any) => a.name)).toEqual(["Dirk Dam"]);
  });

  it("offer rounds at the same moment never hand out the same free mouths", async () => {
    const names = Array.from({ length: 6 }, (_, i) => `Gast ${i}`);
    const created: string[] = [];
    for (const name of names) created.push((await applyConfirmed({ name, email: `${name.replace(" ", "").toLowerCase()}@example.nl`, adults: 1 })).id);
    // 0.5 mouth is free; 3 more make 3.5: three one-mouth applicants fit
    await board.patch("/api/membership/settings", { capacityMouths: 16 });
    const rounds = await Promise.all([
      ...Array.from({ length: 5 }, () => board.post("/api/applications/offers")),
      ...created.map((id) => board.post(`/api/applications/${id}/offer`)),
    ]);
    expect(rounds.every((r) => [200, 409].includes(r.status))).toBe(true);
    const { applications, capacity } = (await board.get("/api/applications")).body;
    expect(applications.filter((a: any) => a.name.startsWith("Gast") && a.status === "offered")).toHaveLength(3);
    expect(capacity).toMatchObject({ capacityMouths: 16, memberMouths: 10, offeredMouths: 5.5, freeMouths: 0.5 });
  });
});

describe("the waiting list relays nothing of a stranger's", () => {
  const listed = async () => ((await board.get("/api/applications?all=true")).body.applications as { name: string; email: string; position: number | null }[]);

  it("a name is one line without a web or mail address; refused, it writes and mails nothing", async () => {
    const applications = await count("application");
    for (const name of [
      "Anna\nKlik hier: je rekening is geblokkeerd",
      "Anna\r\nAppel",
      "Anna\u2028Appel",
      "Anna https://bank-login.example/herstel",
      "www.bank-login",
      "Ga naar bank.nl nu",
      "anna@evil.example",
      "x".repeat(101),
    ]) {
      const res = await anyone().post("/api/applications", { name, email: "doelwit@example.nl", adults: 2 });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["name"]);
    }
    expect(await count("application")).toBe(applications);
    expect(await outbox("doelwit@example.nl")).toHaveLength(0);
    // names people have stay fine
    expect((await anyone().post("/api/applications", { name: "J.A.M. de Vries-Öztürk", email: "devries@example.nl", adults: 2 })).status).toBe(202);
  });

  it("the first mail to an address holds nothing the applicant typed, and only a confirmed address gets a place", async () => {
    const before = await listed();
    const res = await anyone().post("/api/applications", { name: "Piet Plant Bel 0900-1234", email: "piet@example.nl", adults: 2, locale: "en" });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ mailed: true });
    const [mail, ...others] = await outbox("piet@example.nl");
    expect(others).toEqual([]);
    expect(mail!.subject).toBe("Confirm your application for the waiting list of Testboerderij");
    expect(mail!.text).not.toContain("Piet");
    expect(mail!.text).not.toContain("0900");
    expect(mail!.text).toMatch(/confirm within 48 hours/);
    expect(mail!.text).not.toMatch(/place|\/apply\/status\//);
    // not on the board's list, not even with ?all, and nothing counts it
    expect(await listed()).toEqual(before);

    const token = await linkToken("piet@example.nl", "confirm");
    // the owner of the address confirms, twice and 8 times at once: one application
    const results = await Promise.all(Array.from({ length: 8 }, () => anyone().post("/api/applications/confirm", { token })));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    const id = results[0]!.body.application.id;
    expect(results.every((r) => r.body.application.id === id)).toBe(true);
    const again = await anyone().post("/api/applications/confirm", { token });
    expect(again.body.application.id).toBe(id);
    const after = await listed();
    expect(after.filter((a) => a.email === "piet@example.nl")).toEqual([expect.objectContaining({ name: "Piet Plant Bel 0900-1234", position: expect.any(Number) })]);
    expect(after).toHaveLength(before.length + 1);
    const status = await anyone().get(`/api/applications/status/${again.body.application.statusToken}`);
    expect(status.body.application).toMatchObject({ id, status: "waiting", name: "Piet Plant Bel 0900-1234" });
    // now that the address is its owner's, the farm mails back the name, once
    const received = (await outbox("piet@example.nl")).filter((m) => m.subject === "You are on the waiting list of Testboerderij");
    expect(received).toHaveLength(1);
    expect(received[0]!.text).toContain("Hello Piet Plant Bel 0900-1234,");
  });

  it("applying with an address on the list answers as for a new one, and only the address is mailed its status link", async () => {
    const body = (email: string) => ({ name: "Iemand Anders", email, adults: 1 });
    const fresh = await anyone().post("/api/applications", body("nieuw-adres@example.nl"));
    const known = await anyone().post("/api/applications", body("piet@example.nl"));
    expect(known.status).toBe(fresh.status);
    expect(known.body).toEqual(fresh.body);
    expect(JSON.stringify(known.body)).not.toMatch(/position|statusToken|app_/);
    const [mail] = await outbox("piet@example.nl");
    expect(mail!.subject).toBe("You are already on the waiting list of Testboerderij");
    expect(mail!.text).not.toContain("Iemand");
    const status = await anyone().get(`/api/applications/status/${await linkToken("piet@example.nl", "status")}`);
    expect(status.body.application).toMatchObject({ name: "Piet Plant Bel 0900-1234", status: "waiting" });
    // the list did not change: no second application, the name typed now is nowhere
    expect((await listed()).filter((a) => a.email === "piet@example.nl")).toHaveLength(1);
    expect((await listed()).some((a) => a.name === "Iemand Anders")).toBe(false);
  });

  it("two requests for one address, both confirmed, make one application", async () => {
    for (const name of ["Rik Riet", "Rik R. Riet"]) expect((await anyone().post("/api/applications", { name, email: "rik@example.nl", adults: 2 })).status).toBe(202);
    const links = (await outbox("rik@example.nl")).map((m) => /\/apply\/confirm\/([A-Za-z0-9_-]+)/.exec(m.text)![1]!);
    expect(links).toHaveLength(2);
    const [a, b] = await Promise.all(links.map((token) => anyone().post("/api/applications/confirm", { token })));
    expect([a!.status, b!.status]).toEqual([200, 200]);
    expect(a!.body.application.id).toBe(b!.body.application.id);
    expect((await listed()).filter((x) => x.email === "rik@example.nl")).toHaveLength(1);
  });

  it("an address not confirmed within 48 hours never gets a place", async () => {
    expect((await anyone().post("/api/applications", { name: "Sara Stil", email: "sara@example.nl", adults: 2 })).status).toBe(202);
    const token = await linkToken("sara@example.nl", "confirm");
    Clock.set(Clock.now() + 48 * 3600_000 + 1000);
    const late = await anyone().post("/api/applications/confirm", { token });
    expect(late.status).toBe(404);
    expect(late.body.error.code).toBe("application.confirm_not_found");
    expect((await listed()).some((a) => a.email === "sara@example.nl")).toBe(false);
    expect((await anyone().post("/api/applications/confirm", { token: "x".repeat(43) })).status).toBe(404);
    // applying again starts afresh
    expect((await anyone().post("/api/applications", { name: "Sara Stil", email: "sara@example.nl", adults: 2 })).status).toBe(202);
    expect((await anyone().post("/api/applications/confirm", { token: await linkToken("sara@example.nl", "confirm") })).status).toBe(200);
  });
});

describe("leaving", () => {
  it("notice is refused within the minimum term, accepted after it; then the deposit is refunded", async () => {
    Clock.set(Date.parse("2028-06-01T10:00:00Z"));
    await loginAll();
    const early = await visser.post(`/api/households/${ids.Visser}/certificate/notice`);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: "membership.minimum_term", firstPossibleEndDate: "2029-12-31" });
    expect(early.body.error.message).toContain("2029-12-31");

    Clock.set(Date.parse("2029-06-01T10:00:00Z"));
    await loginAll();
    expect((await visser.get(`/api/households/${ids.Visser}/certificate`)).body.certificate.noticeEndDate).toBe("2029-12-31");
    const notice = await visser.post(`/api/households/${ids.Visser}/certificate/notice`);
    expect(notice.status).toBe(200);
    expect(notice.body.certificate).toMatchObject({ endDate: "2029-12-31", status: "paid" });
    expect((await outbox("visser@example.nl"))[0]!.subject).toBe("Opzegging ontvangen: lidmaatschap tot en met 31 december 2029");
    expect((await visser.post(`/api/households/${ids.Visser}/certificate/notice`)).body.certificate.endDate).toBe("2029-12-31");
    // the board can take it back and give it again
    expect((await board.delete(`/api/households/${ids.Visser}/certificate/notice`)).body.certificate.endDate).toBeNull();
    expect((await board.post(`/api/households/${ids.Visser}/certificate/notice`)).body.certificate.endDate).toBe("2029-12-31");
    const waiting = (await board.get("/api/applications")).body.capacity;
    expect(waiting.leavingMouths).toBe(2);

    // refund only once the membership has ended
    expect((await treasurer.post(`/api/certificates/${ids.Visser}/refund`)).body.error.code).toBe("certificate.not_refund_due");
    Clock.set(Date.parse("2029-12-31T20:00:00Z"));
    await loginAll();
    expect((await treasurer.get(`/api/certificates/${ids.Visser}`)).body.certificate.status).toBe("paid");
    Clock.set(Date.parse("2030-01-01T10:00:00Z"));
    expect((await treasurer.get(`/api/certificates/${ids.Visser}`)).body.certificate.status).toBe("refund_due");
    expect((await visser.delete(`/api/households/${ids.Visser}/certificate/notice`)).body.error.code).toBe("membership.ended");
    await tick(Clock.now());
    expect((await board.get(`/api/households/${ids.Visser}`)).body.household.status).toBe("left");
    const refunded = await treasurer.post(`/api/certificates/${ids.Visser}/refund`);
    expect(refunded.status).toBe(200);
    expect(refunded.body.certificate).toMatchObject({ status: "refunded", refundedAt: "2030-01-01", refundedCents: 200_000 });
    expect((await treasurer.post(`/api/certificates/${ids.Visser}/refund`)).body.certificate.status).toBe("refunded");
    const register = await treasurer.get("/api/certificates");
    expect(register.body.totals.byStatus.refunded).toBe(1);
  });
});

describe("who may do what", () => {
  it("members get 403 on board and treasurer routes, 404 for another household; no login is 401", async () => {
    const anApplication = (await useDB().entities.application.query.byID({ farmID }).go()).data[0]!.applicationID;
    for (const [method, path] of [
      ["get", "/api/certificates"],
      ["get", "/api/certificates.csv"],
      ["get", `/api/certificates/${ids.Jansen}`],
      ["post", `/api/certificates/${ids.Jansen}/deposit-payments`],
      ["post", `/api/certificates/${ids.Jansen}/refund`],
      ["get", "/api/applications"],
      ["post", "/api/applications/offers"],
      ["post", `/api/applications/${anApplication}/offer`],
      ["post", `/api/applications/${anApplication}/withdraw`],
      ["get", "/api/membership/settings"],
    ] as const) {
      const res = method === "get" ? await jansen.get(path) : await jansen.post(path, { amountCents: 100, date: "2027-03-01", reference: "X" });
      expect(res.status, `${method} ${path}`).toBe(403);
      const anon = method === "get" ? await anyone().get(path) : await anyone().post(path, {});
      expect(anon.status, `anonymous ${method} ${path}`).toBe(401);
    }
    // money is the treasurer's: the board reads the register but does not record payments
    expect((await board.post(`/api/certificates/${ids.Jansen}/deposit-payments`, { amountCents: 100, date: "2027-03-01", reference: "B" })).status).toBe(403);
    expect((await board.get("/api/certificates")).status).toBe(200);
    // another household's certificate and notice answer like an unknown one
    expect((await jansen.get(`/api/households/${ids.Penning}/certificate`)).status).toBe(404);
    expect((await jansen.post(`/api/households/${ids.Penning}/certificate/notice`)).status).toBe(404);
    expect((await jansen.delete(`/api/households/${ids.Penning}/certificate/notice`)).status).toBe(404);
    expect((await jansen.get(`/api/households/hh_nope/certificate`)).status).toBe(404);
    expect((await treasurer.get(`/api/certificates/hh_nope`)).status).toBe(404);
  });

  it("bad input is a 400 that changes nothing", async () => {
    Clock.set(Date.parse("2030-02-01T10:00:00Z"));
    await loginAll();
    const applications = await count("application");
    const good = { name: "Frits Fout", email: "frits@example.nl", adults: 2, children: 0, vegetarian: false, certificate: "full" };
    for (const body of [
      { ...good, name: "" },
      { ...good, email: "not-an-address" },
      { ...good, adults: 0 },
      { ...good, children: -1 },
      { ...good, adults: 1.5 },
      { ...good, vegetarian: "yes" },
      { ...good, certificate: "quarter" },
      { ...good, certificate: "half" },
      { ...good, adults: 6, certificate: "full" },
      { name: "Frits" },
      "not json",
    ]) {
      const res = await anyone().post("/api/applications", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(["input.invalid", "household.composition"]).toContain(res.body.error.code);
    }
    expect(await count("application")).toBe(applications);
    expect((await outbox("frits@example.nl"))).toHaveLength(0);

    for (const body of [{}, { token: "" }, { token: 42 }]) expect((await anyone().post("/api/applications/accept", body)).status).toBe(400);
    expect((await anyone().post("/api/applications/accept", { token: "x".repeat(43) })).status).toBe(404);

    const payments = await count("depositPayment");
    const before = (await treasurer.get(`/api/certificates/${ids.Jansen}`)).body.certificate.paidCents;
    const path = `/api/certificates/${ids.Jansen}/deposit-payments`;
    for (const body of [
      { amountCents: 0, date: "2030-01-10", reference: "P" },
      { amountCents: -100, date: "2030-01-10", reference: "P" },
      { amountCents: 12.5, date: "2030-01-10", reference: "P" },
      { amountCents: "100", date: "2030-01-10", reference: "P" },
      { amountCents: 100, date: "2030-02-30", reference: "P" },
      { amountCents: 100, date: "10-01-2030", reference: "P" },
      { amountCents: 100, date: "2030-03-01", reference: "P" },
      { amountCents: 100, date: "2030-01-10", reference: "  " },
      { amountCents: 100, date: "2030-01-10" },
    ]) {
      const res = await treasurer.post(path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await treasurer.post(`/api/certificates/hh_nope/deposit-payments`, { amountCents: 100, date: "2030-01-10", reference: "P" })).status).toBe(404);
    expect(await count("depositPayment")).toBe(payments);
    expect((await treasurer.get(`/api/certificates/${ids.Jansen}`)).body.certificate.paidCents).toBe(before);

    for (const body of [{}, { capacityMouths: 0 }, { offerDays: 1.5 }, { depositFullCents: -1 }])
      expect((await board.patch("/api/membership/settings", body)).status, JSON.stringify(body)).toBe(400);
    expect((await treasurer.patch(`/api/certificates/${ids.Jansen}`, { plan: "weekly" })).status).toBe(400);
  });
});
