import { createSignal, createUniqueId, For, Index, Show } from "solid-js";
import { createAsync, query, revalidate, useNavigate } from "@solidjs/router";
import { FormEnd } from "../components/feedback";
import { Messages, TextField } from "../components/field";
import { PollScreen } from "../components/poll-screen";
import { TextAreaField } from "../components/text-area";
import { useMessages } from "../i18n";
import { usePollText } from "../i18n/poll";
import { ApiError } from "../lib/api";
import { getMe } from "../lib/person";
import { canRunPolls, getPoll, getPolls, pollApi, type PollCreateInput, type PollKind } from "../lib/poll";
import { farmInstant } from "../lib/workday-view";
import NotFound from "./not-found";

const kinds: readonly PollKind[] = ["rating", "dates", "choice"];

/** The board or the farmer starts a poll: the teeltenquête's crops, dates to pick, or options to choose from. */
export default function PollNew() {
  const p = usePollText();
  const me = createAsync(() => getMe());
  return (
    <Show when={me()}>
      <Show when={canRunPolls(me())} fallback={<NotFound />}>
        <PollScreen title={p().create.title}>
          <p class="lead">{p().create.intro}</p>
          <PollForm />
        </PollScreen>
      </Show>
    </Show>
  );
}

function PollForm() {
  const p = usePollText();
  const messages = useMessages();
  const navigate = useNavigate();
  const id = createUniqueId();
  const [kind, setKind] = createSignal<PollKind>("rating");
  const [title, setTitle] = createSignal("");
  const [description, setDescription] = createSignal("");
  const [lines, setLines] = createSignal("");
  const [dates, setDates] = createSignal([{ date: "", label: "" }]);
  const [closesOn, setClosesOn] = createSignal("");
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const issue = (field: string) => {
    const e = error();
    const found = e instanceof ApiError ? e.issues.find((i) => i.path.split(".")[0] === field) : undefined;
    return found ? messages.issue({ ...found, path: field }) : undefined;
  };

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setError(undefined);
    const options =
      kind() === "dates"
        ? dates().filter((d) => d.date || d.label).map((d) => ({ date: d.date, label: d.label.trim() }))
        : lines().split("\n").map((l) => l.trim()).filter(Boolean).map((label) => ({ label }));
    const input: PollCreateInput = {
      kind: kind(),
      title: title(),
      ...(description().trim() ? { description: description() } : {}),
      options,
      ...(closesOn() ? { closesAt: farmInstant(closesOn(), "23:59") } : {}),
    };
    setPending(true);
    try {
      const poll = await pollApi.create(input);
      query.set(getPoll.keyFor(poll.id), poll);
      void revalidate(getPolls.key);
      navigate(`/polls/${poll.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} novalidate>
      <fieldset class="field">
        <legend>{p().create.kind}</legend>
        <For each={kinds}>
          {(k) => (
            <div class="radio">
              <input type="radio" id={`${id}-${k}`} name={`${id}-kind`} checked={kind() === k} onChange={() => setKind(k)} />
              <label for={`${id}-${k}`}>
                {p().kind[k]}
                <span class="option-hint">{p().create.kindHint[k]}</span>
              </label>
            </div>
          )}
        </For>
      </fieldset>
      <TextField label={p().create.name} value={title()} maxLength={160} error={issue("title")} onInput={(e) => setTitle(e.currentTarget.value)} />
      <TextAreaField label={p().create.description} value={description()} rows={3} maxLength={2000} onInput={(e) => setDescription(e.currentTarget.value)} />
      <Show
        when={kind() === "dates"}
        fallback={
          <TextAreaField
            label={kind() === "rating" ? p().create.items : p().create.choices}
            hint={kind() === "rating" ? p().create.itemsHint : undefined}
            error={issue("options")}
            value={lines()}
            rows={8}
            onInput={(e) => setLines(e.currentTarget.value)}
          />
        }
      >
        <fieldset class="field" classList={{ invalid: !!issue("options") }}>
          <legend>{p().create.dates}</legend>
          <Messages id={`${id}-dates`} error={issue("options")} />
          <Index each={dates()}>
            {(d, i) => (
              <div class="date-option">
                <TextField
                  type="date"
                  label={p().create.date(i + 1)}
                  value={d().date}
                  onInput={(e) => {
                    const v = e.currentTarget.value;
                    setDates((all) => all.map((x, j) => (j === i ? { ...x, date: v } : x)));
                  }}
                />
                <TextField
                  label={p().create.dateNote(i + 1)}
                  value={d().label}
                  maxLength={100}
                  onInput={(e) => {
                    const v = e.currentTarget.value;
                    setDates((all) => all.map((x, j) => (j === i ? { ...x, label: v } : x)));
                  }}
                />
                <Show when={dates().length > 1}>
                  <div class="field">
                    <button type="button" class="secondary" onClick={() => setDates((all) => all.filter((_, j) => j !== i))}>
                      {p().create.removeDate(i + 1)}
                    </button>
                  </div>
                </Show>
              </div>
            )}
          </Index>
          <button type="button" class="secondary" onClick={() => setDates((all) => [...all, { date: "", label: "" }])}>
            {p().create.addDate}
          </button>
        </fieldset>
      </Show>
      <TextField
        type="date"
        label={p().create.closesOn}
        hint={p().create.closesOnHint}
        error={issue("closesAt")}
        value={closesOn()}
        onInput={(e) => setClosesOn(e.currentTarget.value)}
      />
      <FormEnd error={error()} fields={["title", "options", "closesAt"]} pending={pending()} label={p().create.submit} pendingLabel={p().create.pending} />
    </form>
  );
}
