import {
  createEffect,
  createMemo,
  createSignal,
  ErrorBoundary,
  For,
  Match,
  on,
  onCleanup,
  Show,
  Suspense,
  Switch,
} from "solid-js";
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { Ballot, castBallot, Receipt } from "../components/election-ballot";
import { GiveProxy, grantProxy, ProxyGiven, useRollName, withdrawProxy } from "../components/election-proxy";
import { Results, Trackers } from "../components/election-results";
import { ElectionScreen } from "../components/election-screen";
import { FormError, LoadError, Loading, Status } from "../components/feedback";
import { Manage } from "../components/election-manage";
import { useI18n } from "../i18n";
import { useElectionText } from "../i18n/election";
import { getMe, type MeInfo } from "../lib/person";
import {
  type BallotInput,
  canRunElections,
  type ElectionInfo,
  getElection,
  percentOf,
  reloadElection,
} from "../lib/election";
import { useActionForm } from "../lib/form";
import { useWorkdayFormat } from "../lib/workday-view";

/**
 * One vote. While it is open: the ballot (and one per proxy held), giving
 * or withdrawing a proxy, and the turnout. After closing: the result and
 * every counted ballot. For the board also opening, closing and the log.
 */
export default function ElectionPage(props: RouteSectionProps) {
  const e = useElectionText();
  const me = createAsync(() => getMe());
  const election = createAsync(() => getElection(props.params.id!));
  const back = () => (
    <p>
      <A href="/elections">{e().detail.back}</A>
    </p>
  );
  // The heading is the election's title, so the whole screen waits for it, and says so when it cannot have it.
  return (
    <ErrorBoundary
      fallback={(error, reset) => (
        <ElectionScreen title={e().detail.title}>
          {back()}
          <LoadError error={error} reset={reset} />
        </ElectionScreen>
      )}
    >
      <ElectionScreen title={election()?.title ?? e().detail.title}>
        {back()}
        {/* Keyed by the election: receipts shown for one are never shown on another. */}
        <Show when={election()?.id} keyed>
          {(_id) => <Details election={election()!} me={me()} />}
        </Show>
      </ElectionScreen>
    </ErrorBoundary>
  );
}

function Details(props: { election: ElectionInfo; me?: MeInfo }) {
  const e = useElectionText();
  // The trackers of ballots cast on this screen, by household ("own" for the caller's). Kept nowhere else.
  const [receipts, setReceipts] = createSignal<Record<string, string>>({});
  const open = () => props.election.status === "open";
  return (
    <>
      <Show when={props.election.status === "draft"}>
        <p class="notice info">{e().detail.draftNotice}</p>
      </Show>
      <Facts election={props.election} />
      <Show when={props.election.description}>
        {(text) => (
          <section class="card" aria-labelledby="election-description">
            <h2 id="election-description">{e().detail.description}</h2>
            {/* Plain text, as typed: shown as text, never read as HTML. */}
            <p class="description">{text()}</p>
          </section>
        )}
      </Show>
      <Show when={props.election.status === "draft" && props.election.kind === "board"}>
        <Candidates election={props.election} />
      </Show>
      <Show when={open() || Object.keys(receipts()).length}>
        <Voting
          election={props.election}
          me={props.me}
          receipts={receipts()}
          onCast={(key, tracker) => setReceipts((r) => ({ ...r, [key]: tracker }))}
        />
      </Show>
      <Show when={props.election.status === "closed"}>
        <Results election={props.election} />
        <Trackers election={props.election} />
      </Show>
      <Show when={open()}>
        <Turnout election={props.election} live={canRunElections(props.me)} />
      </Show>
      <Show when={canRunElections(props.me)}>
        <Manage election={props.election} />
      </Show>
    </>
  );
}

