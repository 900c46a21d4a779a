import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { Mandate } from "@akker/core/contribution/mandate";
import { Season } from "@akker/core/contribution/season";
import { Statement } from "@akker/core/contribution/statement";
import { useDynamo } from "@akker/core/dynamo";
import { useDB } from "@akker/core/entities";
import { uploadBankFile } from "./bank-upload";
import { freshFarmApp, ledgerEntries, login, makeHousehold, type TestApp } from "./helpers";

/*
 * An import books a household's lines of a year as one batch of ledger
 * entries (ledger-batch.ts). Each payment in it is a ledger entry like any
 * other: listed, reversed once, counted in the statement. A line that waits
 * for review is not booked again by a later, overlapping file, even when the
 * sample of that file's lines misses it, and a tap on one an import booked
 * meanwhile is refused. Batches fit DynamoDB's items however long the words.
 * An import whose lease passed to another books nothing more. A line booked
 * before is there when met again, also when two of them share a likeness.
 */

let app: TestApp;
let farmID: string;
let treasurer: Awaited<ReturnType<typeof login>>;
const hh: Record<string, string> = {};
const stranger = "NL91ABNA0417164300";

const upload = async (lines: string[]) => {
  const res = await uploadBankFile(app, treasurer, ["datum;bedrag;omschrijving;rekening", ...lines].join("\n"), "text/csv");
  return res;
};
const day = (i: number) => new Date(Date.UTC(2027, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(Date.parse("2027-12-20T10:00:00Z")));
  for (const name of ["Penning", "Jansen", "Bakker", "Smit", "Visser", "Mulder", "Kok"]) {
    const { household } = await makeHousehold(farmID, { name, email: `${name.toLowerCase()}@example.nl`, roles: name === "Penning" ? ["treasurer"] : [] });
    hh[name] = household.id;
  }
  treasurer = await login(app, "penning@example.nl", "10.1.0.1");
  await withActor({ type: "system", farmID }, async () => {
    await Season.save(2027, { budgetCents: 6_000_000, weeks: 52 });
    await Season.confirm(2027, {});
  });
});

afterAll(() => Clock.set(undefined));

