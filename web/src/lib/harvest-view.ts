import { useI18n } from "../i18n";
import type { HarvestLine, HarvestOverview, HarvestUnit } from "./harvest";
import type { Locale } from "./person";
import { cropKey } from "@akker/core/harvest/crop";
import { farmTimeZone, mondayOf, weekNumber } from "./week";

/*
 * What the harvest screens share: units, reading the farmer's numbers, and
 * saying amounts, weeks and moments the way people of the language do.
 */

export { cropKey, defaultStep, units } from "@akker/core/harvest/crop";

/**
 * A number as typed on a phone: "2,35" and "2.35" are both 2.35. Anything
 * else is NaN, which goes to the API as null and comes back as an issue at
 * the field, so the farmer sees what to fix where it is.
 */
export function parseDecimal(value: string): number {
  const compact = value.replace(/\s/g, "");
  if (!/^(\d+[.,]?\d*|[.,]\d+)$/.test(compact)) return Number.NaN;
  return Number(compact.replace(",", "."));
}

/** Rounded to a thousandth, the precision of every harvest amount, so sums show no 0.1 + 0.2 noise. */
export function exact(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** English dates the European way: "Thursday 8 April", not "Thursday, April 8". */
function dateLocale(locale: Locale): string {
  return locale === "en" ? "en-GB" : locale;
}

/** Formatting of harvest amounts and farm times, in the reader's language. */
export function useHarvestFormat() {
  const { t, locale, number } = useI18n();
  const amount = (line: Pick<HarvestLine, "unit" | "quantity">) =>
    t().amount[line.unit](line.quantity, number(line.quantity));
  return {
    amount,
    /** "2,35 kg spinazie", "1 bos radijs". */
    line: (line: HarvestLine) => t().amount.line(amount(line), line.crop),
    /** A moment on the Amsterdam clock in words: "donderdag 8 april 18:00". */
    at: (iso: string) => {
      const part = (opts: Intl.DateTimeFormatOptions) =>
        new Intl.DateTimeFormat(dateLocale(locale()), { timeZone: farmTimeZone, ...opts }).format(new Date(iso));
      return t().when.at(
        part({ weekday: "long", day: "numeric", month: "long" }),
        part({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
      );
    },
    /** "Week 15 · 12–18 april". */
    week: (week: string) => {
      const monday = mondayOf(week);
      const sunday = new Date(monday);
      sunday.setUTCDate(monday.getUTCDate() + 6);
      const range = new Intl.DateTimeFormat(dateLocale(locale()), {
        timeZone: "UTC",
        day: "numeric",
        month: "long",
      }).formatRange(monday, sunday);
      return t().week.label(weekNumber(week), range);
    },
  };
}

export interface CropTotal {
  crop: string;
  unit: HarvestUnit;
  harvested: number;
  handedOut: number;
  left: number;
}

/** Per crop, in the order the farmer entered them: harvested, handed out over the households, left over. */
export function cropTotals(overview: Pick<HarvestOverview, "items" | "allocations" | "leftovers">): CropTotal[] {
  const totals = new Map<string, CropTotal>();
  const total = (line: Pick<HarvestLine, "crop" | "unit">) => {
    const key = cropKey(line);
    let found = totals.get(key);
    if (!found) {
      found = { crop: line.crop.trim(), unit: line.unit, harvested: 0, handedOut: 0, left: 0 };
      totals.set(key, found);
    }
    return found;
  };
  for (const item of overview.items) total(item).harvested += item.quantity;
  for (const a of overview.allocations) for (const line of a.lines) total(line).handedOut += line.quantity;
  for (const line of overview.leftovers) total(line).left += line.quantity;
  return [...totals.values()].map((c) => ({
    ...c,
    harvested: exact(c.harvested),
    handedOut: exact(c.handedOut),
    left: exact(c.left),
  }));
}
