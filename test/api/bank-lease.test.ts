import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { BankLease } from "@akker/core/contribution/bank-lease";
import { householdCreditorReference } from "@akker/core/contribution/bank/index";
import { composeIBAN } from "@akker/core/contribution/iban";
import { useDB } from "@akker/core/entities";
import { uploadBankFile } from "./bank-upload";
import { freshFarmApp, ledgerEntries, login, makeHousehold, type TestApp } from "./helpers";

/*
 * One booking of bank lines at a time (bank-lease.ts): two imports of one
 * transfer in two formats at once, matched to two households, book it once;
 * a held lease answers 409 bank.busy having written nothing; a crashed
 * import's lease lapses by itself. Assigning a waiting line looks at, and
 * marks, every household's bookings from other formats, as an import does.
 */

let app: TestApp;
let farmID: string;
let treasurer: Awaited<ReturnType<typeof login>>;
const hh: Record<string, string> = {};
const iban = "NL72INGB0598096747";
const header = readFileSync(new URL("../fixtures/bank/rabobank-2026-11-12.csv", import.meta.url)).toString("utf8").split(/\r?\n/)[0];

const upload = (bytes: string, type: string) => uploadBankFile(app, treasurer, bytes, type);

const ledger = () => ledgerEntries(farmID);
/** Every bank line with its state: what an import or an assignment would change. */
const bankLines = async () => (await useDB().entities.bankLine.scan.where((a, op) => op.eq(a.farmID, farmID)).go({ pages: "all" })).data.map((l) => `${l.key} ${l.state}`).sort();
const lease = async () => (await useDB().entities.bankLease.get({ farmID }).go({ consistent: true })).data;
const holdLease = (untilMs: number) => useDB().entities.bankLease.put({ farmID, holder: "crashed", what: "import", until: new Date(untilMs).toISOString() }).go();

/** One transfer as the simple CSV gives it, with Paula's RF reference, and as Rabobank's CSV, without. */
function transfer(day: number, from = iban, name = "J. Jansen") {
  const date = `2027-01-${String(day).padStart(2, "0")}`;
  const simple = ["datum;bedrag;omschrijving;rekening", `${date};43,34;Bijdrage januari ${householdCreditorReference(hh["Penning"]!)};${from}`].join("\n");
  const rabo = `"NL71RABO6627312220","EUR","RABONL2U","0000000000000077${day}","${date}","${date}","+43,34","+0,00","${from}","${name}","","","INGBNL2A","cb","","","","","","Bijdrage januari","","","","","",""`;
  return { date, simple, rabobank: [header, rabo].join("\r\n") };
}

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(Date.parse("2027-01-20T10:00:00Z")));
  for (const name of ["Penning", "Jansen"]) {
    const { household } = await makeHousehold(farmID, { name, email: `${name.toLowerCase()}@example.nl`, roles: name === "Penning" ? ["treasurer"] : [] });
    hh[name] = household.id;
  }
  treasurer = await login(app, "penning@example.nl", "10.1.0.1");
  // the account the treasurer once assigned to Jansen: the Rabobank line finds Jansen by it
  await useDB().entities.bankAccount.put({ farmID, iban, householdIDs: [hh["Jansen"]!] }).go();
});

afterAll(() => Clock.set(undefined));

