/**
 * ISO weeks and the farm's clock (Europe/Amsterdam). A harvest week is an
 * ISO week string such as `2027-W14`; deadlines are wall-clock times in
 * Amsterdam, turned into instants here so summer and winter time are right.
 */
export const farmTimeZone = "Europe/Amsterdam";

export const weekPattern = /^(\d{4})-W(\d{2})$/;

/** Number of ISO weeks in a year: 53 when 28 December falls in week 53. */
export function weeksInYear(year: number): number {
  return isoWeekOf(new Date(Date.UTC(year, 11, 28))).week;
}

/** True for a well-formed ISO week that exists (`2026-W53` does, `2027-W53` does not). */
export function isWeek(value: string): boolean {
  const m = weekPattern.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const week = Number(m[2]);
  return year >= 2000 && year <= 2200 && week >= 1 && week <= weeksInYear(year);
}

function isoWeekOf(date: Date): { year: number; week: number } {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day); // the Thursday decides the year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return { year, week };
}

function format(year: number, week: number) {
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The calendar date (UTC midnight) of a week's Monday. */
export function mondayOf(week: string): Date {
  const m = weekPattern.exec(week);
  if (!m) throw new Error(`not an ISO week: ${week}`);
  const year = Number(m[1]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = new Date(jan4);
  monday1.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1));
  monday1.setUTCDate(monday1.getUTCDate() + (Number(m[2]) - 1) * 7);
  return monday1;
}

// Building an Intl.DateTimeFormat costs far more than using one: make it once.
const amsterdamClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: farmTimeZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The wall-clock parts of an instant in Amsterdam. */
export function amsterdamParts(instant: number) {
  const p = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of amsterdamClock.formatToParts(new Date(instant)))
    if (part.type in p) p[part.type as keyof typeof p] = Number(part.value);
  return p;
}

/** The instant of a wall-clock time in Amsterdam (month 1–12). */
export function amsterdamTime(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // Amsterdam is UTC+1 or UTC+2: correct the guess by the offset seen there.
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const p = amsterdamParts(t);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    t += guess - seen;
  }
  return t;
}

/** The ISO week an instant falls in, on the farm's clock. */
export function weekOf(instant: number): string {
  const p = amsterdamParts(instant);
  const { year, week } = isoWeekOf(new Date(Date.UTC(p.year, p.month - 1, p.day)));
  return format(year, week);
}

/** The week `n` weeks after `week` (negative for before). */
export function addWeeks(week: string, n: number): string {
  const monday = mondayOf(week);
  monday.setUTCDate(monday.getUTCDate() + 7 * n);
  const { year, week: w } = isoWeekOf(monday);
  return format(year, w);
}

/**
 * A deadline before a week: `daysBefore` days before its Monday, at `time`
 * in Amsterdam. Thursday 18:00 before the week is `{daysBefore: 4, time: "18:00"}`.
 */
export function deadlineBefore(week: string, rule: { daysBefore: number; time: string }): number {
  const monday = mondayOf(week);
  monday.setUTCDate(monday.getUTCDate() - rule.daysBefore);
  const [h, m] = rule.time.split(":").map(Number);
  return amsterdamTime(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), h ?? 0, m ?? 0);
}

/** An ISO 8601 string with Amsterdam's offset, as the API shows times. */
export function amsterdamISO(instant: number): string {
  const p = amsterdamParts(instant);
  const offsetMin = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000) / 60_000);
  const sign = offsetMin >= 0 ? "+" : "-";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(Math.abs(offsetMin) / 60))}:${pad(Math.abs(offsetMin) % 60)}`;
}

/** YYYY-MM-DD of an instant on the farm's clock. */
export function dateOf(instant: number): string {
  const p = amsterdamParts(instant);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** True for a real calendar date written YYYY-MM-DD (no 2027-02-30). */
export function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The date `days` days after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const monthNames = {
  nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
} as const;

/**
 * A week as people say it, with its Monday to Sunday: "week 50 (7–13
 * december)", "week 1 (29 december – 4 januari)"; in English "week 50
 * (7–13 December)". The year only when asked (a week far from now).
 * Screens and mails name weeks this way, never `2026-W50`.
 */
export function weekLabel(week: string, locale: "nl" | "en", opts: { year?: boolean } = {}): string {
  const monday = mondayOf(week);
  const sunday = new Date(monday);
  sunday.setUTCDate(monday.getUTCDate() + 6);
  const months = monthNames[locale];
  const first = monday.getUTCDate();
  const last = `${sunday.getUTCDate()} ${months[sunday.getUTCMonth()]}${opts.year ? ` ${sunday.getUTCFullYear()}` : ""}`;
  const range =
    monday.getUTCMonth() === sunday.getUTCMonth()
      ? `${first}–${last}`
      : `${first} ${months[monday.getUTCMonth()]}${opts.year && monday.getUTCFullYear() !== sunday.getUTCFullYear() ? ` ${monday.getUTCFullYear()}` : ""} – ${last}`;
  return `week ${Number(week.slice(-2))} (${range})`;
}
