import { createSignal, createUniqueId, For, onMount, Show } from "solid-js";
import { action, json } from "@solidjs/router";
import { useI18n } from "../i18n";
import { useElectionText } from "../i18n/election";
import { ApiError } from "../lib/api";
import {
  type BallotInput,
  electionApi,
  type ElectionInfo,
  type MotionVote,
  putElection,
  reloadElection,
} from "../lib/election";
import { Status } from "./feedback";
import { useCopy } from "../lib/copy";

/**
 * Casting a ballot. The API answers only with the tracker, so the election
 * is fetched again for "voted" and the turnout. When the API says the
 * screen is out of date (voted meanwhile, a proxy given, voting closed),
 * the election is loaded again so the screen shows how things are.
 */
export const castBallot = action(async (electionID: string, ballot: BallotInput) => {
  let tracker: string;
  try {
    tracker = await electionApi.cast(electionID, ballot);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 409 || e.status === 403)) await reloadElection(electionID);
    throw e;
  }
  const fresh = await electionApi.get(electionID).catch(() => undefined);
  if (fresh) await putElection(fresh);
  else await reloadElection(electionID);
  return json({ tracker }, { revalidate: [] });
}, "cast-ballot");

const motionVotes: readonly MotionVote[] = ["yes", "no", "abstain"];

/**
 * The ballot: candidate cards with their statements and up to `seats`
 * ticks, or for, against, abstain; then a step that shows the choice and
 * says it is final, before anything is sent.
 */
export function Ballot(props: {
  election: ElectionInfo;
  /** The household whose proxy is used; none for the caller's own household. */
  behalf?: { id: string; name: string };
  pending: boolean;
  /** Resolves with the tracker, or undefined when casting failed (the caller shows why and what now). */
  submit: (ballot: BallotInput) => Promise<string | undefined>;
}) {
  const e = useElectionText();
  const { number } = useI18n();
  const id = createUniqueId();
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [vote, setVote] = createSignal<MotionVote>();
  const [confirming, setConfirming] = createSignal(false);
  const [full, setFull] = createSignal(false);
  const [missing, setMissing] = createSignal(false);
  const seats = () => props.election.seats ?? 1;
  const board = () => props.election.kind === "board";
  const names = () =>
    props.election.candidates.filter((c) => chosen().includes(c.id)).map((c) => c.name);
  let form: HTMLFormElement | undefined;
  let confirmHeading: HTMLHeadingElement | undefined;

  function toggle(candidateID: string, box: HTMLInputElement) {
    if (box.checked && chosen().length >= seats()) {
      // One more than allowed: the tick is taken back and the reason told, instead of quietly disabling the others.
      box.checked = false;
      setFull(true);
      return;
    }
    setFull(false);
    setChosen((list) => (box.checked ? [...list, candidateID] : list.filter((c) => c !== candidateID)));
  }

  function next(ev: SubmitEvent) {
    ev.preventDefault();
    if (!board() && !vote()) {
      setMissing(true);
      form?.querySelector<HTMLInputElement>("input[type=radio]")?.focus();
      return;
    }
    setConfirming(true);
    confirmHeading?.focus();
  }

  function back() {
    setConfirming(false);
    (form?.querySelector<HTMLInputElement>("input:checked") ?? form?.querySelector<HTMLInputElement>("input"))?.focus();
  }

  async function cast() {
    if (props.pending) return;
    const ballot: BallotInput = board() ? { choices: chosen() } : { vote: vote()! };
    if (props.behalf) ballot.onBehalfOf = props.behalf.id;
    // On failure the step stays, with the reason below it: to try again, or to go back.
    await props.submit(ballot);
  }

  return (
    <div class="ballot">
      <form ref={form} onSubmit={next} novalidate hidden={confirming()}>
        <Show
          when={board()}
          fallback={
            <fieldset class="field radios vote-options" classList={{ invalid: missing() }}>
              <legend>{e().ballot.yourVote}</legend>
              <Show when={missing()}>
                <p class="field-error" id={`${id}-error`}>
                  {e().fields.vote}
                </p>
              </Show>
              <For each={motionVotes}>
                {(option) => (
                  <div class="radio">
                    <input
                      type="radio"
                      id={`${id}-${option}`}
                      name={`${id}-vote`}
                      value={option}
                      checked={vote() === option}
                      aria-describedby={missing() ? `${id}-error` : undefined}
                      onChange={() => {
                        setVote(option);
                        setMissing(false);
                      }}
                    />
                    <label for={`${id}-${option}`}>{e().vote[option]}</label>
                  </div>
                )}
              </For>
            </fieldset>
          }
        >
          <fieldset class="field" aria-describedby={`${id}-hint ${id}-count`}>
            <legend>{e().ballot.choose(number(seats()))}</legend>
            <p class="hint" id={`${id}-hint`}>
              {e().ballot.chooseHint}
            </p>
            <ul class="candidates">
              <For each={props.election.candidates}>
                {(candidate) => (
                  <li class="candidate" classList={{ chosen: chosen().includes(candidate.id) }}>
                    <div class="check">
                      <input
                        type="checkbox"
                        id={`${id}-${candidate.id}`}
                        name="choices"
                        value={candidate.id}
                        checked={chosen().includes(candidate.id)}
                        onChange={(ev) => toggle(candidate.id, ev.currentTarget)}
                      />
                      <label for={`${id}-${candidate.id}`}>{candidate.name}</label>
                    </div>
                    {/* Plain text, as typed: shown as text, never read as HTML. */}
                    <p class="description statement">{candidate.statement || e().ballot.noStatement}</p>
                  </li>
                )}
              </For>
            </ul>
          </fieldset>
          <div role="status" class="status-region counter" id={`${id}-count`}>
            <p>{e().ballot.chosen(chosen().length, seats())}</p>
            <Show when={full()}>
              <p class="notice info">{e().ballot.full(number(seats()))}</p>
            </Show>
          </div>
        </Show>
        <button type="submit" class="primary">
          {e().ballot.next}
        </button>
      </form>
      <section class="confirm" aria-labelledby={`${id}-confirm`} hidden={!confirming()}>
        <h3 id={`${id}-confirm`} ref={confirmHeading} tabindex="-1">
          {e().ballot.confirmTitle}
        </h3>
        <Show
          when={board()}
          fallback={<p class="chosen-vote">{e().ballot.confirmVote(vote() ? e().vote[vote()!] : "")}</p>}
        >
          <Show when={chosen().length} fallback={<p>{e().ballot.confirmBlank}</p>}>
            <p>{e().ballot.confirmChoices}</p>
            <ul class="chosen-list">
              <For each={names()}>{(name) => <li>{name}</li>}</For>
            </ul>
          </Show>
        </Show>
        <Show when={props.behalf}>{(b) => <p>{e().ballot.confirmBehalf(b().name)}</p>}</Show>
        <p id={`${id}-final`} class="final">
          {e().ballot.final}
        </p>
        <div class="actions">
          <button
            type="button"
            class="primary"
            aria-describedby={`${id}-final`}
            aria-disabled={props.pending ? "true" : undefined}
            onClick={() => void cast()}
          >
            {props.pending ? e().ballot.casting : e().ballot.cast}
          </button>
          <button type="button" class="secondary" disabled={props.pending} onClick={back}>
            {e().ballot.back}
          </button>
        </div>
      </section>
    </div>
  );
}

