import type { JSX } from "solid-js";
import { MoreMessages, useI18n, useSection } from "..";
import { sharesEn } from "./en";
import { sharesNl, type SharesDictionary } from "./nl";

export type { SharesDictionary };

const dictionaries = { nl: sharesNl, en: sharesEn };

/** The strings of the shares screens, in the language shown. */
export function useSharesText(): () => SharesDictionary {
  return useSection(dictionaries);
}

/** Around a shares screen: its error codes and fields are told in its own words. */
export function SharesMessages(props: { children: JSX.Element }) {
  const s = useSharesText();
  return <MoreMessages messages={s}>{props.children}</MoreMessages>;
}

const farmTimeZone = "Europe/Amsterdam";

/** Money, days and months as people of the language shown write them. */
export function useSharesFormat() {
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
