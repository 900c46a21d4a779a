import { useFarmID } from "../actor";
import { useDB } from "../entities";
import type { BatchLine } from "./ledger-batch-entity";
import { Clock } from "../clock";
import { createID } from "../id";

/** Reading and making the ledger's batches (ledger-batch-entity.ts). */

type Batch = {
  householdID: string;
  year: number;
  batchID: string;
  lines: string;
  createdBy: string;
  createdAt: string;
};

export namespace LedgerBatch {
  /** A payment in a batch as a ledger entry (payment.ts), with its bank line. */
  export interface Entry {
    householdID: string;
    entryID: string;
    year: number;
    kind: "payment";
    amountCents: number;
    date: string;
    reference: string;
    source: "import";
    createdBy: string;
    createdAt: string;
    /** A batch's payment reverses nothing and has no note (its counter-entry is an entry of its own). */
    reverses?: undefined;
    note?: undefined;
    bank: BatchLine;
  }

  const separator = ".";
  /** `pay_….007`: the batch's ID and the payment's place in it. */
  const entryID = (batchID: string, i: number) => `${batchID}${separator}${String(i + 1).padStart(3, "0")}`;
  /** The batch an entry ID names, if it names one. */
  export const batchOf = (id: string) => {
    const at = id.lastIndexOf(separator);
    return at > 0 && /^\d{3}$/.test(id.slice(at + 1)) ? { batchID: id.slice(0, at), index: Number(id.slice(at + 1)) - 1 } : undefined;
  };

  /** A batch's payments as ledger entries. */
  export const entries = (b: Batch): Entry[] => withLines(b, JSON.parse(b.lines) as BatchLine[]);

  function withLines(b: Batch, lines: BatchLine[]): Entry[] {
    return lines.map((bank, i) => ({
      householdID: b.householdID,
      entryID: entryID(b.batchID, i),
      year: b.year,
      kind: "payment",
      amountCents: bank.amountCents,
      date: bank.date,
      reference: bank.reference,
      source: "import",
      createdBy: b.createdBy,
      createdAt: b.createdAt,
      bank,
    }));
  }

  /** A new batch's item and its entries, in the order of `lines`. */
  export function make(householdID: string, year: number, lines: BatchLine[], createdBy: string) {
    const item = { farmID: useFarmID(), householdID, year, batchID: createID("payment"), lines: JSON.stringify(lines), createdBy, createdAt: Clock.iso() };
    return { item, entries: withLines(item, lines) };
  }

  /** The household's batches, read consistently: of one year, or all. */
  export async function ofHousehold(householdID: string, year?: number) {
    const res = await useDB()
      .entities.ledgerBatch.query.byHousehold({ farmID: useFarmID(), householdID, ...(year === undefined ? {} : { year }) })
      .go({ pages: "all", consistent: true });
    return res.data;
  }

  export async function ofYear(year: number) {
    return (await useDB().entities.ledgerBatch.query.byYear({ farmID: useFarmID(), year }).go({ pages: "all" })).data;
  }

  /** The entry with this ID, if it is a batch's. */
  export async function byID(id: string): Promise<Entry | undefined> {
    const at = batchOf(id);
    if (!at) return undefined;
    const batch = (await useDB().entities.ledgerBatch.query.byID({ farmID: useFarmID(), batchID: at.batchID }).go()).data[0];
    return batch ? entries(batch)[at.index] : undefined;
  }

  /** The entry with this ID of this household and year, read consistently. */
  export async function get(householdID: string, year: number, id: string): Promise<Entry | undefined> {
    const at = batchOf(id);
    if (!at) return undefined;
    const batch = (await useDB().entities.ledgerBatch.get({ farmID: useFarmID(), householdID, year, batchID: at.batchID }).go({ consistent: true })).data;
    return batch ? entries(batch)[at.index] : undefined;
  }

  /** The entry booked from the bank line with this key on the household in that year. */
  export async function byLine(householdID: string, year: number, key: string) {
    return (await ofHousehold(householdID, year)).flatMap(entries).find((e) => e.bank.key === key);
  }
}
