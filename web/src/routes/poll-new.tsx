import { createSignal, createUniqueId, For, Index, Show } from "solid-js";
import { createAsync, query, revalidate, useNavigate, useParams } from "@solidjs/router";
import { dateOf } from "@akker/core/week";
import { FormEnd } from "../components/feedback";
import { CheckboxField, Messages, TextField } from "../components/field";
import { PollScreen } from "../components/poll-screen";
import { TextAreaField } from "../components/text-area";
import { useMessages } from "../i18n";
import { usePollText } from "../i18n/poll";
import { ApiError } from "../lib/api";
import { getMe } from "../lib/person";
import { canRunPolls, getPoll, getPolls, pollApi, type PollCreateInput, type PollInfo, type PollKind } from "../lib/poll";
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

/** The board or the farmer changes a poll's wording, options or closing day, until the first household answers. */
export function PollEdit() {
  const p = usePollText();
  const params = useParams();
  const me = createAsync(() => getMe());
  const poll = createAsync(() => getPoll(params.id!));
  return (
    <Show when={me()}>
      <Show when={canRunPolls(me())} fallback={<NotFound />}>
        <PollScreen title={p().edit.title}>
          <Show when={poll()}>
            {(pl) => (
              <Show when={pl().editable} fallback={<p class="notice info">{p().edit.locked}</p>}>
                <p class="lead">{p().edit.intro}</p>
                <PollForm poll={pl()} />
              </Show>
            )}
          </Show>
        </PollScreen>
      </Show>
    </Show>
  );
}

/** A new poll's form, or with `poll` the form that changes it (its kind stays). */
function PollForm(props: { poll?: PollInfo }) {
  const p = usePollText();
  const messages = useMessages();
  const navigate = useNavigate();
  const id = createUniqueId();
  const was = props.poll;
  const [kind, setKind] = createSignal<PollKind>(was?.kind ?? "rating");
  const [title, setTitle] = createSignal(was?.title ?? "");
  const [description, setDescription] = createSignal(was?.description ?? "");
  const [lines, setLines] = createSignal(was && was.kind !== "dates" ? was.options.map((o) => o.label).join("\n") : "");
  const [dates, setDates] = createSignal(was?.kind === "dates" ? was.options.map((o) => ({ date: o.date ?? "", label: o.label })) : [{ date: "", label: "" }]);
  const [closesOn, setClosesOn] = createSignal(was?.closesAt ? dateOf(Date.parse(was.closesAt)) : "");
  const [draft, setDraft] = createSignal(false);
  const [mail, setMail] = createSignal(false);
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
      ...(draft() ? { draft: true } : {}),
      ...(mail() ? { mail: true } : {}),
    };
    setPending(true);
    try {
      const poll = was
        ? await pollApi.update(was.id, {
            title: input.title,
            description: description().trim(),
            options,
            // an emptied day takes the closing time away
            closesAt: input.closesAt ?? null,
          })
        : await pollApi.create(input);
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
      <fieldset class="field" hidden={!!was}>
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
      <Show when={!was}>
        <CheckboxField name="draft" label={p().create.draft} hint={p().create.draftHint} checked={draft()} onChange={setDraft} />
        <CheckboxField name="mail" label={p().create.mail} hint={p().create.mailHint} checked={mail()} onChange={setMail} />
      </Show>
      <FormEnd
        error={error()}
        fields={["title", "options", "closesAt"]}
        pending={pending()}
        label={was ? p().edit.submit : draft() ? p().create.saveDraft : p().create.submit}
        pendingLabel={was ? p().edit.pending : p().create.pending}
      />
    </form>
  );
}
