import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseAmount, parseDate, splitFields } from "./bank-csv";

describe("the bank statement CSV", () => {
  it("reads amounts as Dutch banks write them, in cents", () => {
    expect(parseAmount("43,34")).toBe(4334);
    expect(parseAmount("43.34")).toBe(4334);
    expect(parseAmount("1.043,50")).toBe(104350);
    expect(parseAmount("1.043")).toBe(104300);
    expect(parseAmount("€ 12")).toBe(1200);
    expect(parseAmount("12,5")).toBe(1250);
    expect(parseAmount("-5,00")).toBe(-500);
    expect(parseAmount("12,345")).toBeUndefined();
    expect(parseAmount("twaalf")).toBeUndefined();
    expect(parseAmount("")).toBeUndefined();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), (cents) => {
        const text = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;
        expect(parseAmount(text)).toBe(cents);
      }),
    );
  });

  it("reads ISO and Dutch dates, and no impossible ones", () => {
    expect(parseDate("2027-03-02")).toBe("2027-03-02");
    expect(parseDate("02-03-2027")).toBe("2027-03-02");
    expect(parseDate("2/3/2027")).toBe("2027-03-02");
    expect(parseDate("2027-02-30")).toBeUndefined();
    expect(parseDate("gisteren")).toBeUndefined();
  });

  it("splits on semicolons, honouring quotes", () => {
    expect(splitFields('2027-03-02;"1.043,50";"Bijdrage; maart ""Jansen""";hh_x')).toEqual(["2027-03-02", "1.043,50", 'Bijdrage; maart "Jansen"', "hh_x"]);
  });
});
