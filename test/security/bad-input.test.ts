import { beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { useDB } from "@akker/core/entities";
import { addWeeks, dateOf, weekOf } from "@akker/core/week";
import { createApp } from "../../functions/src/api/app";
import { login, makeHousehold, freshFarmApp } from "../api/helpers";

/*
 * Bad input (issue 7): the cases the fuzzer (fuzz.test.ts) found, each
 * written out, so a regression names itself.
 */

let app: ReturnType<typeof createApp>;
let all: Awaited<ReturnType<typeof login>>;
let household: Awaited<ReturnType<typeof makeHousehold>>;
let farmID: string;

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp());
  household = await makeHousehold(farmID, {
    name: "Alles",
    email: "alles@example.nl",
    roles: ["farmer", "coordinator", "board", "treasurer"],
  });
  all = await login(app, "alles@example.nl", "10.8.0.1");
});

describe("bad input is refused, never a 500", () => {
  it("a path parameter longer than any ID is refused with 400 before it reaches a DynamoDB key", async () => {
    for (const path of [
      `/api/households/${"a".repeat(2000)}`,
      `/api/workdays/${"x".repeat(100_000)}/roster`,
      `/api/elections/${"é".repeat(400)}/results`,
      `/api/certificates/${"a".repeat(4000)}`,
    ]) {
      const res = await all.get(path);
      expect(res.status, path.slice(0, 40)).toBe(400);
      expect(res.body.error.code).toBe("input.invalid");
    }
    const post = await all.post(`/api/households/${"h".repeat(3000)}/certificate/notice`);
    expect(post.status).toBe(400);
    expect(post.body.error.issues).toEqual([{ path: "id", message: "At most 100 characters." }]);
    // up to the bound, a path still reaches the handler: unknown is 404
    expect((await all.get(`/api/workdays/${"x".repeat(100)}`)).status).toBe(404);
    expect((await all.get(`/api/households/${household.household.id}`)).status).toBe(200);
  });

  it("a number too small for DynamoDB (5e-324 is valid JSON) is kept to a thousandth instead of failing the write", async () => {
    const week = addWeeks(weekOf(Date.now()), 3);
    const harvest = await all.put(`/api/harvests/${week}`, {
      items: [
        { crop: "Prei", unit: "kg", quantity: 5e-324 },
        { crop: "Sla", unit: "piece", quantity: 12.3456 },
      ],
    });
    expect(harvest.status).toBe(200);
    expect(harvest.body.items.map((i: { quantity: number }) => i.quantity)).toEqual([0, 12.346]);
    const year = new Date().getFullYear();
    const season = await all.put(`/api/seasons/${year}`, { budgetCents: 1_000_000, weeks: 50, childFactor: 1e-200, targetHours: 5e-324 });
    expect(season.status).toBe(200);
    expect(season.body.season).toMatchObject({ childFactor: 0, targetHours: 0 });
  });

  it("a period of work days that runs backwards is refused with 400; one far ahead or at the end of the calendar is listed", async () => {
    const backwards = await all.get("/api/workdays?from=2027-06-01T00:00:00Z&to=2027-05-01T00:00:00Z");
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.issues[0].path).toBe("to");
    for (const q of [
      "from=4208-03-01T05:11:01Z", // later than the default end, a year from now
      `from=${encodeURIComponent("9999-12-31T23:59:59-23:59")}`, // past year 9999 in UTC
      `to=${encodeURIComponent("9999-12-31T23:59:59-23:59")}`,
      "to=2020-01-01T00:00:00Z", // only an end, before the default start (now)
      `from=${encodeURIComponent("0000-01-01T00:00:00+01:00")}&to=2030-01-01T00:00:00Z`,
    ]) {
      const res = await all.get(`/api/workdays?${q}`);
      expect(res.status, q).toBe(200);
      expect(res.body.workdays).toEqual([]);
    }
  });

  it("a refused deposit payment, notice or refund does not issue the certificate, so its deposit still follows the farm's setting", async () => {
    const fresh = await makeHousehold(farmID, { name: "Nieuw", email: "nieuw@example.nl" });
    const id = fresh.household.id;
    const stored = () => withActor({ type: "system", farmID }, () => useDB().entities.certificate.get({ farmID, householdID: id }).go());
    const over = await all.post(`/api/certificates/${id}/deposit-payments`, { amountCents: 9_000_000, date: dateOf(Date.now()), reference: "TE VEEL" });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe("certificate.overpaid");
    expect((await all.post(`/api/households/${id}/certificate/notice`)).body.error.code).toBe("membership.minimum_term");
    expect((await all.post(`/api/certificates/${id}/refund`)).body.error.code).toBe("certificate.not_refund_due");
    expect((await stored()).data).toBeNull();

    const settings = await all.patch("/api/membership/settings", { depositFullCents: 123_400 });
    expect(settings.status).toBe(200);
    expect((await all.get(`/api/certificates/${id}`)).body.certificate).toMatchObject({ depositCents: 123_400, paidCents: 0 });

    // the first payment that is made issues it, with the deposit of that moment
    const paid = await all.post(`/api/certificates/${id}/deposit-payments`, { amountCents: 400, date: dateOf(Date.now()), reference: "INLEG 1" });
    expect(paid.status).toBe(201);
    expect((await stored()).data).toMatchObject({ depositCents: 123_400, paidCents: 400, version: 1 });
    await all.patch("/api/membership/settings", { depositFullCents: 200_000 });
    expect((await all.get(`/api/certificates/${id}`)).body.certificate).toMatchObject({ depositCents: 123_400, paidCents: 400, outstandingCents: 123_000 });
  });

  it("an ID in capitals is refused: stored keys are lowercased, so it reached the real item past every check that compares IDs", async () => {
    const own = household.household.id;
    const now = Date.now();
    const created = await all.post("/api/elections", { kind: "motion", title: "Motie", opensAt: new Date(now + 3600_000).toISOString(), closesAt: new Date(now + 86_400_000).toISOString() });
    const election = created.body.election.id as string;
    expect((await all.post(`/api/elections/${election}/open`)).status).toBe(200);
    // a household holding its own proxy: the two roll updates hit one item, and DynamoDB refused the transaction (500)
    const self = await all.post(`/api/elections/${election}/proxies`, { toHouseholdID: own.toUpperCase() });
    expect(self.status).toBe(400);
    expect(self.body.error.issues).toEqual([{ path: "toHouseholdID", message: "IDs are written in lowercase." }]);
    expect((await all.get(`/api/elections/${election}`)).body.election).toMatchObject({ status: "open" });

    // a payment or mandate stored under "HH_…" was not the household's in lists that compare IDs
    const payment = await all.post("/api/payments", { householdID: own.toUpperCase(), amountCents: 100, date: dateOf(now), reference: "HOOFDLETTERS" });
    expect(payment.status).toBe(400);
    expect(payment.body.error.issues[0]).toEqual({ path: "householdID", message: "IDs are written in lowercase." });
    const mandate = await all.put(`/api/households/${own.toUpperCase()}/mandate`, { iban: "NL91ABNA0417164300", accountHolder: "Alles", signedOn: dateOf(now) });
    expect(mandate.status).toBe(400);
    expect(mandate.body.error.issues).toEqual([{ path: "id", message: "IDs are written in lowercase." }]);
    expect((await all.get(`/api/households/${own}/mandate`)).body).toEqual({ mandate: null });
    // U+212A KELVIN SIGN lowercases to an ASCII k
    expect((await all.get(`/api/workdays/wd_\u212A`)).status).toBe(400);
    expect((await all.get(`/api/payments?householdID=${own.toUpperCase()}`)).status).toBe(400);
  });

  it("a bank statement line that reads but cannot be recorded is refused alone, with its line number; the rest is booked", async () => {
    const own = household.household.id;
    const today = dateOf(Date.now());
    const csv = [`${today};10,00;Bijdrage deel 1;${own}`, `${today};2.000.000,00;Bijdrage deel 2;${own}`].join("\n");
    const before = (await all.get(`/api/payments?householdID=${own}`)).body.payments.length;
    const res = await all.post("/api/payments/import", { csv });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 1, refused: [{ line: 2 }] });
    expect((await all.get(`/api/payments?householdID=${own}`)).body.payments).toHaveLength(before + 1);
    // the same file again books nothing more, and refuses the same line again
    const again = await all.post("/api/payments/import", { csv });
    expect(again.body).toMatchObject({ imported: 0, refused: [{ line: 2 }] });
    expect((await all.get(`/api/payments?householdID=${own}`)).body.payments).toHaveLength(before + 1);
  });

  it("a household whose people cannot all be made is not made at all (an address in use, or one address twice)", async () => {
    const names = async () => (await all.get("/api/households")).body.households.map((h: { name: string }) => h.name);
    // a household of two adults with these people, each a name and an address
    const create = (name: string, people: [string, string][]) =>
      all.post("/api/households", { name, adults: 2, certificate: "full", people: people.map(([person, email]) => ({ name: person, email })) });
    const before = await names();
    const taken = await create("Half gemaakt", [
      ["Nieuw", "nieuw-lid@example.nl"],
      ["Bezet", "alles@example.nl"],
    ]);
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("person.email_taken");
    expect(await names()).toEqual(before);
    // the first person was not made either: the address is still free
    const twice = await create("Dubbel", [
      ["Een", "nieuw-lid@example.nl"],
      ["Twee", "Nieuw-Lid@example.nl"],
    ]);
    expect(twice.status).toBe(400);
    expect(twice.body.error.issues).toEqual([{ path: "people.1.email", message: "Each person needs an address of their own." }]);
    const made = await create("Heel", [["Nieuw", "nieuw-lid@example.nl"]]);
    expect(made.status).toBe(201);
    expect(made.body.household.people).toHaveLength(1);
    expect(await names()).toEqual([...before, "Heel"].sort((a, b) => a.localeCompare(b, "nl")));
  });

  it("text with a control character or a lone surrogate is refused with 400 and stores nothing: in a body, a query and a path", async () => {
    for (const name of ["Bakker\u0000", "Bakker\ud800", "\udc00Bakker", "Bak\u001bker", "Bakker\u007f"]) {
      const res = await all.post("/api/households", { name, adults: 2, children: 0, vegetarian: false, certificate: "full" });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(res.body.error.issues).toEqual([{ path: "name", message: "Text may not hold control characters or broken characters." }]);
      const patch = await all.patch(`/api/households/${household.household.id}`, { name });
      expect(patch.status).toBe(400);
    }
    // nested: the path names the field
    const nested = await all.put(`/api/harvests/${addWeeks(weekOf(Date.now()), 4)}`, { items: [{ crop: "Prei\u0000", unit: "kg", quantity: 1 }] });
    expect(nested.status).toBe(400);
    expect(nested.body.error.issues[0].path).toBe("items.0.crop");
    // what people type is taken: line breaks and tabs, accents, emoji (a surrogate pair)
    const fine = await all.patch(`/api/households/${household.household.id}`, { name: "Alles 🌱 Zoë" });
    expect(fine.status).toBe(200);
    expect((await all.get(`/api/households/${household.household.id}`)).body.household.name).toBe("Alles 🌱 Zoë");
    const list = await all.get(`/api/workdays?from=${encodeURIComponent("2027-01-01T00:00:00Z\u0000")}`);
    expect(list.status).toBe(400);
    expect(list.body.error.issues).toEqual([{ path: "from", message: "Text may not hold control characters or broken characters." }]);
    const path = await all.get(`/api/workdays/${encodeURIComponent("wd_\u0000")}`);
    expect(path.status).toBe(400);
    expect(path.body.error.issues).toEqual([{ path: "id", message: "Text may not hold control characters or broken characters." }]);
    // looked for without recursion: JSON nested 20,000 deep is valid, and a 400, not a stack overflow
    const deep = (leaf: string) => `{"name":"Alles","extra":${"[".repeat(20_000)}${JSON.stringify(leaf)}${"]".repeat(20_000)}}`;
    for (const leaf of ["\u0000", "fine"]) {
      const res = await all.patch(`/api/households/${household.household.id}`, deep(leaf));
      expect(res.status, JSON.stringify(leaf)).toBe(leaf === "fine" ? 200 : 400);
    }
    const names = await withActor({ type: "system", farmID }, () => useDB().entities.household.query.byID({ farmID }).go({ pages: "all" }));
    expect(names.data.filter((h) => /Bakker|Bak.ker/.test(h.name))).toEqual([]);
  });

  it("a host name that is also a property of every object (constructor, __proto__ …) is a host like any other, not a farm", async () => {
    const names = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype"];
    // Deployed without names of its own, any host is the default farm; before, `constructor` looked up Object itself: a 500.
    const deployed = createApp({ stage: "prod" });
    for (const [i, host] of names.entries()) {
      const health = await deployed.request("/api/health", { headers: { "x-forwarded-host": host } });
      expect(health.status, host).toBe(200);
      const code = await deployed.request("/api/auth/code", {
        method: "POST",
        headers: { "x-forwarded-host": host, "content-type": "application/json", "x-forwarded-for": `10.8.9.${i}` },
        body: JSON.stringify({ email: `nobody${i}@example.nl` }),
      });
      expect(code.status, host).toBe(202);
    }
    // With FARM_DOMAINS, such a host is no farm's: the default farm, or (not a name the site is known by) 421, never a 500.
    process.env.FARM_DOMAINS = JSON.stringify({ "andere.example.nl": "farm_other" });
    try {
      for (const host of names) {
        const res = await deployed.request("/api/health", { headers: { "x-forwarded-host": host } });
        expect(res.status, host).toBe(421);
        expect(((await res.json()) as any).error.code).toBe("host.unknown");
        expect((await app.request("/api/health", { headers: { host } })).status, host).toBe(421);
      }
    } finally {
      delete process.env.FARM_DOMAINS;
    }
  });

  it("a body over its route's limit is refused with 413 before it is read (5 MB for a bank statement), and the largest valid body is taken", async () => {
    const tooLarge = (res: { status: number; body: any }) => {
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe("input.too_large");
    };
    tooLarge(await all.patch(`/api/households/${household.household.id}`, { name: "Alles", extra: "x".repeat(600_000) }));
    tooLarge(await all.post("/api/payments/import", { csv: "x".repeat(6_000_000) }));
    // a statement over 1 MB but within the body's limit is the import's own 400
    const large = await all.post("/api/payments/import", { csv: "x".repeat(1_100_000) });
    expect(large.status).toBe(400);
    // The largest election there can be, in three-byte characters (about 270 kB), is well within the limit.
    const text = (n: number) => "€".repeat(n);
    const opensAt = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
    const election = {
      kind: "board",
      title: text(160),
      description: text(4000),
      seats: 20,
      candidates: Array.from({ length: 40 }, (_, i) => ({ name: `${i} ${text(90)}`, statement: text(2000) })),
      opensAt,
      closesAt: new Date(Date.parse(opensAt) + 7 * 24 * 3600_000).toISOString(),
    };
    expect(Buffer.byteLength(JSON.stringify(election))).toBeGreaterThan(250_000);
    const made = await all.post("/api/elections", election);
    expect(made.status, JSON.stringify(made.body).slice(0, 300)).toBe(201);
  });
});
