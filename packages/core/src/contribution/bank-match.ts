import { householdCreditorReference } from "./bank";
import type { BankLine } from "./bank";

/** What a bank line's matching needs to know of a mandate. */
export interface MandateRef {
  householdID: string;
  /** Electronic format. */
  iban: string;
  status: "active" | "revoked";
}

/** A household as the matcher sees it: its name and its people's. */
export interface HouseholdRef {
  householdID: string;
  name: string;
  people: readonly string[];
  /** Left the farm: still found by its ID and reference (paying what it owes), never by account or name. */
  left?: boolean;
}

/** How a line found its household. */
export type MatchedBy = "household" | "reference" | "mandate" | "account" | "name";

export type BankMatch =
  | { householdID: string; by: MatchedBy }
  /** `unknown`: nothing points anywhere; `ambiguous`: more than one household fits (candidates). */
  | { review: "unknown" | "ambiguous" | "household"; candidates: string[] };

/** Lower case, accents and punctuation gone, single spaces: "Zoë  Brouwer-de Wit" → "zoe brouwer de wit". */
export function normalName(name: string) {
  return ` ${name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

// Words in a household's or payer's name that say nothing of who it is.
const filler = /\b(familie|fam|gezin|huishouden|de heer|mevrouw|mevr|dhr|mw|hr|en|e o|eo|of)\b/g;

/**
 * The names a payer's name must contain to be this household: the
 * household's name, and each person's surname (all after the first name,
 * "van den Berg" whole), at least 3 letters.
 */
function namesOf(h: HouseholdRef) {
  const names = new Set<string>();
  const add = (n: string) => {
    const clean = normalName(n).replace(filler, " ").replace(/\s+/g, " ");
    if (clean.trim().length >= 3) names.add(clean);
  };
  add(h.name);
  for (const person of h.people) {
    // a first name alone ("Anna") says too little
    const words = normalName(person).trim().split(" ");
    if (words.length > 1) {
      add(person);
      add(words.slice(1).join(" "));
    }
  }
  return [...names];
}

const one = (ids: Iterable<string>) => [...new Set(ids)];

/**
 * How a credit line finds its household, in this order:
 *
 * 1. the household ID the line names (only the simple CSV can);
 * 2. the household's ISO 11649 creditor reference (bank/rf.ts) in the payment;
 * 3. the account it was paid from: an active mandate's, else one the
 *    treasurer assigned an earlier line from (`remembered`). An IBAN of more
 *    than one household is never guessed;
 * 4. the payer's name against the households' and their people's names,
 *    only when exactly one household fits.
 *
 * What fits none, or more than one, waits for the treasurer.
 */
export function bankMatcher(
  households: readonly HouseholdRef[],
  mandates: readonly MandateRef[],
  remembered: ReadonlyMap<string, readonly string[]> = new Map(),
) {
  const known = new Set(households.map((h) => h.householdID));
  const active = new Set(households.filter((h) => !h.left).map((h) => h.householdID));
  const byReference = new Map<string, string[]>();
  for (const h of households) {
    const rf = householdCreditorReference(h.householdID);
    byReference.set(rf, [...(byReference.get(rf) ?? []), h.householdID]);
  }
  const byIBAN = new Map<string, string[]>();
  for (const m of mandates)
    if (m.status === "active" && active.has(m.householdID)) byIBAN.set(m.iban, one([...(byIBAN.get(m.iban) ?? []), m.householdID]));
  const names = households.filter((h) => !h.left).map((h) => ({ householdID: h.householdID, names: namesOf(h) }));

  return (line: Pick<BankLine, "householdID" | "structuredReference" | "counterIBAN" | "counterName">): BankMatch => {
    if (line.householdID)
      return known.has(line.householdID) ? { householdID: line.householdID, by: "household" } : { review: "household", candidates: [] };
    const referenced = line.structuredReference ? byReference.get(line.structuredReference) : undefined;
    if (referenced?.length === 1) return { householdID: referenced[0]!, by: "reference" };
    if (referenced) return { review: "ambiguous", candidates: referenced };
    if (line.counterIBAN) {
      const holders = byIBAN.get(line.counterIBAN);
      if (holders?.length === 1) return { householdID: holders[0]!, by: "mandate" };
      if (holders) return { review: "ambiguous", candidates: holders };
      const assigned = (remembered.get(line.counterIBAN) ?? []).filter((h) => active.has(h));
      if (assigned.length === 1) return { householdID: assigned[0]!, by: "account" };
      if (assigned.length) return { review: "ambiguous", candidates: assigned };
    }
    if (line.counterName) {
      const payer = normalName(line.counterName).replace(filler, " ").replace(/\s+/g, " ");
      const fits = names.filter((h) => h.names.some((n) => payer.includes(n))).map((h) => h.householdID);
      if (fits.length === 1) return { householdID: fits[0]!, by: "name" };
      if (fits.length) return { review: "ambiguous", candidates: fits };
    }
    return { review: "unknown", candidates: [] };
  };
}
