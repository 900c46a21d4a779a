import { useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { backoff } from "../backoff";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { Farm } from "../farm/farm";
import { createID } from "../id";
import { Mail } from "../mail/mail";
import { friendlyFormatRF, householdCreditorReference } from "./bank";
import type { BankImport } from "./bank-import";
import { BankReview } from "./bank-review";
import { debitReturned } from "./mail";
import { Payment } from "./payment";

/**
 * Books the direct debits the bank statement shows on the collection runs
 * they came from (sepa.ts), after the import has kept their lines ("held"):
 *
 * - a collection the bank lists per transaction is found by its EndToEndId;
 *   one it books as a batch total, by the PmtInfId or MsgId, and only when
 *   the total is the run's (block's) own;
 * - each becomes a `collection` entry on its household's ledger, claimed on
 *   the run item in the same transaction (item marked, bank line booked), so
 *   a statement imported twice, or two at once, books each item once;
 * - a returned or refunded debit (an R-transaction, any reason code) becomes
 *   a `return` entry undoing it, and the household is mailed once (the mail
 *   kept in that transaction); a mandate whose collections all came back is
 *   FRST again, and the next run collects the amount again (collection-again.ts);
 * - a line that names one of the farm's runs but fits no item of it waits
 *   for the treasurer's review; a line that names none stays held, reported.
 */
export namespace CollectionBooking {
  type Line = BankReview.Item;
  const loadRuns = () => useDB().entities.sepaRun.query.byMonth({ farmID: useFarmID() }).go({ pages: "all" });
  type Run = Awaited<ReturnType<typeof loadRuns>>["data"][number];
  const loadItems = (runID: string) => useDB().entities.sepaRunItem.query.byRun({ farmID: useFarmID(), runID }).go({ pages: "all", consistent: true });
  export type Item = Awaited<ReturnType<typeof loadItems>>["data"][number];

  type Target =
    | { kind: "keep" }
    | { kind: "review"; candidates: string[] }
    | { kind: "done" }
    | { kind: "collect"; run: Run; item: Item }
    | { kind: "total"; run: Run; items: Item[] }
    | { kind: "return"; run: Run; item: Item };

  /** The farm's runs, and their items read once each (again after a write of ours was refused). */
  class Runs {
    private items = new Map<string, Promise<Item[]>>();
    constructor(private runs: Map<string, Run>) {}
    static async load() {
      return new Runs(new Map((await loadRuns()).data.map((r) => [r.month, r])));
    }
    itemsOf(run: Run) {
      if (!this.items.has(run.runID)) this.items.set(run.runID, loadItems(run.runID).then((r) => r.data));
      return this.items.get(run.runID)!;
    }
    forget(run?: Run) {
      if (run) this.items.delete(run.runID);
      else this.items.clear();
    }
    /** The run of an EndToEndId (`YYYYMM-…`, sepa.ts), when the farm made one that month. */
    runOfE2E(e2e: string | undefined) {
      const m = e2e && /^(\d{4})(\d{2})-/.exec(e2e);
      return m ? this.runs.get(`${m[1]}-${m[2]}`) : undefined;
    }
    async item(e2e: string | undefined) {
      const run = this.runOfE2E(e2e);
      const item = run && (await this.itemsOf(run)).find((i) => i.endToEndID === e2e);
      return { run, item };
    }
    /** A run by its MsgId, or a payment block of it by PmtInfId (`.0` the first block, `.1` RCUR after FRST). */
    async block(id: string | undefined) {
      const m = id && /^AKKER-(\d{4})(\d{2})-/.exec(id);
      const run = m ? this.runs.get(`${m[1]}-${m[2]}`) : undefined;
      if (!run || !id!.startsWith(run.messageID)) return { run: undefined };
      const items = await this.itemsOf(run);
      const rest = id!.slice(run.messageID.length);
      const frst = items.filter((i) => i.sequence === "FRST");
      const rcur = items.filter((i) => i.sequence === "RCUR");
      const block = rest === "" ? items : rest === ".0" ? (frst.length ? frst : rcur) : rest === ".1" && frst.length ? rcur : undefined;
      return { run, items: block };
    }
  }

  /** What a held line books, read from the runs as they stand. */
  async function resolve(line: Line, runs: Runs): Promise<Target> {
    if (line.reason === "return") {
      const e2e = line.returnOf ?? line.endToEndID;
      // a refund of money the farm paid out is not a collection's
      if (line.amountCents >= 0) return { kind: "keep" };
      const { run, item } = await runs.item(e2e);
      if (!run) return { kind: "keep" };
      if (!item || item.amountCents !== -line.amountCents || item.returnedEntry) return { kind: "review", candidates: item ? [item.householdID] : [] };
      return { kind: "return", run, item };
    }
    if (line.reason !== "collection") return { kind: "keep" };
    if (line.endToEndID) {
      const { run, item } = await runs.item(line.endToEndID);
      if (run && item?.collectedBy === line.key) return { kind: "done" };
      if (run && item && item.amountCents === line.amountCents && !item.collectedEntry) return { kind: "collect", run, item };
      if (run) return { kind: "review", candidates: item ? [item.householdID] : [] };
    }
    const { run, items } = await runs.block(line.batchID);
    if (!run) return { kind: "keep" };
    const total = (items ?? []).reduce((n, i) => n + i.amountCents, 0);
    if (!items?.length || total !== line.amountCents || items.some((i) => i.collectedEntry && i.collectedBy !== line.key)) return { kind: "review", candidates: [] };
    return { kind: "total", run, items };
  }

  const yearOf = (item: Item) => Number(item.month.slice(0, 4));

  /**
   * The ledger entries and audit event of a collection or return booked for
   * a run item: one entry, or two when the item also collects a return of
   * last year's runs again (that part is booked on last year, sepa.ts).
   */
  function entryOf(item: Item, line: Line, kind: "collection" | "return") {
    const sign = kind === "collection" ? 1 : -1;
    const earlierCents = Math.min(item.previousYearCents ?? 0, item.amountCents);
    const entry = {
      farmID: useFarmID(),
      householdID: item.householdID,
      entryID: createID("payment"),
      year: yearOf(item),
      kind,
      amountCents: sign * (item.amountCents - earlierCents),
      date: line.bookingDate,
      reference: kind === "collection" ? `Incasso ${item.endToEndID}` : `Storno ${line.returnCode ?? ""} ${item.endToEndID}`.replace(/\s+/g, " "),
      source: "import" as const,
      reverses: kind === "return" ? item.collectedEntry : undefined,
      createdBy: BankReview.actorID(),
    };
    const earlier = earlierCents > 0 ? { ...entry, entryID: createID("payment"), year: yearOf(item) - 1, amountCents: sign * earlierCents } : undefined;
    const entries = earlier ? [entry, earlier] : [entry];
    const event = Audit.event(kind === "collection" ? "collection.booked" : "collection.returned", item.householdID, {
      entryID: entry.entryID,
      ...(earlier ? { lastYearEntryID: earlier.entryID, lastYearCents: earlier.amountCents } : {}),
      amountCents: sign * item.amountCents,
      endToEndID: item.endToEndID,
      returnCode: kind === "return" ? line.returnCode : undefined,
      // the household's own line (bank-privacy.ts erases its name with it), or the batch total it shares with others
      [kind === "collection" && !line.endToEndID ? "batchLine" : "bankLine"]: BankReview.idOf(line.key),
    });
    return { entry, entries, event, payments: entries.map((e) => Payment.serialize({ ...e, createdAt: Clock.iso() })) };
  }

  type Entities = Parameters<Parameters<typeof Mail.commitWith>[1]>[0];
  /** One transaction of writes, as the mails' (Mail.commitWith) but with none: false when refused. */
  const commit = (change: Parameters<typeof Mail.commitWith>[1]) => Mail.commitWith([], change);

  type Booked = ReturnType<typeof entryOf>;

  /** The bank line booked on the entry's household, on the condition that it is still held. */
  const lineBooked = (e: Entities, line: Line, booked: Booked) =>
    e.bankLine
      .patch({ farmID: useFarmID(), key: line.key })
      .set({ state: "booked", householdID: booked.entry.householdID, entryID: booked.entry.entryID, year: booked.entry.year, matchedBy: "run" })
      .where((a, op) => op.eq(a.state, "held"))
      .commit();

  /** The item claimed for a collection or a return (on the condition that it has none yet), with the entry and its event. */
  function itemBooked(e: Entities, item: Item, line: Line, booked: Booked) {
    const key = { farmID: useFarmID(), runID: item.runID, householdID: item.householdID };
    const entryID = booked.entry.entryID;
    const claim =
      booked.entry.kind === "collection"
        ? e.sepaRunItem.patch(key).set({ collectedEntry: entryID, collectedBy: line.key }).where((a, op) => op.notExists(a.collectedEntry))
        : e.sepaRunItem.patch(key).set({ returnedEntry: entryID, returnCode: line.returnCode ?? "", returnedCents: item.amountCents }).where((a, op) => op.notExists(a.returnedEntry));
    return [claim.commit(), ...booked.entries.map((entry) => e.ledgerEntry.create(entry).commit()), e.audit.create(booked.event).commit()];
  }

  /** A collected item's writes: the line booked, the item claimed, the entry, its event. */
  const collectWrites = (e: Entities, line: Line, item: Item, booked: Booked) => [lineBooked(e, line, booked), ...itemBooked(e, item, line, booked)];

  /** Per-transaction collections go 20 to a transaction (at most 5 items each, of DynamoDB's 100). */
  const perTransaction = 20;

  type Outcome = { state: "booked"; payments: Payment.Info[] } | { state: "review" } | { state: "held" };

  /** Books one held line, reading everything again: the careful path, after a group was refused. */
  async function one(key: string, runs: Runs): Promise<Outcome | undefined> {
    const farmID = useFarmID();
    for (let attempt = 0; attempt < 20; attempt++) {
      const line = (await useDB().entities.bankLine.get({ farmID, key }).go({ consistent: true })).data;
      // decided meanwhile, by another import's settling
      if (line?.state === "booked") return { state: "booked", payments: [] };
      if (line?.state === "review") return { state: "review" };
      if (!line || line.state !== "held") return undefined;
      const target = await resolve(line, runs);
      let done: Outcome | undefined;
      if (target.kind === "keep") return { state: "held" };
      if (target.kind === "review") done = (await toReview(line, target.candidates)) ? { state: "review" } : undefined;
      else if (target.kind === "done") done = (await finishTotal(line)) ? { state: "booked", payments: [] } : undefined;
      else if (target.kind === "collect") {
        const booked = entryOf(target.item, line, "collection");
        done = (await commit((e) => collectWrites(e, line, target.item, booked))) ? { state: "booked", payments: booked.payments } : undefined;
      } else if (target.kind === "total") {
        const payments = await bookTotal(line, target.items);
        done = payments && { state: "booked", payments };
      } else {
        const payments = await bookReturn(line, target.item, runs);
        done = payments && { state: "booked", payments };
      }
      if (done) return done;
      if ("run" in target) runs.forget(target.run);
      await backoff(attempt, 100);
    }
    throw new Error(`bank line ${key}: could not book it on its collection run`);
  }

  const toReview = (line: Line, candidates: string[]) =>
    commit((e) => [
      e.bankLine
        .patch({ farmID: useFarmID(), key: line.key })
        .set({ state: "review", candidates })
        .where((a, op) => op.eq(a.state, "held"))
        .commit(),
    ]);

  /** The line of a batch total whose items are all booked: booked itself. */
  const finishTotal = (line: Line) =>
    commit((e) => [
      e.bankLine
        .patch({ farmID: useFarmID(), key: line.key })
        .set({ state: "booked", matchedBy: "run" })
        .where((a, op) => op.eq(a.state, "held"))
        .commit(),
    ]);

  /**
   * A batch total: each item of the block claimed with its entries, 24 to a
   * transaction while the line is still held, then the line booked. A crash
   * halfway leaves the line held; the next import books the rest.
   */
  async function bookTotal(line: Line, items: Item[]) {
    const farmID = useFarmID();
    const open = items.filter((i) => !i.collectedEntry);
    const payments: Payment.Info[] = [];
    for (let i = 0; i < open.length; i += 24) {
      const chunk = open.slice(i, i + 24).map((item) => ({ item, booked: entryOf(item, line, "collection") }));
      const ok = await commit((e) => [
        e.bankLine
          .check({ farmID, key: line.key })
          .where((a, op) => op.eq(a.state, "held"))
          .commit(),
        ...chunk.flatMap(({ item, booked }) => itemBooked(e, item, line, booked)),
      ]);
      if (!ok) return undefined;
      payments.push(...chunk.flatMap((c) => c.booked.payments));
    }
    return (await finishTotal(line)) ? payments : undefined;
  }

  /**
   * A returned or refunded collection: the counter-entry, the item marked
   * returned, the household's mail kept, all in one transaction, so it is
   * booked and told once. A mandate with no other collection that held is
   * made FRST again.
   */
  async function bookReturn(line: Line, item: Item, runs: Runs) {
    const farmID = useFarmID();
    const db = useDB().entities;
    const [farm, people, mandate, others] = await Promise.all([
      Farm.current(),
      db.person.query.byHousehold({ farmID, householdID: item.householdID }).go({ pages: "all" }),
      db.mandate.get({ farmID, householdID: item.householdID }).go({ consistent: true }),
      db.sepaRunItem.query.byHousehold({ farmID, householdID: item.householdID }).go({ pages: "all" }),
    ]);
    // another collection of this mandate that was booked and stayed (in a run that exists: a losing create leaves items)
    const held = others.data.some((o) => o.mandateID === item.mandateID && o.runID !== item.runID && o.collectedEntry && !o.returnedEntry && runs.runOfE2E(o.endToEndID)?.runID === o.runID);
    const again = !held && mandate.data?.mandateID === item.mandateID && !!mandate.data.firstCollection;
    const booked = entryOf(item, line, "return");
    const data = {
      farm: farm.name,
      household: item.household,
      amountCents: item.amountCents,
      month: item.month,
      reason: line.returnCode ?? null,
      iban: farm.creditorIBAN || null,
      reference: friendlyFormatRF(householdCreditorReference(item.householdID)),
      link: "/contribution",
    };
    const mails = people.data.map((p) => Mail.compose(debitReturned, p.email, p.locale, data));
    const ok = await Mail.commitWith(mails, (e) => [
      lineBooked(e, line, booked),
      ...itemBooked(e, item, line, booked),
      // the mandate never held: its next collection is a first one again
      ...(again
        ? [
            e.mandate
              .patch({ farmID, householdID: item.householdID })
              .remove(["firstCollection"])
              .where((a, op) => op.eq(a.mandateID, item.mandateID))
              .commit(),
          ]
        : []),
    ]);
    return ok ? booked.payments : undefined;
  }

  /**
   * Books the held lines: those this import kept (read by key, consistently)
   * and any an earlier import left held (a crash, or kept before its run
   * was booked this way). The report moves the lines it booked to
   * `payments` and those now waiting to `review`; the rest stay in `held`.
   */
  export async function settle(report: BankImport.Report) {
    const farmID = useFarmID();
    const db = useDB().entities;
    const keyOf = (id: string) => Buffer.from(id, "hex").toString("utf8");
    const [mine, earlier, runs] = await Promise.all([
      Promise.all(report.held.map((h) => db.bankLine.get({ farmID, key: keyOf(h.id) }).go({ consistent: true }))),
      db.bankLine.query.byState({ farmID, state: "held" }).go({ pages: "all" }),
      Runs.load(),
    ]);
    const lines = new Map<string, Line>();
    for (const l of [...mine.map((r) => r.data), ...earlier.data]) if (l?.state === "held") lines.set(l.key, l);
    const outcomes = new Map<string, Outcome>();
    const collect: { line: Line; item: Item }[] = [];
    const rest: string[] = [];
    for (const line of lines.values()) {
      const target = await resolve(line, runs);
      if (target.kind === "keep") outcomes.set(line.key, { state: "held" });
      else if (target.kind === "collect" && !collect.some((c) => c.item === target.item)) collect.push({ line, item: target.item });
      else rest.push(line.key);
    }
    const groups: { line: Line; item: Item }[][] = [];
    for (let i = 0; i < collect.length; i += perTransaction) groups.push(collect.slice(i, i + perTransaction));
    // 4 transactions at a time, as the import writes
    for (let i = 0; i < groups.length; i += 4)
      await Promise.all(
        groups.slice(i, i + 4).map(async (g) => {
          const group = g.map((c) => ({ ...c, booked: entryOf(c.item, c.line, "collection") }));
          if (await commit((e) => group.flatMap((c) => collectWrites(e, c.line, c.item, c.booked))))
            for (const c of group) outcomes.set(c.line.key, { state: "booked", payments: c.booked.payments });
          else rest.push(...group.map((c) => c.line.key));
        }),
      );
    // a return in the same file as its collection undoes the entry just booked
    if (collect.length) runs.forget();
    for (const key of rest) {
      const outcome = await one(key, runs);
      if (outcome) outcomes.set(key, outcome);
    }
    const held: typeof report.held = [];
    for (const h of report.held) {
      const outcome = outcomes.get(keyOf(h.id));
      if (outcome?.state === "booked") {
        report.imported++;
        report.payments.push(...outcome.payments);
      } else if (outcome?.state === "review") report.review.push({ ...h, state: "review" });
      else held.push(h);
    }
    report.held = held;
    report.review.sort((a, b) => a.line - b.line);
    const booked = [...outcomes.values()].filter((o) => o.state === "booked").length;
    if (booked) await Audit.record("collections.booked", "bank", { lines: booked });
  }
}
