import { createMemo, createSignal, createUniqueId, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { action, createAsync } from "@solidjs/router";
import { useElectionText } from "../i18n/election";
import { ApiError } from "../lib/api";
import {
  electionApi,
  type ElectionInfo,
  getElectionRoll,
  reloadElection,
  searchable,
  settleElection,
} from "../lib/election";
import type { useActionForm } from "../lib/form";
import { FormError, LoadError, Loading } from "./feedback";

/** A proxy given or taken back answers with the election; an answer that says the screen is out of date reloads it. */
async function proxyChange(electionID: string, change: () => Promise<ElectionInfo>) {
  try {
    return await settleElection(await change());
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) await reloadElection(electionID);
    throw e;
  }
}

export const grantProxy = action(
  (electionID: string, toHouseholdID: string) =>
    proxyChange(electionID, () => electionApi.grantProxy(electionID, toHouseholdID)),
  "grant-proxy",
);

export const withdrawProxy = action(
  (electionID: string) => proxyChange(electionID, () => electionApi.withdrawProxy(electionID)),
  "withdraw-proxy",
);

type Form<T extends unknown[]> = ReturnType<typeof useActionForm<T, unknown>>;

/** The name of a household on the roll; the roll loads on first use, so read it inside a Suspense. */
export function useRollName(electionID: () => string) {
  const e = useElectionText();
  const roll = createAsync(() => getElectionRoll(electionID()));
  return (householdID: string) => roll()?.find((h) => h.id === householdID)?.name ?? e().proxy.unknown;
}

/**
 * Giving the household's vote to another household: behind a disclosure,
 * as most people vote themselves; the roll loads when it is opened.
 */
export function GiveProxy(props: { election: ElectionInfo; ownHouseholdID: string; granting: Form<[string, string]> }) {
  const e = useElectionText();
  const [open, setOpen] = createSignal(false);
  return (
    <details class="disclosure proxy" on:toggle={(ev) => setOpen((ev.currentTarget as HTMLDetailsElement).open)}>
      <summary>{e().proxy.title}</summary>
      <Show when={open()}>
        <div class="proxy-body">
          <p>{e().proxy.intro}</p>
          <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
            <Suspense fallback={<Loading />}>
              <ProxyForm {...props} />
            </Suspense>
          </ErrorBoundary>
        </div>
      </Show>
    </details>
  );
}

const shownAtOnce = 8;

function ProxyForm(props: { election: ElectionInfo; ownHouseholdID: string; granting: Form<[string, string]> }) {
  const e = useElectionText();
  const id = createUniqueId();
  const roll = createAsync(() => getElectionRoll(props.election.id));
  const [search, setSearch] = createSignal("");
  const [choice, setChoice] = createSignal<string>();
  const [missing, setMissing] = createSignal(false);
  const others = createMemo(() => (roll() ?? []).filter((h) => h.id !== props.ownHouseholdID));
  const matches = createMemo(() => {
    const wanted = searchable(search().trim());
    return wanted ? others().filter((h) => searchable(h.name).includes(wanted)) : others();
  });
  // The chosen household stays in view while searching on.
  const shown = createMemo(() => {
    const first = matches().slice(0, shownAtOnce);
    const chosen = others().find((h) => h.id === choice());
    return chosen && !first.includes(chosen) ? [chosen, ...first.slice(0, shownAtOnce - 1)] : first;
  });
  const chosenName = () => others().find((h) => h.id === choice())?.name;
  const apiIssue = () =>
    props.granting.error() instanceof ApiError &&
    (props.granting.error() as ApiError).issues.some((i) => i.path === "toHouseholdID");
  const error = () => (missing() ? e().proxy.chooseFirst : apiIssue() ? e().fields.toHouseholdID : undefined);

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    const to = choice();
    if (!to) {
      setMissing(true);
      document.getElementById(`${id}-search`)?.focus();
      return;
    }
    if (await props.granting.submit(props.election.id, to)) document.getElementById("proxy-given")?.focus();
  }

  return (
    <form onSubmit={submit} novalidate>
      <div class="field search">
        <label for={`${id}-search`}>{e().proxy.search}</label>
        <p class="hint" id={`${id}-search-hint`}>
          {e().proxy.searchHint}
        </p>
        <input
          id={`${id}-search`}
          type="search"
          autocomplete="off"
          aria-describedby={`${id}-search-hint`}
          value={search()}
          onInput={(ev) => setSearch(ev.currentTarget.value)}
        />
      </div>
      <p role="status" class="muted">
        <Show when={search().trim()}>{e().proxy.found(matches().length, others().length)}</Show>
      </p>
      <fieldset class="field radios" classList={{ invalid: !!error() }}>
        <legend>{e().proxy.choose}</legend>
        <Show when={error()}>
          <p class="field-error" id={`${id}-error`}>
            {error()}
          </p>
        </Show>
        <Show when={shown().length} fallback={<p>{e().proxy.none}</p>}>
          <For each={shown()}>
            {(household) => (
              <div class="radio">
                <input
                  type="radio"
                  id={`${id}-${household.id}`}
                  name={`${id}-to`}
                  value={household.id}
                  checked={choice() === household.id}
                  aria-describedby={error() ? `${id}-error` : undefined}
                  onChange={() => {
                    setChoice(household.id);
                    setMissing(false);
                    props.granting.clear();
                  }}
                />
                <label for={`${id}-${household.id}`}>{household.name}</label>
              </div>
            )}
          </For>
        </Show>
        <Show when={matches().length > shown().length}>
          <p class="hint">{e().proxy.more(matches().length - shown().length)}</p>
        </Show>
      </fieldset>
      <FormError error={props.granting.error()} fields={["toHouseholdID"]} />
      <button type="submit" class="primary" disabled={props.granting.pending()}>
        {props.granting.pending()
          ? e().proxy.giving
          : chosenName()
            ? e().proxy.giveTo(chosenName()!)
            : e().proxy.give}
      </button>
    </form>
  );
}

/** The proxy the household gave: to whom, and taking it back while it is unused. */
export function ProxyGiven(props: { election: ElectionInfo; withdrawing: Form<[string]> }) {
  const e = useElectionText();
  const name = useRollName(() => props.election.id);
  const to = () => name(props.election.me.proxyTo ?? "");

  async function withdraw() {
    // Back to the ballot, which takes this card's place.
    if (await props.withdrawing.submit(props.election.id)) document.getElementById("own-vote")?.focus();
  }
  return (
    <div class="proxy-given">
      <h3 id="proxy-given" tabindex="-1">
        {e().proxy.givenTitle}
      </h3>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={!props.election.me.voted} fallback={<p>{e().voted.byProxy(to())}</p>}>
            <p>{e().proxy.given(to())}</p>
            <p class="hint">{e().proxy.givenHint}</p>
            <div class="actions">
              <button
                type="button"
                class="secondary"
                disabled={props.withdrawing.pending()}
                onClick={() => void withdraw()}
              >
                {props.withdrawing.pending() ? e().proxy.withdrawing : e().proxy.withdraw}
              </button>
            </div>
          </Show>
        </Suspense>
      </ErrorBoundary>
      <FormError error={props.withdrawing.error()} />
    </div>
  );
}
