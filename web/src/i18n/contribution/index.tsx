import { farmTimeZone } from "../../lib/week";
import { useI18n, useSection } from "..";
import { contributionEn } from "./en";
import { contributionNl, type ContributionDictionary } from "./nl";

export type { ContributionDictionary };

const dictionaries = { nl: contributionNl, en: contributionEn };

/** The strings of the contribution screens, in the language shown. */
export function useContributionText(): () => ContributionDictionary {
  return useSection(dictionaries);
}

/** Money, days and months as people of the language shown write them. */
export function useMoneyFormat() {
  const { locale } = useI18n();
  return {
    /** Whole cents as euros: "€ 2.000,00", "€2,000.00". */
    money: (cents: number) =>
      new Intl.NumberFormat(locale(), { style: "currency", currency: "EUR" }).format(cents / 100),
    /** A calendar day, YYYY-MM-DD: "1 maart 2027". */
    day: (date: string) =>
      new Intl.DateTimeFormat(locale(), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
        new Date(`${date.slice(0, 10)}T12:00:00Z`),
      ),
    /** The day of a moment on the farm's clock: "15 maart 2027". */
    dayOf: (iso: string) =>
      new Intl.DateTimeFormat(locale(), { day: "numeric", month: "long", year: "numeric", timeZone: farmTimeZone }).format(
        new Date(iso),
      ),
    /** A moment on the farm's clock: "15 maart 2027 10:00". */
    instant: (iso: string) =>
      new Intl.DateTimeFormat(locale(), {
        day: "numeric",
        month: "long",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: farmTimeZone,
      }).format(new Date(iso)),
    /** A month, YYYY-MM: "maart 2027". */
    month: (month: string) =>
      new Intl.DateTimeFormat(locale(), { month: "long", year: "numeric", timeZone: "UTC" }).format(
        new Date(`${month.slice(0, 7)}-15T12:00:00Z`),
      ),
  };
}
