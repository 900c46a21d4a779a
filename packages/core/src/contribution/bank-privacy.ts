import { useFarmID } from "../actor";
import { writeAll } from "../batch-write";
import { useDB } from "../entities";
import type { BatchLine } from "./ledger-batch-entity";

/*
 * What the bank import keeps of a household that left (privacy/erasure.ts).
 * Its bank lines are books like its payments: kept until the end of the
 * retention period, then deleted. Which lines are its is read from its
 * payments' audit events, which name the line each was booked from
 * (bank-review.ts), so no index by household is needed.
 */

interface Event {
  action: string;
  data?: unknown;
}

/** The events that name a bank line booked on the household alone: a payment, a collection or its return (collection-booking.ts). */
const ownLines = ["payment.recorded", "collection.booked", "collection.returned"];

/** The keys of the bank lines booked on the household, from its audit events (an import's names its payments' lines). */
function linesOf(events: readonly Event[]): string[] {
  return events.flatMap((e) => {
    const data = e.data as { bankLine?: unknown; payments?: { bankLine?: unknown }[] } | undefined;
    const ids = ownLines.includes(e.action) ? [data?.bankLine] : e.action === "payments.booked" ? (data?.payments ?? []).map((p) => p.bankLine) : [];
    return ids.flatMap((id) => (typeof id === "string" && /^[0-9a-f]+$/.test(id) ? [Buffer.from(id, "hex").toString("utf8")] : []));
  });
}

/** Its accounts are no longer remembered as its (the accounts themselves stay on the lines, as on the mandate). */
async function forgetAccounts(householdID: string) {
  const farmID = useFarmID();
  const db = useDB().entities;
  const accounts = (await db.bankAccount.query.byIBAN({ farmID }).go({ pages: "all" })).data;
  for (const a of accounts.filter((a) => a.householdIDs?.includes(householdID)))
    await db.bankAccount.update({ farmID, iban: a.iban }).delete({ householdIDs: [householdID] }).go();
}

export namespace BankPrivacy {
  /** At erasure: the payer's name on its bank lines (those of its imports' batches too) becomes its pseudonym; its accounts are forgotten. */
  export async function erase(householdID: string, events: readonly Event[], batches: readonly { year: number; batchID: string; lines: string }[], pseudonym: string) {
    const farmID = useFarmID();
    const db = useDB().entities;
    for (const b of batches) {
      const lines = JSON.parse(b.lines) as BatchLine[];
      if (lines.some((l) => l.counterName && l.counterName !== pseudonym))
        await db.ledgerBatch
          .patch({ farmID, householdID, year: b.year, batchID: b.batchID })
          .set({ lines: JSON.stringify(lines.map((l) => (l.counterName ? { ...l, counterName: pseudonym, reference: l.reference === l.counterName ? pseudonym : l.reference } : l))) })
          .go();
    }
    for (const key of linesOf(events)) {
      const line = (await db.bankLine.get({ farmID, key }).go()).data;
      if (line?.householdID === householdID && line.counterName && line.counterName !== pseudonym)
        await db.bankLine.patch({ farmID, key }).set({ counterName: pseudonym }).go();
    }
    await forgetAccounts(householdID);
  }

  /** After the retention period: its bank lines and their likeness go, and no line still waiting names it as a candidate. */
  export async function purge(householdID: string, events: readonly Event[]) {
    const farmID = useFarmID();
    const db = useDB().entities;
    // only its own: a line an import booked in its batch has no item, and another line may wait under that key
    const lines = await Promise.all(linesOf(events).map((key) => db.bankLine.get({ farmID, key }).go()));
    const own = lines.flatMap((l) => (l.data?.householdID === householdID ? [{ farmID, key: l.data.key }] : []));
    await writeAll((b) => db.bankLine.delete(b).go(), own);
    const likeness = (await db.paymentLikeness.query.byHousehold({ farmID, householdID }).go({ pages: "all" })).data;
    await writeAll((b) => db.paymentLikeness.delete(b).go(), likeness.map(({ year }) => ({ farmID, householdID, year })));
    for (const state of ["review", "held"] as const) {
      const waiting = (await db.bankLine.query.byState({ farmID, state }).go({ pages: "all" })).data;
      for (const line of waiting.filter((l) => l.candidates?.includes(householdID)))
        await db.bankLine.patch({ farmID, key: line.key }).set({ candidates: line.candidates!.filter((h) => h !== householdID) }).go();
    }
    await forgetAccounts(householdID);
  }
}
