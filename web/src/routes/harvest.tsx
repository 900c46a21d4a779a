import { ErrorBoundary, For, Show, Suspense } from "solid-js";
import { createAsync } from "@solidjs/router";
import { LoadError, Loading } from "../components/feedback";
import { FarmerNote, Lines, WeekShare } from "../components/harvest-share";
import { Page } from "../components/page";
import { useI18n } from "../i18n";
import { getHarvests, type PublishedHarvest } from "../lib/harvest";
import { useHarvestFormat } from "../lib/harvest-view";
import { getMe, hasHarvestShare } from "../lib/person";
import NotFound from "./not-found";
import { addWeeks, currentWeek, weekLabel } from "../lib/week";

/** A member's harvest: this week and next (with opting out), and what the household got in earlier weeks. */
export default function HarvestPage() {
  const { t, locale } = useI18n();
  const week = currentWeek();
  const next = addWeeks(week, 1);
  const me = createAsync(() => getMe());
  // the farmer and the board enter and read the weeks at /harvest/{week}; a share is a member household's
  return (
    <Show when={me()}>
      <Show when={hasHarvestShare(me())} fallback={<NotFound />}>
        <Page title={t().harvest.title}>
          <div class="cards">
            <WeekShare week={week} title={t().share.thisWeek(weekLabel(week, locale()))} />
            <WeekShare week={next} title={t().share.nextWeek(weekLabel(next, locale()))} />
          </div>
          <PastWeeks before={week} />
        </Page>
      </Show>
    </Show>
  );
}

function PastWeeks(props: { before: string }) {
  const { t } = useI18n();
  const harvests = createAsync(() => getHarvests());
  // ISO week strings sort in time order.
  const past = () => (harvests() ?? []).filter((h) => h.week < props.before);
  return (
    <section aria-labelledby="past-heading">
      <h2 id="past-heading">{t().harvest.past}</h2>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={harvests()}>
            <Show when={past().length} fallback={<p>{t().harvest.noPast}</p>}>
              <ul class="past-weeks">
                <For each={past()}>{(h) => <PastWeek harvest={h} />}</For>
              </ul>
            </Show>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}

function PastWeek(props: { harvest: PublishedHarvest }) {
  const { t } = useI18n();
  const format = useHarvestFormat();
  return (
    <li class="card">
      <h3>{format.week(props.harvest.week)}</h3>
      <Show when={props.harvest.changed}>
        <p class="muted">{t().harvest.changed}</p>
      </Show>
      <Show when={props.harvest.lines?.length} fallback={<p class="muted">{t().harvest.noShare}</p>}>
        <Lines lines={props.harvest.lines ?? []} label={t().share.lines} />
      </Show>
      <Show when={props.harvest.note}>{(note) => <FarmerNote note={note()} />}</Show>
    </li>
  );
}
