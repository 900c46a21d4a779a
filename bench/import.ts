import { loadavg } from "node:os";
import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { householdCreditorReference } from "@akker/core/contribution/bank/index";
import { BankImport } from "@akker/core/contribution/bank-import";
import { composeIBAN } from "@akker/core/contribution/iban";
import { Mandate } from "@akker/core/contribution/mandate";
import { demoFarm, seedDemo } from "@akker/core/demo/seed";
import { useDynamo } from "@akker/core/dynamo";
import { useDB } from "@akker/core/entities";
import { Household } from "@akker/core/household/household";
import { benchDatabase } from "./fixture";
import type { Figure } from "./lib";

/*
 * Importing a year of bank statements for the demo farm's 200 households
 * into the ledger: one Rabobank CSV of 5,000 lines (each household paying
 * twice a month: 150 from a mandate's account, 40 with their RF reference
 * from another account, 10 by name only; and 200 lines not theirs), then the
 * same file again. Beside it, DynamoDB Local's floor: the transactions the
 * import sent, each with as many items, written bare, one at a time as the
 * import sends them, and the import's own items sent again (larger: a
 * household's booked lines are one batch item of its payments with their
 * bank lines, ledger-batch.ts). DynamoDB Local's JVM is warmed with 10,000
 * bare writes first, so that the import meets it warm. Prints figures;
 * never fails on time.
 */

const header =
  '"IBAN/BBAN","Munt","BIC","Volgnr","Datum","Rentedatum","Bedrag","Saldo na trn","Tegenrekening IBAN/BBAN","Naam tegenpartij","Naam uiteindelijke partij","Naam initiërende partij","BIC tegenpartij","Code","Batch ID","Transactiereferentie","Machtigingskenmerk","Incassant ID","Betalingskenmerk","Omschrijving-1","Omschrijving-2","Omschrijving-3","Reden retour","Oorspr bedrag","Oorspr munt","Koers"';

const euros = (cents: number) => `${cents < 0 ? "-" : "+"}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, "0")}`;

function row(n: number, date: string, cents: number, iban: string, name: string, description: string) {
  const fields = ["NL71RABO6627312220", "EUR", "RABONL2U", String(n).padStart(18, "0"), date, date, euros(cents), "+0,00", iban, name, "", "", "", "cb", "", "", "", "", "", description, "", "", "", "", "", ""];
  return fields.map((f) => `"${f}"`).join(",");
}

const account = (i: number, bank: string) => composeIBAN("NL", `${bank}${String(1_000_000_000 + i * 7919).slice(0, 10)}`);

/** The year's statement: 24 payments per household, and 200 lines of other business. */
function statement(households: { id: string; name: string; contact: string }[]) {
  const lines = [header];
  let n = 0;
  for (let month = 1; month <= 12; month++)
    for (const day of ["01", "15"])
      households.forEach((h, i) => {
        const date = `2027-${String(month).padStart(2, "0")}-${day}`;
        if (i < 150) lines.push(row(++n, date, 4334, account(i, "ABNA"), h.contact, `Bijdrage Herenboeren ${date.slice(0, 7)}`));
        else if (i < 190) lines.push(row(++n, date, 4334, account(i, "INGB"), h.contact, `Bijdrage ${householdCreditorReference(h.id)}`));
        else lines.push(row(++n, date, 4334, account(i, "SNSB"), h.contact, "Bijdrage"));
      });
  for (let k = 0; k < 200; k++) {
    const date = `2027-${String((k % 12) + 1).padStart(2, "0")}-20`;
    lines.push(k % 2 ? row(++n, date, -12_500 - k, account(k, "RABO"), "Zaadhandel De Kiem B.V.", `Factuur ${k}`) : row(++n, date, 2_500 + k, account(k, "TRIO"), "Onbekende gever", `Gift ${k}`));
  }
  return new TextEncoder().encode(lines.join("\r\n"));
}

