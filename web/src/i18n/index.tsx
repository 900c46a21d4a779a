import { createContext, createMemo, createRenderEffect, createSignal, Show, useContext, type JSX } from "solid-js";
import { ApiError, type Issue } from "../lib/api";
import type { Locale } from "../lib/person";
import { nl, type Dictionary } from "./nl";

export type { Dictionary };
export const locales: readonly Locale[] = ["nl", "en"];
// Dutch travels with the first screen; English loads when someone chooses it (the first screen stays under 40 kB)
const dictionaries: Partial<Record<Locale, Dictionary>> = { nl };
const load = async (locale: Locale) => (dictionaries[locale] ??= (await import("./en")).en);
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
  const first = storedLocale();
  const [locale, setLocaleSignal] = createSignal<Locale>(dictionaries[first] ? first : "nl");
  // the language and its words change together, once its dictionary is here
  const [t, setT] = createSignal<Dictionary>(dictionaries[first] ?? nl);
  const [ready, setReady] = createSignal(!!dictionaries[first]);
  const show = (next: Locale) => {
    const known = dictionaries[next];
    if (known) return void (setT(() => known), setLocaleSignal(next));
    void load(next).then((d) => (setT(() => d), setLocaleSignal(next), setReady(true)));
  };
  if (!ready()) show(first);
  const numberFormat = createMemo(() => new Intl.NumberFormat(locale(), { maximumFractionDigits: 3 }));

  createRenderEffect(() => {
    document.documentElement.lang = locale();
  });

  const i18n: I18n = {
    locale,
    setLocale(next) {
      show(next);
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
  return (
    <I18nContext.Provider value={i18n}>
      <Show when={ready()}>{props.children}</Show>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n needs an <I18nProvider> around it");
  return i18n;
}

/**
 * The strings of screens that load on first use travel with those screens,
 * not with the first screen: a section is a dictionary per language, read
 * in the language shown.
 */
export function useSection<T>(dictionaries: Record<Locale, T>): () => T {
  const { locale } = useI18n();
  return () => dictionaries[locale()];
}

/** A section's messages for the API's error codes and for invalid fields; they win over the general ones. */
export interface Messages {
  errors: Record<string, string>;
  fields: Record<string, string>;
}

const MessagesContext = createContext<() => Messages | undefined>(() => undefined);

export function MoreMessages(props: { messages: () => Messages; children: JSX.Element }) {
  return <MessagesContext.Provider value={props.messages}>{props.children}</MessagesContext.Provider>;
}

/** What to tell people about an error or an invalid field, with the messages of the section around it. */
export function useMessages() {
  const { t } = useI18n();
  const more = useContext(MessagesContext);
  return {
    error: (error: unknown) => errorText(t(), error, more()),
    issue: (issue: Issue) => issueText(t(), issue, more()),
  };
}

function lookup(table: Record<string, string> | undefined, key: string): string | undefined {
  return table && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** What to tell people about a failed call: by the API's error code, else by its status. */
export function errorText(t: Dictionary, error: unknown, more?: Messages): string {
  if (!(error instanceof ApiError)) return t.errors.fallback;
  const known = lookup(more?.errors, error.code) ?? lookup(t.errors, error.code);
  // "wait {minutes}": how long the API said (429 `retryAfterMinutes`)
  if (known) return known.replace("{minutes}", () => t.count.minutes(numberDetail(error, "retryAfterMinutes")));
  if (error.status === 404) return t.errors.not_found;
  if (error.status >= 500) return t.errors.internal;
  return t.errors.fallback;
}

function numberDetail(error: ApiError, key: string): number | undefined {
  const value = error.details[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** What to tell people about one invalid field, by the last part of its path (`people.0.email` → email). */
export function issueText(t: Dictionary, issue: Issue, more?: Messages): string {
  const field = issue.path.split(".").pop() ?? "";
  return lookup(more?.fields, field) ?? lookup(t.fields, field) ?? t.fields.fallback;
}
