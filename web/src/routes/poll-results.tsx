import { For, Show } from "solid-js";
import { A, createAsync, useParams } from "@solidjs/router";
import { DataTable } from "../components/data-table";
import { Loads } from "../components/feedback";
import { PollsOnly } from "../components/poll-screen";
import { useI18n } from "../i18n";
import { usePollText } from "../i18n/poll";
import { canRunPolls, getPollAnswers, getPollResults, type HouseholdAnswer, type PollInfo, type PollResults } from "../lib/poll";
import { useWorkdayFormat } from "../lib/workday-view";


type Row = PollResults["options"][number];

/**
 * A poll's results at a glance: a bar per crop, date or option with its
 * value in words (plain HTML and CSS, read out as text), the comments
 * without names, and for the board and the farmer each household's answer.
 */
export default function PollResultsPage() {
  const p = usePollText();
  const params = useParams();
  const results = createAsync(() => getPollResults(params.id!));
  return (
    <PollsOnly title={results() ? p().results.title(results()!.poll.title) : p().list.results}>
      {(me) => (
        <Show when={results()}>
          {(r) => (
            <>
              <p class="lead">{p().results.answered(r().answered)}</p>
              <section aria-labelledby="poll-chart">
                <h2 id="poll-chart">{p().results.chart}</h2>
                <ul class="poll-bars">
                  <For each={r().options}>{(row) => <Bar poll={r().poll} row={row} answered={r().answered} />}</For>
                </ul>
              </section>
              <Show when={r().poll.kind === "rating" || r().comments.length}>
                <section aria-labelledby="poll-comments">
                  <h2 id="poll-comments">{p().results.comments}</h2>
                  <Show when={r().comments.length} fallback={<p>{p().results.noComments}</p>}>
                    <ul class="poll-comments">
                      <For each={r().comments}>{(c) => <li>{c}</li>}</For>
                    </ul>
                  </Show>
                </section>
              </Show>
              <Show when={canRunPolls(me)}>
                <PerHousehold poll={r().poll} />
              </Show>
              <p>
                <A href={`/polls/${r().poll.id}`}>{p().results.back}</A>
              </p>
            </>
          )}
        </Show>
      )}
    </PollsOnly>
  );
}

function Bar(props: { poll: PollInfo; row: Row; answered: number }) {
  const p = usePollText();
  const { number } = useI18n();
  const format = useWorkdayFormat();
  const label = () => (props.row.date ? [format.date(props.row.date), props.row.label].filter(Boolean).join(", ") : props.row.label);
  const pct = (n: number, of: number) => (of > 0 ? (n / of) * 100 : 0);
  const value = () => {
    const r = props.row;
    if (props.poll.kind === "rating") return r.average == null ? p().results.notRated : p().results.average(number(r.average), r.count);
    if (props.poll.kind === "dates") return p().results.yesMaybeNo(r.count, r.maybe ?? 0, r.no ?? 0);
    return p().results.chosen(r.count, `${number(Math.round(pct(r.count, props.answered)))}%`);
  };
  // the bar shows the value; its text says the same, so the bar itself is hidden from screen readers
  const fills = () => {
    const r = props.row;
    if (props.poll.kind === "rating") return [{ width: pct(r.average ?? 0, 5), maybe: false }];
    if (props.poll.kind === "dates")
      return [
        { width: pct(r.count, props.answered), maybe: false },
        { width: pct(r.maybe ?? 0, props.answered), maybe: true },
      ];
    return [{ width: pct(r.count, props.answered), maybe: false }];
  };
  return (
    <li>
      <div class="poll-bar-head">
        <span class="poll-bar-label">{label()}</span>
        <span class="poll-bar-value">{value()}</span>
      </div>
      <div class="poll-track" aria-hidden="true">
        <For each={fills()}>{(f) => <div class="poll-fill" classList={{ maybe: f.maybe }} style={{ width: `${f.width}%` }} />}</For>
      </div>
      <Show when={props.poll.kind === "rating" && props.row.count > 0}>
        <p class="poll-spread">
          {p().results.spread}: {(props.row.distribution ?? []).map((n, i) => p().results.spreadItem(i + 1, n)).join(" · ")}
        </p>
      </Show>
    </li>
  );
}

function PerHousehold(props: { poll: PollInfo }) {
  const p = usePollText();
  const answers = createAsync(() => getPollAnswers(props.poll.id));
  const optionLabel = (id: string) => props.poll.options.find((o) => o.id === id)?.date ?? props.poll.options.find((o) => o.id === id)?.label ?? id;
  const text = (a: HouseholdAnswer) => {
    if (a.ratings) return a.ratings.map((r) => `${optionLabel(r.option)} ${r.stars}`).join(", ");
    if (a.dates) return a.dates.map((d) => `${optionLabel(d.option)} ${p().answer[d.answer]}`).join(", ");
    return a.choice ? optionLabel(a.choice) : "";
  };
  return (
    <section aria-labelledby="poll-households">
      <h2 id="poll-households">{p().results.perHousehold}</h2>
      <p class="hint">{p().results.perHouseholdHint}</p>
      <Loads>
        <Show when={answers()}>
          {(list) => (
            <Show when={list().length} fallback={<p>{p().results.noAnswers}</p>}>
              <DataTable
                labelledby="poll-households"
                rows={list()}
                columns={[
                  { label: p().results.household, head: true, cell: (a) => a.name },
                  { label: p().results.answer, cell: text },
                  { label: p().results.comment, cell: (a) => a.comment ?? "" },
                ]}
              />
            </Show>
          )}
        </Show>
      </Loads>
    </section>
  );
}
