import { addDays } from "../week";

/*
 * The days the euro's settlement system TARGET2 is open, on which alone a
 * SEPA direct debit can be collected: Monday to Friday, except 1 January,
 * Good Friday, Easter Monday, 1 May, 25 and 26 December.
 */

/** Easter Sunday of a Gregorian year, YYYY-MM-DD (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The year's TARGET2 closing days that are not weekends anyway. */
export function target2Holidays(year: number): string[] {
  const easter = easterSunday(year);
  return [`${year}-01-01`, addDays(easter, -2), addDays(easter, 1), `${year}-05-01`, `${year}-12-25`, `${year}-12-26`];
}

/** True when TARGET2 settles on the date (YYYY-MM-DD). */
export function isTarget2Day(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !target2Holidays(Number(date.slice(0, 4))).includes(date);
}

/** The date itself when TARGET2 settles on it, else the next day it does. */
export function nextTarget2Day(date: string): string {
  let day = date;
  while (!isTarget2Day(day)) day = addDays(day, 1);
  return day;
}

/**
 * The date a month's collection is asked for: its due date, but no sooner
 * than the pre-notification period after today (the households are told
 * today), on a day TARGET2 settles.
 */
export function collectionDate(due: string, today: string, noticeDays: number): string {
  const earliest = addDays(today, noticeDays);
  return nextTarget2Day(due > earliest ? due : earliest);
}
