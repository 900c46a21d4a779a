import * as z from "zod/mini";
import { useActor, useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { backoff } from "../backoff";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { createID, ID } from "../id";
import { BankLease } from "./bank-lease";
import { Composition } from "./composition";
import { Payment } from "./payment";
import { PaymentLikeness } from "./payment-likeness";
import { LedgerBatch } from "./ledger-batch";

/**
 * The treasurer's review list: credit lines of bank files that found no
 * household, or more than one, or may repeat a line already imported; and,
 * shown beside it, the collections and returns kept for the collection run.
 * One tap assigns a line to a household (booking the payment and
 * remembering the account it came from) or dismisses it as no contribution;
 * both are one transaction conditional on the line still waiting, so two
 * taps at once book it once.
 */
export namespace BankReview {
  /** Why a line waits: see bank-match.ts and bank-import.ts. */
  export const reasons = ["unknown", "ambiguous", "household", "by_hand", "conflict", "other_format"] as const;
  /** What a held line is: part of a collection, or a return of one (or of another payment). */
  export const heldKinds = ["collection", "return"] as const;

  export const Line = z.object({
    /** The line's identity in lowercase hex, for paths. */
    id: z.string(),
    state: z.enum(["booked", "review", "dismissed", "held"]),
    reason: z.nullable(z.string()),
    format: z.string(),
    line: z.number(),
    bookingDate: z.string(),
    amountCents: z.number(),
    currency: z.string(),
    counterIBAN: z.nullable(z.string()),
    counterName: z.nullable(z.string()),
    description: z.string(),
    structuredReference: z.nullable(z.string()),
    returnCode: z.nullable(z.string()),
    batchID: z.nullable(z.string()),
    candidates: z.array(z.object({ householdID: z.string(), name: z.string() })),
    householdID: z.nullable(z.string()),
  });
  export type Line = z.infer<typeof Line>;

  export const List = z.object({
    review: z.array(Line),
    held: z.array(Line),
    /** Every household by name, for the picker that assigns a line. */
    households: z.array(z.object({ householdID: z.string(), name: z.string() })),
  });
  export type List = z.infer<typeof List>;

  export const Decision = z.union([
    /** alsoImported: the treasurer knows the line is another payment than one alike already booked (409 payment.maybe_imported). */
    z.object({ householdID: ID, alsoImported: z.optional(z.boolean()) }),
    z.object({ dismiss: z.literal(true) }),
  ]);

  export const Decided = z.object({ line: Line, payment: z.nullable(Payment.Info), created: z.boolean() });
  export type Decided = z.infer<typeof Decided>;

  const fetch = (key: string) => useDB().entities.bankLine.get({ farmID: useFarmID(), key }).go({ consistent: true });
  export type Item = NonNullable<Awaited<ReturnType<typeof fetch>>["data"]>;

  /** Keys hold capitals (base64url); paths want lowercase: the key's bytes in hex. */
  export const idOf = (key: string) => Buffer.from(key, "utf8").toString("hex");
  const keyOf = (id: string) => (/^[0-9a-f]{2,200}$/.test(id) && id.length % 2 === 0 ? Buffer.from(id, "hex").toString("utf8") : "");

  export function serialize(item: Item, names: ReadonlyMap<string, string>): Line {
    return {
      id: idOf(item.key),
      state: item.state,
      reason: item.reason ?? null,
      format: item.format,
      line: item.line,
      bookingDate: item.bookingDate,
      amountCents: item.amountCents,
      currency: item.currency,
      counterIBAN: item.counterIBAN ?? null,
      counterName: item.counterName ?? null,
      description: item.description ?? "",
      structuredReference: item.structuredReference ?? null,
      returnCode: item.returnCode ?? null,
      batchID: item.batchID ?? null,
      candidates: (item.candidates ?? []).map((householdID) => ({ householdID, name: names.get(householdID) ?? householdID })),
      householdID: item.householdID ?? null,
    };
  }

  export async function householdNames() {
    return new Map((await Composition.households()).map((h) => [h.householdID, h.name]));
  }

  export function actorID() {
    const a = useActor();
    return a.type === "person" ? a.personID : a.type;
  }

  /** What a payment booked from a bank line says: the payer's words, else their name. */
  export function referenceOf(line: { description?: string; counterName?: string; bankRef?: string; bookingDate: string }) {
    return (line.description || line.counterName || line.bankRef || `bank ${line.bookingDate}`).slice(0, 140);
  }

  /** The ledger entry, its audit event and the remembered account of a line booked on a household. */
  export function booking(item: Pick<Item, "key" | "bookingDate" | "amountCents" | "description" | "counterName" | "bankRef">, householdID: string) {
    const entry = {
      farmID: useFarmID(),
      householdID,
      entryID: createID("payment"),
      year: Number(item.bookingDate.slice(0, 4)),
      kind: "payment" as const,
      amountCents: item.amountCents,
      date: item.bookingDate,
      reference: referenceOf(item),
      source: "import" as const,
      createdBy: actorID(),
    };
    const event = Audit.event("payment.recorded", householdID, { entryID: entry.entryID, amountCents: entry.amountCents, reference: entry.reference, source: "import", bankLine: idOf(item.key) });
    return { entry, event, line: idOf(item.key), payment: () => Payment.serialize({ ...entry, createdAt: Clock.iso() }) };
  }

  /** One audit event for a household's payments booked from one import's transaction, naming each payment's bank line. */
  export function bookedEvent(householdID: string, booked: { entry: { entryID: string; amountCents: number; reference: string }; line: string }[]) {
    return Audit.event("payments.booked", householdID, {
      source: "import",
      payments: booked.map(({ entry, line }) => ({ entryID: entry.entryID, amountCents: entry.amountCents, reference: entry.reference, bankLine: line })),
    });
  }

  async function get(key: string) {
    if (!key) return undefined;
    return (await fetch(key)).data ?? undefined;
  }

  /** The lines waiting for review, newest booking first, and the held collections and returns. */
  export async function list(): Promise<List> {
    const farmID = useFarmID();
    const db = useDB().entities;
    const [review, held, names] = await Promise.all([
      db.bankLine.query.byState({ farmID, state: "review" }).go({ pages: "all" }),
      db.bankLine.query.byState({ farmID, state: "held" }).go({ pages: "all" }),
      householdNames(),
    ]);
    const order = (a: Item, b: Item) => b.bookingDate.localeCompare(a.bookingDate) || a.line - b.line;
    return {
      review: review.data.sort(order).map((i) => serialize(i, names)),
      held: held.data.sort(order).map((i) => serialize(i, names)),
      households: [...names].map(([householdID, name]) => ({ householdID, name })).sort((a, b) => a.name.localeCompare(b.name, "nl")),
    };
  }

  type Names = Awaited<ReturnType<typeof householdNames>>;

  /**
   * Decides a waiting line once: `again` answers a decision already made the
   * same way, `write` is the transaction conditional on the line still
   * waiting (undefined when another decision won: read it again).
   */
  async function decideOnce(id: string, again: (item: Item, names: Names) => Promise<Decided | undefined>, write: (item: Item, names: Names) => Promise<Decided | undefined>) {
    const key = keyOf(id);
    for (let attempt = 0; attempt < 30; attempt++) {
      const item = await get(key);
      if (!item) throw new VisibleError("not_found", "bank.line_not_found", "No such bank line.");
      const names = await householdNames();
      const same = await again(item, names);
      if (same) return same;
      if (item.state === "held")
        throw new VisibleError("conflict", "bank.line_held", "This line is part of a direct-debit collection or a return: it is booked with its collection run.");
      if (item.state !== "review") throw new VisibleError("conflict", "bank.line_decided", "This bank line has already been booked or dismissed.");
      const done = await write(item, names);
      if (done) return done;
      await backoff(attempt, 100);
    }
    throw new VisibleError("conflict", "bank.busy", "Too many changes at once; try again.");
  }

  /**
   * Books a waiting line on a household and remembers its account for the
   * next import. The same household again answers the booking already made
   * (`created: false`); a line decided otherwise is 409 `bank.line_decided`.
   * A payment alike (same date and amount) already on the household, by hand
   * or from a bank file, is 409 `payment.maybe_imported` unless `alsoImported`;
   * the booking holds only if nothing was booked on the household since that check.
   * So is the same transfer booked on any household from another format's file;
   * the booking marks the line's likeness on its household as an import does. Both
   * under the bank lease (bank-lease.ts): an import at once cannot slip between.
   */
  export function assign(id: string, householdID: string, alsoImported = false): Promise<Decided> {
    const farmID = useFarmID();
    return decideOnce(
      id,
      async (item, names) => {
        if (item.state !== "booked" || item.householdID !== householdID) return undefined;
        const entry = (await useDB().entities.ledgerEntry.get({ farmID, householdID, year: item.year!, entryID: item.entryID! }).go()).data;
        return { line: serialize(item, names), payment: entry ? Payment.serialize(entry) : null, created: false };
      },
      async (item, names) => {
        if (!names.has(householdID)) throw new VisibleError("not_found", "household.not_found", "No such household.");
        // the lease only once the tap is known to book: a refused one writes nothing
        return BankLease.hold("review", async () => {
          const year = Number(item.bookingDate.slice(0, 4));
          // every household's: the same transfer from another format may be booked on another
          const seen = await PaymentLikeness.read([...names.keys()].map((h) => ({ householdID: h, year })));
          const likeness = seen.get(householdID, year);
          const everyone = [...names.keys()].map((h) => seen.get(h, year));
          // this very line in an import's batch: an overlapping file booked it before its import saw it wait
          // (the waiting lines are read from an index, which may lag a moment). Never twice, whatever is said.
          if (everyone.some((s) => s.lines.some((l) => l.key === item.key))) {
            // or a tap at once booked it: answered as that booking on the next round
            if ((await get(item.key))?.state !== "review") return undefined;
            throw new VisibleError("conflict", "bank.line_decided", "An import has booked this bank line already.");
          }
          if (!alsoImported) await refuseBookedElsewhere(item, everyone, names);
          const same = alsoImported ? undefined : await Payment.alike(householdID, item.amountCents, item.bookingDate, ["manual", "import"]);
          // a tap at once that booked this very line: answered as that booking on the next round
          if (same) {
            if ((await get(item.key))?.state !== "review") return undefined;
            throw Payment.maybeImported(same);
          }
          const { entry, event, payment } = booking(item, householdID);
          const res = await useDB()
            .transaction.write(({ bankLine, ledgerEntry, audit, bankAccount, paymentLikeness }) => [
              // its likeness on the household, as an import's: a later import of another format finds it booked
              PaymentLikeness.bump({ paymentLikeness }, likeness, { lines: item.likeness ? [PaymentLikeness.lineToken(item.likeness, item.format, item.key)] : [] }),
              bankLine
                .patch({ farmID, key: item.key })
                .set({ state: "booked", householdID, entryID: entry.entryID, year: entry.year, matchedBy: "treasurer", decidedBy: entry.createdBy })
                .where((a, op) => op.eq(a.state, "review"))
                .commit(),
              ledgerEntry.create(entry).commit(),
              audit.create(event).commit(),
              ...(item.counterIBAN ? [bankAccount.update({ farmID, iban: item.counterIBAN }).add({ householdIDs: [householdID] }).commit()] : []),
            ])
            .go();
          return res.canceled ? undefined : { line: serialize({ ...item, state: "booked", householdID }, names), payment: payment(), created: true };
        });
      },
    );
  }

  /**
   * 409 `payment.maybe_imported` when a line of another bank file alike to
   * this one (its likeness) is booked on a household: the same transfer, read
   * from another format, unless the treasurer says it is another payment.
   */
  async function refuseBookedElsewhere(item: Item, seen: PaymentLikeness.Seen[], names: Names) {
    const others = item.likeness ? seen.flatMap((s) => s.lines.filter((l) => l.likeness === item.likeness && l.key !== item.key).map((l) => ({ s, key: l.key }))) : [];
    let entry: Awaited<ReturnType<typeof Payment.entry>>;
    for (const { s, key } of others) {
      // a line an import booked is in its batch; one a tap booked, an item of its own
      const line = await get(key);
      entry = line?.householdID && line.entryID && line.year ? await Payment.entry(line.householdID, line.year, line.entryID) : await LedgerBatch.byLine(s.householdID, s.year, key);
      if (entry) break;
    }
    if (!entry) return;
    const refused = Payment.maybeImported(entry);
    throw new VisibleError("conflict", refused.code, `A bank file already booked this transfer on ${names.get(entry.householdID) ?? "another household"} (${entry.date}, reference "${entry.reference}"). If this is another payment, send it again with alsoImported: true.`, undefined, refused.details);
  }

  /** Marks a waiting line as no contribution (a gift, the bank's interest): it leaves the list, nothing is booked. */
  export function dismiss(id: string): Promise<Decided> {
    const farmID = useFarmID();
    return decideOnce(
      id,
      async (item, names) => (item.state === "dismissed" ? { line: serialize(item, names), payment: null, created: false } : undefined),
      async (item, names) => {
        const res = await useDB()
          .transaction.write(({ bankLine, audit }) => [
            bankLine
              .patch({ farmID, key: item.key })
              .set({ state: "dismissed", decidedBy: actorID() })
              .where((a, op) => op.eq(a.state, "review"))
              .commit(),
            audit.create(Audit.event("bank.line_dismissed", "bank", { bankLine: id, amountCents: item.amountCents })).commit(),
          ])
          .go();
        return res.canceled ? undefined : { line: serialize({ ...item, state: "dismissed" }, names), payment: null, created: true };
      },
    );
  }
}
