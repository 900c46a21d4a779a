import { dateOf, isWeek as isValidWeek, weekOf } from "@akker/core/week";

/*
 * ISO weeks (`2027-W15`) on the farm's clock, Europe/Amsterdam, as the API
 * names harvest weeks: core's own rules (a module without dependencies),
 * with what the screens ask of them. The browser may be anywhere: "this
 * week" is the week it is in Amsterdam now, not where the phone happens to be.
 */

export { addWeeks, farmTimeZone, mondayOf, weekLabel } from "@akker/core/week";

/** A route parameter that names a week that exists. */
export function isWeek(value: string | undefined): value is string {
  return value !== undefined && isValidWeek(value);
}

/** The week an instant falls in on the Amsterdam clock; now by default. */
export function currentWeek(now: number = Date.now()): string {
  return weekOf(now);
}

/** The number of the week within its year: 15 for `2027-W15`. */
export function weekNumber(week: string): number {
  return Number(week.slice(-2));
}

/** The season an instant falls in: the calendar year on the Amsterdam clock, "2027". */
export function currentSeason(now: number = Date.now()): string {
  return dateOf(now).slice(0, 4);
}
