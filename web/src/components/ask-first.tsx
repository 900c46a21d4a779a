import { createSignal, createUniqueId, Show } from "solid-js";

/**
 * A button that asks first: the question and its answers take its place,
 * focus moves to the yes-button, and back to the button when cancelled.
 * With `focusAfter`, a yes that worked moves focus there and one that failed
 * (`onYes` resolved with nothing) back to the button, as the button is gone
 * or its error is to be read next.
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
  /** The button in a row of actions (`div.actions`), beside the links before it. */
  inActions?: boolean;
  /** Before the question shows: clear the news and errors of the last try. */
  onAsk?: () => void;
  onYes: () => Promise<unknown> | void;
  focusAfter?: () => HTMLElement | null | undefined;
}) {
  const [asking, setAsking] = createSignal(false);
  const id = createUniqueId();
  let button: HTMLButtonElement | undefined;
  let yesButton: HTMLButtonElement | undefined;
  const askButton = () => (
    <button
      ref={button}
      type="button"
      class={props.class ?? "secondary"}
      aria-label={props.ariaLabel}
      onClick={() => {
        props.onAsk?.();
        setAsking(true);
        yesButton?.focus();
      }}
    >
      {props.label}
    </button>
  );
  return (
    <Show
      when={asking()}
      fallback={
        <Show when={props.inActions} fallback={askButton()}>
          <div class="actions">{askButton()}</div>
        </Show>
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
              const result = await props.onYes();
              setAsking(false);
              if (props.focusAfter) (result ? props.focusAfter() : button)?.focus();
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
