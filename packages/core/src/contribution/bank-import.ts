import { createHash } from "node:crypto";
import * as z from "zod/mini";
import { useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { backoff } from "../backoff";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { parseBankFile, type BankFile, type BankLine } from "./bank";
import { bankMatcher, normalName, type BankMatch, type HouseholdRef } from "./bank-match";
import { BankReview } from "./bank-review";
import { CollectionBooking } from "./collection-booking";
import { Payment } from "./payment";

/**
 * Importing a bank file (any format bank/ reads) into the ledger, so that
 * nothing is lost and nothing is booked twice:
 *
 * - every line that is kept is claimed by its identity (`BankLine.key`) in
 *   the same transaction as the payment it books, so the same file twice, or
 *   two imports of it at once, book each line once;
 * - a line whose identity is taken by other content (the bank's reference
 *   reused) waits for review as a conflict, under a key of its own;
 * - a line alike in date, amount and account to one imported from another
 *   format (the same transfer in camt.053 and in a CSV export) waits for
 *   review instead of being booked again;
 * - credits find their household by reference, account or name
 *   (bank-match.ts), else wait for review (bank-review.ts);
 * - collections and returns are kept, not booked: the collection run books them;
 * - debits and other currencies are not ours: counted and listed only.
 */
export namespace BankImport {
  export const Report = z.object({
    format: z.string(),
    account: z.nullable(z.string()),
    /** Lines read from the file (refused ones not counted). */
    lines: z.number(),
    imported: z.number(),
    alreadyThere: z.number(),
    payments: z.array(Payment.Info),
    /** Lines of this file now waiting for review. */
    review: z.array(BankReview.Line),
    /** Collections and returns kept for the collection run. */
    held: z.array(BankReview.Line),
    notForUs: z.array(
      z.object({ line: z.number(), reason: z.enum(["debit", "zero", "currency"]), amountCents: z.number(), currency: z.string(), description: z.string() }),
    ),
    refused: z.array(z.object({ line: z.number(), code: z.string(), message: z.string() })),
  });
  export type Report = z.infer<typeof Report>;

  type Item = BankReview.Item;
  type Plan =
    | { kind: "book"; householdID: string; by: string }
    | { kind: "review"; reason: (typeof BankReview.reasons)[number]; candidates: string[]; repeats?: string }
    | { kind: "held"; reason: (typeof BankReview.heldKinds)[number] };
  interface Kept {
    line: BankLine;
    held?: "collection" | "return";
    likeness: string;
    /** The household it found (bank-match.ts), or why it waits; none for held lines. */
    found?: BankMatch | { review: "by_hand"; candidates: string[] };
  }

  const digest = (parts: (string | number | undefined)[]) =>
    createHash("sha256").update(parts.map((p) => String(p ?? "")).join("\u001f")).digest("base64url").slice(0, 32);

  /** What must agree for a line met again under its key to be the same line. */
  const sameContent = (a: Pick<BankLine, "bookingDate" | "amountCents" | "currency" | "counterIBAN">, b: Item) =>
    a.bookingDate === b.bookingDate && a.amountCents === b.amountCents && a.currency === b.currency && (a.counterIBAN ?? "") === (b.counterIBAN ?? "");

  /** The key of a line whose own key holds other content: its own, so that importing it again finds it. */
  const conflictKey = (line: BankLine) => `c${digest([line.key, line.bookingDate, line.amountCents, line.currency, line.counterIBAN])}`;

  /** Sorts the file's lines: ours to keep, or not ours (listed only). */
  function sort(file: BankFile, report: Report): Kept[] {
    const kept: Kept[] = [];
    const seen = new Map<string, number>();
    const keys = new Set<string>();
    for (const line of file.lines) {
      // a movement the file repeats (a statement page twice) has one identity: it is there once
      if (keys.has(line.key)) {
        report.alreadyThere++;
        continue;
      }
      keys.add(line.key);
      const notOurs = (reason: Report["notForUs"][number]["reason"]) =>
        report.notForUs.push({ line: line.line, reason, amountCents: line.amountCents, currency: line.currency, description: line.description || line.counterName || "" });
      // a return of either sign is kept: the collection run books it (or the treasurer, a returned transfer)
      const held = line.returned ? "return" : line.amountCents > 0 && (line.batch || line.mandateID || line.creditorID) ? "collection" : undefined;
      if (Math.abs(line.amountCents) > Payment.maxCents) {
        report.refused.push({ line: line.line, code: "bank.line.too_large", message: `The amount is larger than € ${Payment.maxCents / 100}: not a payment this platform books.` });
        continue;
      }
      if (line.currency !== "EUR") notOurs("currency");
      else if (!held && line.amountCents <= 0) notOurs(line.amountCents ? "debit" : "zero");
      else {
        // alike lines of the file are told apart by their place among them, as identity.ts does
        const like = digest([line.bookingDate, line.amountCents, line.currency, line.counterIBAN ?? normalName(line.counterName ?? line.description)]);
        const n = (seen.get(like) ?? 0) + 1;
        seen.set(like, n);
        kept.push({ line, held, likeness: `${like}#${n}` });
      }
    }
    return kept;
  }

  async function matcher() {
    const farmID = useFarmID();
    const db = useDB().entities;
    const [households, people, mandates, accounts] = await Promise.all([
      db.household.query.byID({ farmID }).go({ pages: "all" }),
      db.person.query.byID({ farmID }).go({ pages: "all" }),
      db.mandate.query.byHousehold({ farmID }).go({ pages: "all" }),
      db.bankAccount.query.byIBAN({ farmID }).go({ pages: "all" }),
    ]);
    const names = new Map<string, string[]>();
    for (const p of people.data) names.set(p.householdID, [...(names.get(p.householdID) ?? []), p.name]);
    const refs: HouseholdRef[] = households.data.map((h) => ({ householdID: h.householdID, name: h.name, people: names.get(h.householdID) ?? [], left: h.status === "left" }));
    const remembered = new Map(accounts.data.map((a) => [a.iban, a.householdIDs ?? []]));
    return bankMatcher(refs, mandates.data, remembered);
  }

  const read = <T>(reads: Promise<{ data: T | null }>[]) => Promise.all(reads).then((rs) => rs.map((r) => r.data ?? undefined));

  // 4 items a line at most (line, likeness, ledger entry, audit event): 24 lines a transaction of DynamoDB's 100 items
  const linesPerTransaction = 24;
  const transactionsAtOnce = 4;

  /**
   * Imports a bank file. A file that is no bank statement is refused whole
   * (400, nothing written); a line that cannot be read is refused alone and
   * reported with its line number, code and reason.
   */
  export async function run(bytes: Uint8Array): Promise<Report> {
    const farmID = useFarmID();
    const db = useDB().entities;
    const file = parseBankFile(bytes);
    const report: Report = {
      format: file.format,
      account: file.account ?? null,
      lines: file.lines.length,
      imported: 0,
      alreadyThere: 0,
      payments: [],
      review: [],
      held: [],
      notForUs: [],
      refused: file.refused.map((r) => ({ ...r })),
    };
    let pending = sort(file, report);
    const [match, names] = await Promise.all([matcher(), BankReview.householdNames()]);
    for (const k of pending) if (!k.held) k.found = match(k.line);
    // A payment the treasurer recorded by hand under the line's words, on the same household, is likely
    // this one. Read once per wording: a month's transfers mostly share theirs.
    const byHand = new Map<string, ReturnType<typeof claimOf>>();
    const claimOf = (words: string) => db.paymentClaim.get({ farmID, claim: Payment.claimOf(words) }).go().then((r) => r.data ?? undefined);
    for (const k of pending)
      if (k.found && "householdID" in k.found && k.line.description && !byHand.has(k.line.description)) byHand.set(k.line.description, claimOf(k.line.description));
    for (const k of pending) {
      const claim = k.line.description ? await byHand.get(k.line.description) : undefined;
      if (claim && !claim.reversed && k.found && "householdID" in k.found && claim.householdID === k.found.householdID) k.found = { review: "by_hand", candidates: [claim.householdID] };
    }
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt === 30) throw new VisibleError("conflict", "bank.busy", "Too many imports at once; try again.");
      if (attempt) await backoff(attempt, 200);
      // what is there now, read consistently: a line claimed meanwhile is already there
      const claims = await read(pending.map((k) => db.bankLine.get({ farmID, key: k.line.key }).go({ consistent: true })));
      const conflicts = await read(pending.map((k, i) => (claims[i] && !sameContent(k.line, claims[i]) ? db.bankLine.get({ farmID, key: conflictKey(k.line) }).go({ consistent: true }) : Promise.resolve({ data: null }))));
      const there = pending.map((k, i) => !!claims[i] && (sameContent(k.line, claims[i]) || !!conflicts[i]));
      const likes = await read(pending.map((k, i) => (there[i] ? Promise.resolve({ data: null }) : db.bankLikeness.get({ farmID, likeness: k.likeness }).go({ consistent: true }))));
      const writes: { kept: Kept; key: string; plan: Plan; claimLikeness: boolean }[] = [];
      pending.forEach((kept, i) => {
        const claim = claims[i];
        const like = likes[i];
        if (there[i]) return void report.alreadyThere++;
        const key = claim ? conflictKey(kept.line) : kept.line.key;
        const otherFormat = like && like.format !== file.format && like.key !== kept.line.key;
        const found = kept.found;
        const plan: Plan = kept.held
          ? { kind: "held", reason: kept.held }
          : claim
            ? { kind: "review", reason: "conflict", candidates: found && "householdID" in found ? [found.householdID] : (found?.candidates ?? []), repeats: claim.key }
            : otherFormat
              ? { kind: "review", reason: "other_format", candidates: found && "householdID" in found ? [found.householdID] : (found?.candidates ?? []), repeats: like.key }
              : found && "householdID" in found
                ? { kind: "book", householdID: found.householdID, by: found.by }
                : { kind: "review", reason: found!.review, candidates: found!.candidates };
        writes.push({ kept, key, plan, claimLikeness: !like });
      });
      const retry: Kept[] = [];
      const groups: (typeof writes)[] = [];
      for (let i = 0; i < writes.length; i += linesPerTransaction) groups.push(writes.slice(i, i + linesPerTransaction));
      for (let i = 0; i < groups.length; i += transactionsAtOnce)
        await Promise.all(
          groups.slice(i, i + transactionsAtOnce).map(async (group) => {
            const done = await write(group, file.format);
            if (!done) retry.push(...group.map((w) => w.kept));
            else
              for (const [w, payment] of done) {
                const shown = BankReview.serialize({ ...stored(w.kept.line, file.format, w.key, w.plan, payment?.id), createdAt: "", updatedAt: "" } as Item, names);
                if (payment) {
                  report.imported++;
                  report.payments.push(payment);
                } else if (w.plan.kind === "held") report.held.push(shown);
                else report.review.push(shown);
              }
          }),
        );
      pending = retry;
    }
    // the collections and returns kept: booked on their run where they fit one
    await CollectionBooking.settle(report);
    await Audit.record("payments.imported", "bank", {
      format: file.format,
      imported: report.imported,
      alreadyThere: report.alreadyThere,
      review: report.review.length,
      held: report.held.length,
      notForUs: report.notForUs.length,
      refused: report.refused.length,
    });
    const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
    report.review.sort(byLine);
    report.held.sort(byLine);
    return report;
  }

  /** The bank line's item as kept. */
  function stored(line: BankLine, format: string, key: string, plan: Plan, entryID?: string) {
    return {
      farmID: useFarmID(),
      key,
      state: plan.kind === "book" ? ("booked" as const) : plan.kind,
      reason: plan.kind === "book" ? undefined : plan.reason,
      candidates: plan.kind === "review" ? plan.candidates : undefined,
      repeats: plan.kind === "review" ? plan.repeats : undefined,
      format,
      line: line.line,
      bookingDate: line.bookingDate,
      amountCents: line.amountCents,
      currency: line.currency,
      counterIBAN: line.counterIBAN,
      counterName: line.counterName || undefined,
      description: line.description || undefined,
      structuredReference: line.structuredReference,
      endToEndID: line.endToEndID,
      bankRef: line.bankRef,
      returnCode: line.returned?.reasonCode,
      returnOf: line.returned?.originalEndToEndID,
      batchID: line.batch?.paymentInfoID ?? line.batch?.messageID,
      householdID: plan.kind === "book" ? plan.householdID : undefined,
      entryID,
      year: plan.kind === "book" ? Number(line.bookingDate.slice(0, 4)) : undefined,
      matchedBy: plan.kind === "book" ? plan.by : undefined,
    };
  }

  /** One transaction for a group of lines: each line's claim with what it books. Undefined when it was cancelled. */
  async function write(group: { kept: Kept; key: string; plan: Plan; claimLikeness: boolean }[], format: string) {
    const farmID = useFarmID();
    const made = group.map((w) => {
      const booked = w.plan.kind === "book" ? BankReview.booking({ ...w.kept.line, key: w.key, description: w.kept.line.description || undefined }, w.plan.householdID) : undefined;
      return { w, booked, item: stored(w.kept.line, format, w.key, w.plan, booked?.entry.entryID) };
    });
    const res = await useDB()
      .transaction.write(({ bankLine, bankLikeness, ledgerEntry, audit }) =>
        made.flatMap(({ w, booked, item }) => [
          bankLine.create(item).commit(),
          ...(w.claimLikeness ? [bankLikeness.create({ farmID, likeness: w.kept.likeness, format, key: w.key }).commit()] : []),
          ...(booked ? [ledgerEntry.create(booked.entry).commit(), audit.create(booked.event).commit()] : []),
        ]),
      )
      .go();
    if (res.canceled) return undefined;
    return made.map(({ w, booked }) => [w, booked?.payment()] as const);
  }
}
