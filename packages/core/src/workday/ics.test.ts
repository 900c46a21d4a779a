import { describe, expect, it } from "vitest";
import fc from "fast-check";
import ICAL from "ical.js";
import { Ics } from "./ics";

const octets = (s: string) => Buffer.byteLength(s, "utf8");
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, "");

describe("iCalendar writer", () => {
  it("folds at 75 octets without splitting a multi-byte character, and unfolds to the same line", () => {
    const line = `DESCRIPTION:${"Geëmailde oogst 🥕🥬, ".repeat(12)}ë`;
    const folded = Ics.fold(line);
    expect(folded.endsWith("\r\n")).toBe(true);
    const parts = folded.slice(0, -2).split("\r\n");
    expect(parts.length).toBeGreaterThan(3);
    for (const [i, part] of parts.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part[0]).toBe(" ");
      // a split character would show up as U+FFFD or a lone surrogate
      expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
      expect(part).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
    // folded as tightly as possible: each line but the last is full up to the next character
    expect(octets(parts[0]!)).toBeGreaterThanOrEqual(72);
    expect(unfold(folded)).toBe(line + "\r\n");
  });

  it("leaves short lines alone", () => {
    expect(Ics.fold("SUMMARY:Wieden")).toBe("SUMMARY:Wieden\r\n");
    const exact = `X:${"a".repeat(73)}`;
    expect(Ics.fold(exact)).toBe(exact + "\r\n");
    expect(Ics.fold(exact + "b")).toBe(`${exact}\r\n b\r\n`);
  });

  it("folds any text so that every line fits and unfolding gives it back", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (value) => {
        const line = `DESCRIPTION:${Ics.text(value)}`;
        const folded = Ics.fold(line);
        for (const part of folded.slice(0, -2).split("\r\n")) expect(octets(part)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(line + "\r\n");
      }),
    );
  });

  it("escapes backslash, semicolon, comma and newlines in TEXT", () => {
    expect(Ics.text("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    expect(Ics.text("tab\tstays, bell\x07 goes")).toBe("tab\tstays\\, bell goes");
    expect(Ics.text("Schuur: ingang 2")).toBe("Schuur: ingang 2");
  });

  it("writes UTC date-times and durations", () => {
    expect(Ics.utc(new Date("2027-01-16T08:30:00.000Z"))).toBe("20270116T083000Z");
    expect(Ics.utc(new Date("2027-07-03T09:30:00+02:00"))).toBe("20270703T073000Z");
    expect(() => Ics.utc(new Date("nonsense"))).toThrow(RangeError);
    expect(Ics.duration(3600)).toBe("PT1H");
    expect(Ics.duration(90)).toBe("PT1M30S");
    expect(Ics.duration(86400 + 1800)).toBe("P1DT30M");
    expect(Ics.duration(0)).toBe("PT0S");
  });

  const feed = () =>
    Ics.calendar({
      prodId: "-//Akker//meewerkdagen//NL",
      name: "Meewerkdagen De Akker, Tilburg",
      timezone: "Europe/Amsterdam",
      refreshSeconds: 3600,
      stamp: new Date("2026-11-23T19:30:00Z"),
      events: [
        {
          uid: "01WINTER@akker",
          start: new Date("2027-01-16T09:30:00+01:00"),
          end: new Date("2027-01-16T12:00:00+01:00"),
          summary: "Wieden; bieten, prei (wachtlijst)",
          description: "Neem handschoenen mee.\nKoffie om 10:30 — daarna 🥕 oogsten \\ sorteren. ".repeat(3),
          location: "Schuur, Akkerweg 1; Tilburg",
        },
        {
          uid: "01ZOMER@akker",
          start: new Date("2027-07-03T09:30:00+02:00"),
          end: new Date("2027-07-03T12:00:00+02:00"),
          summary: "Zomerwerk",
          url: "https://akker.example/werkdagen/01ZOMER",
          sequence: 2,
        },
        {
          uid: "01AFGELAST@akker",
          start: new Date("2027-03-06T10:00:00+01:00"),
          end: new Date("2027-03-06T13:00:00+01:00"),
          summary: "Afgelast",
          status: "CANCELLED",
          sequence: 1,
        },
      ],
    });

  it("ends every line with CRLF and no line is longer than 75 octets", () => {
    const text = feed();
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Akker//meewerkdagen//NL\r\nCALSCALE:GREGORIAN\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.slice(0, -2).split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(text).toContain("X-WR-CALNAME:Meewerkdagen De Akker\\, Tilburg\r\n");
    expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n");
    expect(text).toContain("DTSTAMP:20261123T193000Z\r\n");
  });

  it("round-trips through ical.js", () => {
    const cal = new ICAL.Component(ICAL.parse(feed()));
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
    // ical.js does not know X- properties, so it leaves their (TEXT) escapes in place
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("Meewerkdagen De Akker\\, Tilburg");
    const vevents = cal.getAllSubcomponents("vevent");
    const events = vevents.map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.uid)).toEqual(["01WINTER@akker", "01ZOMER@akker", "01AFGELAST@akker"]);

    const [winter, summer, cancelled] = events as [ICAL.Event, ICAL.Event, ICAL.Event];
    expect(winter.summary).toBe("Wieden; bieten, prei (wachtlijst)");
    expect(winter.location).toBe("Schuur, Akkerweg 1; Tilburg");
    expect(winter.description).toBe("Neem handschoenen mee.\nKoffie om 10:30 — daarna 🥕 oogsten \\ sorteren. ".repeat(3));
    expect(winter.startDate.isDate).toBe(false);
    expect(winter.startDate.zone?.tzid).toBe("UTC");
    expect(winter.startDate.toJSDate().toISOString()).toBe("2027-01-16T08:30:00.000Z");
    expect(winter.endDate.toJSDate().toISOString()).toBe("2027-01-16T11:00:00.000Z");
    expect(winter.sequence).toBe(0);
    expect(vevents[0]!.getFirstPropertyValue("status")).toBeNull();
    expect(vevents[0]!.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-11-23T19:30:00Z");

    expect(summer.startDate.toJSDate().toISOString()).toBe("2027-07-03T07:30:00.000Z");
    expect(summer.endDate.toJSDate().toISOString()).toBe("2027-07-03T10:00:00.000Z");
    expect(summer.location).toBeNull();
    expect(summer.sequence).toBe(2);
    expect(vevents[1]!.getFirstPropertyValue("url")).toBe("https://akker.example/werkdagen/01ZOMER");

    expect(cancelled.summary).toBe("Afgelast");
    expect(cancelled.startDate.toJSDate().toISOString()).toBe("2027-03-06T09:00:00.000Z");
    expect(cancelled.endDate.toJSDate().toISOString()).toBe("2027-03-06T12:00:00.000Z");
    expect(vevents[2]!.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelled.sequence).toBe(1);
  });

  it("writes an empty calendar that still parses", () => {
    const text = Ics.calendar({ prodId: "-//Akker//meewerkdagen//EN", stamp: new Date(0), events: [] });
    expect(text).toBe("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Akker//meewerkdagen//EN\r\nCALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n");
    expect(new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent")).toEqual([]);
  });
});
