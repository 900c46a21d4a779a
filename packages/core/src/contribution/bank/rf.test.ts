import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creditorReference, findCreditorReference, friendlyFormatRF, householdCreditorReference, isValidCreditorReference } from "./rf";

/** Asks Debian's python3-stdnum, an independent implementation, which references are valid. */
function stdnumValid(references: string[]): boolean[] {
  const script = "import sys, json, stdnum.iso11649 as r; print(json.dumps([r.is_valid(x) for x in json.load(sys.stdin)]))";
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", script], { input: JSON.stringify(references) }).toString());
}

describe("ISO 11649 creditor references", () => {
  it("makes references that python-stdnum finds valid, and validates as it does", () => {
    const bodies = fc.sample(fc.stringMatching(/^[0-9A-Z]{1,21}$/), 300);
    const made = bodies.map(creditorReference);
    expect(stdnumValid(made).every(Boolean)).toBe(true);
    // one digit changed: mod 97 catches every such change, and both agree on it
    const broken = made.map((ref, i) => {
      const digits = [...ref].flatMap((ch, at) => (at >= 2 && /\d/.test(ch) ? [at] : []));
      const at = digits[i % digits.length]!;
      return ref.slice(0, at) + String((Number(ref[at]) + 1) % 10) + ref.slice(at + 1);
    });
    expect(broken.map(isValidCreditorReference)).toEqual(stdnumValid(broken));
    expect(broken.some(isValidCreditorReference)).toBe(false);
    expect(isValidCreditorReference("RF18539007547034")).toBe(true); // the standard's example
    expect(isValidCreditorReference("rf18 5390 0754 7034")).toBe(true);
    expect(isValidCreditorReference("RF18")).toBe(false);
    expect(isValidCreditorReference("RF18 1234 5678 9012 3456 7890 12")).toBe(false); // body over 21
  });

  it("gives each household a stable reference of 12 digits", () => {
    const ids = Array.from({ length: 200 }, (_, i) => `hh_01jz8k3m4n5p6q7r8s9t0v${String(i).padStart(4, "0")}`);
    const refs = ids.map(householdCreditorReference);
    expect(refs.every((r) => /^RF\d{14}$/.test(r))).toBe(true);
    expect(new Set(refs).size).toBe(200);
    expect(stdnumValid(refs).every(Boolean)).toBe(true);
    expect(householdCreditorReference(ids[0]!)).toBe(refs[0]);
    expect(householdCreditorReference("hh_01jz8k3m4n5p6q7r8s9t0v1w2x")).toBe("RF23217233315692"); // as in the fixtures
    expect(friendlyFormatRF("RF23217233315692")).toBe("RF23 2172 3331 5692");
  });

  it("finds a reference in free text, however it was typed", () => {
    const ref = "RF23217233315692";
    for (const text of [
      "Bijdrage RF23 2172 3331 5692 december",
      "bijdrage nov/dec rf23 2172 3331 5692",
      "RF23217233315692",
      "kenmerk:RF232172333 15692.",
      "Bijdrage rf 23 2172 3331 5692",
      "RF12 is geen kenmerk, RF23217233315692 wel",
    ])
      expect(findCreditorReference(text), text).toBe(ref);
    expect(findCreditorReference("Bijdrage Herenboeren december")).toBeUndefined();
    expect(findCreditorReference("RF23 2172 3331 5693")).toBeUndefined(); // one digit off
    expect(findCreditorReference("SURF23217233315692")).toBeUndefined(); // inside a word
    // a 4-digit word after it that happens to make a second valid reference: the household shape wins
    const longer = fc.sample(fc.integer({ min: 1000, max: 9999 }), 2000).find((n) => isValidCreditorReference(`${ref}${n}`));
    expect(longer).toBeDefined();
    expect(findCreditorReference(`RF23 2172 3331 5692 ${longer}`)).toBe(ref);
  });
});
