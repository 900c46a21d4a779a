import { createSignal, Show } from "solid-js";
import { A, createAsync, query, revalidate, useParams } from "@solidjs/router";
import { AskFirst } from "../components/ask-first";
import { FormError, Status } from "../components/feedback";
import { CheckboxField } from "../components/field";
import { PollAnswerForm } from "../components/poll-answer";
import { PollsOnly } from "../components/poll-screen";
import { usePollText } from "../i18n/poll";
import { ApiError } from "../lib/api";
import { canAnswerPolls, canRunPolls, getPoll, getPolls, pollApi, type PollInfo } from "../lib/poll";
import { useWorkdayFormat } from "../lib/workday-view";


/** A poll: the household's answer while it is open, the way to the results, and for the board and farmer the close. */
export default function PollPage() {
  const p = usePollText();
  const params = useParams();
  const poll = createAsync(() => getPoll(params.id!));
  // told here: the draft's part, where it was opened, goes once the poll is open
  const [opened, setOpened] = createSignal<string>();
  return (
    <PollsOnly title={poll()?.title ?? p().list.title}>
      {(me) => (
        <Show when={poll()}>
          {(pl) => (
            <>
              <Facts poll={pl()} />
              <Show when={pl().status === "draft"}>
                <p class="notice info">{p().draft.notice}</p>
              </Show>
              <Show when={canRunPolls(me) && pl().editable}>
                <p>
                  <A class="button secondary" href={`/polls/${pl().id}/edit`}>
                    {p().edit.link}
                  </A>
                </p>
              </Show>
              <Show when={pl().status === "draft" && canRunPolls(me)}>
                <Open poll={pl()} onOpened={setOpened} />
              </Show>
              <Status message={opened()} />
              <Show when={pl().status === "open"}>
                <Show when={canAnswerPolls(me)} fallback={<p>{p().answer.staffOnly}</p>}>
                  <PollAnswerForm poll={pl()} />
                </Show>
              </Show>
              <Show when={pl().status === "closed"}>
                <p class="notice info">{p().answer.closed}</p>
              </Show>
              <Show when={pl().status !== "draft"}>
                <p>
                  <A class="button secondary" href={`/polls/${pl().id}/results`}>
                    {p().list.results}
                  </A>
                </p>
              </Show>
              <Show when={canRunPolls(me) && pl().status === "open"}>
                <Close poll={pl()} />
              </Show>
            </>
          )}
        </Show>
      )}
    </PollsOnly>
  );
}

function Facts(props: { poll: PollInfo }) {
  const p = usePollText();
  const format = useWorkdayFormat();
  const when = () =>
    props.poll.status === "open" ? (props.poll.closesAt ? p().list.closes(format.start(props.poll.closesAt)) : p().list.noEnd) : undefined;
  return (
    <>
      <p class="muted">{p().list.meta([p().kind[props.poll.kind], when()].filter((x): x is string => !!x))}</p>
      <Show when={props.poll.description}>
        <p class="poll-description">{props.poll.description}</p>
      </Show>
    </>
  );
}

/** Opens a draft, mailing the members once if asked. */
function Open(props: { poll: PollInfo; onOpened: (news: string) => void }) {
  const p = usePollText();
  const [mail, setMail] = createSignal(props.poll.mail);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setError(undefined);
    setPending(true);
    try {
      const poll = await pollApi.open(props.poll.id, mail());
      props.onOpened(mail() ? p().draft.mailed : p().draft.done);
      query.set(getPoll.keyFor(poll.id), poll);
      void revalidate(getPolls.key);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 409) void revalidate(getPoll.keyFor(props.poll.id));
    } finally {
      setPending(false);
    }
  }
  return (
    <form onSubmit={submit} novalidate>
      <CheckboxField name="mail" label={p().draft.mail} hint={p().draft.mailHint} checked={mail()} onChange={setMail} />
      <button type="submit" class="primary" disabled={pending()}>
        {pending() ? p().draft.pending : p().draft.open}
      </button>
      <FormError error={error()} />
    </form>
  );
}

function Close(props: { poll: PollInfo }) {
  const p = usePollText();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [done, setDone] = createSignal<string>();
  return (
    <section>
      <AskFirst
        label={p().close.button}
        question={p().close.question}
        yes={p().close.yes}
        no={p().close.no}
        pending={pending()}
        pendingLabel={p().close.pending}
        onAsk={() => setError(undefined)}
        onYes={async () => {
          setPending(true);
          try {
            const poll = await pollApi.close(props.poll.id);
            setDone(p().close.done);
            query.set(getPoll.keyFor(poll.id), poll);
            void revalidate(getPolls.key);
            return true;
          } catch (e) {
            setError(e);
            return undefined;
          } finally {
            setPending(false);
          }
        }}
      />
      <FormError error={error()} />
      <Status message={done()} />
    </section>
  );
}
