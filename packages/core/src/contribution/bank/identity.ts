import { createHash } from "node:crypto";
import type { BankFormat, ParsedLine } from "./types";

/*
 * A bank line's identity, so that importing a file again (or a later file
 * that overlaps it) books nothing twice, while two payments that merely look
 * alike are both booked.
 *
 * - Where the format gives the bank's own reference for the movement (camt
 *   `AcctSvcrRef`, Rabobank `Volgnr`), the key is that reference within the
 *   account: `r` + a hash of format, own account and reference.
 * - Otherwise (ING, ABN AMRO, the simple CSV, a camt entry without
 *   `AcctSvcrRef`) it is `h` + a hash of format, own account, booking date,
 *   amount, currency, counter-account, description, end-to-end reference and
 *   the line's occurrence among the lines of the file identical in all of
 *   these: the second of two identical lines gets occurrence 2. Two
 *   households paying "Bijdrage Herenboeren december" differ by account; a
 *   standing order differs by date; two truly identical lines in one file
 *   are two payments. An overlapping later export repeats a day's identical
 *   lines in the same order, so they get the same keys again.
 * - A bank reference that appears twice in one file with different content
 *   is not trusted as unique: the later line's key adds its content. Twice
 *   with the same content (a statement page repeated) it is one movement.
 *
 * The format is part of the key: the same movement read once from camt and
 * once from a CSV export gets two keys. The import must therefore flag a
 * line whose date, amount and counter-account equal an already booked one
 * from another format for review rather than book it blindly.
 */

function digest(parts: (string | number | undefined)[]) {
  // the unit separator keeps ("a", "bc") and ("ab", "c") apart
  return createHash("sha256")
    .update(parts.map((p) => String(p ?? "")).join("\u001f"))
    .digest("base64url")
    .slice(0, 32);
}

/** What the hashed identity is made of; occurrence not included. */
function likeness(format: BankFormat, ownAccount: string | undefined, line: ParsedLine) {
  return digest([
    format,
    ownAccount,
    line.bookingDate,
    line.amountCents,
    line.currency,
    line.counterIBAN,
    line.description.replace(/\s+/g, " ").trim(),
    line.endToEndID,
    line.householdID,
  ]);
}

/**
 * The keys of a file's lines, in order (see above). The lines must be the
 * whole file in file order: a line's occurrence counts the identical lines
 * before it.
 */
export function lineKeys(format: BankFormat, lines: readonly ParsedLine[], fileAccount?: string): string[] {
  const seen = new Map<string, number>();
  const refs = new Map<string, string>(); // reference → likeness of its first line
  return lines.map((line) => {
    const own = line.ownAccount ?? fileAccount;
    const like = likeness(format, own, line);
    if (line.bankRef) {
      // a reference that comes back with other content is not the bank's unique one: keep both lines apart
      const ref = digest([format, own, line.bankRef]);
      const first = refs.get(ref) ?? (refs.set(ref, like), like);
      return first === like ? `r${ref}` : `r${digest([ref, like])}`;
    }
    const occurrence = (seen.get(like) ?? 0) + 1;
    seen.set(like, occurrence);
    return `h${digest([like, occurrence])}`;
  });
}
