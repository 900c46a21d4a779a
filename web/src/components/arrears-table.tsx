import { createMemo, createSignal, createUniqueId, For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { useSection } from "../i18n";
import { arrearsEn, arrearsNl } from "../i18n/arrears";
import { useMoneyFormat } from "../i18n/contribution";
import type { ContributionOverview } from "../lib/contribution";
import { FigureList, TableScroll } from "./data-table";
import { matchHouseholds } from "./household-picker";
import "./arrears.css";

type Row = ContributionOverview["households"][number];
export type Filter = "all" | "late" | "open" | "paid" | "noMandate";
type SortKey = "name" | "dueCents" | "paidCents" | "toCollectCents" | "lateCents" | "daysLate" | "mandate";

const filters: Filter[] = ["all", "late", "open", "paid", "noMandate"];
const keep: Record<Filter, (r: Row) => boolean> = {
  all: () => true,
  late: (r) => r.state === "late",
  open: (r) => r.state === "open",
  paid: (r) => r.state === "paid",
  noMandate: (r) => !r.mandate,
};

/** The rows a filter, a search and a sort leave, in that order; names sort the Dutch way, ties by name. */
export function arrange(rows: readonly Row[], filter: Filter, search: string, key: SortKey, descending: boolean): Row[] {
  const found = new Set(matchHouseholds(rows.map((r) => ({ id: r.householdID, name: r.name, detail: r.householdID.slice(3) })), search).map((h) => h.id));
  const byName = (a: Row, b: Row) => a.name.localeCompare(b.name, "nl");
  const value = (r: Row) => (key === "mandate" ? Number(r.mandate) : key === "name" ? 0 : r[key]);
  const order = (a: Row, b: Row) => (key === "name" ? byName(a, b) : value(a) - value(b) || byName(a, b));
  return rows.filter((r) => keep[filter](r) && found.has(r.householdID)).sort((a, b) => (descending ? -order(a, b) : order(a, b)));
}

/** The year's figures: what is due, received, still to collect and in arrears, and the budget against the contributions. */
export function ArrearsFigures(props: { overview: ContributionOverview }) {
  const s = useSection({ nl: arrearsNl, en: arrearsEn });
  const format = useMoneyFormat();
  const t = () => props.overview.totals;
  const b = () => props.overview.budget;
  return (
    <>
      <FigureList
        items={[
          { label: s().due, value: format.money(t().dueCents) },
          { label: s().paid, value: format.money(t().paidCents) },
          { label: s().toCollect, value: format.money(t().toCollectCents) },
          { label: s().late, value: <span classList={{ "late-figure": t().lateCents > 0 }}>{format.money(t().lateCents)}</span> },
          { label: s().budget, value: format.money(b().budgetCents) },
          { label: s().contribution, value: format.money(b().contributionCents) },
        ]}
      />
      <p>{s().difference(format.money(Math.abs(b().differenceCents)), b().differenceCents >= 0)}</p>
      <p class="hint">{s().lateHint(props.overview.graceDays)}</p>
    </>
  );
}

/**
 * Per household: due, paid, still to collect, arrears and for how many
 * days, with filters, a search by name or number and sorting by any column;
 * each name links to the household's payments. Sideways scrolling on a
 * phone keeps the name in view first.
 */
export function ArrearsTable(props: { overview: ContributionOverview; householdHref: (householdID: string) => string }) {
  const s = useSection({ nl: arrearsNl, en: arrearsEn });
  const format = useMoneyFormat();
  const id = createUniqueId();
  const [filter, setFilter] = createSignal<Filter>("all");
  const [search, setSearch] = createSignal("");
  const [sort, setSort] = createSignal<{ key: SortKey; descending: boolean }>({ key: "name", descending: false });
  const rows = createMemo(() => arrange(props.overview.households, filter(), search(), sort().key, sort().descending));

  const columns: { key: SortKey; label: () => string; num?: boolean; cell: (r: Row) => string }[] = [
    { key: "dueCents", label: () => s().due, num: true, cell: (r) => format.money(r.dueCents) },
    { key: "paidCents", label: () => s().paid, num: true, cell: (r) => format.money(r.paidCents) },
    { key: "toCollectCents", label: () => s().toCollect, num: true, cell: (r) => format.money(r.toCollectCents) },
    { key: "lateCents", label: () => s().late, num: true, cell: (r) => format.money(r.lateCents) },
    { key: "daysLate", label: () => s().daysLate, num: true, cell: (r) => (r.daysLate ? String(r.daysLate) : "") },
    { key: "mandate", label: () => s().mandate, cell: (r) => (r.mandate ? s().yes : s().no) },
  ];

  function sortBy(key: SortKey) {
    const now = sort();
    // figures first from the largest: that is what the treasurer looks for
    setSort(now.key === key ? { key, descending: !now.descending } : { key, descending: key !== "name" });
  }
  const ariaSort = (key: SortKey) => (sort().key === key ? (sort().descending ? "descending" : "ascending") : undefined);
  const header = (key: SortKey, label: string, num?: boolean) => (
    <th scope="col" class={num ? "num" : undefined} aria-sort={ariaSort(key)}>
      <button type="button" class="sort-button" onClick={() => sortBy(key)}>
        {label}
        <span aria-hidden="true">{sort().key === key ? (sort().descending ? " ▼" : " ▲") : ""}</span>
      </button>
    </th>
  );

  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{s().list}</h2>
      <div class="field">
        <label for={`${id}-search`}>{s().search}</label>
        <p class="hint" id={`${id}-search-hint`}>
          {s().searchHint}
        </p>
        <input
          id={`${id}-search`}
          type="search"
          autocomplete="off"
          spellcheck={false}
          aria-describedby={`${id}-search-hint`}
          value={search()}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
      </div>
      <ul class="filter-row" aria-label={s().filters}>
        <For each={filters}>
          {(f) => (
            <li>
              <button type="button" class="secondary" aria-pressed={filter() === f ? "true" : "false"} onClick={() => setFilter(f)}>
                {s().filter[f]}
              </button>
            </li>
          )}
        </For>
      </ul>
      <p role="status">{s().shown(rows().length, props.overview.households.length)}</p>
      <Show when={rows().length} fallback={<p>{s().none}</p>}>
        <TableScroll labelledby={id}>
          <table class="data-table" aria-labelledby={id}>
            <thead>
              <tr>
                {header("name", s().household)}
                <For each={columns}>{(c) => header(c.key, c.label(), c.num)}</For>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(r) => (
                  <tr>
                    <th scope="row">
                      <A href={props.householdHref(r.householdID)}>{r.name}</A>
                    </th>
                    <For each={columns}>
                      {(c) => (
                        <td class={c.num ? "num" : undefined} classList={{ "late-figure": c.key === "lateCents" && r.lateCents > 0 }}>
                          {c.cell(r)}
                        </td>
                      )}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
      </Show>
    </section>
  );
}
