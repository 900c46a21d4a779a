import { Show } from "solid-js";
import { A } from "@solidjs/router";
import { useI18n } from "../i18n";
import { useHarvestFormat } from "../lib/harvest-view";
import { addWeeks, currentWeek, weekLabel } from "../lib/week";

/**
 * Previous and next week as links, so the week is in the address and the
 * back button works; "this week" appears once you have moved away from it.
 */
export function WeekPicker(props: { week: string; href: (week: string) => string }) {
  const { t, locale } = useI18n();
  const format = useHarvestFormat();
  const previous = () => addWeeks(props.week, -1);
  const next = () => addWeeks(props.week, 1);
  const now = currentWeek();
  return (
    <nav class="week-picker" aria-label={t().week.picker}>
      <p class="week-shown">{format.week(props.week)}</p>
      <div class="week-steps">
        <A
          class="button secondary"
          href={props.href(previous())}
          aria-label={t().week.previousLabel(weekLabel(previous(), locale()))}
        >
          <span aria-hidden="true">← </span>
          {t().week.previous}
        </A>
        <A class="button secondary" href={props.href(next())} aria-label={t().week.nextLabel(weekLabel(next(), locale()))}>
          {t().week.next}
          <span aria-hidden="true"> →</span>
        </A>
      </div>
      <Show when={props.week !== now}>
        <p>
          <A href={props.href(now)}>{t().week.current}</A>
        </p>
      </Show>
    </nav>
  );
}
