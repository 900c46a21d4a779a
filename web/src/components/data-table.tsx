import { For, Show, type JSX } from "solid-js";

/** A table column: its heading and how a row fills its cell. */
export interface Column<T> {
  label: string;
  /** Figures, aligned right. */
  num?: boolean;
  /** The cell that names the row, a row heading. */
  head?: boolean;
  cell: (row: T) => JSX.Element;
}

/**
 * A wide table that scrolls sideways on a phone, not the page. The box takes
 * focus, so the keyboard can scroll it too, and is a group named after its
 * table, so what gets that focus says what it is (a group, not a region: the
 * section around it is often the region of the same name).
 */
export function TableScroll(props: { label?: string; labelledby?: string; children: JSX.Element }) {
  return (
    <div class="table-scroll" tabindex="0" role="group" aria-label={props.label} aria-labelledby={props.labelledby}>
      {props.children}
    </div>
  );
}

/**
 * The table of the money screens: a row per entry, a heading per column,
 * named by its caption or by the heading `labelledby` points at.
 */
export function DataTable<T>(props: { caption?: string; labelledby?: string; columns: Column<T>[]; rows: readonly T[] }) {
  const cell = (c: Column<T>, row: T) => {
    const cls = c.num ? "num" : undefined;
    return c.head ? (
      <th scope="row" class={cls}>
        {c.cell(row)}
      </th>
    ) : (
      <td class={cls}>{c.cell(row)}</td>
    );
  };
  return (
    <TableScroll label={props.caption} labelledby={props.labelledby}>
      <table class="data-table" aria-labelledby={props.labelledby}>
        <Show when={props.caption}>
          <caption>{props.caption}</caption>
        </Show>
        <thead>
          <tr>
            <For each={props.columns}>
              {(c) => (
                <th scope="col" class={c.num ? "num" : undefined}>
                  {c.label}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>{(row) => <tr>{props.columns.map((c) => cell(c, row))}</tr>}</For>
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A money screen's figures above its table: a name and a value each, wrapping on a phone. */
export function FigureList(props: { items: { label: string; value: JSX.Element }[] }) {
  return (
    <dl class="totals many">
      <For each={props.items}>
        {(figure) => (
          <div>
            <dt>{figure.label}</dt>
            <dd>{figure.value}</dd>
          </div>
        )}
      </For>
    </dl>
  );
}

/** A household's name as a row names it, with "· vegetarian" after it when the household is. */
export function HouseholdName(props: { name: string; vegetarian: boolean; vegetarianLabel: string }) {
  return (
    <>
      {props.name}
      <Show when={props.vegetarian}>
        <span class="meta"> · {props.vegetarianLabel}</span>
      </Show>
    </>
  );
}
