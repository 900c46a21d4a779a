import { createUniqueId, For, Show } from "solid-js";
import { A, action, createAsync, json } from "@solidjs/router";
import { FormEnd, FormError, Loads, Status } from "../components/feedback";
import { BankPaymentFields, clearAmountAndReference, MandateFields } from "../components/bank-payment";
import { CheckboxField } from "../components/field";
import { HouseholdPicker } from "../components/household-picker";
import { DataTable } from "../components/data-table";
import { RestrictedScreen, YearPicker } from "../components/membership-screen";
import { SepaRun } from "../components/sepa-run";
import { Ledger, ledgerHref } from "../components/contribution-ledger";
import { ArrearsFigures, ArrearsTable } from "../components/arrears-table";
import { ReminderSettings } from "../components/reminder-settings";
import { useSection } from "../i18n";
import { arrearsEn, arrearsNl } from "../i18n/arrears";
import { JournalDownloads } from "../components/journal-downloads";
import { MaybeImported } from "../components/maybe-imported";
import { useBankText } from "../i18n/bank";
import { useContributionText, useMoneyFormat } from "../i18n/contribution";
import { formData, text, useActionForm, useSaveForm } from "../lib/form";
import {
  contributionApi,
  type ContributionOverview,
  getMandate,
  getOverview,
  getPayments,
  getSolidarityList,
  isTreasurer,
  type MandateInput,
  parseEuros,
  type PaymentInput,
  type SolidarityEntry,
  thisYear,
  useYear,
} from "../lib/contribution";

/** A payment changes what is paid and due: the overview is read again. */
const recordPayment = action(async (input: PaymentInput & { year: number }) => {
  const res = await contributionApi.pay(input);
  return json(res, { revalidate: [getOverview.keyFor(input.year), getPayments.keyFor(input.year, input.householdID)] });
}, "record-payment");

/** The treasurer records a household's mandate; its card on the household's own screen is read again. */
const recordMandate = action(async (householdID: string, input: MandateInput, year: number) => {
  const mandate = await contributionApi.putMandate(householdID, input);
  return json(mandate, { revalidate: [getMandate.keyFor(householdID), getOverview.keyFor(year)] });
}, "record-mandate");

/** For the treasurer: per household what is due, paid and late; recording payments (bank files: payment-import.tsx); the month's collection run (sepa-run.tsx). */
export default function ContributionOverviewPage() {
  const s = useContributionText();
  const b = useBankText();
  const year = useYear();
  const overview = createAsync(() => getOverview(year()));
  return (
    <RestrictedScreen title={s().overview.title} allow={isTreasurer}>
      <YearPicker year={year()} path="/contribution/overview" shown={s().overview.year(year())} until={thisYear()} />
      {/* the month's order (README, "The treasurer's month"): the tasks first, the 200-row table after them */}
      <Loads>
        <Show when={overview() !== undefined}>
          <Show when={overview()} fallback={<p>{s().overview.notConfirmed(year())}</p>}>
            {(o) => <PaymentEntry overview={o()} />}
          </Show>
        </Show>
      </Loads>
      <SepaRun year={year()} />
      <p>
        <A class="button secondary" href="/contribution/import">{b().link}</A>
      </p>
      <JournalDownloads year={year()} />
      <Show when={overview()}>
        {(o) => (
          <>
            <Overview overview={o()} />
            <ReminderSettings year={o().year} />
            <MandateEntry overview={o()} />
            <Ledger overview={o()} />
          </>
        )}
      </Show>
      <SolidarityChoices year={year()} />
    </RestrictedScreen>
  );
}

function Overview(props: { overview: ContributionOverview }) {
  const s = useContributionText();
  const t = () => props.overview.totals;
  return (
    <section aria-labelledby="overview-totals">
      <h2 id="overview-totals">{s().overview.totals}</h2>
      <ArrearsFigures overview={props.overview} />
      <p>{s().overview.lateCount(t().late)}</p>
      <p>
        <a class="button secondary" href={contributionApi.overviewCsv(props.overview.year)} download="">
          {s().overview.csv}
        </a>
      </p>
      <ArrearsTable overview={props.overview} householdHref={(id) => ledgerHref(props.overview.year, id)} />
    </section>
  );
}

const paymentFields = ["householdID", "amountCents", "date", "reference"];

