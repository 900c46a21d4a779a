import { ErrorBoundary, For, Show, Suspense, type JSX } from "solid-js";
import { A, revalidate } from "@solidjs/router";
import { useI18n, useMessages } from "../i18n";
import { ApiError } from "../lib/api";

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      {t().app.loading}
    </p>
  );
}

/**
 * The error of a form, announced as soon as it appears. Issues for fields
 * the form shows are told at those fields; any others are listed here, so
 * no problem goes unmentioned.
 */
export function FormError(props: { error: unknown; fields?: string[] }) {
  const messages = useMessages();
  const elsewhere = () =>
    props.error instanceof ApiError
      ? props.error.issues.filter((i) => !(props.fields ?? []).includes(i.path))
      : [];
  return (
    <div role="alert" class="alert-region">
      <Show when={props.error}>
        <div class="notice error">
          <p>{messages.error(props.error)}</p>
          <Show when={elsewhere().length}>
            <ul>
              <For each={elsewhere()}>{(issue) => <li>{messages.issue(issue)}</li>}</For>
            </ul>
          </Show>
        </div>
      </Show>
    </div>
  );
}

/** A confirmation or a piece of news, read out politely; the region is always there so the news is heard. */
export function Status(props: { message?: string; tone?: "success" | "info"; children?: JSX.Element }) {
  return (
    <div role="status" class="status-region">
      <Show when={props.message}>
        <div class={`notice ${props.tone ?? "success"}`}>
          <p>{props.message}</p>
          {props.children}
        </div>
      </Show>
    </div>
  );
}

/** The end of a form: its error, the news once it saved, and its submit button, which says when it is busy. */
export function FormEnd(props: {
  error: unknown;
  fields?: string[];
  saved?: string;
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <>
      <FormError error={props.error} fields={props.fields} />
      <Status message={props.saved} />
      <button type="submit" class="primary" disabled={props.pending}>
        {props.pending ? props.pendingLabel : props.label}
      </button>
    </>
  );
}

/** A part of a screen that loads, or fails, on its own. */
export function Loads(props: { children: JSX.Element }) {
  return (
    <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
      <Suspense fallback={<Loading />}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}

/** What a screen shows when its data could not be loaded. */
export function LoadError(props: { error: unknown; reset: () => void }) {
  const { t } = useI18n();
  const messages = useMessages();
  const retryable = () =>
    !(props.error instanceof ApiError) || props.error.status === 0 || props.error.status >= 500;
  return (
    <div class="notice error" role="alert">
      <p>{messages.error(props.error)}</p>
      <Show
        when={retryable()}
        fallback={
          <p>
            <A href="/">{t().notFound.home}</A>
          </p>
        }
      >
        <button
          type="button"
          class="secondary"
          onClick={() => {
            void revalidate();
            props.reset();
          }}
        >
          {t().app.retry}
        </button>
      </Show>
    </div>
  );
}
