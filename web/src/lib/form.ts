import { createSignal, onCleanup } from "solid-js";
import { useAction, useSubmissions, type Action, type CustomResponse } from "@solidjs/router";
import { useMessages } from "../i18n";
import { ApiError } from "./api";

/** What an action resolves with: the data of a `json()` answer, else the value itself. */
type Settled<U> = U extends CustomResponse<infer V> ? V : U;

/**
 * Runs a router action from a form and exposes the state of its latest
 * run. Runs are forgotten when the form goes away, so an old error does not
 * greet someone who comes back to the screen. With a filter, only the runs
 * it accepts count: one list item's runs, not its neighbours'.
 */
export function useActionForm<T extends unknown[], U>(act: Action<T, U>, filter?: (input: T) => boolean) {
  const submissions = useSubmissions(act, filter);
  const run = useAction(act) as unknown as (...args: T) => Promise<Settled<U>>;
  const latest = () => submissions[submissions.length - 1];
  const forget = () => {
    for (const s of [...submissions]) s.clear();
  };
  onCleanup(forget);
  return {
    /** Resolves with the result, or undefined when the action failed (its error is in `error()`). */
    submit: (...args: T): Promise<Settled<U> | undefined> => {
      forget();
      return run(...args).catch(() => undefined);
    },
    pending: () => latest()?.pending ?? false,
    error: (): unknown => latest()?.error,
    result: () => latest()?.result as Settled<U> | undefined,
    clear: forget,
  };
}

/**
 * A form that saves through an action and says so when it has: the state of
 * its latest run, the API's error per field, and the news shown once saved.
 */
export function useSaveForm<T extends unknown[], U>(act: Action<T, U>) {
  const form = useActionForm(act);
  const fieldError = useFieldError();
  const [saved, setSaved] = createSignal<string>();
  return {
    ...form,
    saved,
    setSaved,
    fieldError: (path: string) => fieldError(form.error(), path),
    /** Runs the action; once it succeeds, `news` (given the result) is shown. Resolves like `submit`. */
    save: async (news: (result: Settled<U>) => string, ...args: T) => {
      setSaved(undefined);
      const result = await form.submit(...args);
      if (result) setSaved(news(result));
      return result;
    },
  };
}

/** The fields of the form an event submits; the browser's own submit is stopped. */
export function formData(e: SubmitEvent): FormData {
  e.preventDefault();
  return new FormData(e.currentTarget as HTMLFormElement);
}

export function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/** A whole number from a number field; NaN when it is empty or not a number, which the API rejects as input.invalid. */
export function whole(data: FormData, name: string): number {
  const value = text(data, name);
  return value === "" ? Number.NaN : Number(value);
}

/** The API's issue for one field, if the error has one. */
export function issueAt(error: unknown, path: string) {
  return error instanceof ApiError ? error.issues.find((i) => i.path === path) : undefined;
}

/** The error the API gave for one field, in the reader's language. */
export function useFieldError() {
  const messages = useMessages();
  return (error: unknown, path: string) => {
    const issue = issueAt(error, path);
    return issue && messages.issue(issue);
  };
}
