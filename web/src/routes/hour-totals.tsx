import { createMemo, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { A, createAsync, useSearchParams } from "@solidjs/router";
import { LoadError, Loading } from "../components/feedback";
import { WorkdayScreen } from "../components/workday-screen";
import { useI18n } from "../i18n";
import { useWorkdayText } from "../i18n/workday";
import { getHourTotals, type HourTotals, workdayApi } from "../lib/workday";
import { canSeeHourTotals, getMe } from "../lib/person";
import { currentSeason } from "../lib/week";
import NotFound from "./not-found";
import { seasonParam } from "./workday-routes";

/** For the board and the coordinators: a season's approved hours per household and per kind of work, and as CSV. */
export default function HourTotalsPage() {
  const w = useWorkdayText();
  const me = createAsync(() => getMe());
  const [params] = useSearchParams<{ season?: string }>();
  const season = () => seasonParam(params.season);
  const totals = createAsync(() => getHourTotals(season()));
  const now = currentSeason();
  const previous = () => String(Number(season()) - 1);
  const next = () => String(Number(season()) + 1);
  return (
    <Show when={me()}>
      <Show when={canSeeHourTotals(me())} fallback={<NotFound />}>
        <WorkdayScreen title={w().totals.title}>
          <nav class="week-picker" aria-label={w().totals.seasonPicker}>
            <p class="week-shown">{w().totals.season(season())}</p>
            <div class="week-steps">
              <A class="button secondary" href={`/hours/totals?season=${previous()}`}>
                <span aria-hidden="true">← </span>
                {w().totals.previous(previous())}
              </A>
              <Show when={season() < now}>
                <A class="button secondary" href={`/hours/totals?season=${next()}`}>
                  {w().totals.next(next())}
                  <span aria-hidden="true"> →</span>
                </A>
              </Show>
            </div>
          </nav>
          <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
            <Suspense fallback={<Loading />}>
              <Show when={totals()}>{(t) => <Totals totals={t()} />}</Show>
            </Suspense>
          </ErrorBoundary>
        </WorkdayScreen>
      </Show>
    </Show>
  );
}

function Totals(props: { totals: HourTotals }) {
  const w = useWorkdayText();
  const { number } = useI18n();
  const amount = (n: number) => w().count.hours(n, number(n));
  const helped = createMemo(() => props.totals.households.filter((h) => h.hours > 0).length);
  const households = createMemo(() =>
    [...props.totals.households].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })),
  );
  return (
    <>
      <dl class="totals">
        <div>
          <dt>{w().totals.total}</dt>
          <dd>{amount(props.totals.total)}</dd>
        </div>
        <div>
          <dt>{w().totals.helped}</dt>
          <dd>
            {number(helped())} / {number(props.totals.households.length)}
          </dd>
        </div>
      </dl>
      <p class="muted">
        {w().totals.approvedOnly} {w().totals.target(amount(props.totals.targetHours))}
      </p>
      <p>
        <a class="button secondary" href={workdayApi.hours.totalsCsv(props.totals.season)} download="">
          {w().totals.csv}
        </a>
      </p>
      <HoursTable
        caption={w().totals.perTask}
        name={w().totals.task}
        rows={props.totals.tasks.map((t) => ({ name: w().tasks[t.task], hours: t.hours }))}
      />
      <HoursTable caption={w().totals.perHousehold} name={w().totals.household} rows={households()} />
    </>
  );
}

/** Hours per task or per household: a row each, named in its first column. */
function HoursTable(props: { caption: string; name: string; rows: { name: string; hours: number }[] }) {
  const w = useWorkdayText();
  const { number } = useI18n();
  return (
    <table class="data-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.name}</th>
          <th scope="col" class="num">
            {w().totals.hours}
          </th>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <tr>
              <th scope="row">{row.name}</th>
              <td class="num">{number(row.hours)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
