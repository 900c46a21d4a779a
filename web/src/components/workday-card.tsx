import { createMemo, ErrorBoundary, Show, Suspense } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { useWorkdayText, WorkdayMessages } from "../i18n/workday";
import { getWorkdays, type WorkdayInfo } from "../lib/workday";
import { isOpen, needsHelp, nextOwn, useWorkdayFormat } from "../lib/workday-view";
import { LoadError, Loading } from "./feedback";
import { SignupControls, spots, useShownDay } from "./workday-day";

/**
 * For the home screen: the member's next work day, or else the first day
 * that still needs hands, with signing up right there.
 */
export default function WorkdayCard() {
  return (
    <WorkdayMessages>
      <Card />
    </WorkdayMessages>
  );
}

function Card() {
  const w = useWorkdayText();
  const days = createAsync(() => getWorkdays());
  return (
    <section class="card" aria-labelledby="workday-card">
      <h2 id="workday-card">{w().card.title}</h2>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={days()}>{(list) => <Pick days={list()} />}</Show>
        </Suspense>
      </ErrorBoundary>
      <p>
        <A href="/workdays">{w().card.all}</A>
      </p>
    </section>
  );
}

function Pick(props: { days: WorkdayInfo[] }) {
  const w = useWorkdayText();
  // The day stays while it is open, so signing up or off here does not swap it for another under the finger.
  const picked = createMemo<string | undefined>((previous) => {
    if (previous && props.days.some((d) => d.id === previous && isOpen(d))) return previous;
    return (nextOwn(props.days) ?? needsHelp(props.days))?.id;
  });
  const day = () => props.days.find((d) => d.id === picked());
  return (
    <Show when={day()} fallback={<p>{w().card.none}</p>}>
      {(d) => <CardDay day={d()} />}
    </Show>
  );
}

function CardDay(props: { day: WorkdayInfo }) {
  const w = useWorkdayText();
  const format = useWorkdayFormat();
  const d = useShownDay(() => props.day);
  return (
    <>
      <p class="card-label">{d().mine ? w().card.next : w().card.help}</p>
      <p class="card-title">
        <A href={`/workdays/${d().id}`}>{d().title}</A>
      </p>
      <p class="workday-meta">
        {w().day.meta([w().tasks[d().task], format.when(d()), d().location ?? ""].filter(Boolean))}
      </p>
      <Show when={!d().mine}>
        <p class="spots">{spots(w(), d())}</p>
      </Show>
      <SignupControls day={props.day} />
    </>
  );
}
