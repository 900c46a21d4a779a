import { createEffect, createSignal, createUniqueId, ErrorBoundary, Show, Suspense } from "solid-js";
import { action, createAsync, json, useSearchParams } from "@solidjs/router";
import { FormError, LoadError, Loading, Status } from "./feedback";
import { HouseholdPicker } from "./household-picker";
import { DataTable } from "./data-table";
import { AskFirst } from "./ask-first";
import { useContributionText, useMoneyFormat } from "../i18n/contribution";
import { text, useActionForm } from "../lib/form";
import {
  contributionApi,
  type ContributionOverview,
  getOverview,
  getPayments,
  type Ledger as LedgerData,
  type PaymentInfo,
} from "../lib/contribution";

/* The treasurer's view of one household's payments of a year, with reversing one. */

/** A reversal is a counter-entry: the household's ledger and the overview move with it. */
const reversePayment = action(async (payment: PaymentInfo) => {
  const reversal = await contributionApi.reverse(payment.id);
  return json(reversal, {
    revalidate: [getOverview.keyFor(payment.year), getPayments.keyFor(payment.year, payment.householdID)],
  });
}, "reverse-payment");

/** Where a household's payments show: the overview, opened at that household (the arrears table links there). */
export const ledgerHref = (year: number, householdID: string) =>
  `/contribution/overview?year=${year}&household=${encodeURIComponent(householdID)}#${ledgerAnchor}`;
const ledgerAnchor = "household-payments";

export function Ledger(props: { overview: ContributionOverview }) {
  const s = useContributionText();
  const id = createUniqueId();
  const [householdID, setHouseholdID] = createSignal<string>();
  const [params] = useSearchParams<{ household?: string }>();
  // a link from the table opens that household's payments
  createEffect(() => {
    const linked = params.household;
    if (linked && props.overview.households.some((h) => h.householdID === linked)) setHouseholdID(linked);
  });
  const name = (hh: string) => props.overview.households.find((h) => h.householdID === hh)?.name ?? hh;

  function submit(e: SubmitEvent) {
    e.preventDefault();
    const chosen = text(new FormData(e.currentTarget as HTMLFormElement), "householdID");
    setHouseholdID(chosen || undefined);
  }

  return (
    <section class="card" aria-labelledby={id} id={ledgerAnchor}>
      <h2 id={id}>{s().overview.ledger}</h2>
      <p>{s().overview.ledgerHint}</p>
      <form onSubmit={submit} novalidate>
        <HouseholdPicker
          label={s().overview.ledgerHousehold}
          households={props.overview.households.map((h) => ({ id: h.householdID, name: h.name }))}
        />
        <button type="submit" class="secondary">
          {s().overview.ledgerShow}
        </button>
      </form>
      <Show when={householdID()}>
        {(hh) => (
          <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
            <Suspense fallback={<Loading />}>
              <LedgerTable year={props.overview.year} householdID={hh()} name={name(hh())} />
            </Suspense>
          </ErrorBoundary>
        )}
      </Show>
    </section>
  );
}

function LedgerTable(props: { year: number; householdID: string; name: string }) {
  const s = useContributionText();
  const format = useMoneyFormat();
  const ledger = createAsync(() => getPayments(props.year, props.householdID));
  const reversing = useActionForm(reversePayment);
  const [news, setNews] = createSignal<string>();
  const reversed = (l: LedgerData, p: PaymentInfo) => l.payments.some((r) => r.reverses === p.id);
  return (
    <Show when={ledger()}>
      {(l) => (
        <>
          <FormError error={reversing.error()} />
          <Status message={news()} />
          <Show when={l().payments.length} fallback={<p>{s().overview.ledgerEmpty(props.name)}</p>}>
            <DataTable
              caption={s().overview.ledgerList(props.name)}
              // by booking date, as on the bank statement (an import books a year's lines at once)
              rows={[...l().payments].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))}
              columns={[
                { label: s().overview.ledgerDate, cell: (p) => format.day(p.date) },
                { label: s().overview.ledgerReference, head: true, cell: (p) => p.reference },
                { label: s().overview.ledgerKind, cell: (p) => s().overview.kinds[p.kind] },
                { label: s().overview.ledgerAmount, num: true, cell: (p) => format.money(p.amountCents) },
                {
                  label: s().overview.ledgerAction,
                  cell: (p) => (
                    <Show when={p.kind === "payment"}>
                        <Show when={!reversed(l(), p)} fallback={s().overview.reversed}>
                          <AskFirst
                            label={s().overview.reverse}
                            ariaLabel={s().overview.reverseLabel(p.reference)}
                            question={s().overview.reverseConfirm(format.money(p.amountCents), p.reference)}
                            yes={s().overview.reverseYes}
                            no={s().overview.cancel}
                            pendingLabel={s().overview.reversing}
                            pending={reversing.pending()}
                            onYes={async () => {
                              setNews(undefined);
                              if (await reversing.submit(p)) setNews(s().overview.reverseDone(format.money(p.amountCents)));
                            }}
                          />
                        </Show>
                      </Show>
                  ),
                },
              ]}
            />
            <p>{s().overview.ledgerTotal(format.money(l().totalCents))}</p>
          </Show>
        </>
      )}
    </Show>
  );
}

/** Who pays more and who pays less, with their reasons: for the treasurer's eyes only. */
