import { createSignal, createUniqueId, Show } from "solid-js";
import { action, createAsync, json } from "@solidjs/router";
import { FormEnd, FormError, Loads, Status } from "../components/feedback";
import { BankPaymentFields, clearAmountAndReference } from "../components/bank-payment";
import { DataTable, FigureList } from "../components/data-table";
import { AskFirst } from "../components/ask-first";
import { RestrictedScreen } from "../components/membership-screen";
import { useMoneyFormat } from "../i18n/contribution";
import { useMembershipText } from "../i18n/membership";
import { formData, text, useActionForm, useSaveForm } from "../lib/form";
import { getMe } from "../lib/person";
import {
  canReadRegister,
  type CertificateInfo,
  type DepositInput,
  getRegister,
  membershipApi,
  type Register,
} from "../lib/membership";
import { isTreasurer, parseEuros } from "../lib/contribution";

/** The treasurer marks a deposit refunded; the register is read again, since its totals move too. */
const refund = action(async (householdID: string) => {
  const certificate = await membershipApi.certificates.refund(householdID);
  return json(certificate, { revalidate: [getRegister.keyFor()] });
}, "refund-deposit");

/** A deposit payment moves the household's paid amount and the register's totals: the register is read again. */
const payDeposit = action(async (householdID: string, input: DepositInput) => {
  const res = await membershipApi.certificates.payDeposit(householdID, input);
  return json(res, { revalidate: [getRegister.keyFor()] });
}, "pay-deposit");

/** The certificate register: every household's certificate and deposit, with totals and a CSV export. */
export default function Certificates() {
  const s = useMembershipText();
  const me = createAsync(() => getMe());
  const register = createAsync(() => getRegister());
  return (
    <RestrictedScreen title={s().register.title} allow={canReadRegister}>
      <Loads>
        <Show when={register()}>
          {(r) => (
            <>
              <RegisterView register={r()} treasurer={isTreasurer(me())} />
              <Show when={isTreasurer(me())}>
                <DepositEntry register={r()} />
              </Show>
            </>
          )}
        </Show>
      </Loads>
    </RestrictedScreen>
  );
}

function RegisterView(props: { register: Register; treasurer: boolean }) {
  const s = useMembershipText();
  const format = useMoneyFormat();
  const refunding = useActionForm(refund);
  const [news, setNews] = createSignal<string>();
  const totals = () => props.register.totals;
  const state = (c: CertificateInfo) => s().register.states[c.status];
  const refundCell = (c: CertificateInfo) => (
    <Show when={c.status === "refund_due"}>
      <AskFirst
        label={s().register.refund}
        ariaLabel={s().register.refundLabel(c.householdName)}
        question={s().register.refundConfirm(c.householdName, format.money(c.paidCents))}
        yes={s().register.refundYes}
        no={s().register.cancel}
        pendingLabel={s().register.refunding}
        pending={refunding.pending()}
        onYes={async () => {
          setNews(undefined);
          if (await refunding.submit(c.householdID)) setNews(s().register.refunded(c.householdName));
        }}
      />
    </Show>
  );
  return (
    <>
      <section aria-labelledby="register-totals">
        <h2 id="register-totals">{s().register.totals}</h2>
        <FigureList
          items={[
            { label: s().register.households, value: totals().households },
            { label: s().register.deposits, value: format.money(totals().depositCents) },
            { label: s().register.paid, value: format.money(totals().paidCents) },
            { label: s().register.outstanding, value: format.money(totals().outstandingCents) },
            { label: s().register.refundDue, value: format.money(totals().refundDueCents) },
          ]}
        />
        <p>
          <a class="button secondary" href={membershipApi.certificates.csv} download="">
            {s().register.csv}
          </a>
        </p>
      </section>
      <section aria-labelledby="register-list">
        <h2 id="register-list">{s().register.list}</h2>
        <Status message={news()} />
        <FormError error={refunding.error()} />
        <Show when={props.register.certificates.length} fallback={<p>{s().register.empty}</p>}>
          <DataTable
            labelledby="register-list"
            rows={props.register.certificates}
            columns={[
              { label: s().register.household, head: true, cell: (c) => c.householdName },
              { label: s().register.certificate, cell: (c) => s().certificate[c.certificate] },
              { label: s().register.deposits, num: true, cell: (c) => format.money(c.depositCents) },
              { label: s().register.paid, num: true, cell: (c) => format.money(c.paidCents) },
              { label: s().register.state, cell: state },
              {
                label: s().register.since,
                cell: (c) => (
                  <>
                    {format.day(c.memberSince)}
                    <Show when={c.endDate}>
                      {(end) => <span class="meta"> {s().register.end(format.day(end()))}</span>}
                    </Show>
                  </>
                ),
              },
              ...(props.treasurer ? [{ label: s().register.action, cell: refundCell }] : []),
            ]}
          />
        </Show>
      </section>
    </>
  );
}

const depositFields = ["amountCents", "date", "reference"];

/** The treasurer books a deposit payment that came in by bank for a household. */
function DepositEntry(props: { register: Register }) {
  const s = useMembershipText();
  const format = useMoneyFormat();
  const saving = useSaveForm(payDeposit);
  const id = createUniqueId();
  let form: HTMLFormElement | undefined;
  const open = () => props.register.certificates.filter((c) => c.status === "pending" || c.status === "paid");
  const news = (res: { duplicate: boolean; certificate: CertificateInfo; payment: { amountCents: number } }) => {
    const name = res.certificate.householdName;
    return res.duplicate ? s().register.depositDuplicate(name) : s().register.depositSaved(format.money(res.payment.amountCents), name);
  };

  async function submit(e: SubmitEvent) {
    const data = formData(e);
    const res = await saving.save(news, text(data, "householdID"), {
      amountCents: parseEuros(text(data, "amount")),
      date: text(data, "date"),
      reference: text(data, "reference"),
    });
    if (res) clearAmountAndReference(form);
  }

  return (
    <Show when={open().length}>
      <section class="card" aria-labelledby={id}>
        <h2 id={id}>{s().register.deposit}</h2>
        <form ref={form} onSubmit={submit} novalidate>
          <BankPaymentFields
            labels={{
              household: s().register.depositHousehold,
              amount: s().register.depositAmount,
              amountHint: s().register.depositAmountHint,
              date: s().register.depositDate,
              reference: s().register.depositReference,
              referenceHint: s().register.depositReferenceHint,
            }}
            households={open().map((c) => ({ value: c.householdID, label: c.householdName }))}
            fieldError={saving.fieldError}
          />
          <FormEnd
            error={saving.error()}
            fields={depositFields}
            saved={saving.saved()}
            pending={saving.pending()}
            label={s().register.depositSave}
            pendingLabel={s().register.depositSaving}
          />
        </form>
      </section>
    </Show>
  );
}
