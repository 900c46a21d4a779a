import * as z from "zod/mini";
import { useActor, useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { toIssues } from "../schema";
import { createID, ID } from "../id";
import { amsterdamISO } from "../week";
import { Composition } from "./composition";
import { dateOf, isDate } from "./rules";
import { backoff } from "../backoff";
import { PaymentLikeness } from "./payment-likeness";
import { LedgerBatch } from "./ledger-batch";

/**
 * The ledger: payments the treasurer records or imports, and counter-entries
 * that reverse them. Nothing is changed or deleted, so the ledger always adds
 * up. A bank reference is claimed by one entry in the same transaction that
 * writes the entry, so the same reference arriving twice, or twenty times at
 * once, records one payment. The audit event goes in that transaction too:
 * a crash right after it cannot leave a payment the log does not know.
 */
export namespace Payment {
  const date = z.string().check(z.refine(isDate, { message: "Expected a date, YYYY-MM-DD." }));

  /** € 1,000,000: more is a typing error, not a household's contribution (and beyond what the ledger's sums expect). */
  export const maxCents = 100_000_000;

  export const Input = z.object({
    householdID: ID,
    amountCents: z.int().check(z.minimum(1), z.maximum(maxCents)),
    date,
    reference: z.string().check(z.trim(), z.minLength(1), z.maxLength(140)),
    /** The contribution year the money counts for; by default the year of `date`. */
    year: z.optional(z.int().check(z.minimum(2000), z.maximum(2200))),
    note: z.optional(z.string().check(z.trim(), z.maxLength(500))),
    /** The treasurer knows this is another payment than the one a bank file booked alike (same household, amount and date). */
    alsoImported: z.optional(z.boolean()),
  });

  export const ReverseInput = z.object({ note: z.optional(z.string().check(z.trim(), z.maxLength(500))) });

  export const Info = z.object({
    id: z.string(),
    householdID: z.string(),
    year: z.number(),
    /** payment, reversal (of a payment), collection (a direct debit booked from the statement), return (a returned or refunded one). */
    kind: z.enum(["payment", "reversal", "collection", "return"]),
    amountCents: z.number(),
    date: z.string(),
    reference: z.string(),
    source: z.enum(["manual", "import"]),
    /** For a reversal: the payment it reverses; for a return: the collection it undoes. */
    reverses: z.nullable(z.string()),
    note: z.nullable(z.string()),
    createdAt: z.string(),
  });
  export type Info = z.infer<typeof Info>;

  type Entry = {
    householdID: string;
    entryID: string;
    year: number;
    kind: Info["kind"];
    amountCents: number;
    date: string;
    reference: string;
    source: Info["source"];
    reverses?: string;
    note?: string;
    createdAt: string;
  };

  export function serialize(e: Entry): Info {
    return {
      id: e.entryID,
      householdID: e.householdID,
      year: e.year,
      kind: e.kind,
      amountCents: e.amountCents,
      date: e.date,
      reference: e.reference,
      source: e.source,
      reverses: e.reverses ?? null,
      note: e.note ?? null,
      createdAt: amsterdamISO(Date.parse(e.createdAt)),
    };
  }

  /** One key per bank reference: spaces and case do not make another payment. */
  export function claimOf(reference: string) {
    return `ref:${reference.trim().replace(/\s+/g, " ").toLowerCase()}`;
  }

  const reversalClaim = (entryID: string) => `reversal:${entryID}`;

  function actorID() {
    const a = useActor();
    return a.type === "person" ? a.personID : a.type;
  }

  async function claim(key: string) {
    const res = await useDB().entities.paymentClaim.get({ farmID: useFarmID(), claim: key }).go({ consistent: true });
    return res.data ?? undefined;
  }

  /** A ledger entry: an item of its own, or one of a bank import's batch (ledger-batch.ts). */
  export async function entry(householdID: string, year: number, entryID: string): Promise<Entry | undefined> {
    if (LedgerBatch.batchOf(entryID)) return LedgerBatch.get(householdID, year, entryID);
    const res = await useDB().entities.ledgerEntry.get({ farmID: useFarmID(), householdID, year, entryID }).go({ consistent: true });
    return res.data ?? undefined;
  }

  /** The household's entries of a year, read consistently: its own items and its bank imports' batches. */
  async function entriesOf(householdID: string, year: number): Promise<Entry[]> {
    const [own, batches] = await Promise.all([
      useDB().entities.ledgerEntry.query.byHousehold({ farmID: useFarmID(), householdID, year }).go({ pages: "all", consistent: true }),
      LedgerBatch.ofHousehold(householdID, year),
    ]);
    return [...own.data, ...batches.flatMap(LedgerBatch.entries)];
  }

  export type Recorded = { payment: Info; created: boolean };

  /**
   * A payment on the household with this amount and date, not undone since,
   * from one of `sources`: a bank file's (an import, a line assigned from
   * review, a collection) or one recorded by hand. One query: the date's year.
   */
  export async function alike(householdID: string, amountCents: number, date: string, sources: readonly Info["source"][]) {
    const entries = await entriesOf(householdID, Number(date.slice(0, 4)));
    const undone = new Set(entries.flatMap((e) => (e.reverses ? [e.reverses] : [])));
    return entries.find(
      (e) => sources.includes(e.source) && (e.kind === "payment" || e.kind === "collection") && e.amountCents === amountCents && e.date === date && !undone.has(e.entryID),
    );
  }

  /** The household's likeness for the date's year, read before deciding: the booking holds only if it is unchanged. */
  const likenessOf = async (householdID: string, date: string) => (await PaymentLikeness.read([{ householdID, year: Number(date.slice(0, 4)) }])).get(householdID, Number(date.slice(0, 4)));

  /**
   * Records a payment. The same reference again answers with the payment
   * already recorded (`created: false`) when it is the same payment, and 409
   * `payment.reference_taken` when the reference belongs to another one.
   * A reversed payment's reference may be recorded anew by hand (to book it
   * on the right household); an import still counts it as a duplicate.
   * By hand, a payment alike to one a bank file booked is 409
   * `payment.maybe_imported` unless `alsoImported` says it is another one.
   */
  export async function record(input: z.input<typeof Input>, source: Info["source"] = "manual"): Promise<Recorded> {
    const parsed = Input.safeParse(input);
    if (!parsed.success)
      throw new VisibleError("input", "input.invalid", "The input is not valid.", toIssues(parsed.error));
    const p = parsed.data;
    const farmID = useFarmID();
    if (!(await Composition.household(p.householdID)))
      throw new VisibleError("not_found", "household.not_found", "No such household.");
    const key = claimOf(p.reference);
    const year = p.year ?? Number(p.date.slice(0, 4));
    const entryID = createID("payment");
    const item = {
      farmID,
      householdID: p.householdID,
      entryID,
      year,
      kind: "payment" as const,
      amountCents: p.amountCents,
      date: p.date,
      reference: p.reference,
      source,
      note: p.note,
      createdBy: actorID(),
    };
    for (let attempt = 0; attempt < 50; attempt++) {
      const existing = await claim(key);
      if (existing && !(existing.reversed && source === "manual")) {
        const e = await entry(existing.householdID, existing.year, existing.entryID);
        if (!e) throw new Error(`claim ${key} without its entry`);
        if (e.householdID === p.householdID && e.amountCents === p.amountCents && e.date === p.date && e.year === year)
          return { payment: serialize(e), created: false };
        throw new VisibleError("conflict", "payment.reference_taken", "This reference is already recorded for another payment.");
      }
      // An import of the same transfer at once bumps the likeness read here, so this transaction fails
      // and the next round finds the import. After the replay above: a request sent again answers its payment.
      const likeness = await likenessOf(p.householdID, p.date);
      if (source === "manual" && !p.alsoImported) {
        const imported = await alike(p.householdID, p.amountCents, p.date, ["import"]);
        if (imported) throw maybeImported(imported);
      }
      const res = await useDB()
        .transaction.write((tx) => [
          existing
            ? tx.paymentClaim
                .put({ farmID, claim: key, entryID, householdID: p.householdID, year, reversed: false })
                .where((a, op) => `${op.eq(a.entryID, existing.entryID)} AND ${op.eq(a.reversed, true)}`)
                .commit()
            : tx.paymentClaim.create({ farmID, claim: key, entryID, householdID: p.householdID, year }).commit(),
          tx.ledgerEntry.create(item).commit(),
          tx.audit
            .create(Audit.event("payment.recorded", p.householdID, { entryID, amountCents: p.amountCents, reference: p.reference, source, ...(p.alsoImported ? { alsoImported: true } : {}) }))
            .commit(),
          PaymentLikeness.bump(tx, likeness, source === "manual" ? { hand: [PaymentLikeness.handToken(p.date, p.amountCents, entryID)] } : {}),
        ])
        .go();
      if (!res.canceled) return { payment: serialize({ ...item, createdAt: Clock.iso() }), created: true };
      // Someone claimed it first (read it on the next round), or two transactions collided: try again.
      await backoff(attempt, 100);
    }
    throw new VisibleError("conflict", "payment.busy", "Too many payments at once; try again.");
  }

  /** 409 for a payment alike to `e`: a bank file's, or (assigning a bank line) one recorded by hand. */
  export function maybeImported(e: Entry) {
    const euros = `€ ${(e.amountCents / 100).toFixed(2)}`;
    const what = e.source === "import" ? `A bank file already booked ${euros} on ${e.date}` : `A payment of ${euros} on ${e.date} was already recorded by hand`;
    return new VisibleError(
      "conflict",
      "payment.maybe_imported",
      `${what} for this household (reference "${e.reference}"). If this is another payment, send it again with alsoImported: true.`,
      undefined,
      { importedID: e.entryID, importedDate: e.date, importedAmountCents: e.amountCents, importedReference: e.reference, importedSource: e.source },
    );
  }

  async function byID(entryID: string): Promise<Entry | undefined> {
    if (LedgerBatch.batchOf(entryID)) return LedgerBatch.byID(entryID);
    const res = await useDB().entities.ledgerEntry.query.byID({ farmID: useFarmID(), entryID }).go();
    return res.data[0];
  }

  /** Reverses a payment with a counter-entry of the opposite amount; a payment is reversed once. */
  export async function reverse(entryID: string, input: z.infer<typeof ReverseInput> = {}): Promise<Info> {
    const farmID = useFarmID();
    const original = await byID(entryID);
    if (!original) throw new VisibleError("not_found", "payment.not_found", "No such payment.");
    if (original.kind !== "payment") throw new VisibleError("conflict", "payment.not_reversible", "A reversal cannot be reversed; record the payment again.");
    const item = {
      farmID,
      householdID: original.householdID,
      entryID: createID("payment"),
      year: original.year,
      kind: "reversal" as const,
      amountCents: -original.amountCents,
      date: dateOf(Clock.now()),
      reference: `reversal of ${original.reference}`.slice(0, 140),
      source: "manual" as const,
      reverses: original.entryID,
      note: input.note,
      createdBy: actorID(),
    };
    const refKey = claimOf(original.reference);
    // an imported payment has no reference claim (its bank line is its claim): nothing to free then
    const owned = (await claim(refKey))?.entryID === entryID;
    for (let attempt = 0; attempt < 50; attempt++) {
      // a payment by hand undone: a bank line alike is no longer held back for it
      const likeness = original.source === "manual" ? await likenessOf(original.householdID, original.date) : undefined;
      const res = await useDB()
        .transaction.write(({ paymentClaim, ledgerEntry, audit, paymentLikeness }) => [
          ...(likeness ? [PaymentLikeness.bump({ paymentLikeness }, likeness, { unhand: [PaymentLikeness.handToken(original.date, original.amountCents, entryID)] })] : []),
          paymentClaim.create({ farmID, claim: reversalClaim(entryID), entryID: item.entryID, householdID: item.householdID, year: item.year }).commit(),
          ledgerEntry.create(item).commit(),
          ...(owned
            ? [
                paymentClaim
                  .patch({ farmID, claim: refKey })
                  .set({ reversed: true })
                  .where((a, op) => op.eq(a.entryID, entryID))
                  .commit(),
              ]
            : []),
          audit.create(Audit.event("payment.reversed", original.householdID, { entryID, reversal: item.entryID, amountCents: original.amountCents })).commit(),
        ])
        .go();
      if (!res.canceled) return serialize({ ...item, createdAt: Clock.iso() });
      if (await claim(reversalClaim(entryID)))
        throw new VisibleError("conflict", "payment.already_reversed", "This payment has already been reversed.");
      await backoff(attempt, 100);
    }
    throw new VisibleError("conflict", "payment.busy", "Too many changes at once; try again.");
  }

  /** A household's ledger entries for a year, oldest first (consistent: a statement shows a payment just recorded). */
  export async function ofHousehold(householdID: string, year: number): Promise<Info[]> {
    return (await entriesOf(householdID, year)).map(serialize).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Every ledger entry of a year, oldest first. */
  export async function ofYear(year: number): Promise<Info[]> {
    const [own, batches] = await Promise.all([useDB().entities.ledgerEntry.query.byYear({ farmID: useFarmID(), year }).go({ pages: "all" }), LedgerBatch.ofYear(year)]);
    return [...own.data, ...batches.flatMap(LedgerBatch.entries)].map(serialize).sort((a, b) => a.id.localeCompare(b.id));
  }
}
