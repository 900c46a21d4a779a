import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bankMatcher, type MandateRef } from "./bank-match";

const households = new Set(["hh_a", "hh_b", "hh_c"]);

describe("bankMatcher", () => {
  it("matches a household ID it knows, and an IBAN on exactly one active mandate", () => {
    const match = bankMatcher(
      [
        { householdID: "hh_a", iban: "NL91ABNA0417164300", status: "active" },
        { householdID: "hh_b", iban: "NL20INGB0001234567", status: "revoked" },
      ],
      households,
    );
    expect(match({ householdID: "hh_b" })).toEqual({ householdID: "hh_b" });
    expect(match({ householdID: "hh_zz" })).toEqual({ reason: "unknown household" });
    expect(match({ iban: "NL91ABNA0417164300" })).toEqual({ householdID: "hh_a" });
    // a revoked mandate matches nothing
    expect(match({ iban: "NL20INGB0001234567" })).toEqual({ reason: "no household has an active mandate with this IBAN" });
  });

  it("never guesses: an IBAN on the active mandates of more households, or of none, is left unmatched", () => {
    const mandate = fc.record({
      householdID: fc.constantFrom("hh_a", "hh_b", "hh_c", "hh_gone"),
      iban: fc.constantFrom("NL91ABNA0417164300", "NL20INGB0001234567"),
      status: fc.constantFrom("active" as const, "revoked" as const),
    });
    fc.assert(
      fc.property(fc.array(mandate, { maxLength: 8 }), (mandates: MandateRef[]) => {
        const match = bankMatcher(mandates, households);
        for (const iban of ["NL91ABNA0417164300", "NL20INGB0001234567"]) {
          const holders = new Set(mandates.filter((m) => m.iban === iban && m.status === "active" && households.has(m.householdID)).map((m) => m.householdID));
          const found = match({ iban });
          if (holders.size === 1) expect(found).toEqual({ householdID: [...holders][0] });
          else expect(found).toHaveProperty("reason");
        }
      }),
    );
  });
});
