import { createUniqueId, Show } from "solid-js";
import { createAsync } from "@solidjs/router";
import { useMoneyFormat } from "../i18n/contribution";
import { usePlanText } from "../i18n/plan";
import { getMandate, getStatement, thisYear } from "../lib/contribution";

/** The top of "Mijn bijdrage": what the household pays, when, and how, before the details. */
export function PaySummary(props: { householdID: string }) {
  const p = usePlanText();
  const format = useMoneyFormat();
  const year = thisYear();
  const statement = createAsync(() => getStatement(props.householdID, year));
  const mandate = createAsync(() => getMandate(props.householdID));
  const id = createUniqueId();
  // the first instalment not paid in full: what comes next
  const next = () => statement()?.instalments.find((i) => i.amountCents > i.paidCents);
  return (
    <Show when={statement() !== undefined}>
      <section class="card" aria-labelledby={id}>
        <h2 id={id}>{p().pay.title}</h2>
        <Show when={statement()} fallback={<p>{p().pay.notConfirmed(year)}</p>}>
          {(st) => (
            <>
              <p class="lead">{p().pay.monthly(format.money(Math.round(st().yearlyCents / 12)), year)}</p>
              <Show when={next()} fallback={<p>{p().pay.allPaid}</p>}>
                {(i) => (
                  <>
                    <p>{p().pay.next(format.money(i().amountCents - i().paidCents), format.day(i().payBy ?? i().due))}</p>
                    <p>{mandate()?.status === "active" ? p().pay.byDebit : p().pay.byTransfer(st().paymentReference)}</p>
                  </>
                )}
              </Show>
            </>
          )}
        </Show>
      </section>
    </Show>
  );
}
