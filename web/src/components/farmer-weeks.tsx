import { ErrorBoundary, Show, Suspense } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { useI18n } from "../i18n";
import { getHarvestStanding } from "../lib/harvest";
import { addWeeks, currentWeek, weekLabel } from "../lib/week";
import { LoadError, Loading } from "./feedback";

/**
 * For the farmer's card on the home screen: where this week's and next
 * week's harvest stand (not entered, draft, published, changed since), and
 * how many households take part, which is what decides how much to pick.
 */
export default function FarmerWeeks() {
  const { t, locale } = useI18n();
  const week = currentWeek();
  const next = addWeeks(week, 1);
  return (
    <ul class="link-list">
      <FarmerWeek week={week} label={t().home.harvestThisWeek(weekLabel(week, locale()))} />
      <FarmerWeek week={next} label={t().home.harvestNextWeek(weekLabel(next, locale()))} />
    </ul>
  );
}

function FarmerWeek(props: { week: string; label: string }) {
  const { t } = useI18n();
  const harvest = createAsync(() => getHarvestStanding(props.week));
  const state = () => {
    const h = harvest();
    if (!h) return "";
    if (h.status === "none") return t().home.harvestNone(h.participants, h.optedOut);
    if (h.status === "draft") return t().home.harvestDraft(h.participants, h.optedOut);
    if (h.dirty) return t().home.harvestDirty;
    return t().home.harvestPublished(h.participants, h.optedOut);
  };
  return (
    <li>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <A href={`/harvest/${props.week}`}>
            <span class="link-title">{props.label}</span>
            <Show when={harvest() !== undefined}>
              <span class="meta">{state()}</span>
            </Show>
          </A>
        </Suspense>
      </ErrorBoundary>
    </li>
  );
}
