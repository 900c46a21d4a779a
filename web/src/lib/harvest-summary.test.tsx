import { describe, expect, it } from "vitest";
import { cropSummary } from "./harvest-summary";

const household = (id: string, mouths: number, vegetarian: boolean, lines: { crop: string; unit: "kg" | "piece"; quantity: number }[]) => ({
  householdID: id,
  name: id,
  mouths,
  vegetarian,
  lines,
});

describe("the summary per crop", () => {
  it("says per mouth, the range, who gets none and what is left; vegetarians are not counted for meat", () => {
    const summary = cropSummary({
      items: [
        { crop: "pompoen", unit: "piece", quantity: 3 },
        { crop: "gehakt", unit: "kg", quantity: 2, step: 0.5, meat: true },
      ],
      allocations: [
        household("a", 1, false, [{ crop: "gehakt", unit: "kg", quantity: 0.5 }]),
        household("b", 2, true, [{ crop: "pompoen", unit: "piece", quantity: 1 }]),
        household("c", 4, false, [{ crop: "pompoen", unit: "piece", quantity: 1 }, { crop: "gehakt", unit: "kg", quantity: 1.5 }]),
      ],
      leftovers: [
        { crop: "pompoen", unit: "piece", quantity: 1 },
        { crop: "gehakt", unit: "kg", quantity: 0 },
      ],
    });
    expect(summary).toEqual([
      { crop: "pompoen", unit: "piece", perMouth: 0.286, min: 0, max: 1, none: 1, left: 1 },
      { crop: "gehakt", unit: "kg", perMouth: 0.4, min: 0.5, max: 1.5, none: 0, left: 0 },
    ]);
  });
});
