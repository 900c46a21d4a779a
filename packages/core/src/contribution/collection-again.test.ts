import { describe, expect, it } from "vitest";
import { CollectionAgain } from "./collection-again";

const due: CollectionAgain.Due = new Map([
  ["hh_a", [{ runID: "r3", householdID: "hh_a", cents: 4_334, year: 2027 }]],
  ["hh_b", [{ runID: "r3", householdID: "hh_b", cents: 4_334, year: 2027 }, { runID: "r4", householdID: "hh_b", cents: 8_668, year: 2027, recollectedIn: "2027-04" }]],
]);
const month = (amountCents: number, paidCents: number) => ({ amountCents, paidCents });

describe("what a run collects again", () => {
  it("is what came back, at most what is still open of the earlier instalments", () => {
    // March came back and is open again
    expect(CollectionAgain.cents(due, "hh_a", [month(4_334, 4_334), month(4_334, 4_334), month(4_334, 0)], 2027)).toBe(4_334);
    // transferred meanwhile: nothing to collect again
    expect(CollectionAgain.cents(due, "hh_a", [month(4_334, 4_334), month(4_334, 4_334), month(4_334, 4_334)], 2027)).toBe(0);
    // half of it transferred: the other half
    expect(CollectionAgain.cents(due, "hh_a", [month(4_334, 4_334), month(4_334, 2_000)], 2027)).toBe(2_334);
    // two returns, the second already holding the first's amount: no more than is open
    expect(CollectionAgain.cents(due, "hh_b", [month(4_334, 0), month(4_334, 0)], 2027)).toBe(8_668);
    // nothing came back: only open months that were never collected stay for the reminders
    expect(CollectionAgain.cents(due, "hh_c", [month(4_334, 0)], 2027)).toBe(0);
    // paid ahead does not count as open
    expect(CollectionAgain.cents(due, "hh_a", [month(4_334, 9_000)], 2027)).toBe(0);
  });

  it("counts a return against its own year: December's, collected in January, against December", () => {
    const december: CollectionAgain.Due = new Map([["hh_a", [{ runID: "r12", householdID: "hh_a", cents: 4_334, year: 2027 }]]]);
    expect(CollectionAgain.reachesBack(december, 2028)).toBe(true);
    expect(CollectionAgain.reachesBack(december, 2027)).toBe(false);
    // nothing of 2028 came back; of 2027, December is open
    expect(CollectionAgain.cents(december, "hh_a", [], 2028)).toBe(0);
    expect(CollectionAgain.cents(december, "hh_a", [month(4_334, 4_334), month(4_334, 0)], 2027)).toBe(4_334);
  });
});