function Facts(props: { election: ElectionInfo }) {
  const e = useElectionText();
  const { number } = useI18n();
  const format = useWorkdayFormat();
  const el = () => props.election;
  const when = () => {
    if (el().status === "draft") return e().detail.draftWhen(format.start(el().opensAt), format.start(el().closesAt));
    if (el().status === "open") return e().detail.openWhen(format.start(el().closesAt));
    return e().detail.closedWhen(format.start(el().closesAt));
  };
  const quorum = () => el().quorumPercent ?? 0;
  return (
    <div class="card">
      <dl class="facts">
        <div>
          <dt>{e().detail.what}</dt>
          <dd>
            {e().kind[el().kind]}
            <span class="hint">
              {el().kind === "board"
                ? e().detail.boardWhat(number(el().seats ?? 1), el().candidates.length)
                : e().detail.motionWhat}
            </span>
          </dd>
        </div>
        <div>
          <dt>{e().detail.when}</dt>
          <dd>{when()}</dd>
        </div>
        <Show when={el().majority}>
          {(majority) => (
            <div>
              <dt>{e().detail.majority}</dt>
              <dd>{e().majority[majority()]}</dd>
            </div>
          )}
        </Show>
        <div>
          <dt>{e().detail.quorum}</dt>
          <dd>{quorum() > 0 ? e().detail.quorumIs(e().count.percent(number(quorum()))) : e().detail.noQuorum}</dd>
        </div>
      </dl>
    </div>
  );
}

