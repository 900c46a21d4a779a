import { createMemo, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { LoadError, Loading } from "../components/feedback";
import { DayItem } from "../components/workday-day";
import { WorkdayScreen } from "../components/workday-screen";
import { useWorkdayText } from "../i18n/workday";
import { getWorkdays, type WorkdayInfo } from "../lib/workday";
import { groupByWeek, useWorkdayFormat } from "../lib/workday-view";
import { canOrganiseWorkdays, canSignUp, getMe } from "../lib/person";
import { useHarvestFormat } from "../lib/harvest-view";

/** The coming work days by week and day, each with its places left and one-tap signing up. */
export default function Workdays() {
  const w = useWorkdayText();
  const me = createAsync(() => getMe());
  const days = createAsync(() => getWorkdays());
  return (
    <WorkdayScreen title={w().list.title}>
      <p class="lead">{w().list.intro}</p>
      <Show when={canOrganiseWorkdays(me())}>
        <p>
          <A class="button" href="/workdays/new">
            {w().list.new}
          </A>
        </p>
      </Show>
      <Show when={me() && !canSignUp(me()) && !canOrganiseWorkdays(me())}>
        <p class="notice info">{w().list.noHousehold}</p>
      </Show>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={days()}>
            {(list) => (
              <Show when={list().length} fallback={<p>{w().list.empty}</p>}>
                <Weeks days={list()} canSignUp={canSignUp(me())} />
              </Show>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </WorkdayScreen>
  );
}

/**
 * Weeks, dates and days are keyed by their names and IDs, not by objects:
 * when a day changes, only its own text changes, and the button that was
 * tapped keeps focus.
 */
function Weeks(props: { days: WorkdayInfo[]; canSignUp: boolean }) {
  const harvestFormat = useHarvestFormat();
  const format = useWorkdayFormat();
  const weeks = createMemo(() => groupByWeek(props.days));
  const byID = createMemo(() => new Map(props.days.map((d) => [d.id, d])));
  const datesOf = (week: string) => weeks().find((g) => g.week === week)?.dates ?? [];
  const idsOf = (week: string, date: string) =>
    datesOf(week)
      .find((d) => d.date === date)
      ?.days.map((d) => d.id) ?? [];
  return (
    <For each={weeks().map((g) => g.week)}>
      {(week) => (
        <section class="workday-week" aria-labelledby={`week-${week}`}>
          <h2 id={`week-${week}`}>{harvestFormat.week(week)}</h2>
          <For each={datesOf(week).map((d) => d.date)}>
            {(date) => (
              <>
                <h3 class="workday-date">{format.date(date)}</h3>
                <ul class="workday-list">
                  <For each={idsOf(week, date)}>
                    {(id) => (
                      <Show when={byID().get(id)}>
                        {(day) => <DayItem day={day()} canSignUp={props.canSignUp} level={4} />}
                      </Show>
                    )}
                  </For>
                </ul>
              </>
            )}
          </For>
        </section>
      )}
    </For>
  );
}
