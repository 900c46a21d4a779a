import { createSignal, createUniqueId, For, Show, type JSX } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { SharesMessages, useSharesText } from "../i18n/shares";
import { getMe, hasHarvestShare } from "../lib/person";
import { canKeepWaitlist, canReadRegister } from "../lib/membership";
import { isTreasurer } from "../lib/contribution";
import { Page } from "./page";
import "./shares.css";

/**
 * A shares screen behind the login: its heading, the section's own
 * messages for errors, and the section's menu of what the person can use.
 */
export function SharesScreen(props: { title: string; heading?: string; children?: JSX.Element }) {
  return (
    <SharesMessages>
      <Page title={props.title} heading={props.heading}>
        <SharesNav />
        {props.children}
      </Page>
    </SharesMessages>
  );
}

/** A public shares screen (the waiting list): no menu, no session needed. */
export function PublicSharesScreen(props: { title: string; children?: JSX.Element }) {
  return (
    <SharesMessages>
      <Page title={props.title}>{props.children}</Page>
    </SharesMessages>
  );
}

function SharesNav() {
  const s = useSharesText();
  const me = createAsync(() => getMe());
  const links = () => {
    const m = me();
    return [
      { href: "/contribution", label: s().nav.mine, show: hasHarvestShare(m) },
      { href: "/waitlist", label: s().nav.waitlist, show: canKeepWaitlist(m) },
      { href: "/certificates", label: s().nav.register, show: canReadRegister(m) },
      { href: "/contribution/overview", label: s().nav.overview, show: isTreasurer(m) },
      { href: "/contribution/season", label: s().nav.season, show: canReadRegister(m) },
    ].filter((l) => l.show);
  };
  return (
    <Show when={links().length > 1}>
      <nav class="subnav" aria-label={s().nav.label}>
        <ul>
          <For each={links()}>
            {(link) => (
              <li>
                <A href={link.href} end>
                  {link.label}
                </A>
              </li>
            )}
          </For>
        </ul>
      </nav>
    </Show>
  );
}

/**
 * The year a shares screen shows, with links to the year before and after
 * (`path?year=…`); the next year only up to `until`, when given.
 */
export function YearPicker(props: { year: number; path: string; shown: string; until?: number }) {
  const s = useSharesText();
  return (
    <nav class="week-picker" aria-label={s().mine.yearPicker}>
      <p class="week-shown">{props.shown}</p>
      <div class="week-steps">
        <A class="button secondary" href={`${props.path}?year=${props.year - 1}`}>
          <span aria-hidden="true">← </span>
          {s().mine.previousYear(props.year - 1)}
        </A>
        <Show when={props.until === undefined || props.year <= props.until}>
          <A class="button secondary" href={`${props.path}?year=${props.year + 1}`}>
            {s().mine.nextYear(props.year + 1)}
            <span aria-hidden="true"> →</span>
          </A>
        </Show>
      </div>
    </nav>
  );
}

/**
 * A button that asks first: the question and its answers take its place,
 * focus moves to the yes-button, and back to the button when cancelled.
 */
export function AskFirst(props: {
  label: string;
  ariaLabel?: string;
  question: string;
  yes: string;
  no: string;
  pendingLabel: string;
  pending: boolean;
  class?: string;
  onYes: () => Promise<unknown> | void;
}) {
  const [asking, setAsking] = createSignal(false);
  const id = createUniqueId();
  let button: HTMLButtonElement | undefined;
  let yesButton: HTMLButtonElement | undefined;
  return (
    <Show
      when={asking()}
      fallback={
        <button
          ref={button}
          type="button"
          class={props.class ?? "secondary"}
          aria-label={props.ariaLabel}
          onClick={() => {
            setAsking(true);
            yesButton?.focus();
          }}
        >
          {props.label}
        </button>
      }
    >
      <div class="confirm">
        <p id={id}>{props.question}</p>
        <div class="actions">
          <button
            ref={yesButton}
            type="button"
            class="primary"
            aria-describedby={id}
            disabled={props.pending}
            onClick={async () => {
              await props.onYes();
              setAsking(false);
            }}
          >
            {props.pending ? props.pendingLabel : props.yes}
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setAsking(false);
              button?.focus();
            }}
          >
            {props.no}
          </button>
        </div>
      </div>
    </Show>
  );
}