describe("the bank lease", () => {
  it("books a transfer imported in two formats at once, each matching another household, once", async () => {
    for (const day of [5, 6, 7, 8]) {
      const t = transfer(day);
      const [a, b] = await Promise.all([upload(t.simple, "text/csv"), upload(t.rabobank, "text/csv")]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const booked = [...a.body.payments, ...b.body.payments];
      expect(booked, t.date).toHaveLength(1);
      expect([...a.body.review, ...b.body.review]).toEqual([expect.objectContaining({ reason: "other_format", amountCents: 4334, bookingDate: t.date })]);
      expect((await ledger()).filter((e) => e.date === t.date)).toHaveLength(1);
    }
    expect(await lease()).toBeNull();
  });

  // each waits the lease's 10 s before it answers
  it("answers 409 bank.busy to an import while another holds the lease, after waiting, and writes nothing", { timeout: 60_000 }, async () => {
    await holdLease(Clock.now() + 60_000);
    const [entries, lines] = [(await ledger()).length, await bankLines()];
    const t = transfer(12);
    const started = performance.now();
    const res = await upload(t.simple, "text/csv");
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "bank.busy", message: "Another import is running; try again in a minute." });
    expect(performance.now() - started).toBeGreaterThan(9_000);
    expect([(await ledger()).length, await bankLines()]).toEqual([entries, lines]);
    expect((await lease())?.holder).toBe("crashed");
  });

  it("answers 409 bank.busy to an assignment from the review list while another holds the lease", { timeout: 60_000 }, async () => {
    // assigning a waiting line books too: an import at once could book its transfer on another household
    const [entries, lines] = [(await ledger()).length, await bankLines()];
    const waiting = (await treasurer.get("/api/payments/review")).body.review[0];
    const assigned = await treasurer.post(`/api/payments/review/${waiting.id}`, { householdID: hh["Jansen"], alsoImported: true });
    expect([assigned.status, assigned.body.error?.code]).toEqual([409, "bank.busy"]);
    expect([(await ledger()).length, await bankLines()]).toEqual([entries, lines]);
    expect((await lease())?.holder).toBe("crashed");
  });

  it("renews the lease while an import runs long, and lets go of it after", { timeout: 60_000 }, async () => {
    await useDB().entities.bankLease.delete({ farmID }).go(); // the lease the tests above left held
    const at = Clock.now();
    const until = await withActor({ type: "system", farmID }, () =>
      BankLease.hold("import", async () => {
        Clock.set(at + 50_000);
        // past the renewal's 15 s: the lease now runs until 60 s after the clock's new time
        await new Promise((r) => setTimeout(r, 16_000));
        return (await lease())?.until;
      }),
    );
    Clock.set(at);
    expect(until).toBe(new Date(at + 110_000).toISOString());
    expect(await lease()).toBeNull();
  });

  it("takes over a lease whose holder crashed once it has run out", async () => {
    await holdLease(Clock.now() - 1);
    const res = await upload(transfer(13).simple, "text/csv");
    expect(res.status).toBe(200);
    expect(res.body.payments).toEqual([expect.objectContaining({ householdID: hh["Penning"], amountCents: 4334 })]);
    expect(await lease()).toBeNull();
  });
});

describe("assigning a waiting line of a transfer booked from another format", () => {
  const waiting = async (date: string) => (await treasurer.get("/api/payments/review")).body.review.find((r: any) => r.bookingDate === date && r.reason === "unknown");

  it("is refused as maybe imported when that format booked it on another household first, and books when told it is another", async () => {
    // nobody's account: the Rabobank line waits; the simple CSV's RF reference books it on Penning
    const t = transfer(14, composeIBAN("NL", "ABNA0417164300"), "K. Onbekend");
    expect((await upload(t.rabobank, "text/csv")).body.review).toHaveLength(1);
    expect((await upload(t.simple, "text/csv")).body.payments).toHaveLength(1);
    const line = await waiting(t.date);
    const refused = await treasurer.post(`/api/payments/review/${line.id}`, { householdID: hh["Jansen"] });
    expect([refused.status, refused.body.error.code, refused.body.error.importedAmountCents]).toEqual([409, "payment.maybe_imported", 4334]);
    expect(refused.body.error.message).toContain("Penning");
    expect((await ledger()).filter((e) => e.date === t.date)).toHaveLength(1);
    const told = await treasurer.post(`/api/payments/review/${line.id}`, { householdID: hh["Jansen"], alsoImported: true });
    expect([told.status, told.body.created]).toEqual([200, true]);
  });

  it("marks the line booked on its household, so the other format's file later waits for review", async () => {
    const t = transfer(15, composeIBAN("NL", "RABO0123456789"), "L. Onbekend");
    expect((await upload(t.rabobank, "text/csv")).body.review).toHaveLength(1);
    const assigned = await treasurer.post(`/api/payments/review/${(await waiting(t.date)).id}`, { householdID: hh["Jansen"] });
    expect(assigned.status).toBe(200);
    const later = await upload(t.simple, "text/csv");
    expect(later.body.payments).toEqual([]);
    expect(later.body.review).toEqual([expect.objectContaining({ reason: "other_format", bookingDate: t.date })]);
    expect((await ledger()).filter((e) => e.date === t.date)).toHaveLength(1);
  });
});
