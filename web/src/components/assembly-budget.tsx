import { Show } from "solid-js";
import { useI18n } from "../i18n";
import { useAssemblyText } from "../i18n/assembly";
import type { AgendaItem } from "../lib/assembly";

/**
 * What the budget motion means in money: the price per mouth per week it
 * gives with today's households, and the reader's own household's share
 * (its mouths, vegetarian price and solidarity choice), as the server counts them.
 */
export function BudgetFigures(props: { budget: NonNullable<AgendaItem["budget"]> }) {
  const a = useAssemblyText();
  const { locale } = useI18n();
  const money = (cents: number) => new Intl.NumberFormat(locale(), { style: "currency", currency: "EUR" }).format(cents / 100);
  const number = (n: number) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(n);
  const b = () => props.budget;
  return (
    <div class="budget-figures">
      <h3>{a().budget.heading(b().year)}</h3>
      <p>{a().budget.total(money(b().budgetCents), b().weeks)}</p>
      <Show when={b().rateCents !== null} fallback={<p>{a().budget.noMouths}</p>}>
        <ul>
          <li>
            <strong>{a().budget.perMouth(money(b().rateCents!))}</strong>
          </li>
          <Show when={b().vegetarianRateCents !== b().rateCents}>
            <li>{a().budget.vegetarian(money(b().vegetarianRateCents!))}</li>
          </Show>
        </ul>
        <p class="hint">{a().budget.basis(number(b().mouths), b().households, number(b().childFactor))}</p>
      </Show>
      <Show when={b().mine}>
        {(m) => (
          <>
            <h4>{a().budget.mine}</h4>
            <p>
              {a().budget.mineMouths(number(m().mouths), m().vegetarian)}
              <Show when={m().solidarityPercent !== 0}> {a().budget.solidarity(m().solidarityPercent)}</Show>
            </p>
            <p>
              <strong>{a().budget.mineWeek(money(m().weekCents))}</strong> · {a().budget.mineMonth(money(m().monthCents))} · {a().budget.mineYear(money(m().yearCents))}
            </p>
          </>
        )}
      </Show>
      <Show when={b().applied}>
        <p class="notice success">{a().budget.applied(b().year)}</p>
      </Show>
    </div>
  );
}
