import { useFarmID } from "../actor";
import { useDB } from "../entities";
import type { BankLine } from "./bank";
import type { BankMatch } from "./bank-match";
import type { BankLease } from "./bank-lease";
import { BankReview } from "./bank-review";
import { LedgerBatch } from "./ledger-batch";
import type { BatchLine } from "./ledger-batch-entity";
import { Payment } from "./payment";
import { PaymentLikeness } from "./payment-likeness";

/*
 * How an import writes what it decided (bank-import.ts): a household's
 * booked lines of a year as one batch with its likeness and audit event, a
 * waiting or held line as its own item; packed into transactions that fit
 * DynamoDB, each holding only while the import's bank lease does.
 */
export namespace BankImportWrite {
  export type Plan =
    | { kind: "book"; householdID: string; by: string }
    | { kind: "review"; reason: (typeof BankReview.reasons)[number]; candidates: string[]; repeats?: string }
    | { kind: "held"; reason: (typeof BankReview.heldKinds)[number] };
  export interface Kept {
    line: BankLine;
    held?: "collection" | "return";
    likeness: string;
    /** The household it found (bank-match.ts), or why it waits; none for held lines. */
    found?: BankMatch;
  }

  // A household's booked lines of a year are one batch item (ledger-batch.ts) beside its likeness and
  // one audit event: 3 items. A line waiting or held is 1 or 2. Each transaction checks the lease too.
  // Lines are weighed as they will be stored (bytesOf), so that a batch stays inside DynamoDB's 400 KB
  // an item and a transaction inside its 4 MB whatever the length of the bank's descriptions.
  const itemsPerTransaction = 99;
  const bytesPerBatch = 300_000;
  const bytesPerTransaction = 3_000_000;

  /**
   * A line's bytes, generously: in its batch its fields with their names and its words again as the
   * payment's reference; its key in the likeness token and (as hex) in the audit event; as an item alone, as much.
   */
  const bytesOf = ({ line }: Kept) =>
    600 + 2 * Buffer.byteLength(`${line.description}${line.counterName ?? ""}${line.structuredReference ?? ""}${line.endToEndID ?? ""}${line.bankRef ?? ""}`) + 4 * line.key.length;

  export interface Write {
    kept: Kept;
    key: string;
    plan: Plan;
    claimLikeness: boolean;
  }

  /**
   * What to write: lines booked on one household and year go together with
   * its likeness and one audit event (a unit); other lines alone. Units are
   * packed into transactions; a household's second unit waits for the next
   * round, as its likeness can change once per round.
   */
  export function pack(writes: Write[]) {
    const units = new Map<string, Write[]>();
    const alone: Write[][] = [];
    for (const w of writes) {
      if (w.plan.kind !== "book") alone.push([w]);
      else {
        const id = `${w.plan.householdID}|${w.kept.line.bookingDate.slice(0, 4)}`;
        units.set(id, [...(units.get(id) ?? []), w]);
      }
    }
    const later: Kept[] = [];
    /** A household's lines up to a batch's bytes, and their bytes; the rest in the next round. */
    const fit = (unit: Write[]) => {
      let bytes = 0;
      let n = 0;
      for (const w of unit) {
        const b = bytesOf(w.kept);
        if (n && bytes + b > bytesPerBatch) break;
        (bytes += b), n++;
      }
      later.push(...unit.slice(n).map((w) => w.kept));
      return { unit: unit.slice(0, n), bytes };
    };
    const groups: { units: Write[][]; items: number; bytes: number }[] = [];
    const size = (unit: Write[]) => (unit[0]!.plan.kind === "book" ? 3 : unit[0]!.claimLikeness ? 2 : 1);
    for (const { unit, bytes } of [...[...units.values()].map(fit), ...alone.map((unit) => ({ unit, bytes: bytesOf(unit[0]!.kept) }))]) {
      const last = groups.at(-1);
      if (last && last.items + size(unit) <= itemsPerTransaction && last.bytes + bytes <= bytesPerTransaction)
        (last.units.push(unit), (last.items += size(unit)), (last.bytes += bytes));
      else groups.push({ units: [unit], items: size(unit), bytes });
    }
    return { groups: groups.map((g) => g.units), later };
  }

