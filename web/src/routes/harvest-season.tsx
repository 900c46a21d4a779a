import { createUniqueId, Show } from "solid-js";
import { createAsync } from "@solidjs/router";
import { DataTable } from "../components/data-table";
import { Loads } from "../components/feedback";
import { Page } from "../components/page";
import { useI18n } from "../i18n";
import { usePlanText } from "../i18n/plan";
import { getMySeason, type SeasonInfo } from "../lib/harvest-plan";
import { useHarvestFormat } from "../lib/harvest-view";
import { currentSeason } from "../lib/week";


/** "Mijn oogst dit seizoen": per crop what the household received, its exact share and the farm's per mouth. */
export default function HarvestSeasonPage() {
  const p = usePlanText();
  return (
    <Page title={p().season.title}>
      <Loads>
        <Season year={currentSeason()} />
      </Loads>
    </Page>
  );
}

function Season(props: { year: string }) {
  const p = usePlanText();
  const { number } = useI18n();
  const format = useHarvestFormat();
  const season = createAsync(() => getMySeason(props.year));
  const id = createUniqueId();
  // exact shares run to thousandths; a tenth is plenty to compare
  const amount = (unit: SeasonInfo["crops"][number]["unit"], quantity: number) =>
    format.amount({ unit, quantity: Math.round(quantity * 10) / 10 });
  const perMouth = (n: number) => number(Math.round(n * 100) / 100);
  return (
    <Show when={season()}>
      {(s) => (
        <section class="card" aria-labelledby={id}>
          <h2 id={id}>{p().season.caption(props.year)}</h2>
          <p class="lead">{p().season.intro(s().weeksTaken, s().weeks)}</p>
          <p>{p().season.fair}</p>
          <Show when={s().crops.length} fallback={<p>{p().season.none}</p>}>
            <DataTable
              labelledby={id}
              rows={s().crops}
              columns={[
                { label: p().season.crop, head: true, cell: (c) => c.crop },
                { label: p().season.received, num: true, cell: (c) => amount(c.unit, c.received) },
                { label: p().season.exact, num: true, cell: (c) => amount(c.unit, c.exact) },
                {
                  label: p().season.perMouth,
                  num: true,
                  cell: (c) => `${perMouth(c.receivedPerMouth)} / ${perMouth(c.perMouth)}`,
                },
              ]}
            />
          </Show>
        </section>
      )}
    </Show>
  );
}
