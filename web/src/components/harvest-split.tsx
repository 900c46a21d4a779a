import { For, Show } from "solid-js";
import { useI18n } from "../i18n";
import { cropTotals, useHarvestFormat } from "../lib/harvest-view";
import type { HarvestOverview } from "../lib/harvest";
import { HouseholdName } from "./data-table";

/*
 * The split of a week as the farmer and the board see it: on the screen
 * and on the printed pick list.
 */

/** Households taking part, their mouths, and how many opted out. */
export function SplitTotals(props: { overview: HarvestOverview }) {
  const { t, number } = useI18n();
  return (
    <dl class="totals">
      <div>
        <dt>{t().overview.participants}</dt>
        <dd>{number(props.overview.participants)}</dd>
      </div>
      <div>
        <dt>{t().overview.mouths}</dt>
        <dd>{number(props.overview.mouths)}</dd>
      </div>
      <div>
        <dt>{t().overview.optedOut}</dt>
        <dd>{number(props.overview.optedOut)}</dd>
      </div>
    </dl>
  );
}

/** One row per household: name, mouths and its lines; `rows` when only some are shown (a search). */
export function HouseholdTable(props: { overview: HarvestOverview; rows?: HarvestOverview["allocations"] }) {
  const { t, number } = useI18n();
  const format = useHarvestFormat();
  const rows = () => props.rows ?? props.overview.allocations;
  return (
    <Show when={props.overview.allocations.length} fallback={<p>{t().overview.noHouseholds}</p>}>
      <table class="data-table households-table">
        <caption>{t().overview.perHousehold}</caption>
        <thead>
          <tr>
            <th scope="col">{t().overview.household}</th>
            <th scope="col" class="num">
              {t().overview.mouths}
            </th>
            <th scope="col">{t().overview.share}</th>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(a) => (
              <tr>
                <th scope="row">
                  <HouseholdName name={a.name} vegetarian={a.vegetarian} vegetarianLabel={t().overview.vegetarian} />
                </th>
                <td class="num">{number(a.mouths)}</td>
                <td>
                  <Show when={a.lines.length} fallback={<span class="muted">{t().overview.nothing}</span>}>
                    <ul class="cell-lines">
                      <For each={a.lines}>{(line) => <li>{format.line(line)}</li>}</For>
                    </ul>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}

/** Per crop: harvested, handed out over the households, and left over; the sums the pickers check against. */
export function CropTable(props: { overview: HarvestOverview }) {
  const { t } = useI18n();
  const format = useHarvestFormat();
  const totals = () => cropTotals(props.overview);
  return (
    <table class="data-table crops-table">
      <caption>{t().picklist.crops}</caption>
      <thead>
        <tr>
          <th scope="col">{t().picklist.crop}</th>
          <th scope="col" class="num">
            {t().picklist.harvested}
          </th>
          <th scope="col" class="num">
            {t().picklist.handedOut}
          </th>
          <th scope="col" class="num">
            {t().picklist.left}
          </th>
        </tr>
      </thead>
      <tbody>
        <For each={totals()}>
          {(c) => (
            <tr>
              <th scope="row">{c.crop}</th>
              <td class="num">{format.amount({ unit: c.unit, quantity: c.harvested })}</td>
              <td class="num">{format.amount({ unit: c.unit, quantity: c.handedOut })}</td>
              <td class="num">{format.amount({ unit: c.unit, quantity: c.left })}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
