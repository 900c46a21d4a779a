import { createHash } from "node:crypto";
import * as z from "zod/mini";
import { useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { backoff } from "../backoff";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { parseBankFile, type BankFile, type BankLine } from "./bank";
import { bankMatcher, normalName, type HouseholdRef } from "./bank-match";
import { BankLease } from "./bank-lease";
import { BankReview } from "./bank-review";
import { BankImportWrite } from "./bank-import-write";
import { CollectionBooking } from "./collection-booking";
import { Payment } from "./payment";
import { PaymentLikeness } from "./payment-likeness";

/**
 * Importing a bank file (any format bank/ reads) into the ledger, so that
 * nothing is lost and nothing is booked twice:
 *
 * - every line that is kept is claimed by its identity (`BankLine.key`) in
 *   the transaction that writes it (bank-import-write.ts): a booked line as
 *   a token in its household's likeness beside the household's batch of
 *   payments (ledger-batch.ts), a waiting or held line as its own item under
 *   that key; the same file twice, or an overlapping one, finds each line there;
 * - a line whose identity is taken by other content (the bank's reference
 *   reused) waits for review as a conflict, under a key of its own;
 * - a line alike in date, amount and account to one imported from another
 *   format (the same transfer in camt.053 and in a CSV export) waits for
 *   review instead of being booked again: compared with the lines booked on
 *   any household (payment-likeness.ts; its own household's are checked
 *   again in the booking transaction) and with the lines that wait or are
 *   held (bankLikeness);
 * - a line alike to a payment recorded by hand on its household (date and
 *   amount, or its words as that payment's reference) waits for review; the
 *   household's likeness makes the check and the booking one transaction;
 * - credits find their household by reference, account or name
 *   (bank-match.ts), else wait for review (bank-review.ts);
 * - collections and returns are kept, not booked: the collection run books them;
 * - debits and other currencies are not ours: counted and listed only;
 * - one import or review assignment at a time books (bank-lease.ts): the
 *   checks above read what is booked, and two at once could each miss the other's.
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
  type Plan = BankImportWrite.Plan;
  type Kept = BankImportWrite.Kept;
  type Write = BankImportWrite.Write;
  const { pack, stored, write } = BankImportWrite;
  const digest = (parts: (string | number | undefined)[]) =>
    createHash("sha256").update(parts.map((p) => String(p ?? "")).join("\u001f")).digest("base64url").slice(0, 32);

  /** What must agree for a line met again under its key to be the same line. */
  const sameContent = (a: Pick<BankLine, "bookingDate" | "amountCents" | "currency" | "counterIBAN">, b: Item) =>
    a.bookingDate === b.bookingDate && a.amountCents === b.amountCents && a.currency === b.currency && (a.counterIBAN ?? "") === (b.counterIBAN ?? "");

  /** The key of a line whose own key holds other content: its own, so that importing it again finds it. */
  const conflictKey = (line: BankLine) => `c${digest([line.key, line.bookingDate, line.amountCents, line.currency, line.counterIBAN])}`;

  /**
   * A bank gives a few times SEPA's 140 characters of description at most, and 70 of a name:
   * far longer is a broken file (an unclosed quote swallowing lines), and would not fit its item.
   */
  const maxText = { description: 1_000, other: 200 };
  const tooLong = (line: BankLine) =>
    line.description.length > maxText.description ||
    [line.counterName, line.counterIBAN, line.structuredReference, line.endToEndID, line.bankRef, line.key].some((t) => (t?.length ?? 0) > maxText.other);

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
      if (tooLong(line)) {
        report.refused.push({ line: line.line, code: "bank.line.too_long", message: `A description over ${maxText.description} or a name or reference over ${maxText.other} characters: not a bank statement's line.` });
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
  const none = Promise.resolve({ data: null });

  /**
   * Imports a bank file. A file that is no bank statement is refused whole
   * (400, nothing written); a line that cannot be read is refused alone and
   * reported with its line number, code and reason. While another import
   * or assignment books, waits briefly, then 409 `bank.busy`, nothing written.
   */
  export async function run(bytes: Uint8Array): Promise<Report> {
    const file = parseBankFile(bytes);
    return BankLease.hold("import", (lease) => book(file, lease));
  }

  async function book(file: BankFile, lease: BankLease.Held): Promise<Report> {
    const farmID = useFarmID();
    const db = useDB().entities;
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
    const householdOf = (k: Kept) => (k.found && "householdID" in k.found ? k.found.householdID : undefined);
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt === 30) throw new VisibleError("conflict", "bank.busy", "Too many imports at once; try again.");
      // a round after a cancelled transaction: go on only while the lease is still ours
      if (attempt) await Promise.all([backoff(attempt, 200), lease.assert()]);

      // What is there now, read consistently. Every household's likeness, first: a line booked by an
      // import is among its tokens, written in the transaction that claimed it, so it is there unread.
      // Every household's, not only those booked on: a transfer booked on one household from another
      // format (before the treasurer changed who an account belongs to) is not booked on a second.
      // The households' payments by hand and booked lines are read before deciding: each booking's
      // transaction holds only if they are unchanged. A hand payment under the line's words counts too.
      const years = [...new Set(pending.map((k) => Number(k.line.bookingDate.slice(0, 4))))];
      const households = [...new Set([...names.keys(), ...pending.flatMap((k) => householdOf(k) ?? [])])];
      const [seen, wordClaims] = await Promise.all([
        PaymentLikeness.read(households.flatMap((householdID) => years.map((year) => ({ householdID, year })))),
        byWords(pending.map((k) => (householdOf(k) ? k.line.description : undefined))),
      ]);
      // every line booked on any household: by likeness (several may share one), and by key
      const anywhere = new Map<string, PaymentLikeness.BookedLine[]>();
      const bookedAs = new Map<string, string>();
      for (const householdID of households)
        for (const year of years)
          for (const line of seen.get(householdID, year).lines) {
            anywhere.set(line.likeness, [...(anywhere.get(line.likeness) ?? []), line]);
            bookedAs.set(line.key, line.likeness);
          }
      // A line booked by an import is in a batch (ledger-batch.ts), with no item under its key: its token is
      // its claim. The same key with the same likeness (but for its place among alike lines, which another
      // file may count otherwise): the same date, amount, currency and account, so the same line. The same
      // key with another likeness: the key is taken by other content, a conflict as below.
      const tokened = pending.map((k) => bookedAs.has(k.line.key) && sameLikeness(bookedAs.get(k.line.key)!, k.likeness));
      const takenBy = pending.map((k, i) => !tokened[i] && bookedAs.has(k.line.key));
      const rest = pending.filter((_, i) => !tokened[i]);
      // The rest by its item: a line that waits, is held or was dismissed, or booked by a review tap or
      // a collection run. A file whose sample of lines is all new reads only the lines that wait, are
      // held or were dismissed (the lines a file overlapping an earlier one may meet unsampled); each
      // line that waits or is held claims its key in its transaction anyway. A line found a household
      // compares with the lines booked on it (its likeness, above); the others with every line that waits
      // or is held (read beside). Assigning a waiting line checks the household's payments alike.
      const [restClaims, restLikes] = await Promise.all([
        attempt || !(await allNew(rest))
          ? read(rest.map((k) => db.bankLine.get({ farmID, key: k.line.key }).go({ consistent: true })))
          : undecided().then((lines) => rest.map((k) => lines.get(k.line.key))),
        read(rest.map((k) => (householdOf(k) ? none : db.bankLikeness.get({ farmID, likeness: k.likeness }).go({ consistent: true })))),
      ]);
      const byLine = new Map(rest.map((k, i) => [k, { claim: restClaims[i], like: restLikes[i] }]));
      const claims = pending.map((k) => byLine.get(k)?.claim);
      const conflicted = pending.map((k, i) => (claims[i] ? !sameContent(k.line, claims[i]) : takenBy[i]!));
      const conflicts = await read(pending.map((k, i) => (conflicted[i] ? db.bankLine.get({ farmID, key: conflictKey(k.line) }).go({ consistent: true }) : none)));
      const there = pending.map((_, i) => tokened[i] || (!!claims[i] && !conflicted[i]) || !!conflicts[i]);
      const likes = pending.map((k, i) => (there[i] ? undefined : byLine.get(k)?.like));
      const writes: Write[] = [];
      pending.forEach((kept, i) => {
        // its key held by another line (an item's or a batch's token): it waits under a key of its own
        const taken = !!claims[i] || takenBy[i]!;
        if (there[i]) return void report.alreadyThere++;
        const key = taken ? conflictKey(kept.line) : kept.line.key;
        const found = kept.found;
        const householdID = householdOf(kept);
        const mine = householdID ? seen.get(householdID, Number(kept.line.bookingDate.slice(0, 4))) : undefined;
        // the same transfer from another format: a line alike that waits or is held, or one booked on any household
        const alike = [...(likes[i] ? [likes[i]!] : []), ...(anywhere.get(kept.likeness) ?? [])];
        const like = alike.find((l) => l.format !== file.format && l.key !== kept.line.key) ?? alike[0];
        const otherFormat = like && like.format !== file.format && like.key !== kept.line.key;
        const words = kept.line.description ? wordClaims.get(kept.line.description) : undefined;
        const byHand = mine && (PaymentLikeness.byHand(mine, kept.line.bookingDate, kept.line.amountCents) || (words && !words.reversed && words.householdID === householdID));
        const candidates = householdID ? [householdID] : (found as { candidates: string[] } | undefined)?.candidates ?? [];
        const plan: Plan = kept.held
          ? { kind: "held", reason: kept.held }
          : taken
            ? { kind: "review", reason: "conflict", candidates, repeats: kept.line.key }
            : otherFormat
              ? { kind: "review", reason: "other_format", candidates, repeats: like.key }
              : byHand
                ? { kind: "review", reason: "by_hand", candidates }
                : householdID
                  ? { kind: "book", householdID, by: (found as { by: string }).by }
                  : { kind: "review", reason: (found as { review: (typeof BankReview.reasons)[number] }).review, candidates };
        writes.push({ kept, key, plan, claimLikeness: !like && plan.kind !== "book" });
      });
      // a line of a household that waits after all claims its likeness too, if no other line has it
      const unread = writes.filter((w) => w.claimLikeness && householdOf(w.kept));
      const taken = await read(unread.map((w) => db.bankLikeness.get({ farmID, likeness: w.kept.likeness }).go({ consistent: true })));
      unread.forEach((w, i) => (w.claimLikeness = !taken[i]));
      const { groups, later } = pack(writes);
      const retry: Kept[] = [...later];
      // one transaction at a time: each checks the lease, and DynamoDB cancels two at once on one item
      for (const units of groups) {
        const done = await write(units, file.format, seen.get, lease);
        if (!done) retry.push(...units.flat().map((w) => w.kept));
        else
          for (const [w, payment] of done) {
            if (payment) {
              report.imported++;
              report.payments.push(payment);
              continue;
            }
            const shown = BankReview.serialize({ ...stored(w.kept, file.format, w.key, w.plan as Exclude<Plan, { kind: "book" }>), createdAt: "", updatedAt: "" } as Item, names);
            if (w.plan.kind === "held") report.held.push(shown);
            else report.review.push(shown);
          }
      }
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
    report.payments.sort((a, b) => a.id.localeCompare(b.id));
    return report;
  }

  /** Whether two likenesses are of the same date, amount, currency and account, whatever their place among alike lines. */
  const sameLikeness = (a: string, b: string) => a.slice(0, a.lastIndexOf("#")) === b.slice(0, b.lastIndexOf("#"));

  /**
   * The lines that wait, are held or were dismissed, by key: few, each a query. An index, which
   * may lag a write of a moment ago: a waiting line missed so and booked is refused by a tap (bank-review.ts).
   */
  async function undecided() {
    const farmID = useFarmID();
    const states = ["review", "held", "dismissed"] as const;
    const found = await Promise.all(states.map((state) => useDB().entities.bankLine.query.byState({ farmID, state }).go({ pages: "all" })));
    return new Map(found.flatMap((f) => f.data.map((l) => [l.key, l] as const)));
  }

  /** True when none of up to 100 lines spread over the file is there yet. */
  async function allNew(kept: Kept[]) {
    const step = Math.max(1, Math.floor(kept.length / 100));
    const sample = kept.filter((_, i) => i % step === 0).slice(0, 100);
    const found = await read(sample.map((k) => useDB().entities.bankLine.get({ farmID: useFarmID(), key: k.line.key }).go({ consistent: true })));
    return found.every((f) => !f);
  }

  /** The hand payments' claims of these words (Payment.claimOf), read once per wording: a month's transfers mostly share theirs. */
  async function byWords(descriptions: (string | undefined)[]) {
    const farmID = useFarmID();
    const words = [...new Set(descriptions.filter((d): d is string => !!d))];
    const claims = await read(words.map((w) => useDB().entities.paymentClaim.get({ farmID, claim: Payment.claimOf(w) }).go({ consistent: true })));
    return new Map(words.map((w, i) => [w, claims[i]]));
  }

}
