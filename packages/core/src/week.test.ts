import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addWeeks, amsterdamISO, deadlineBefore, isWeek, mondayOf, weekOf, weeksInYear, weekLabel } from "./week";

describe("ISO weeks", () => {
  it("knows which weeks exist", () => {
    expect(isWeek("2027-W14")).toBe(true);
    expect(isWeek("2026-W53")).toBe(true);
    expect(isWeek("2027-W53")).toBe(false);
    expect(isWeek("2027-W00")).toBe(false);
    expect(isWeek("2027-14")).toBe(false);
    expect(isWeek("2027-W1")).toBe(false);
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2027)).toBe(52);
  });

  it("finds Mondays and the week of an instant", () => {
    expect(mondayOf("2027-W01").toISOString().slice(0, 10)).toBe("2027-01-04");
    expect(mondayOf("2026-W53").toISOString().slice(0, 10)).toBe("2026-12-28");
    expect(weekOf(Date.parse("2027-01-03T12:00:00Z"))).toBe("2026-W53");
    // Sunday 23:30 in Amsterdam is still the old week, though UTC says 22:30
    expect(weekOf(Date.parse("2027-04-11T21:30:00Z"))).toBe("2027-W14");
    expect(weekOf(Date.parse("2027-04-11T22:30:00Z"))).toBe("2027-W15");
  });

  it("adds weeks across year ends", () => {
    expect(addWeeks("2026-W52", 1)).toBe("2026-W53");
    expect(addWeeks("2026-W53", 1)).toBe("2027-W01");
    expect(addWeeks("2027-W01", -1)).toBe("2026-W53");
    fc.assert(
      fc.property(fc.integer({ min: 2010, max: 2100 }), fc.integer({ min: 1, max: 52 }), fc.integer({ min: -200, max: 200 }), (y, w, n) => {
        const week = `${y}-W${String(w).padStart(2, "0")}`;
        expect(addWeeks(addWeeks(week, n), -n)).toBe(week);
        expect(isWeek(addWeeks(week, n))).toBe(true);
      }),
    );
  });

  it("puts the Thursday 18:00 deadline right in winter and summer time", () => {
    const rule = { daysBefore: 4, time: "18:00" };
    // winter: CET = UTC+1
    expect(new Date(deadlineBefore("2027-W03", rule)).toISOString()).toBe("2027-01-14T17:00:00.000Z");
    // summer: CEST = UTC+2
    expect(new Date(deadlineBefore("2027-W27", rule)).toISOString()).toBe("2027-07-01T16:00:00.000Z");
    // the week that changes to summer time (last Sunday of March 2027 is 28 March)
    expect(new Date(deadlineBefore("2027-W13", rule)).toISOString()).toBe("2027-03-25T17:00:00.000Z");
    expect(amsterdamISO(deadlineBefore("2027-W27", rule))).toBe("2027-07-01T18:00:00+02:00");
    expect(amsterdamISO(deadlineBefore("2027-W03", rule))).toBe("2027-01-14T18:00:00+01:00");
  });
});

describe("weekLabel", () => {
  it("names a week as people say it, in Dutch and English", () => {
    expect(weekLabel("2026-W50", "nl")).toBe("week 50 (7–13 december)");
    expect(weekLabel("2026-W50", "en")).toBe("week 50 (7–13 December)");
    expect(weekLabel("2026-W53", "nl")).toBe("week 53 (28 december – 3 januari)");
    expect(weekLabel("2027-W05", "nl", { year: true })).toBe("week 5 (1–7 februari 2027)");
    expect(weekLabel("2026-W53", "en", { year: true })).toBe("week 53 (28 December 2026 – 3 January 2027)");
  });
});
