import type { BankLine } from "./bank-csv";

/** What a bank line's matching needs to know of a mandate. */
export interface MandateRef {
  householdID: string;
  /** Electronic format. */
  iban: string;
  status: "active" | "revoked";
}

export type BankMatch = { householdID: string } | { reason: string };

/**
 * How a bank line finds its household, whatever format it came in: by the
 * household ID it names, or by the IBAN it was paid from, matched to active
 * mandates only. An IBAN on more than one household's active mandate (shared
 * with the treasurer's approval) is never guessed: the line stays unmatched
 * for the treasurer to book by hand.
 */
export function bankMatcher(mandates: readonly MandateRef[], households: ReadonlySet<string>) {
  const byIBAN = new Map<string, Set<string>>();
  for (const m of mandates) {
    if (m.status !== "active") continue;
    const holders = byIBAN.get(m.iban) ?? new Set<string>();
    holders.add(m.householdID);
    byIBAN.set(m.iban, holders);
  }
  return (line: Pick<BankLine, "householdID" | "iban">): BankMatch => {
    if (line.householdID) return households.has(line.householdID) ? { householdID: line.householdID } : { reason: "unknown household" };
    const holders = [...(byIBAN.get((line.iban ?? "").toUpperCase()) ?? [])].filter((h) => households.has(h));
    if (holders.length === 1) return { householdID: holders[0]! };
    return holders.length
      ? { reason: "more than one household has an active mandate with this IBAN: book it by hand" }
      : { reason: "no household has an active mandate with this IBAN" };
  };
}
