import { createMemo, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { A, action, createAsync } from "@solidjs/router";
import { FormError, LoadError, Loading, Status } from "../components/feedback";
import { AskFirst } from "../components/ask-first";
import { DayItem } from "../components/workday-day";
import { WorkdayScreen } from "../components/workday-screen";
import { useWorkdayText } from "../i18n/workday";
import { getCalendarLink, getMyWorkdays, workdayApi, type WorkdayInfo } from "../lib/workday";
import { settle } from "../lib/api";
import { useActionForm } from "../lib/form";
import { useCopy } from "../lib/copy";

const renewCalendar = action(
  async () => settle(getCalendarLink.keyFor(), await workdayApi.calendar.renew()),
  "renew-calendar",
);

/** The days the member signed up for, coming and past, and the link that puts them in a phone's calendar. */
export default function MyWorkdays() {
  const w = useWorkdayText();
  const days = createAsync(() => getMyWorkdays());
  return (
    <WorkdayScreen title={w().mine.title}>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={days()}>{(list) => <Days days={list()} />}</Show>
        </Suspense>
      </ErrorBoundary>
      <CalendarLink />
    </WorkdayScreen>
  );
}

function Days(props: { days: WorkdayInfo[] }) {
  const w = useWorkdayText();
  const byID = createMemo(() => new Map(props.days.map((d) => [d.id, d])));
  // Keyed by ID, so signing off here changes the item's text and keeps focus on its button.
  const coming = () => props.days.filter((d) => Date.parse(d.end) > Date.now()).map((d) => d.id);
  const past = () =>
    props.days
      .filter((d) => Date.parse(d.end) <= Date.now())
      .reverse()
      .map((d) => d.id);
  const item = (id: string) => (
    <Show when={byID().get(id)}>{(day) => <DayItem day={day()} canSignUp level={3} withDate />}</Show>
  );
  return (
    <>
      <section aria-labelledby="coming">
        <h2 id="coming">{w().mine.coming}</h2>
        <Show
          when={coming().length}
          fallback={
            <>
              <p>{w().mine.none}</p>
              <p>
                <A class="button" href="/workdays">
                  {w().mine.find}
                </A>
              </p>
            </>
          }
        >
          <ul class="workday-list">
            <For each={coming()}>{item}</For>
          </ul>
        </Show>
      </section>
      <Show when={past().length}>
        <section aria-labelledby="past">
          <h2 id="past">{w().mine.past}</h2>
          <ul class="workday-list past">
            <For each={past()}>{item}</For>
          </ul>
        </section>
      </Show>
    </>
  );
}

/**
 * The secret calendar link: copy it, open it in the phone's calendar, or
 * renew it when it got into the wrong hands (after a confirmation, as the
 * old link stops working).
 */
function CalendarLink() {
  const w = useWorkdayText();
  const url = createAsync(() => getCalendarLink());
  const renewing = useActionForm(renewCalendar);
  const { copied, setCopied, copy } = useCopy();
  const renewed = () => (renewing.result() ? w().calendar.renewed : undefined);
  let input: HTMLInputElement | undefined;

  return (
    <section class="card calendar" aria-labelledby="calendar">
      <h2 id="calendar">{w().calendar.title}</h2>
      <p>{w().calendar.intro}</p>
      <p class="hint">{w().calendar.secret}</p>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={url()}>
            {(link) => (
              <>
                <div class="field">
                  <label for="calendar-link">{w().calendar.link}</label>
                  <input
                    ref={input}
                    id="calendar-link"
                    type="text"
                    readOnly
                    value={link()}
                    onFocus={(e) => e.currentTarget.select()}
                  />
                </div>
                <div class="actions">
                  <button type="button" class="primary" onClick={() => void copy(url() ?? "", input)}>
                    {w().calendar.copy}
                  </button>
                  <a class="button secondary" href={link().replace(/^https?:/, "webcal:")} rel="external">
                    {w().calendar.subscribe}
                  </a>
                </div>
                <Status message={copied() === "yes" ? w().calendar.copied : renewed()} />
                <div role="alert" class="alert-region">
                  <Show when={copied() === "no"}>
                    <p class="notice error">{w().calendar.copyFailed}</p>
                  </Show>
                </div>
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
      <h3>{w().calendar.renew}</h3>
      <p>{w().calendar.renewIntro}</p>
      <AskFirst
        label={w().calendar.renew}
        question={w().calendar.renewConfirm}
        yes={w().calendar.renewYes}
        no={w().calendar.renewNo}
        pendingLabel={w().calendar.renewing}
        pending={renewing.pending()}
        onAsk={() => {
          renewing.clear();
          setCopied(undefined);
        }}
        onYes={() => renewing.submit()}
        focusAfter={() => input}
      />
      <FormError error={renewing.error()} />
    </section>
  );
}
