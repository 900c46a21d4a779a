import { describe, expect, it } from "vitest";
import { collectionDate, easterSunday, isTarget2Day, nextTarget2Day } from "./target2";

describe("the TARGET2 calendar", () => {
  it("finds Easter Sunday in any year", () => {
    // published Easter dates, the earliest (22 March) and latest (25 April) possible among them
    const easter: Record<number, string> = {
      1818: "1818-03-22", 1943: "1943-04-25", 2000: "2000-04-23", 2008: "2008-03-23", 2011: "2011-04-24", 2019: "2019-04-21", 2024: "2024-03-31",
      2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2028: "2028-04-16", 2038: "2038-04-25", 2285: "2285-03-22",
    };
    for (const [year, date] of Object.entries(easter)) expect(easterSunday(Number(year)), year).toBe(date);
  });

  it("is closed on weekends, 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December", () => {
    for (const closed of ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-01", "2026-05-01", "2026-12-25", "2028-12-26", "2027-03-06", "2027-03-07", "2026-04-03", "2026-04-06"])
      expect(isTarget2Day(closed), closed).toBe(false);
    // Dutch holidays that TARGET2 keeps open: King's Day, Ascension, Whit Monday, Liberation Day
    for (const open of ["2027-04-27", "2027-05-06", "2027-05-17", "2025-05-05", "2027-12-24", "2027-12-31", "2027-03-25"]) expect(isTarget2Day(open), open).toBe(true);
  });

  it("moves a collection past closed days, and never closer than the notice period", () => {
    // Good Friday 2027 is 26 March, Easter Monday 29 March: a Thursday first, then the Tuesday
    expect(nextTarget2Day("2027-03-26")).toBe("2027-03-30");
    // 25 December 2027 is a Saturday, the 26th a Sunday, 27 December open
    expect(nextTarget2Day("2027-12-25")).toBe("2027-12-27");
    // 1 January 2028 is a Saturday
    expect(nextTarget2Day("2027-12-31")).toBe("2027-12-31");
    expect(nextTarget2Day("2028-01-01")).toBe("2028-01-03");
    expect(collectionDate("2027-03-01", "2027-02-01", 14)).toBe("2027-03-01");
    expect(collectionDate("2027-03-01", "2027-02-20", 14)).toBe("2027-03-08");
    // 1 May 2026 is a Friday: the Monday after
    expect(collectionDate("2026-05-01", "2026-04-01", 14)).toBe("2026-05-04");
    expect(collectionDate("2027-01-01", "2026-12-01", 14)).toBe("2027-01-04");
  });
});