function PaymentEntry(props: { overview: ContributionOverview }) {
  const s = useContributionText();
  const a = useSection({ nl: arrearsNl, en: arrearsEn });
  const format = useMoneyFormat();
  const saving = useSaveForm(recordPayment);
  const id = createUniqueId();
  let form: HTMLFormElement | undefined;

  // what was sent last: "Toch opslaan" sends it again, saying it is another payment than the imported one
  let last: PaymentInput & { year: number } = { householdID: "", amountCents: 0, date: "", reference: "", year: props.overview.year };

  async function send(input: PaymentInput & { year: number }) {
    last = input;
    const name = props.overview.households.find((h) => h.householdID === input.householdID)?.name ?? input.householdID;
    const res = await saving.save(
      (r) => (r.duplicate ? s().overview.paymentDuplicate : s().overview.paymentSaved(format.money(r.payment.amountCents), name)),
      input,
    );
    if (res) clearAmountAndReference(form);
  }

  function submit(e: SubmitEvent) {
    const data = formData(e);
    return send({
      householdID: text(data, "householdID"),
      amountCents: parseEuros(text(data, "amount")),
      date: text(data, "date"),
      reference: text(data, "reference"),
      year: props.overview.year,
    });
  }

  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{s().overview.payment}</h2>
      <p class="hint">{a().paymentHint}</p>
      <form ref={form} onSubmit={submit} novalidate>
        <BankPaymentFields
          labels={{
            household: s().overview.paymentHousehold,
            amount: s().overview.paymentAmount,
            amountHint: s().overview.paymentAmountHint,
            date: s().overview.paymentDate,
            reference: s().overview.paymentReference,
          }}
          households={props.overview.households.map((h) => ({ value: h.householdID, label: h.name }))}
          fieldError={saving.fieldError}
          picker
        />
        <FormEnd
          error={saving.error()}
          fields={paymentFields}
          saved={saving.saved()}
          pending={saving.pending()}
          label={s().overview.paymentSave}
          pendingLabel={s().overview.paymentSaving}
        />
        <MaybeImported error={saving.error()} pending={saving.pending()} onSaveAnyway={() => send({ ...last, alsoImported: true })} />
      </form>
    </section>
  );
}

const mandateEntryFields = ["householdID", "iban", "accountHolder", "signedOn"];

/**
 * A mandate the treasurer records for a household: one given on paper, or
 * on an account another household's mandate holds too, which only the
 * treasurer may allow (shareIBAN); a member asking for that is refused.
 */
function MandateEntry(props: { overview: ContributionOverview }) {
  const s = useContributionText();
  const mandateText = () => s().mandate;
  const saving = useSaveForm(recordMandate);
  const id = createUniqueId();

  async function submit(e: SubmitEvent) {
    const data = formData(e);
    const householdID = text(data, "householdID");
    await saving.save(
      () => s().overview.mandateSaved(props.overview.households.find((h) => h.householdID === householdID)?.name ?? householdID),
      householdID,
      {
        iban: text(data, "iban"),
        accountHolder: text(data, "accountHolder"),
        signedOn: text(data, "signedOn"),
        ...(data.get("shareIBAN") ? { shareIBAN: true } : {}),
      },
      props.overview.year,
    );
  }

  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{s().overview.mandateEntry}</h2>
      <p class="hint">{s().overview.mandateHint}</p>
      <form onSubmit={submit} novalidate>
        <HouseholdPicker
          label={s().overview.mandateHousehold}
          households={props.overview.households.map((h) => ({ id: h.householdID, name: h.name }))}
          error={saving.fieldError("householdID")}
        />
        <MandateFields labels={s().mandate} fieldError={saving.fieldError} holderAutocomplete="off" />
        <CheckboxField label={s().overview.mandateShare} hint={s().overview.mandateShareHint} name="shareIBAN" />
        <FormEnd
          error={saving.error()}
          fields={mandateEntryFields}
          saved={saving.saved()}
          pending={saving.pending()}
          label={mandateText().save}
          pendingLabel={mandateText().saving}
        />
      </form>
    </section>
  );
}

/** One household's payments of the year, where a wrong one is reversed with a counter-entry. */
function SolidarityChoices(props: { year: number }) {
  const s = useContributionText();
  const format = useMoneyFormat();
  const list = createAsync(() => getSolidarityList(props.year));
  const id = createUniqueId();
  const choice = (e: SolidarityEntry) => s().overview.solidarityChoices[e.choice];
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{s().overview.solidarity}</h2>
      <p class="hint">{s().overview.solidarityHint}</p>
      <Loads>
        <Show when={list()}>
          {(l) => (
            <Show when={l().households.length} fallback={<p>{s().overview.solidarityEmpty}</p>}>
              <DataTable
                labelledby={id}
                rows={l().households}
                columns={[
                  { label: s().overview.solidarityHousehold, head: true, cell: (e) => e.name },
                  { label: s().overview.solidarityChoice, cell: choice },
                  {
                    label: s().overview.solidarityPercent,
                    num: true,
                    cell: (e) => `${e.choice === "supporter" ? "+" : "−"}${e.percent}%`,
                  },
                  {
                    label: s().overview.solidarityAmount,
                    num: true,
                    cell: (e) => `${e.choice === "supporter" ? "+" : "−"}${format.money(e.potCents)}`,
                  },
                  { label: s().overview.solidarityReason, cell: (e) => e.reason ?? "" },
                ]}
              />
            </Show>
          )}
        </Show>
      </Loads>
    </section>
  );
}