  /** What a line keeps of the bank's, whether it waits (stored) or is booked (batchLine). */
  const fromBank = ({ line, likeness }: Kept, format: string, key: string) => ({
    key,
    likeness,
    format,
    line: line.line,
    counterIBAN: line.counterIBAN,
    counterName: line.counterName || undefined,
    description: line.description || undefined,
    structuredReference: line.structuredReference,
    endToEndID: line.endToEndID,
    bankRef: line.bankRef,
  });

  /** The bank line's item of a line that waits or is held (a booked one is kept in its batch). */
  export function stored(kept: Kept, format: string, key: string, plan: Exclude<Plan, { kind: "book" }>) {
    const { line } = kept;
    return {
      ...fromBank(kept, format, key),
      farmID: useFarmID(),
      state: plan.kind,
      reason: plan.reason,
      candidates: plan.kind === "review" ? plan.candidates : undefined,
      repeats: plan.kind === "review" ? plan.repeats : undefined,
      bookingDate: line.bookingDate,
      amountCents: line.amountCents,
      currency: line.currency,
      returnCode: line.returned?.reasonCode,
      returnOf: line.returned?.originalEndToEndID,
      batchID: line.batch?.paymentInfoID ?? line.batch?.messageID,
    };
  }

  /** A line booked on a household as its batch keeps it (ledger-batch.ts). */
  export function batchLine(kept: Kept, format: string, key: string, by: string): BatchLine {
    const bank = fromBank(kept, format, key);
    return { ...bank, amountCents: kept.line.amountCents, date: kept.line.bookingDate, reference: BankReview.referenceOf({ ...kept.line, ...bank }), matchedBy: by };
  }

  /**
   * One transaction for a group of units, on the condition that the lease is
   * still this import's: a household's booked lines as one batch of ledger
   * entries with its likeness (on the condition that it is as it was read,
   * its tokens naming each line) and one audit event naming the payments;
   * a waiting or held line as its bank line item, created only if its key is
   * free. Undefined when it was cancelled.
   */
  export async function write(units: Write[][], format: string, seen: (householdID: string, year: number) => PaymentLikeness.Seen, lease: BankLease.Held) {
    const farmID = useFarmID();
    const made = units.map((unit) => {
      const plan = unit[0]!.plan;
      if (plan.kind !== "book") return { unit };
      const year = Number(unit[0]!.kept.line.bookingDate.slice(0, 4));
      const batch = LedgerBatch.make(plan.householdID, year, unit.map((w) => batchLine(w.kept, format, w.key, (w.plan as { by: string }).by)), BankReview.actorID());
      return { unit, householdID: plan.householdID, mine: seen(plan.householdID, year), batch };
    });
    const res = await useDB()
      .transaction.write((tx) => [
        lease.check(tx),
        ...made.flatMap(({ unit, householdID, mine, batch }) =>
          batch
            ? [
                tx.ledgerBatch.create(batch.item).commit(),
                PaymentLikeness.bump(tx, mine, { lines: unit.map((w) => PaymentLikeness.lineToken(w.kept.likeness, format, w.key)) }),
                tx.audit.create(BankReview.bookedEvent(householdID, batch.entries.map((entry) => ({ entry, line: BankReview.idOf(entry.bank.key) })))).commit(),
              ]
            : unit.flatMap((w) => [
                tx.bankLine.create(stored(w.kept, format, w.key, w.plan as Exclude<Plan, { kind: "book" }>)).commit(),
                ...(w.claimLikeness ? [tx.bankLikeness.create({ farmID, likeness: w.kept.likeness, format, key: w.key }).commit()] : []),
              ]),
        ),
      ])
      .go();
    if (res.canceled) return undefined;
    return made.flatMap(({ unit, batch }) => unit.map((w, i) => [w, batch ? Payment.serialize(batch.entries[i]!) : undefined] as const));
  }
}
