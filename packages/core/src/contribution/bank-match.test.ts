import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { householdCreditorReference } from "./bank";
import { bankMatcher, type HouseholdRef, type MandateRef } from "./bank-match";

const households: HouseholdRef[] = [
  { householdID: "hh_a", name: "Jansen", people: ["Jan Jansen", "Petra Jansen-Bos"] },
  { householdID: "hh_b", name: "Familie van den Berg", people: ["Eva van den Berg"] },
  { householdID: "hh_c", name: "De Vries", people: ["Anna de Vries"] },
  { householdID: "hh_d", name: "de Vries", people: ["Kees de Vries"] },
  { householdID: "hh_e", name: "Oud", people: ["Otto Oudewater"], left: true },
];

const mandates: MandateRef[] = [
  { householdID: "hh_a", iban: "NL91ABNA0417164300", status: "active" },
  { householdID: "hh_b", iban: "NL20INGB0001234567", status: "revoked" },
  { householdID: "hh_c", iban: "NL39RABO0300065264", status: "active" },
  { householdID: "hh_d", iban: "NL39RABO0300065264", status: "active" },
  { householdID: "hh_e", iban: "NL02ABNA0123456789", status: "active" },
];

describe("bankMatcher", () => {
  const match = bankMatcher(households, mandates, new Map([["NL44RABO0123456789", ["hh_b"]], ["NL55KNAB5588810376", ["hh_a", "hh_b"]]]));

  it("finds the household its ID names (simple CSV), an unknown one waits", () => {
    expect(match({ householdID: "hh_b" })).toEqual({ householdID: "hh_b", by: "household" });
    expect(match({ householdID: "hh_zz" })).toEqual({ review: "household", candidates: [] });
  });

  it("finds a household by its RF reference first, whatever the account says", () => {
    expect(match({ structuredReference: householdCreditorReference("hh_b"), counterIBAN: "NL91ABNA0417164300" })).toEqual({ householdID: "hh_b", by: "reference" });
    // a household that left still pays what it owes by its reference
    expect(match({ structuredReference: householdCreditorReference("hh_e") })).toEqual({ householdID: "hh_e", by: "reference" });
  });

  it("then by an active mandate's account; an account of two households waits with both", () => {
    expect(match({ counterIBAN: "NL91ABNA0417164300", counterName: "Iemand Anders" })).toEqual({ householdID: "hh_a", by: "mandate" });
    expect(match({ counterIBAN: "NL39RABO0300065264" })).toEqual({ review: "ambiguous", candidates: ["hh_c", "hh_d"] });
    // revoked, or of a household that left: not a match by account
    expect(match({ counterIBAN: "NL20INGB0001234567" })).toEqual({ review: "unknown", candidates: [] });
    expect(match({ counterIBAN: "NL02ABNA0123456789" })).toEqual({ review: "unknown", candidates: [] });
  });

  it("then by an account the treasurer assigned before", () => {
    expect(match({ counterIBAN: "NL44RABO0123456789" })).toEqual({ householdID: "hh_b", by: "account" });
    expect(match({ counterIBAN: "NL55KNAB5588810376" })).toEqual({ review: "ambiguous", candidates: ["hh_a", "hh_b"] });
  });

  it("then by name, only when exactly one household fits", () => {
    expect(match({ counterName: "J.P. JANSEN" })).toEqual({ householdID: "hh_a", by: "name" });
    expect(match({ counterName: "E.W. van den Berg" })).toEqual({ householdID: "hh_b", by: "name" });
    expect(match({ counterName: "Fam. de Vries" })).toEqual({ review: "ambiguous", candidates: ["hh_c", "hh_d"] });
    expect(match({ counterName: "Zoë Brouwer" })).toEqual({ review: "unknown", candidates: [] });
    // part of a word is not a name: "Oudewater" left, and "Bos" is not "Bosman"
    expect(match({ counterName: "P. Bosman" })).toEqual({ review: "unknown", candidates: [] });
    expect(match({ counterName: "O. Oudewater" })).toEqual({ review: "unknown", candidates: [] });
  });

  it("never matches a household it does not know, and never more than one", () => {
    fc.assert(
      fc.property(
        fc.record({
          householdID: fc.option(fc.constantFrom("hh_a", "hh_x"), { nil: undefined }),
          counterIBAN: fc.option(fc.constantFrom(...mandates.map((m) => m.iban), "NL44RABO0123456789"), { nil: undefined }),
          counterName: fc.option(fc.string(), { nil: undefined }),
        }),
        (line) => {
          const found = match(line);
          if ("householdID" in found) expect(households.map((h) => h.householdID)).toContain(found.householdID);
          else expect(found.candidates.length === 0 || found.candidates.length > 1).toBe(true);
        },
      ),
    );
  });
});
