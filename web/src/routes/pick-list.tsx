import { Show } from "solid-js";
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { Loads } from "../components/feedback";
import { CropTable } from "../components/harvest-split";
import { PickGrid } from "../components/pick-grid";
import { Page } from "../components/page";
import { useI18n } from "../i18n";
import { getHarvest } from "../lib/harvest";
import { useHarvestFormat } from "../lib/harvest-view";
import { isWeek, weekLabel } from "../lib/week";
import NotFound from "./not-found";

/** The week on paper, for the people packing the shares: per crop, then a grid of households × crops (landscape A4). */
export default function PickList(props: RouteSectionProps) {
  const { t, locale } = useI18n();
  const format = useHarvestFormat();
  const week = () => props.params.week ?? "";
  const overview = createAsync(() => getHarvest(week()));
  return (
    <Show when={isWeek(week())} fallback={<NotFound />}>
      <Page title={t().picklist.title} heading={t().picklist.heading(weekLabel(week(), locale()))}>
        <p class="no-print">
          <A href={`/harvest/${week()}`}>{t().picklist.back(weekLabel(week(), locale()))}</A>
        </p>
        <p class="muted">{format.week(week())}</p>
        <Loads>
          <Show when={overview() !== undefined}>
            <Show when={overview()} fallback={<p>{t().entry.empty(weekLabel(week(), locale()))}</p>}>
              {(o) => (
                <>
                  <Show when={o().status === "draft"}>
                    <p class="notice info">{t().picklist.draft}</p>
                  </Show>
                  <Show when={o().dirty}>
                    <p class="notice warning">{t().picklist.dirty}</p>
                  </Show>
                  <div class="actions no-print">
                    <button type="button" class="primary" onClick={() => window.print()}>
                      {t().picklist.print}
                    </button>
                  </div>
                  <div class="pick-list-page">
                    <CropTable overview={o()} />
                    <PickGrid overview={o()} />
                  </div>
                </>
              )}
            </Show>
          </Show>
        </Loads>
      </Page>
    </Show>
  );
}
