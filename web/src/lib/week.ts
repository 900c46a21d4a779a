/*
 * ISO weeks (`2027-W15`) on the farm's clock, Europe/Amsterdam, as the API
 * names harvest weeks. The browser may be anywhere: "this week" is the week
 * it is in Amsterdam now, not where the phone happens to be.
 */

export const farmTimeZone = "Europe/Amsterdam";

const weekPattern = /^(\d{4})-W(\d{2})$/;

export function isWeek(value: string | undefined): value is string {
  const m = value ? weekPattern.exec(value) : null;
  if (!m) return false;
  const week = Number(m[2]);
  return week >= 1 && week <= weekOfDate(new Date(Date.UTC(Number(m[1]), 11, 28))).week;
}

/** The ISO week of a calendar date (read in UTC). */
function weekOfDate(date: Date): { year: number; week: number } {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  // The Thursday of the week decides its year.
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return { year, week };
}

function format(date: Date): string {
  const { year, week } = weekOfDate(date);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The week an instant falls in on the Amsterdam clock; now by default. */
export function currentWeek(now: number = Date.now()): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: farmTimeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(new Date(now));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return format(new Date(Date.UTC(get("year"), get("month") - 1, get("day"))));
}

/** The Monday of a week, as a calendar date at UTC midnight. */
export function mondayOf(week: string): Date {
  const m = weekPattern.exec(week);
  if (!m) throw new Error(`not an ISO week: ${week}`);
  const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
  jan4.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (Number(m[2]) - 1) * 7);
  return jan4;
}

/** The week `n` weeks after `week` (before it when negative). */
export function addWeeks(week: string, n: number): string {
  const monday = mondayOf(week);
  monday.setUTCDate(monday.getUTCDate() + 7 * n);
  return format(monday);
}

/** The number of the week within its year: 15 for `2027-W15`. */
export function weekNumber(week: string): number {
  return Number(week.slice(-2));
}

/** The season an instant falls in: the calendar year on the Amsterdam clock, "2027". */
export function currentSeason(now: number = Date.now()): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: farmTimeZone, year: "numeric" }).format(new Date(now));
}
