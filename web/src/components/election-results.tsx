import { createMemo, createSignal, createUniqueId, ErrorBoundary, For, Match, Show, Suspense, Switch } from "solid-js";
import { createAsync } from "@solidjs/router";
import { useI18n } from "../i18n";
import { useElectionText } from "../i18n/election";
import {
  type CountedBallot,
  type ElectionInfo,
  type ElectionResults,
  getElectionResults,
  getElectionTrackers,
  type MotionVote,
  percentOf,
  trackerKey,
} from "../lib/election";
import { useWorkdayFormat } from "../lib/workday-view";
import { LoadError, Loading } from "./feedback";

/** After closing: the outcome in words, the counts as bars with their numbers, and the same as a table. */
export function Results(props: { election: ElectionInfo }) {
  const e = useElectionText();
  const results = createAsync(() => getElectionResults(props.election.id));
  return (
    <section class="card results" aria-labelledby="results">
      <h2 id="results">{e().results.title}</h2>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={results()}>{(r) => <Outcome election={props.election} results={r()} />}</Show>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}

function Outcome(props: { election: ElectionInfo; results: ElectionResults }) {
  const e = useElectionText();
  const { number, locale } = useI18n();
  const format = useWorkdayFormat();
  const r = () => props.results;
  const board = () => props.election.kind === "board";
  const nameOf = (option: string) =>
    board() ? (r().tally.find((t) => t.option === option)?.name ?? option) : e().vote[option as MotionVote];
  const votesFor = (option: string) => r().tally.find((t) => t.option === option)?.votes ?? 0;
  const quorum = () => r().quorumPercent;
  const hasQuorum = () => (quorum() ?? 0) > 0;
  const openSeats = () => (props.election.seats ?? 1) - r().winners.length;
  const list = (names: string[]) =>
    new Intl.ListFormat(locale(), { type: "conjunction" }).format(names);

  // A missed quorum leads: whatever the counts say, the vote decided nothing.
  const invalid = () => hasQuorum() && !r().quorumMet;

  return (
    <>
      <Switch>
        <Match when={invalid()}>
          <div class="outcome">
            <p class="outcome-title">{e().results.noValid}</p>
            <p>{board() ? e().results.quorumMissed : e().results.notCarriedQuorum}</p>
          </div>
        </Match>
        <Match when={board()}>
          <div class="outcome">
            <p class="outcome-title">{e().results.elected}</p>
            <Show when={r().winners.length} fallback={<p>{e().results.nobodyElected}</p>}>
              <ul class="winners">
                <For each={r().winners}>{(w) => <li>{nameOf(w)}</li>}</For>
              </ul>
            </Show>
            <Show when={r().tied.length}>
              <p class="notice warning">{e().results.tie(list(r().tied.map(nameOf)), openSeats())}</p>
            </Show>
          </div>
        </Match>
        <Match when={!board()}>
          <div class="outcome" classList={{ carried: r().passed }}>
            <p class="outcome-title">{r().passed ? e().results.carried : e().results.notCarried}</p>
            <p>
              {r().passed
                ? e().results.carriedWhy(votesFor("yes"), votesFor("no"))
                : e().results.notCarriedMajority(votesFor("yes"), votesFor("no"))}
            </p>
            <p class="hint">{e().majority[props.election.majority ?? "simple"]}</p>
            <p class="hint">{e().results.abstainNote}</p>
          </div>
        </Match>
      </Switch>
      <dl class="totals result-totals">
        <div>
          <dt>{e().results.closedAt}</dt>
          <dd>{format.start(props.election.closesAt)}</dd>
        </div>
        <div>
          <dt>{e().results.turnout}</dt>
          <dd>{e().results.turnoutValue(r().voted, r().eligible, number(r().turnoutPercent))}</dd>
        </div>
        <div>
          <dt>{e().results.quorum}</dt>
          <dd>
            {hasQuorum()
              ? r().quorumMet
                ? e().results.quorumMet(number(quorum()!))
                : e().results.quorumNotMet(number(quorum()!))
              : e().results.noQuorum}
          </dd>
        </div>
      </dl>
      <Chart election={props.election} results={r()} nameOf={nameOf} />
    </>
  );
}

/**
 * The counts as bars. The bars are `<meter>`s, drawn by the browser and
 * styled in the stylesheet (no inline styles under the CSP); each carries
 * its number in text beside it, and the table below says the same for
 * anyone who prefers rows and columns.
 */
function Chart(props: { election: ElectionInfo; results: ElectionResults; nameOf: (option: string) => string }) {
  const e = useElectionText();
  const { number } = useI18n();
  const id = createUniqueId();
  const board = () => props.election.kind === "board";
  const max = () => Math.max(props.results.voted, 1);
  const share = (votes: number) => number(percentOf(votes, props.results.voted));
  const badge = (option: string) => {
    if (props.results.winners.includes(option) && board()) return e().results.elected;
    if (props.results.tied.includes(option)) return e().results.tied;
    return undefined;
  };
  return (
    <>
      <figure class="chart" aria-labelledby={`${id}-caption`}>
        <figcaption id={`${id}-caption`}>
          <strong>{board() ? e().results.chart : e().results.chartMotion}</strong>
          <span class="hint">{e().results.chartNote(props.results.voted)}</span>
        </figcaption>
        <ol class="bars">
          <For each={props.results.tally}>
            {(row) => (
              <li classList={{ won: props.results.winners.includes(row.option) }}>
                <span class="bar-label">
                  {props.nameOf(row.option)}
                  <Show when={badge(row.option)}>
                    {(text) => <span class="badge">{text()}</span>}
                  </Show>
                </span>
                <meter class="bar" min="0" max={max()} value={row.votes} aria-hidden="true" />
                <span class="bar-value">{e().results.value(e().count.votes(row.votes), share(row.votes))}</span>
              </li>
            )}
          </For>
        </ol>
      </figure>
      <details class="disclosure">
        <summary>{e().results.table}</summary>
        <table class="data-table">
          <caption class="sr-only">{board() ? e().results.chart : e().results.chartMotion}</caption>
          <thead>
            <tr>
              <th scope="col">{board() ? e().results.candidate : e().results.option}</th>
              <th scope="col" class="num">
                {e().results.votes}
              </th>
              <th scope="col" class="num">
                {e().results.share}
              </th>
              <th scope="col">{e().results.outcome}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.results.tally}>
              {(row) => (
                <tr>
                  <th scope="row">{props.nameOf(row.option)}</th>
                  <td class="num">{number(row.votes)}</td>
                  <td class="num">{e().count.percent(share(row.votes))}</td>
                  <td>{badge(row.option) ?? ""}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </>
  );
}

/** How many rows the list shows before searching; a farm of 200 households sees them all. */
const rowsAtOnce = 500;

/**
 * Every counted ballot, tracker and contents, and a search box that finds
 * one's own tracker however it was written down, and marks it.
 */
export function Trackers(props: { election: ElectionInfo }) {
  const e = useElectionText();
  const ballots = createAsync(() => getElectionTrackers(props.election.id));
  return (
    <section class="card trackers" aria-labelledby="trackers">
      <h2 id="trackers">{e().trackers.title}</h2>
      <p>{e().trackers.intro}</p>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={ballots()}>{(list) => <TrackerList election={props.election} ballots={list()} />}</Show>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}

function TrackerList(props: { election: ElectionInfo; ballots: CountedBallot[] }) {
  const e = useElectionText();
  const id = createUniqueId();
  const [search, setSearch] = createSignal("");
  const keyed = createMemo(() => props.ballots.map((b) => ({ ...b, key: trackerKey(b.tracker) })));
  const wanted = () => trackerKey(search());
  const exact = createMemo(() => (wanted() ? keyed().find((b) => b.key === wanted()) : undefined));
  const rows = createMemo(() => {
    const w = wanted();
    return w ? keyed().filter((b) => b.key.includes(w)) : keyed();
  });
  const shown = () => rows().slice(0, rowsAtOnce);
  const names = createMemo(() => new Map(props.election.candidates.map((c) => [c.id, c.name])));
  const contents = (choices: string[]) => {
    if (props.election.kind === "motion") return choices.map((c) => e().vote[c as MotionVote] ?? c).join(", ");
    return choices.length ? choices.map((c) => names().get(c) ?? c).join(", ") : e().trackers.blank;
  };
  // A whole code is 12 characters; only then can "not in the list" be said.
  const complete = () => wanted().length >= 12;

  return (
    <Show when={props.ballots.length} fallback={<p>{e().trackers.none}</p>}>
      <div class="field search">
        <label for={`${id}-search`}>{e().trackers.search}</label>
        <p class="hint" id={`${id}-hint`}>
          {e().trackers.searchHint}
        </p>
        <input
          id={`${id}-search`}
          type="search"
          class="tracker-search"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          aria-describedby={`${id}-hint`}
          value={search()}
          onInput={(ev) => setSearch(ev.currentTarget.value)}
        />
      </div>
      <div role="status" class="status-region">
        <Show when={exact()}>
          {(b) => (
            <div class="notice success">
              <p>
                {e().trackers.found} <strong>{contents(b().choices)}</strong>
              </p>
            </div>
          )}
        </Show>
        <Show when={!exact() && complete()}>
          <p class="notice warning">{e().trackers.notFound}</p>
        </Show>
        <Show when={!exact() && !complete() && wanted()}>
          <p class="muted">{e().trackers.partial(rows().length)}</p>
        </Show>
      </div>
      <Show when={rows().length > shown().length}>
        <p class="hint">{e().trackers.shownFirst(shown().length, rows().length)}</p>
      </Show>
      <table class="data-table tracker-table">
        <caption>{e().trackers.caption(props.ballots.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{e().trackers.code}</th>
            <th scope="col">{e().trackers.choices}</th>
          </tr>
        </thead>
        <tbody>
          <For each={shown()}>
            {(b) => (
              <tr classList={{ match: b === exact() }} aria-current={b === exact() ? "true" : undefined}>
                <th scope="row" class="tracker-code">
                  <Show when={b === exact()} fallback={b.tracker}>
                    <mark>{b.tracker}</mark>
                  </Show>
                </th>
                <td>{contents(b.choices)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}