describe("an import's payments in their batch", () => {
  it("are listed, counted and reversed once like any other payment", async () => {
    const res = await upload([`2027-02-01;43,34;Bijdrage februari;${hh["Jansen"]}`, `2027-03-01;43,34;Bijdrage maart;${hh["Jansen"]}`]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.imported).toBe(2);
    const [feb, mar] = res.body.payments as { id: string; amountCents: number; date: string }[];
    expect((await useDB().entities.ledgerBatch.query.byHousehold({ farmID, householdID: hh["Jansen"]! }).go()).data, "one item for both").toHaveLength(1);

    const listed = await treasurer.get(`/api/payments?year=2027&householdID=${hh["Jansen"]}`);
    expect(listed.status).toBe(200);
    expect(listed.body.payments.map((p: { id: string; date: string; source: string }) => [p.id, p.date, p.source])).toEqual([
      [feb!.id, "2027-02-01", "import"],
      [mar!.id, "2027-03-01", "import"],
    ]);

    const reversed = await treasurer.post(`/api/payments/${feb!.id}/reverse`, { note: "wrong household" });
    expect(reversed.status, JSON.stringify(reversed.body)).toBe(201);
    expect(reversed.body.reversal).toMatchObject({ kind: "reversal", amountCents: -4334, reverses: feb!.id });
    const twice = await treasurer.post(`/api/payments/${feb!.id}/reverse`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("payment.already_reversed");

    const statement = await withActor({ type: "system", farmID }, () => Statement.forHousehold(hh["Jansen"]!, 2027));
    expect(statement.paidCents).toBe(4334);
    expect((await ledgerEntries(farmID, hh["Jansen"])).map((e) => e.amountCents)).toEqual([4334, 4334, -4334]);
  });

  it("leave a line that waits for review waiting when a later file overlaps it unsampled, though its account is known by then", async () => {
    const first = await upload([`2027-04-01;43,34;Bijdrage april;${stranger}`]);
    expect(first.body.review).toEqual([expect.objectContaining({ reason: "unknown", counterIBAN: stranger })]);
    // since then the account is Bakker's mandate: the waiting line would now find Bakker
    await withActor({ type: "system", farmID }, () => Mandate.put(hh["Bakker"]!, Mandate.Input.parse({ iban: stranger, accountHolder: "Bakker", signedOn: "2027-04-10" })));
    // 250 lines: a sample of every second line (bank-import.ts allNew) misses the second one, the old line
    const lines = Array.from({ length: 250 }, (_, i) => (i === 1 ? `2027-04-01;43,34;Bijdrage april;${stranger}` : `${day(100 + i)};10,${String(i % 100).padStart(2, "0")};Extra ${i};${hh["Bakker"]}`));
    const res = await upload(lines);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.alreadyThere).toBe(1);
    expect(res.body.imported).toBe(249);
    expect((await ledgerEntries(farmID, hh["Bakker"])).filter((e) => e.date === "2027-04-01")).toEqual([]);
  });

  it("are never booked twice from a waiting line an overlapping file booked while the index of waiting lines lagged", async () => {
    const mulder = "NL02ABNA0123456789";
    const first = await upload([`2027-08-01;43,34;Bijdrage augustus;${mulder}`]);
    const [waiting] = first.body.review as { id: string }[];
    expect(waiting).toBeDefined();
    await withActor({ type: "system", farmID }, () => Mandate.put(hh["Mulder"]!, Mandate.Input.parse({ iban: mulder, accountHolder: "Mulder", signedOn: "2027-08-10" })));
    // DynamoDB's indexes may lag a write of a moment ago: here the waiting lines' index answers empty
    const { client } = useDynamo();
    const name = "lagging-index";
    client.middlewareStack.add(
      (next, context) => async (args) =>
        context.commandName === "QueryCommand" && /state_review/.test(JSON.stringify(args.input)) ? ({ output: { Items: [], Count: 0, $metadata: {} }, response: {} } as never) : next(args),
      { step: "initialize", name },
    );
    try {
      const lines = Array.from({ length: 250 }, (_, i) => (i === 1 ? `2027-08-01;43,34;Bijdrage augustus;${mulder}` : `${day(220 + (i % 100))};11,${String(i % 100).padStart(2, "0")};Extra ${i};${hh["Mulder"]}`));
      const res = await upload(lines);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.imported, "the waiting line booked as the index did not show it").toBe(250);
    } finally {
      client.middlewareStack.remove(name);
    }
    for (const alsoImported of [false, true]) {
      const tap = await treasurer.post(`/api/payments/review/${waiting!.id}`, { householdID: hh["Bakker"], alsoImported });
      expect(tap.status, JSON.stringify(tap.body)).toBe(409);
      expect(tap.body.error.code).toBe("bank.line_decided");
    }
    expect((await ledgerEntries(farmID, hh["Bakker"])).filter((e) => e.date === "2027-08-01" && e.amountCents === 4334)).toEqual([]);
  });

  it("split a household's year of long descriptions over batches that fit DynamoDB's items, and refuse a line longer than a bank gives", async () => {
    const words = (i: number) => `Bijdrage ${i} ${"ééé lange omschrijving ".repeat(40)}`.slice(0, 900);
    const lines = Array.from({ length: 300 }, (_, i) => `${day(i)};12,${String(i % 100).padStart(2, "0")};${words(i)};${hh["Kok"]}`);
    lines.push(`2027-09-09;43,34;${"x".repeat(5_000)};${hh["Kok"]}`);
    const res = await upload(lines);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body.imported).toBe(300);
    expect(res.body.refused).toEqual([expect.objectContaining({ line: 302, code: "bank.line.too_long" })]);
    const batches = (await useDB().entities.ledgerBatch.query.byHousehold({ farmID, householdID: hh["Kok"]! }).go({ pages: "all" })).data;
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) expect(Buffer.byteLength(b.lines)).toBeLessThan(350_000);
    expect((await uploadBankFile(app, treasurer, ["datum;bedrag;omschrijving;rekening", ...lines].join("\n"), "text/csv")).body.alreadyThere).toBe(300);
  });

  it("stop when the lease passed to another import: nothing booked, its lease left alone", async () => {
    const { client } = useDynamo();
    const name = "steal-the-lease";
    // another import takes the lease over just before this one's first transaction (this one stalled past its end)
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "TransactWriteItemsCommand")
          await useDB().entities.bankLease.put({ farmID, holder: "other", what: "import", until: new Date(Date.now() + 60_000).toISOString() }).go();
        return next(args);
      },
      { step: "initialize", name },
    );
    try {
      const res = await upload([`2027-05-01;43,34;Bijdrage mei;${hh["Jansen"]}`]);
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body.error.code).toBe("bank.busy");
    } finally {
      client.middlewareStack.remove(name);
    }
    expect((await ledgerEntries(farmID, hh["Jansen"])).filter((e) => e.date === "2027-05-01")).toEqual([]);
    expect((await useDB().entities.bankLease.get({ farmID }).go({ consistent: true })).data?.holder).toBe("other");
    await useDB().entities.bankLease.delete({ farmID }).go();
  });
});

