import { createSignal, Show } from "solid-js";
import { A, createAsync, query, revalidate, useParams } from "@solidjs/router";
import { AskFirst } from "../components/ask-first";
import { FormError, Status } from "../components/feedback";
import { PollAnswerForm } from "../components/poll-answer";
import { PollsOnly } from "../components/poll-screen";
import { usePollText } from "../i18n/poll";
import { canAnswerPolls, canRunPolls, getPoll, getPolls, pollApi, type PollInfo } from "../lib/poll";
import { useWorkdayFormat } from "../lib/workday-view";


/** A poll: the household's answer while it is open, the way to the results, and for the board and farmer the close. */
export default function PollPage() {
  const p = usePollText();
  const params = useParams();
  const poll = createAsync(() => getPoll(params.id!));
  return (
    <PollsOnly title={poll()?.title ?? p().list.title}>
      {(me) => (
        <Show when={poll()}>
          {(pl) => (
            <>
              <Facts poll={pl()} />
              <Show when={pl().status === "open"} fallback={<p class="notice info">{p().answer.closed}</p>}>
                <Show when={canAnswerPolls(me)} fallback={<p>{p().answer.staffOnly}</p>}>
                  <PollAnswerForm poll={pl()} />
                </Show>
              </Show>
              <p>
                <A class="button secondary" href={`/polls/${pl().id}/results`}>
                  {p().list.results}
                </A>
              </p>
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
