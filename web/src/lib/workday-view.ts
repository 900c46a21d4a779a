import { query, revalidate } from "@solidjs/router";
import { amsterdamISO, amsterdamParts, amsterdamTime, dateOf } from "@akker/core/week";
import { useI18n } from "../i18n";
import { ApiError, peek } from "./api";
import type { Locale } from "./person";
import {
  getMyWorkdays,
  getWorkday,
  getWorkdays,
  type SignupStatus,
  workdayApi,
  type WorkdayInfo,
  type WorkdayTask,
} from "./workday";
import { currentWeek, farmTimeZone } from "./week";

/*
 * What the work-day screens share: times on the farm's clock, grouping by
 * week and day, places left, and putting a changed day into every list on
 * screen at once.
 */

export const tasks: readonly WorkdayTask[] = ["harvest", "weeding", "cleaning", "tour", "workshop", "other"];

const pad = (n: number) => String(n).padStart(2, "0");

/** The date and time fields of an instant on the Amsterdam clock: `{date: "2027-05-08", time: "09:00"}`. */
export function farmFields(iso: string): { date: string; time: string } {
  const instant = Date.parse(iso);
  const p = amsterdamParts(instant);
  return { date: dateOf(instant), time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** Today on the farm's clock, as a date field wants it. */
export function farmToday(now: number = Date.now()): string {
  return dateOf(now);
}

/**
 * A date and time typed in a form, read on the Amsterdam clock whatever the
 * phone's own time zone, as ISO with the offset of that day:
 * "2027-05-08T09:00:00+02:00". Undefined when a field is empty or malformed.
 */
export function farmInstant(date: string, time: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const instant = amsterdamTime(Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(instant)) return undefined;
  return `${date}T${time}:00${amsterdamISO(instant).slice(-6)}`;
}

export const hasStarted = (w: Pick<WorkdayInfo, "start">, now: number = Date.now()) => Date.parse(w.start) <= now;

/** Open for signing up and off: planned and not begun. */
export const isOpen = (w: WorkdayInfo, now: number = Date.now()) => w.status === "scheduled" && !hasStarted(w, now);

const byStart = (a: WorkdayInfo, b: WorkdayInfo) => Date.parse(a.start) - Date.parse(b.start);

export const freePlaces = (w: Pick<WorkdayInfo, "capacity" | "confirmed">) => Math.max(0, w.capacity - w.confirmed);

/** The next day the caller is signed up for, else the first that still needs hands. */
export function nextOwn(days: WorkdayInfo[], now: number = Date.now()) {
  return days.filter((d) => d.mine && isOpen(d, now)).sort(byStart)[0];
}

export function needsHelp(days: WorkdayInfo[], now: number = Date.now()) {
  return days.filter((d) => !d.mine && isOpen(d, now) && freePlaces(d) > 0).sort(byStart)[0];
}

export interface DayGroup {
  /** The date on the farm's clock, "2027-05-08". */
  date: string;
  days: WorkdayInfo[];
}

export interface WeekGroup {
  week: string;
  dates: DayGroup[];
}

/** Days in time order, grouped by ISO week and then by date, on the Amsterdam clock. */
export function groupByWeek(days: WorkdayInfo[]): WeekGroup[] {
  const weeks: WeekGroup[] = [];
  for (const day of [...days].sort(byStart)) {
    const week = currentWeek(Date.parse(day.start));
    const date = farmFields(day.start).date;
    let w = weeks[weeks.length - 1];
    if (w?.week !== week) weeks.push((w = { week, dates: [] }));
    let d = w.dates[w.dates.length - 1];
    if (d?.date !== date) w.dates.push((d = { date, days: [] }));
    d.days.push(day);
  }
  return weeks;
}

/** English dates the European way: "Sat 9 May", not "Sat, May 9". */
const dateLocale = (locale: Locale) => (locale === "en" ? "en-GB" : "nl-NL");

/** Work-day times in the reader's language, always on the farm's clock. */
export function useWorkdayFormat() {
  const { locale } = useI18n();
  const format = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(dateLocale(locale()), { timeZone: farmTimeZone, ...options }).format(new Date(iso));
  const time = (iso: string) => format(iso, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const times = (w: Pick<WorkdayInfo, "start" | "end">) => `${time(w.start)}–${time(w.end)}`;
  return {
    time,
    /** "09:00–12:00". */
    times,
    /** "za 9 mei 09:00–12:00". */
    when: (w: Pick<WorkdayInfo, "start" | "end">) =>
      `${format(w.start, { weekday: "short", day: "numeric", month: "long" })} ${times(w)}`,
    /** "za 9 mei 09:00", the moment a day begins. */
    start: (iso: string) => `${format(iso, { weekday: "short", day: "numeric", month: "long" })} ${time(iso)}`,
    /** A date field's value in words: "zaterdag 9 mei", or "za 9 apr" when short (for narrow tables). */
    date: (date: string, short = false) =>
      new Intl.DateTimeFormat(dateLocale(locale()), {
        timeZone: "UTC",
        weekday: short ? "short" : "long",
        day: "numeric",
        month: short ? "short" : "long",
      }).format(new Date(`${date}T12:00:00Z`)),
  };
}

/**
 * What a sign-up or a cancel will most likely do, to show before the server
 * has answered. Applying it twice changes nothing more.
 */
export function expected(w: WorkdayInfo, change: "signup" | "cancel"): WorkdayInfo {
  if (change === "signup") {
    if (w.mine) return w;
    return w.confirmed < w.capacity
      ? { ...w, mine: "confirmed", confirmed: w.confirmed + 1, waitlistPlace: null }
      : { ...w, mine: "waitlisted", waitlisted: w.waitlisted + 1, waitlistPlace: w.waitlisted + 1 };
  }
  if (w.mine === "waitlisted") return { ...w, mine: null, waitlisted: w.waitlisted - 1, waitlistPlace: null };
  if (w.mine === "confirmed")
    // The first on the waiting list moves up into the freed place.
    return w.waitlisted > 0
      ? { ...w, mine: null, waitlisted: w.waitlisted - 1 }
      : { ...w, mine: null, confirmed: w.confirmed - 1 };
  return w;
}

/**
 * Puts new values of work days into every cached list and view that holds
 * them (the list, "my work days", the day itself) and tells the screens,
 * without fetching anything. `added` days join the list, as after creating.
 */
export function putWorkdays(days: WorkdayInfo[], opts: { added?: boolean } = {}) {
  const fresh = new Map(days.map((d) => [d.id, d]));
  const listKey = getWorkdays.keyFor();
  const list = peek<WorkdayInfo[]>(listKey);
  if (list) {
    const known = new Set(list.map((d) => d.id));
    const added = opts.added ? days.filter((d) => !known.has(d.id)) : [];
    query.set(listKey, [...list.map((d) => fresh.get(d.id) ?? d), ...added].sort(byStart));
  }
  const mineKey = getMyWorkdays.keyFor();
  const mine = peek<WorkdayInfo[]>(mineKey);
  if (mine) {
    // A day signed off stays in "mine" until the list is loaded again: what was just done stays in view.
    const known = new Set(mine.map((d) => d.id));
    const added = days.filter((d) => d.mine && !known.has(d.id));
    query.set(mineKey, [...mine.map((d) => fresh.get(d.id) ?? d), ...added].sort(byStart));
  }
  const dayKeys = days.map((d) => getWorkday.keyFor(d.id));
  days.forEach((d, i) => query.set(dayKeys[i]!, d));
  return revalidate([listKey, mineKey, ...dayKeys], false);
}

/** Fetches every work-day list and view again: after an answer that says the screen is out of date. */
export function reloadWorkdays() {
  // "workday" is the start of every such key: the day, the list and "mine".
  return revalidate(getWorkday.key);
}

/**
 * Signs someone up or off (the caller, or one of their household), then puts
 * the day as it is now in every list: the answer carries only the status.
 */
export async function signUpOrOff(day: WorkdayInfo, change: "signup" | "cancel", personID?: string) {
  let status: SignupStatus | null = null;
  try {
    if (change === "signup") status = await workdayApi.signup(day.id, personID);
    else await workdayApi.cancelSignup(day.id, personID);
  } catch (e) {
    // Begun, cancelled or gone meanwhile: show every list as it is now.
    if (e instanceof ApiError && (e.code === "workday.started" || e.status === 404)) await reloadWorkdays();
    throw e;
  }
  const fresh = await workdayApi.get(day.id).catch(() => undefined);
  if (fresh) await putWorkdays([fresh]);
  else await reloadWorkdays();
  return { status, fresh };
}
