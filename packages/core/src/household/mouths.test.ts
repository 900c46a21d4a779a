import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkComposition, mouths } from "./mouths";

describe("mouths", () => {
  it("counts adults as one and children by the child factor", () => {
    expect(mouths(2, 2, 0.5)).toBe(3);
    expect(mouths(1, 0, 0.5)).toBe(1);
    expect(mouths(2, 3, 0.5)).toBe(3.5);
    expect(mouths(1, 3, 0.1)).toBe(1.3);
  });

  it("a half certificate holds exactly one mouth", () => {
    expect(checkComposition({ adults: 1, children: 0, certificate: "half" }, 0.5)).toEqual([]);
    expect(checkComposition({ adults: 1, children: 1, certificate: "half" }, 0.5)).toHaveLength(1);
    expect(checkComposition({ adults: 2, children: 0, certificate: "half" }, 0.5)[0]?.path).toBe("certificate");
  });

  it("a full certificate holds two to five mouths", () => {
    expect(checkComposition({ adults: 1, children: 0, certificate: "full" }, 0.5)).toHaveLength(1);
    expect(checkComposition({ adults: 1, children: 2, certificate: "full" }, 0.5)).toEqual([]);
    expect(checkComposition({ adults: 5, children: 0, certificate: "full" }, 0.5)).toEqual([]);
    expect(checkComposition({ adults: 4, children: 3, certificate: "full" }, 0.5)).toHaveLength(1);
  });

  it("accepts a composition exactly when its mouths fit the certificate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom("full" as const, "half" as const),
        (adults, children, certificate) => {
          const m = mouths(adults, children, 0.5);
          const fits = certificate === "half" ? m === 1 : m >= 2 && m <= 5;
          expect(checkComposition({ adults, children, certificate }, 0.5).length === 0).toBe(fits);
        },
      ),
    );
  });
});
