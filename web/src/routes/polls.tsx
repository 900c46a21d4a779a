import { For, Show } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { PollsOnly } from "../components/poll-screen";
import { usePollText } from "../i18n/poll";
import { canAnswerPolls, canRunPolls, getPolls, type PollInfo } from "../lib/poll";
import { useWorkdayFormat } from "../lib/workday-view";

/** Every poll: the open ones on top with whether the household answered, then the closed ones. */
export default function Polls() {
  const p = usePollText();
  const polls = createAsync(() => getPolls());
  const drafts = () => polls()?.filter((x) => x.status === "draft") ?? [];
  const open = () => polls()?.filter((x) => x.status === "open") ?? [];
  const closed = () => polls()?.filter((x) => x.status === "closed") ?? [];
  return (
    <PollsOnly title={p().list.title}>
      {(me) => (
        <>
          <p class="lead">{p().list.intro}</p>
          <Show when={canRunPolls(me)}>
            <p>
              <A class="button" href="/polls/new">
                {p().list.new}
              </A>
            </p>
          </Show>
          <Show when={polls()}>
            {(list) => (
              <Show when={list().length} fallback={<p>{p().list.empty}</p>}>
                <Listed id="draft-polls" heading={p().draft.heading} polls={drafts()} />
                <section aria-labelledby="open-polls">
                  <h2 id="open-polls">{p().list.open}</h2>
                  <Show when={open().length} fallback={<p>{p().list.noneOpen}</p>}>
                    <ul class="poll-list">
                      <For each={open()}>{(poll) => <Item poll={poll} answers={canAnswerPolls(me)} />}</For>
                    </ul>
                  </Show>
                </section>
                <Listed id="closed-polls" heading={p().list.closed} polls={closed()} />
              </Show>
            )}
          </Show>
        </>
      )}
    </PollsOnly>
  );
}

/** Drafts or closed polls under their heading, when there are any; nobody answers them here. */
function Listed(props: { id: string; heading: string; polls: PollInfo[] }) {
  return (
    <Show when={props.polls.length}>
      <section aria-labelledby={props.id}>
        <h2 id={props.id}>{props.heading}</h2>
        <ul class="poll-list">
          <For each={props.polls}>{(poll) => <Item poll={poll} answers={false} />}</For>
        </ul>
      </section>
    </Show>
  );
}

function Item(props: { poll: PollInfo; answers: boolean }) {
  const p = usePollText();
  const format = useWorkdayFormat();
  const poll = () => props.poll;
  const when = () =>
    poll().status === "open" ? (poll().closesAt ? p().list.closes(format.start(poll().closesAt!)) : p().list.noEnd) : undefined;
  return (
    <li class="card">
      <h3>
        <A href={`/polls/${poll().id}`}>{poll().title}</A>
      </h3>
      <p class="muted">{p().list.meta([p().kind[poll().kind], when()].filter((x): x is string => !!x))}</p>
      <Show when={props.answers}>
        <p class="poll-state" classList={{ done: !!poll().mine }}>
          {poll().mine ? p().list.answered : p().list.notAnswered}
        </p>
      </Show>
      <p>
        <A href={`/polls/${poll().id}/results`}>{p().list.results}</A>
      </p>
    </li>
  );
}
