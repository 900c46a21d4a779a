import { createMemo, createSignal, createUniqueId, For, Show, type JSX } from "solid-js";
import { A } from "@solidjs/router";
import { useI18n } from "../i18n";
import { useFarmerText } from "../i18n/farmer";
import type { HarvestOverview } from "../lib/harvest";
import { cropSummary } from "../lib/harvest-summary";
import { useHarvestFormat } from "../lib/harvest-view";
import { TableScroll } from "./data-table";
import { HouseholdTable } from "./harvest-split";
import "./harvest.css";

/*
 * The preview of a week's split as the farmer reads it on a phone: per crop
 * first, the 200 households folded away behind a search, and the actions
 * (publish, pick list, pickup) in a bar that stays in reach.
 */

/** Per crop: per mouth, smallest to largest household share, households with none, left over. */
export function CropSummary(props: { overview: HarvestOverview }) {
  const f = useFarmerText();
  const format = useHarvestFormat();
  const rows = createMemo(() => cropSummary(props.overview));
  const id = createUniqueId();
  return (
    <Show when={rows().length}>
      <TableScroll labelledby={id}>
        <table class="data-table crop-summary">
          <caption id={id}>{f().summary.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{f().summary.crop}</th>
              <th scope="col" class="num">{f().summary.perMouth}</th>
              <th scope="col" class="num">{f().summary.range}</th>
              <th scope="col" class="num">{f().summary.none}</th>
              <th scope="col" class="num">{f().summary.left}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(c) => {
                const amount = (quantity: number) => format.amount({ unit: c.unit, quantity });
                return (
                  <tr classList={{ "gets-none": c.none > 0 }}>
                    <th scope="row">{c.crop}</th>
                    <td class="num">{amount(c.perMouth)}</td>
                    <td class="num">{f().summary.rangeText(amount(c.min), amount(c.max))}</td>
                    <td class="num">{f().summary.noneCount(c.none)}</td>
                    <td class="num">{amount(c.left)}</td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </TableScroll>
    </Show>
  );
}

/** Every household's share, folded: opened on demand, and searched by name. */
export function HouseholdsFolded(props: { overview: HarvestOverview }) {
  const f = useFarmerText();
  const [search, setSearch] = createSignal("");
  const id = createUniqueId();
  const all = () => props.overview.allocations;
  const shown = createMemo(() => {
    const words = search().trim().toLowerCase();
    return words ? all().filter((a) => a.name.toLowerCase().includes(words)) : all();
  });
  return (
    <Show when={all().length}>
      <details class="households-folded">
        <summary>{f().households.show(all().length)}</summary>
        <div class="field">
          <label for={id}>{f().households.search}</label>
          <input id={id} type="search" autocomplete="off" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
        <p class="muted" role="status">
          {search().trim() ? f().households.found(shown().length, all().length) : ""}
        </p>
        <HouseholdTable overview={props.overview} rows={shown()} />
      </details>
    </Show>
  );
}

/** The bar that stays at the bottom of a phone's screen: publish (when due), the pick list, the pickup. */
export function SplitActions(props: { week: string; published: boolean; children?: JSX.Element }) {
  const f = useFarmerText();
  return (
    <div class="split-actions" role="group" aria-label={f().actions.label}>
      {props.children}
      <div class="split-links">
        <A class="button secondary" href={`/harvest/${props.week}/picklist`}>
          {f().actions.picklist}
        </A>
        <Show when={props.published}>
          <A class="button secondary" href={`/harvest/${props.week}/pickup`}>
            {f().actions.pickup}
          </A>
        </Show>
      </div>
    </div>
  );
}
