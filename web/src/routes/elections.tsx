import { createMemo, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { ElectionScreen } from "../components/election-screen";
import { LoadError, Loading } from "../components/feedback";
import { useElectionText } from "../i18n/election";
import { canSeeElections, getMe, type MeInfo } from "../lib/person";
import { canRunElections, type ElectionInfo, getElections, groupElections } from "../lib/election";
import { useWorkdayFormat } from "../lib/workday-view";
import NotFound from "./not-found";

/** Every vote the person may see: the open ones on top with whether the household voted, then drafts and results. */
export default function Elections() {
  const e = useElectionText();
  const me = createAsync(() => getMe());
  const elections = createAsync(() => getElections());
  return (
    <Show when={me()}>
      <Show when={canSeeElections(me())} fallback={<NotFound />}>
        <ElectionScreen title={e().list.title}>
          <p class="lead">{e().list.intro}</p>
          <Show when={canRunElections(me())}>
            <p>
              <A class="button" href="/elections/new">
                {e().list.new}
              </A>
            </p>
          </Show>
          <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
            <Suspense fallback={<Loading />}>
              <Show when={elections()}>{(list) => <Groups elections={list()} me={me()} />}</Show>
            </Suspense>
          </ErrorBoundary>
        </ElectionScreen>
      </Show>
    </Show>
  );
}

function Groups(props: { elections: ElectionInfo[]; me?: MeInfo }) {
  const e = useElectionText();
  const groups = createMemo(() => groupElections(props.elections));
  return (
    <Show when={props.elections.length} fallback={<p>{e().list.empty}</p>}>
      <section aria-labelledby="open-votes">
        <h2 id="open-votes">{e().list.open}</h2>
        <Show when={groups().open.length} fallback={<p>{e().list.noneOpen}</p>}>
          <ul class="election-list">
            <For each={groups().open}>{(item) => <Item election={item} me={props.me} />}</For>
          </ul>
        </Show>
      </section>
      <Show when={groups().drafts.length}>
        <section aria-labelledby="draft-votes">
          <h2 id="draft-votes">{e().list.drafts}</h2>
          <ul class="election-list">
            <For each={groups().drafts}>{(item) => <Item election={item} me={props.me} />}</For>
          </ul>
        </section>
      </Show>
      <Show when={groups().closed.length}>
        <section aria-labelledby="closed-votes">
          <h2 id="closed-votes">{e().list.closed}</h2>
          <ul class="election-list past">
            <For each={groups().closed}>{(item) => <Item election={item} me={props.me} />}</For>
          </ul>
        </section>
      </Show>
    </Show>
  );
}

function Item(props: { election: ElectionInfo; me?: MeInfo }) {
  const e = useElectionText();
  const format = useWorkdayFormat();
  const el = () => props.election;
  const when = () => {
    if (el().status === "open") return e().list.closes(format.start(el().closesAt));
    if (el().status === "draft") return e().list.opens(format.start(el().opensAt));
    return e().list.closedAt(format.start(el().closesAt));
  };
  /** The household's own position, while voting is open. */
  const own = () => {
    const me = el().me;
    if (el().status !== "open" || !props.me?.household) return undefined;
    if (!me.eligible) return { text: me.joinedAfterOpening ? e().list.joinedAfterOpening : e().list.notOnRoll, done: false };
    if (me.voted) return { text: me.proxyTo ? e().list.votedByProxy : e().list.voted, done: true };
    if (me.proxyTo) return { text: e().list.proxyGiven, done: true };
    return { text: e().list.notVoted, done: false };
  };
  return (
    <li class="card election">
      <h3 class="election-title">
        <A href={`/elections/${el().id}`}>{el().title}</A>
      </h3>
      <p class="election-meta">
        {e().list.meta([e().kind[el().kind], when()])}
      </p>
      <Show when={own()}>
        {(o) => (
          <p class="own-vote" classList={{ done: o().done }}>
            {o().text}
          </p>
        )}
      </Show>
      <Show when={el().status === "open" && el().me.canVoteFor.length}>
        <p class="own-vote">{e().list.canVoteFor(el().me.canVoteFor.length)}</p>
      </Show>
      <Show when={el().status === "open"}>
        <p class="muted">{e().list.turnout(el().turnout.voted, el().turnout.eligible)}</p>
      </Show>
      <Show when={el().status === "closed"}>
        <p>
          <A href={`/elections/${el().id}`}>{e().list.results}</A>
        </p>
      </Show>
    </li>
  );
}