describe("lines booked before, met again", () => {
  const smit = "NL20INGB0001234567";
  const visser = "NL72INGB0598096747";
  beforeAll(() =>
    withActor({ type: "system", farmID }, async () => {
      await Mandate.put(hh["Smit"]!, Mandate.Input.parse({ iban: smit, accountHolder: "Smit", signedOn: "2027-01-10" }));
      await Mandate.put(hh["Visser"]!, Mandate.Input.parse({ iban: visser, accountHolder: "Visser", signedOn: "2026-09-01" }));
    }),
  );

  it("are there when another file counts two alike transfers in another order", async () => {
    // two months paid on one day: alike in date, amount and account, told apart by their words
    const maart = `2027-06-02;43,34;Bijdrage maart;${smit}`;
    const april = `2027-06-02;43,34;Bijdrage april;${smit}`;
    expect((await upload([maart])).body.imported).toBe(1);
    // a later export, newest first: april is the first alike line there, maart the second
    const second = await upload([april, maart]);
    expect([second.body.imported, second.body.alreadyThere]).toEqual([1, 1]);
    const again = await upload([april, maart]);
    expect([again.body.imported, again.body.alreadyThere, again.body.review.length]).toEqual([0, 2, 0]);
    expect((await ledgerEntries(farmID, hh["Smit"])).map((e) => e.reference).sort()).toEqual(["Bijdrage april", "Bijdrage maart"]);
  });

  it("are there when the same transfer was booked from two formats, the second by a tap as another payment", async () => {
    const simple = ["datum;bedrag;omschrijving;rekening", `2027-07-05;43,34;Bijdrage juli;${visser}`].join("\n");
    const header = readFileSync(new URL("../fixtures/bank/rabobank-2026-11-12.csv", import.meta.url)).toString("utf8").split(/\r?\n/)[0];
    const rabo = [header, `"NL71RABO6627312220","EUR","RABONL2U","000000000000009105","2027-07-05","2027-07-05","+43,34","+0,00","${visser}","J. Visser","","","INGBNL2A","cb","","","","","","Bijdrage juli","","","","","",""`].join("\r\n");
    expect((await uploadBankFile(app, treasurer, rabo, "text/csv")).body.imported).toBe(1);
    const waiting = await uploadBankFile(app, treasurer, simple, "text/csv");
    expect(waiting.body.review).toEqual([expect.objectContaining({ reason: "other_format" })]);
    const tap = await treasurer.post(`/api/payments/review/${waiting.body.review[0].id}`, { householdID: hh["Visser"], alsoImported: true });
    expect(tap.status, JSON.stringify(tap.body)).toBe(200);
    for (const file of [simple, rabo]) {
      const again = await uploadBankFile(app, treasurer, file, "text/csv");
      expect([again.body.imported, again.body.alreadyThere, again.body.review.length]).toEqual([0, 1, 0]);
    }
    expect(await ledgerEntries(farmID, hh["Visser"])).toHaveLength(2);
  });
});