/**
 * The tracker, once: large, selectable and copyable, with what it is for
 * in plain words. It is kept nowhere, not even on this device.
 */
export function Receipt(props: { tracker: string; behalf?: string }) {
  const e = useElectionText();
  const id = createUniqueId();
  const { copied, copy } = useCopy();
  let heading: HTMLHeadingElement | undefined;
  let input: HTMLInputElement | undefined;
  onMount(() => heading?.focus());

  return (
    <div class="receipt">
      <h3 ref={heading} tabindex="-1" id={`${id}-title`}>
        {props.behalf ? e().receipt.titleBehalf(props.behalf) : e().receipt.title}
      </h3>
      <div class="field">
        <label for={`${id}-code`}>{e().receipt.code}</label>
        <input
          ref={input}
          id={`${id}-code`}
          class="tracker"
          type="text"
          readOnly
          value={props.tracker}
          aria-describedby={`${id}-keep`}
          onFocus={(ev) => ev.currentTarget.select()}
        />
      </div>
      <p class="keep" id={`${id}-keep`}>
        {e().receipt.keep}
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void copy(props.tracker, input)}>
          {e().receipt.copy}
        </button>
      </div>
      <Status message={copied() === "yes" ? e().receipt.copied : undefined} />
      <div role="alert" class="alert-region">
        <Show when={copied() === "no"}>
          <p class="notice error">{e().receipt.copyFailed}</p>
        </Show>
      </div>
      <h4>{e().receipt.what}</h4>
      <For each={e().receipt.explain}>{(line) => <p>{line}</p>}</For>
      <p class="hint">{e().receipt.private}</p>
    </div>
  );
}