/** A draft's candidates as they will stand on the ballot. */
function Candidates(props: { election: ElectionInfo }) {
  const e = useElectionText();
  return (
    <section class="card" aria-labelledby="candidates">
      <h2 id="candidates">{e().detail.candidates}</h2>
      <ul class="candidates">
        <For each={props.election.candidates}>
          {(candidate) => (
            <li class="candidate">
              <p class="candidate-name">{candidate.name}</p>
              <p class="description statement">{candidate.statement || e().ballot.noStatement}</p>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

function Voting(props: {
  election: ElectionInfo;
  me?: MeInfo;
  receipts: Record<string, string>;
  onCast: (key: string, tracker: string) => void;
}) {
  const e = useElectionText();
  // The households whose proxy the caller holds, also after voting for them, so their receipt stays in view.
  const behalf = createMemo<string[]>((seen) => [...new Set([...seen, ...props.election.me.canVoteFor])], []);
  const household = () => (props.me?.roles.includes("member") ? props.me.household : null);
  return (
    <>
      <Show
        when={household()}
        fallback={
          <Show when={props.election.status === "open"}>
            <p class="notice info">{e().detail.noHousehold}</p>
          </Show>
        }
      >
        {(h) => (
          <OwnVote
            election={props.election}
            householdID={h().id}
            receipt={props.receipts.own}
            onCast={(tracker) => props.onCast("own", tracker)}
          />
        )}
      </Show>
      <For each={behalf()}>
        {(householdID) => (
          <BehalfVote
            election={props.election}
            householdID={householdID}
            receipt={props.receipts[householdID]}
            onCast={(tracker) => props.onCast(householdID, tracker)}
          />
        )}
      </For>
    </>
  );
}

/** The caller's own household: the ballot, or what became of its vote; and the proxy it may give. */
function OwnVote(props: { election: ElectionInfo; householdID: string; receipt?: string; onCast: (tracker: string) => void }) {
  const e = useElectionText();
  const casting = useActionForm(castBallot, ([, ballot]) => !ballot.onBehalfOf);
  const granting = useActionForm(grantProxy);
  const withdrawing = useActionForm(withdrawProxy);
  const me = () => props.election.me;
  const canVote = () => props.election.status === "open" && me().eligible && !me().voted && !me().proxyTo;

  async function submit(ballot: BallotInput) {
    const result = await casting.submit(props.election.id, ballot);
    if (result) props.onCast(result.tracker);
    return result?.tracker;
  }

  return (
    <>
      <section class="card vote" aria-labelledby="own-vote">
        <h2 id="own-vote" tabindex="-1">
          {e().ballot.title}
        </h2>
        <Switch>
          <Match when={props.receipt}>{(tracker) => <Receipt tracker={tracker()} />}</Match>
          <Match when={!me().eligible}>
            <p>{me().joinedAfterOpening ? e().detail.joinedAfterOpening : e().detail.notOnRoll}</p>
          </Match>
          <Match when={me().proxyTo}>
            <ProxyGiven election={props.election} withdrawing={withdrawing} />
          </Match>
          <Match when={me().voted}>
            <p class="own-state">{e().voted.self}</p>
            <p class="hint">{e().voted.selfHint}</p>
          </Match>
          <Match when={props.election.status === "open"}>
            <p>{e().ballot.intro}</p>
            <Ballot election={props.election} pending={casting.pending()} submit={submit} />
          </Match>
        </Switch>
        <FormError error={casting.error()} />
        <Status message={withdrawing.result() && !me().proxyTo ? e().proxy.withdrawn : undefined} />
      </section>
      <Show when={canVote() && !props.receipt}>
        <GiveProxy election={props.election} ownHouseholdID={props.householdID} granting={granting} />
      </Show>
    </>
  );
}

/** A second ballot, for a household whose proxy the caller holds. */
function BehalfVote(props: { election: ElectionInfo; householdID: string; receipt?: string; onCast: (tracker: string) => void }) {
  const e = useElectionText();
  const casting = useActionForm(castBallot, ([, ballot]) => ballot.onBehalfOf === props.householdID);
  const name = useRollName(() => props.election.id);
  const heading = () => `behalf-${props.householdID}`;
  const usable = () => props.election.status === "open" && props.election.me.canVoteFor.includes(props.householdID);

  async function submit(ballot: BallotInput) {
    const result = await casting.submit(props.election.id, ballot);
    if (result) props.onCast(result.tracker);
    return result?.tracker;
  }

  return (
    <section class="card vote behalf" aria-labelledby={heading()}>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <h2 id={heading()} tabindex="-1">
            {e().ballot.onBehalf(name(props.householdID))}
          </h2>
          <Switch>
            <Match when={props.receipt}>
              {(tracker) => <Receipt tracker={tracker()} behalf={name(props.householdID)} />}
            </Match>
            <Match when={!usable()}>
              <p>{e().voted.behalfDone(name(props.householdID))}</p>
            </Match>
            <Match when={true}>
              <p>{e().ballot.onBehalfIntro(name(props.householdID))}</p>
              <Ballot
                election={props.election}
                behalf={{ id: props.householdID, name: name(props.householdID) }}
                pending={casting.pending()}
                submit={submit}
              />
            </Match>
          </Switch>
          <FormError error={casting.error()} />
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}

/** How many households voted, and how many by proxy; never what. For the board it keeps itself up to date. */
function Turnout(props: { election: ElectionInfo; live: boolean }) {
  const e = useElectionText();
  const { number } = useI18n();
  const format = useWorkdayFormat();
  const t = () => props.election.turnout;
  const [updated, setUpdated] = createSignal(new Date().toISOString());
  createEffect(on(() => props.election, () => setUpdated(new Date().toISOString()), { defer: true }));
  const refresh = () => reloadElection(props.election.id);
  if (props.live) {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, 30_000);
    onCleanup(() => clearInterval(timer));
  }
  return (
    <section class="card turnout" aria-labelledby="turnout">
      <h2 id="turnout">{e().turnout.title}</h2>
      <p>
        {e().turnout.voted(t().voted, t().eligible, number(percentOf(t().voted, t().eligible)), t().byProxy)}
      </p>
      <meter class="bar" min="0" max={Math.max(t().eligible, 1)} value={t().voted} aria-labelledby="turnout" />
      <p class="hint">{e().turnout.secret}</p>
      <Show when={props.live}>
        <div class="actions">
          <button type="button" class="secondary" onClick={() => void refresh()}>
            {e().turnout.refresh}
          </button>
        </div>
        <p class="hint">{e().turnout.refreshed(format.time(updated()))}</p>
      </Show>
    </section>
  );
}