async function timed<T>(fn: () => Promise<T>) {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

type TransactItems = NonNullable<TransactWriteCommand["input"]["TransactItems"]>;

/** The import's transactions as it sends them. */
function recordTransactions() {
  const { client } = useDynamo();
  const sent: TransactItems[] = [];
  const send = client.send.bind(client) as (c: unknown, o?: unknown) => Promise<unknown>;
  (client as { send: unknown }).send = (command: unknown, options?: unknown) => {
    if (command instanceof TransactWriteCommand) sent.push(structuredClone(command.input.TransactItems ?? []));
    return send(command, options);
  };
  return { sent, stop: () => ((client as { send: unknown }).send = send) };
}

/** The import's own transactions sent again, the same items under keys of their own, one at a time as the import sends them. */
async function replay(sent: TransactItems[]) {
  const { client } = useDynamo();
  const moved = sent.map((items) =>
    items.map((op) => {
      const o = structuredClone(op);
      if (o.Put) o.Put.Item = { ...o.Put.Item, pk: `replay#${o.Put.Item!.pk}` };
      for (const x of [o.Update, o.Delete, o.ConditionCheck]) if (x) x.Key = { ...x.Key, pk: `replay#${x.Key!.pk}` };
      // the lease's check: as costly on an item that is not there (the lease is let go by now)
      if (o.ConditionCheck) o.ConditionCheck = { ...o.ConditionCheck, ConditionExpression: "attribute_not_exists(pk)", ExpressionAttributeNames: undefined, ExpressionAttributeValues: undefined };
      return o;
    }),
  );
  return timed(async () => {
    for (const TransactItems of moved) await client.send(new TransactWriteCommand({ TransactItems }));
  });
}

/** The bare writes: the same transactions, each of as many puts (about the import's item size), `atOnce` at a time. */
async function floor(transactions: number[], atOnce: number, prefix = "floor") {
  const { client, table } = useDynamo();
  const pad = "x".repeat(300);
  const one = (t: number, items: number) =>
    client.send(
      new TransactWriteCommand({
        TransactItems: Array.from({ length: items }, (_, i) => ({
          // one index entry an item, as the import's items average (line 1, ledger entry 2, likeness 0, audit event 1)
          Put: { TableName: table, Item: { pk: `${prefix}#${t}#${i}`, sk: "-", gsi1pk: `${prefix}#${t}`, gsi1sk: String(i), pad }, ConditionExpression: "attribute_not_exists(pk)" },
        })),
      }),
    );
  return timed(async () => {
    for (let i = 0; i < transactions.length; i += atOnce) await Promise.all(transactions.slice(i, i + atOnce).map((items, j) => one(i + j, items)));
  });
}

export async function bankImportRun(): Promise<Figure[]> {
  const db = await benchDatabase();
  try {
    Clock.set(Date.parse("2027-01-01T09:00:00Z"));
    await seedDemo();
    Clock.set(Date.parse("2027-12-31T10:00:00Z"));
    return await withActor({ type: "system", farmID: demoFarm.id }, async () => {
      const households = (await Household.list()).sort((a, b) => a.id.localeCompare(b.id));
      const people = (await useDB().entities.person.query.byID({ farmID: demoFarm.id }).go({ pages: "all" })).data;
      const contact = (id: string) => people.find((p) => p.householdID === id)?.name;
      for (const [i, h] of households.slice(0, 150).entries()) await Mandate.put(h.id, Mandate.Input.parse({ iban: account(i, "ABNA"), accountHolder: h.name, signedOn: "2026-12-01" }));
      const file = statement(households.map((h) => ({ id: h.id, name: h.name, contact: contact(h.id) ?? h.name })));
      const load = loadavg()[0]!;
      // as many bare items as the import writes, so that it and its floor meet the same warm JVM
      const warm = await floor(Array.from({ length: 100 }, () => 100), 2, "warm");
      const recorded = recordTransactions();
      const first = await timed(() => BankImport.run(file));
      recorded.stop();
      const again = await timed(() => BankImport.run(file));
      const r = first.value;
      // the same transactions bare and as sent, one at a time as the import sends them
      const transactions = recorded.sent.map((t) => t.length);
      const bare = await floor(transactions, 1);
      const own = await replay(recorded.sent);
      const items = transactions.reduce((a, b) => a + b, 0);
      return [
        { name: `lines read (${(file.length / 1e6).toFixed(1)} MB Rabobank CSV)`, value: String(r.lines) },
        { name: "booked / waiting for review / not ours", value: `${r.imported} / ${r.review.length} / ${r.notForUs.length}` },
        { name: "import, first time", value: `${first.ms.toFixed(0)} ms`, target: "≤ 2 s", ok: first.ms <= 2000 },
        { name: "the same file again (books nothing)", value: `${again.ms.toFixed(0)} ms (${again.value.alreadyThere} already there)` },
        { name: `DynamoDB Local's floor: ${transactions.length} transactions, ${items} items (${(items / r.lines).toFixed(2)} a line), one at a time`, value: `${bare.ms.toFixed(0)} ms` },
        { name: "… its own items sent again (the real floor: a batch holds a household's payments and bank lines)", value: `${own.ms.toFixed(0)} ms` },
        { name: "import / floor, bare / own items", value: `${(first.ms / bare.ms).toFixed(2)} × / ${(first.ms / own.ms).toFixed(2)} ×` },
        { name: "DynamoDB Local warmed first with 10,000 bare items in 100 transactions", value: `${warm.ms.toFixed(0)} ms` },
        { name: "load average (1 min) before / after", value: `${load.toFixed(1)} / ${loadavg()[0]!.toFixed(1)}` },
      ];
    });
  } finally {
    Clock.set(undefined);
    await db.stop();
  }
}
