import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Mailing } from "@akker/core/mail/mailing";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { Sepa } from "@akker/core/contribution/sepa";
import { useDB } from "@akker/core/entities";
import { Farm } from "@akker/core/farm/farm";
import { createApp } from "../../functions/src/api/app";
import { validatePain008 } from "../setup/xsd";
import { login, makeHousehold, freshFarmApp } from "./helpers";

/*
 * The month's direct debit as a collection run: created once by the
 * treasurer, frozen, every household told before, its file the same bytes
 * at every download; a mandate no bank would take is left out of it, never
 * failing the month.
 */

type Client = Awaited<ReturnType<typeof login>>;

let app: ReturnType<typeof createApp>;
let farmID: string;
let treasurer: Client;
const hh: Record<string, { id: string; email: string; client: Client }> = {};
// Saturday 20 February 2027, 11:00 in Amsterdam (UTC+1)
const now = Date.parse("2027-02-20T10:00:00Z");
const creditorID = "NL69ZZZ123456780000";

const good: [name: string, iban: string, holder: string][] = [
  ["Jansen", "NL20INGB0001234567", "J. Jansen"],
  ["Visser", "DE89370400440532013000", "Jürgen Visser-Straße"],
  ["Dekker", "NL02ABNA0123456789", "Łukasz Ærø Dekker"],
];
// legacy mandates written before the platform checked them
const bad: [name: string, mandateID: string, holder: string, reason: string][] = [
  ["Slash", "/X", "Slash", "mandate_reference"],
  ["Double", "A//B", "Double", "mandate_reference"],
  ["Wang", "AKKER-WANG", "王小明", "account_holder"],
];

async function outbox(email: string) {
  // a run tells its households after its answer
  await Mailing.settled();
  const res = await app.request(`/api/dev/outbox?to=${encodeURIComponent(email)}`);
  return ((await res.json()) as { messages: { subject: string; text: string }[] }).messages;
}
const notices = async (email: string) => (await outbox(email)).filter((m) => /^Incasso van/.test(m.subject));

/** Asks Debian's python3-stdnum, an independent implementation, whether every IBAN and creditor ID is valid. */
function stdnumValid(ibans: string[], creditorIDs: string[]) {
  const script =
    "import sys, json; from stdnum import iban; from stdnum.eu import at_02; d = json.load(sys.stdin); " +
    "print(json.dumps([[iban.is_valid(x) for x in d[0]], [at_02.is_valid(x) for x in d[1]]]))";
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", script], { input: JSON.stringify([ibans, creditorIDs]) }).toString()) as [boolean[], boolean[]];
}

