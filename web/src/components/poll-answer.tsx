import { createSignal, createUniqueId, For, Show } from "solid-js";
import { query, revalidate } from "@solidjs/router";
import { usePollText } from "../i18n/poll";
import { getPoll, getPolls, pollApi, type PollAnswer, type PollInfo } from "../lib/poll";
import { useWorkdayFormat } from "../lib/workday-view";
import { FormEnd } from "./feedback";
import { TextAreaField } from "./text-area";

type Value = string | number;

/** What the household answered before, per option, to start the form from. */
function startValues(poll: PollInfo): Record<string, Value> {
  const mine = poll.mine;
  if (!mine) return {};
  if (mine.dates) return Object.fromEntries(mine.dates.map((d) => [d.option, d.answer]));
  if (mine.ratings) return Object.fromEntries(mine.ratings.map((r) => [r.option, r.stars]));
  return mine.choice ? { choice: mine.choice } : {};
}

/** The form as the API takes it; undefined when nothing is answered yet. */
function toAnswer(poll: PollInfo, values: Record<string, Value>, comment: string): PollAnswer | undefined {
  const given = poll.options.filter((o) => values[o.id] !== undefined && values[o.id] !== "");
  const extra = comment.trim() ? { comment: comment.trim() } : {};
  if (poll.kind === "dates")
    return given.length ? { dates: given.map((o) => ({ option: o.id, answer: values[o.id] as "yes" | "maybe" | "no" })), ...extra } : undefined;
  if (poll.kind === "rating")
    return given.length ? { ratings: given.map((o) => ({ option: o.id, stars: Number(values[o.id]) })), ...extra } : undefined;
  return values.choice ? { choice: String(values.choice), ...extra } : undefined;
}

/**
 * The household's answer: per crop 1–5 (or no opinion), per date yes /
 * maybe / no, or one choice; and a comment. Saving replaces the answer the
 * household gave before, whoever of it gave that.
 */
export function PollAnswerForm(props: { poll: PollInfo }) {
  const p = usePollText();
  const format = useWorkdayFormat();
  const id = createUniqueId();
  const [values, setValues] = createSignal<Record<string, Value>>(startValues(props.poll));
  const [comment, setComment] = createSignal(props.poll.mine?.comment ?? "");
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal<string>();
  const [missing, setMissing] = createSignal(false);
  const set = (key: string, value: Value) => setValues((v) => ({ ...v, [key]: value }));
  /** The answers a crop (1–5, or no opinion) or a date (yes, maybe, no) can get. */
  const scale = (): { value: Value; label: string }[] =>
    props.poll.kind === "rating"
      ? [...[1, 2, 3, 4, 5].map((n) => ({ value: n, label: p().answer.starsLabel(n) })), { value: "", label: p().answer.skip }]
      : (["yes", "maybe", "no"] as const).map((v) => ({ value: v, label: p().answer[v] }));
  const labelOf = (o: PollInfo["options"][number]) => (o.date ? [format.date(o.date), o.label].filter(Boolean).join(", ") : o.label);

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setSaved(undefined);
    setError(undefined);
    const answer = toAnswer(props.poll, values(), comment());
    setMissing(!answer);
    if (!answer) return;
    setPending(true);
    try {
      const poll = await pollApi.answer(props.poll.id, answer);
      query.set(getPoll.keyFor(poll.id), poll);
      void revalidate(getPolls.key);
      setSaved(p().answer.saved);
    } catch (e) {
      setError(e);
      // closed meanwhile: show the poll as it is now
      void revalidate(getPoll.keyFor(props.poll.id));
    } finally {
      setPending(false);
    }
  }

  const choices = (name: string, legend: string, options: { value: Value; label: string }[], key: string) => (
    <li>
      <fieldset class="poll-question">
        <legend>{legend}</legend>
        <div class="poll-choices">
          <For each={options}>
            {(c) => (
              <label>
                <input type="radio" name={name} value={String(c.value)} checked={(values()[key] ?? "") === c.value} onChange={() => set(key, c.value)} />
                {c.label}
              </label>
            )}
          </For>
        </div>
      </fieldset>
    </li>
  );

  return (
    <form onSubmit={submit} novalidate>
      <p class="hint">{p().answer.onePerHousehold}</p>
      <Show when={props.poll.kind !== "choice"}>
        <p>{props.poll.kind === "rating" ? p().answer.ratingHint : p().answer.datesHint}</p>
        <ol class="poll-questions">
          <For each={props.poll.options}>{(o) => choices(`${id}-${o.id}`, labelOf(o), scale(), o.id)}</For>
        </ol>
      </Show>
      <Show when={props.poll.kind === "choice"}>
        <ul class="poll-questions">
          {choices(`${id}-choice`, p().answer.choiceHint, props.poll.options.map((o) => ({ value: o.id, label: o.label })), "choice")}
        </ul>
      </Show>
      <TextAreaField
        label={p().answer.comment}
        hint={p().answer.commentHint}
        rows={3}
        maxLength={1000}
        value={comment()}
        onInput={(e) => setComment(e.currentTarget.value)}
      />
      <div role="alert" class="alert-region">
        <Show when={missing()}>
          <p class="notice error">{p().answer.nothing}</p>
        </Show>
      </div>
      <FormEnd error={error()} saved={saved()} pending={pending()} label={p().answer.save} pendingLabel={p().answer.saving} />
    </form>
  );
}
