import { createContext, createMemo, createRenderEffect, createSignal, useContext, type JSX } from "solid-js";
import { ApiError, type Issue, type Locale } from "../lib/api";
import { en } from "./en";
import { nl, type Dictionary } from "./nl";

export type { Dictionary };
export const locales: readonly Locale[] = ["nl", "en"];
const dictionaries: Record<Locale, Dictionary> = { nl, en };
const storageKey = "akker.locale";

function isLocale(value: unknown): value is Locale {
  return locales.includes(value as Locale);
}

/** The language chosen on this device before, else Dutch. */
function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(storageKey);
    return isLocale(value) ? value : "nl";
  } catch {
    // Storage can be switched off (private mode); the default will do.
    return "nl";
  }
}

interface I18n {
  locale: () => Locale;
  /** Changes the language of the screens and remembers it on this device. */
  setLocale: (locale: Locale) => void;
  t: () => Dictionary;
  /** A number as people of this language write it (2,5 or 2.5). */
  number: (n: number) => string;
  /** "2,5 monden", "1 mouth". */
  mouths: (n: number) => string;
}

const I18nContext = createContext<I18n>();

export function I18nProvider(props: { children: JSX.Element }) {
  const [locale, setLocaleSignal] = createSignal<Locale>(storedLocale());
  const t = createMemo(() => dictionaries[locale()]);
  const numberFormat = createMemo(() => new Intl.NumberFormat(locale(), { maximumFractionDigits: 3 }));

  createRenderEffect(() => {
    document.documentElement.lang = locale();
  });

  const i18n: I18n = {
    locale,
    setLocale(next) {
      setLocaleSignal(next);
      try {
        localStorage.setItem(storageKey, next);
      } catch {
        // Not remembered on this device; the choice still holds until reload.
      }
    },
    t,
    number: (n) => numberFormat().format(n),
    mouths: (n) => t().count.mouths(n, numberFormat().format(n)),
  };
  return <I18nContext.Provider value={i18n}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n needs an <I18nProvider> around it");
  return i18n;
}

function lookup(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** What to tell people about a failed call: by the API's error code, else by its status. */
export function errorText(t: Dictionary, error: unknown): string {
  if (!(error instanceof ApiError)) return t.errors.fallback;
  const known = lookup(t.errors, error.code);
  if (known) return known;
  if (error.status === 404) return t.errors.not_found;
  if (error.status >= 500) return t.errors.internal;
  return t.errors.fallback;
}

/** What to tell people about one invalid field, by the last part of its path (`people.0.email` → email). */
export function issueText(t: Dictionary, issue: Issue): string {
  const field = issue.path.split(".").pop() ?? "";
  return lookup(t.fields, field) ?? t.fields.fallback;
}