const all = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].map((m) => m[1]!);

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(now - 90 * 24 * 3600_000));
  await withActor({ type: "system", farmID }, () => Farm.update({ creditorName: "Herenboerderij Test", creditorIBAN: "NL91 ABNA 0417 1643 00", creditorID }));
  for (const name of ["Penning", ...good.map((g) => g[0]), ...bad.map((b) => b[0])]) {
    const email = `${name.toLowerCase()}@example.nl`;
    const { household } = await makeHousehold(farmID, { name, email, adults: 2, roles: name === "Penning" ? ["treasurer", "board"] : [] });
    hh[name] = { id: household.id, email, client: undefined as unknown as Client };
  }
  Clock.set(now);
  let n = 1;
  for (const h of Object.values(hh)) h.client = await login(app, h.email, `10.7.0.${n++}`);
  treasurer = hh.Penning!.client;
  expect((await treasurer.put("/api/seasons/2027", { budgetCents: 858_000, weeks: 52, vegetarianDiscountCents: 200 })).status).toBe(200);
  expect((await treasurer.post("/api/seasons/2027/confirm")).status).toBe(200);
  for (const [name, iban, accountHolder] of good) {
    const res = await hh[name]!.client.put(`/api/households/${hh[name]!.id}/mandate`, { iban, accountHolder, signedOn: "2027-01-15" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const db = useDB().entities;
  for (const [name, mandateID, accountHolder] of bad)
    await db.mandate.put({ farmID, householdID: hh[name]!.id, mandateID, iban: "NL39RABO0300065264", accountHolder, signedOn: "2026-12-01", status: "active" }).go();
});

afterAll(() => Clock.set(undefined));

describe("a month's collection run", () => {
  it("is not made by looking: no file before the treasurer creates the run, and the preview shows what it would hold", async () => {
    const before = await treasurer.get("/api/sepa/2027-03.xml");
    expect(before.status).toBe(409);
    expect(before.body.error.code).toBe("sepa.no_run");
    expect((await hh.Jansen!.client.post("/api/sepa/2027-03")).status).toBe(403);
    expect((await treasurer.post("/api/sepa/2027-13")).status).toBe(400);
    expect((await treasurer.post("/api/sepa/2027-03.xml")).status).toBe(400);
    const preview = await treasurer.get("/api/sepa/2027-03.json");
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    // 20 February + 14 days is Saturday 6 March: the Monday after
    expect(preview.body).toMatchObject({ status: "preview", month: "2027-03", collectionDate: "2027-03-08", noticeDays: 14, count: 3, first: 3, messageID: null, notified: null });
    expect(preview.body.leftOut.map((l: any) => [l.household, l.reason])).toEqual(
      expect.arrayContaining(bad.map(([name, , , reason]) => [name, reason])),
    );
    for (const name of Object.keys(hh)) expect(await notices(hh[name]!.email), name).toEqual([]);
  });

  it("two creates at once make one run; the other is told it exists", async () => {
    const [a, b] = await Promise.all([treasurer.post("/api/sepa/2027-03"), treasurer.post("/api/sepa/2027-03")]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const created = a.status === 201 ? a.body : b.body;
    expect((a.status === 409 ? a : b).body.error.code).toBe("sepa.run_exists");
    expect(created).toMatchObject({ status: "created", month: "2027-03", collectionDate: "2027-03-08", count: 3, first: 3, recurring: 0 });
    // the households are told after the answer; until then the file waits, with a code that says so
    expect(created.notified).toBeLessThanOrEqual(3);
    const early = await treasurer.get("/api/sepa/2027-03.xml");
    if (early.status === 409) expect(early.body.error.code).toBe("sepa.notice_pending");
    await Mailing.settled();
    expect((await treasurer.get("/api/sepa/2027-03.json")).body.notified).toBe(3);
    expect(created.messageID).toMatch(/^AKKER-202703-[0-9A-Z]{14}$/);
    expect(created.created).toBe("2027-02-20T11:00:00+01:00");
    expect(created.leftOut).toHaveLength(3);
    // the loser's items are gone: one collection per household for the month
    const items = (await useDB().entities.sepaRunItem.scan.where((x, op) => op.eq(x.farmID, farmID)).go({ pages: "all", consistent: true })).data;
    expect(items.filter((i) => i.month === "2027-03").map((i) => i.householdID).sort()).toEqual(good.map(([n]) => hh[n]!.id).sort());
    expect((await treasurer.post("/api/sepa/2027-03")).body.error.code).toBe("sepa.run_exists");
  });

  it("tells each household its amount and date once", async () => {
    const run = (await treasurer.get("/api/sepa/2027-03.json")).body;
    for (const c of run.collections) {
      const name = c.household as string;
      const mails = await notices(hh[name]!.email);
      expect(mails, name).toHaveLength(1);
      const euros = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" }).format(c.amountCents / 100);
      expect(mails[0]!.subject).toBe(`Incasso van ${euros} op 8 maart 2027`);
      expect(mails[0]!.text).toContain(c.mandateID);
      expect(mails[0]!.text).toContain(creditorID);
    }
    for (const [name] of bad) expect(await notices(hh[name]!.email), name).toEqual([]);
  });

  it("downloads the same file, byte for byte, every time; valid against the XSD, its IBANs and creditor ID checked by python-stdnum", async () => {
    const first = await treasurer.get("/api/sepa/2027-03.xml");
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.headers.get("content-disposition")).toBe('attachment; filename="incasso-2027-03.xml"');
    Clock.set(now + 3 * 3600_000);
    // a payment meanwhile changes what is open, never the frozen run
    expect((await treasurer.post("/api/payments", { householdID: hh.Jansen!.id, amountCents: 1000, date: "2027-02-20", reference: "JANSEN-EXTRA" })).status).toBe(201);
    const [again, third] = await Promise.all([treasurer.get("/api/sepa/2027-03.xml"), treasurer.get("/api/sepa/2027-03.xml")]);
    expect(again.body).toBe(first.body);
    expect(third.body).toBe(first.body);
    const xml = first.body as string;
    expect((await validatePain008(xml)).errors).toEqual([]);
    expect(all(xml, "CreDtTm")).toEqual(["2027-02-20T11:00:00+01:00"]);
    expect(all(xml, "BtchBookg")).toEqual(["false"]);
    expect(all(xml, "ReqdColltnDt")).toEqual(["2027-03-08"]);
    const run = (await treasurer.get("/api/sepa/2027-03.json")).body;
    expect(all(xml, "MsgId")).toEqual([run.messageID]);
    expect(all(xml, "EndToEndId").sort()).toEqual(run.collections.map((c: any) => c.endToEndID).sort());
    expect(all(xml, "PmtInfId")).toEqual([`${run.messageID}.0`]);
    expect(all(xml, "Nm")).toEqual(expect.arrayContaining(["J. Jansen", "Jurgen Visser-Strasse", "Lukasz AEro Dekker"]));
    for (const [name] of bad) expect(xml).not.toContain(hh[name]!.id.slice(3).toUpperCase());
    const ibans = [...xml.matchAll(/<IBAN>([^<]*)<\/IBAN>/g)].map((m) => m[1]!);
    expect(ibans).toHaveLength(1 + good.length);
    const [ibanOK, creditorOK] = stdnumValid(ibans, all(xml, "Id").filter((id) => id.includes("ZZZ")));
    expect(ibanOK).toEqual(ibans.map(() => true));
    expect(creditorOK).toEqual([true]);
    // nobody was told twice by the downloads
    for (const [name] of good) expect(await notices(hh[name]!.email), name).toHaveLength(1);
  });

  it("a create that died before telling everyone is finished by the next look, once per household", async () => {
    const db = useDB().entities;
    const run = (await db.sepaRun.get({ farmID, month: "2027-03" }).go()).data!;
    // as if the process died before Visser's and Dekker's notices were committed (their mandates marked FRST already)
    for (const name of ["Visser", "Dekker"]) await db.sepaRunItem.patch({ farmID, runID: run.runID, householdID: hh[name]!.id }).remove(["notified"]).go();
    const looks = await Promise.all([treasurer.get("/api/sepa/2027-03.json"), treasurer.get("/api/sepa/2027-03.xml"), treasurer.get("/api/sepa/2027-03.json")]);
    expect(looks.map((l) => l.status)).toEqual([200, 200, 200]);
    expect(looks[0]!.body.notified).toBe(3);
    expect(await notices(hh.Visser!.email)).toHaveLength(2);
    expect(await notices(hh.Dekker!.email)).toHaveLength(2);
    expect(await notices(hh.Jansen!.email)).toHaveLength(1);
    expect((await db.mandate.get({ farmID, householdID: hh.Visser!.id }).go()).data?.firstCollection).toBe("2027-03");
  });

  it("finds a collection by its EndToEndId and the run by its MsgId or PmtInfId, for booking the statement", async () => {
    const run = (await treasurer.get("/api/sepa/2027-03.json")).body;
    const c = run.collections[0];
    await withActor({ type: "system", farmID }, async () => {
      const found = await Sepa.findItem(c.endToEndID);
      expect(found?.item).toMatchObject({ householdID: c.householdID, amountCents: c.amountCents, mandateID: c.mandateID });
      expect(found?.run.messageID).toBe(run.messageID);
      expect(await Sepa.findItem("202704-NOTHING")).toBeUndefined();
      expect((await Sepa.findRun(run.messageID))?.month).toBe("2027-03");
      expect((await Sepa.findRun(`${run.messageID}.0`))?.month).toBe("2027-03");
      expect(await Sepa.findRun(`${run.messageID}.7`)).toBeUndefined();
      expect(await Sepa.findRun("AKKER-202703-OTHER")).toBeUndefined();
    });
  });

  it("the next month is RCUR for the mandates collected; a renewed mandate is FRST again", async () => {
    await hh.Dekker!.client.put(`/api/households/${hh.Dekker!.id}/mandate`, { iban: "NL18RABO0123459876", accountHolder: "Dekker", signedOn: "2027-02-01" });
    const april = await treasurer.post("/api/sepa/2027-04");
    expect(april.status, JSON.stringify(april.body)).toBe(201);
    expect(april.body.collections.map((c: any) => [c.household, c.sequence]).sort()).toEqual([
      ["Dekker", "FRST"],
      ["Jansen", "RCUR"],
      ["Visser", "RCUR"],
    ]);
    expect(april.body.collectionDate).toBe("2027-04-01");
    await Mailing.settled();
    const xml = (await treasurer.get("/api/sepa/2027-04.xml")).body as string;
    expect((await validatePain008(xml)).errors).toEqual([]);
    expect(all(xml, "SeqTp")).toEqual(["FRST", "RCUR"]);
    expect(all(xml, "MsgId")[0]).not.toBe((await treasurer.get("/api/sepa/2027-03.json")).body.messageID);
  });

  it("a bad mandate recorded again gets a reference of the platform and is collected", async () => {
    const res = await treasurer.put(`/api/households/${hh.Slash!.id}/mandate`, { iban: "NL39RABO0300065264", accountHolder: "Slash", signedOn: "2027-02-01", shareIBAN: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.mandate.mandateID).toMatch(/^AKKER-[0-9A-Z]{26}$/);
    const may = (await treasurer.get("/api/sepa/2027-05.json")).body;
    expect(may.collections.map((c: any) => c.household)).toContain("Slash");
    expect(may.leftOut.map((l: any) => l.household).sort()).toEqual(["Double", "Wang"]);
  });

  it("refuses a run while the farm's creditor details are wrong, and makes none", async () => {
    for (const changes of [{ creditorID: "NL70ZZZ123456780000" }, { creditorBIC: "DEUTDEFF" }]) {
      await withActor({ type: "system", farmID }, () => Farm.update(changes));
      const res = await treasurer.post("/api/sepa/2027-07");
      expect(res.status, JSON.stringify(changes)).toBe(409);
      expect(res.body.error.code).toBe("sepa.not_configured");
      await withActor({ type: "system", farmID }, () => Farm.update({ creditorID, creditorBIC: "" }));
    }
    expect((await treasurer.get("/api/sepa/2027-07.json")).body.status).toBe("preview");
  });

  it("asks for a TARGET2 day: past Christmas, and past Good Friday and Easter Monday", async () => {
    // a run made on Saturday 11 December: 14 days on is Christmas, a Saturday; Boxing Day a Sunday
    Clock.set(Date.parse("2027-12-11T10:00:00Z"));
    const december = await (await login(app, hh.Penning!.email, "10.7.1.1")).get("/api/sepa/2027-12.json");
    expect(december.body.collectionDate).toBe("2027-12-27");
    // on Friday 12 March 2027, 14 days on is Good Friday
    Clock.set(Date.parse("2027-03-12T10:00:00Z"));
    const march = await withActor({ type: "system", farmID }, () => Sepa.preview(2027, 6));
    expect(march.collectionDate).toBe("2027-06-01");
    const late = await (await login(app, hh.Penning!.email, "10.7.1.2")).post("/api/sepa/2027-02");
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    expect(late.body.collectionDate).toBe("2027-03-30");
    expect(late.body.created).toBe("2027-03-12T11:00:00+01:00");
  });
});
