import { For, Show } from "solid-js";
import { useI18n } from "../i18n";
import { useFarmerText } from "../i18n/farmer";
import type { HarvestOverview } from "../lib/harvest";
import { cropKey, cropTotals } from "../lib/harvest-view";
import { HouseholdName, TableScroll } from "./data-table";
import "./harvest.css";

/*
 * The pick list as a grid: a row per household, a column per crop, the
 * totals below, and a box to tick on paper. 200 households fit on a few
 * landscape A4 pages, where a block per household took about thirty.
 */

type Allocation = HarvestOverview["allocations"][number];

/** Herenburen: the household that collects this share for its own, when another does (set by the handover). */
export function collector(a: Allocation): string | undefined {
  return (a as { collectedBy?: { name: string } | null }).collectedBy?.name;
}

export function PickGrid(props: { overview: HarvestOverview }) {
  const { t, number } = useI18n();
  const f = useFarmerText();
  const crops = () => cropTotals(props.overview);
  const handovers = () => props.overview.allocations.some((a) => collector(a));
  const amount = (a: Allocation, key: string) => {
    const q = a.lines.filter((l) => cropKey(l) === key).reduce((n, l) => n + l.quantity, 0);
    return q ? number(Math.round(q * 1000) / 1000) : "";
  };
  return (
    <Show when={props.overview.allocations.length} fallback={<p>{t().overview.noHouseholds}</p>}>
      <TableScroll label={f().grid.caption}>
        <table class="data-table pick-grid">
          <caption>{f().grid.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{f().grid.household}</th>
              <th scope="col" class="num">
                {f().grid.mouths}
              </th>
              <For each={crops()}>
                {(c) => (
                  <th scope="col" class="num">
                    {c.crop} <span class="meta">({t().units[c.unit]})</span>
                  </th>
                )}
              </For>
              <Show when={handovers()}>
                <th scope="col">{f().grid.handover}</th>
              </Show>
              <th scope="col" class="tick">
                {f().grid.done}
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.overview.allocations}>
              {(a) => (
                <tr>
                  <th scope="row">
                    <HouseholdName name={a.name} vegetarian={a.vegetarian} vegetarianLabel={t().overview.vegetarian} />
                  </th>
                  <td class="num">{number(a.mouths)}</td>
                  <For each={crops()}>{(c) => <td class="num">{amount(a, cropKey(c))}</td>}</For>
                  <Show when={handovers()}>
                    <td>{collector(a) ?? ""}</td>
                  </Show>
                  <td class="tick" />
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{f().grid.total}</th>
              <td class="num">{number(props.overview.mouths)}</td>
              <For each={crops()}>{(c) => <td class="num">{number(c.handedOut)}</td>}</For>
              <Show when={handovers()}>
                <td />
              </Show>
              <td />
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </Show>
  );
}
