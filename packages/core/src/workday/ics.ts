/**
 * A small iCalendar (RFC 5545) writer: just what the work-day feed needs,
 * with no dependencies. All date-times are written as UTC instants (`Z`),
 * so no VTIMEZONE is needed and every calendar app shows them on its own clock.
 */
export namespace Ics {
  export interface Event {
    /** Globally unique and stable across feed fetches, e.g. `${id}@akker`. */
    uid: string;
    start: Date;
    end: Date;
    /** When this copy of the event was made (DTSTAMP); defaults to the calendar's stamp. */
    stamp?: Date;
    summary: string;
    description?: string;
    location?: string;
    url?: string;
    status?: "TENTATIVE" | "CONFIRMED" | "CANCELLED";
    sequence?: number;
  }

  export interface Calendar {
    /** PRODID, e.g. `-//Akker//meewerkdagen//NL`. */
    prodId: string;
    /** Display name: NAME (RFC 7986) and X-WR-CALNAME. */
    name?: string;
    /** The calendar's home time zone as a hint for apps (X-WR-TIMEZONE); times stay UTC. */
    timezone?: string;
    /** Suggested refresh interval in seconds: REFRESH-INTERVAL (RFC 7986) and X-PUBLISHED-TTL. */
    refreshSeconds?: number;
    method?: "PUBLISH";
    /** DTSTAMP of events without their own. */
    stamp: Date;
    events: readonly Event[];
  }

  const CRLF = "\r\n";

  /** A TEXT value (RFC 5545 §3.3.11): escapes `\ ; ,` and newlines, drops other control characters. */
  export function text(value: string): string {
    return value
      .replace(/\r\n?/g, "\n")
      .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "")
      .replace(/[\\;,\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`));
  }

  /** A UTC DATE-TIME (RFC 5545 §3.3.5, form 2), e.g. `20270116T083000Z`. */
  export function utc(date: Date): string {
    if (Number.isNaN(date.getTime())) throw new RangeError("invalid date in calendar");
    return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
  }

  /** A DURATION (RFC 5545 §3.3.6) from whole seconds, e.g. 3600 → `PT1H`. */
  export function duration(seconds: number): string {
    let s = Math.max(0, Math.round(seconds));
    const days = Math.floor(s / 86400);
    s -= days * 86400;
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    s %= 60;
    const time = (h ? `${h}H` : "") + (m ? `${m}M` : "") + (s ? `${s}S` : "");
    if (!days && !time) return "PT0S";
    return `P${days ? `${days}D` : ""}${time ? `T${time}` : ""}`;
  }

  /**
   * Folds one content line (RFC 5545 §3.1): no line longer than 75 octets of
   * UTF-8, continuation lines start with one space, and a character (even a
   * surrogate pair such as an emoji) is never split. Returns the line with CRLFs.
   */
  export function fold(line: string): string {
    const out: string[] = [];
    let current = "";
    let octets = 0;
    for (const ch of line) {
      const cp = ch.codePointAt(0)!;
      const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (octets + size > 75) {
        out.push(current);
        current = " ";
        octets = 1;
      }
      current += ch;
      octets += size;
    }
    out.push(current);
    return out.join(CRLF) + CRLF;
  }

  function event(e: Event, stamp: Date): string[] {
    const lines = [
      "BEGIN:VEVENT",
      `UID:${text(e.uid)}`,
      `SEQUENCE:${e.sequence ?? 0}`,
      `DTSTAMP:${utc(e.stamp ?? stamp)}`,
      `DTSTART:${utc(e.start)}`,
      `DTEND:${utc(e.end)}`,
      `SUMMARY:${text(e.summary)}`,
    ];
    if (e.location) lines.push(`LOCATION:${text(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${text(e.description)}`);
    if (e.url) lines.push(`URL;VALUE=URI:${e.url.replace(/[\x00-\x20\x7f]/g, (c) => encodeURIComponent(c))}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    lines.push("END:VEVENT");
    return lines;
  }

  /** The whole VCALENDAR object as text, CRLF line endings, lines folded. */
  export function calendar(cal: Calendar): string {
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${text(cal.prodId)}`, "CALSCALE:GREGORIAN"];
    if (cal.method) lines.push(`METHOD:${cal.method}`);
    if (cal.name) lines.push(`NAME:${text(cal.name)}`, `X-WR-CALNAME:${text(cal.name)}`);
    if (cal.timezone) lines.push(`X-WR-TIMEZONE:${text(cal.timezone)}`);
    if (cal.refreshSeconds) {
      const d = duration(cal.refreshSeconds);
      lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${d}`, `X-PUBLISHED-TTL:${d}`);
    }
    for (const e of cal.events) lines.push(...event(e, cal.stamp));
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("");
  }
}
