import { MandateFields } from "../components/bank-payment";
import { createSignal, createUniqueId, Show } from "solid-js";
import { action, createAsync } from "@solidjs/router";
import { FormError, Loads, Status } from "../components/feedback";
import { DataTable, FigureList } from "../components/data-table";
import { AskFirst } from "../components/ask-first";
import { MembershipScreen, YearPicker } from "../components/membership-screen";
import { SolidarityCard } from "../components/solidarity-card";
import { PaySummary } from "../components/pay-summary";
import { useI18n } from "../i18n";
import { useBankText } from "../i18n/bank";
import { useContributionText, useMoneyFormat } from "../i18n/contribution";
import { useMembershipText } from "../i18n/membership";
import { formData, text, useActionForm, useSaveForm } from "../lib/form";
import { ApiError, settle } from "../lib/api";
import { getMe } from "../lib/person";
import {
  contributionApi,
  getMandate,
  getStatement,
  type MandateInput,
  type StatementInfo,
  thisYear,
  useYear,
} from "../lib/contribution";
import { type CertificateDetail, getMyCertificate, membershipApi } from "../lib/membership";

const giveNotice = action(
  async (householdID: string) =>
    settle(getMyCertificate.keyFor(householdID), await membershipApi.certificates.giveNotice(householdID)),
  "give-notice",
);

const withdrawNotice = action(
  async (householdID: string) =>
    settle(getMyCertificate.keyFor(householdID), await membershipApi.certificates.withdrawNotice(householdID)),
  "withdraw-notice",
);

/**
 * The first day the membership may end, from a membership.minimum_term
 * answer, which carries it; the certificate's own date when it does not.
 */
function firstPossibleEnd(error: unknown, certificate: CertificateDetail): string | undefined {
  if (!(error instanceof ApiError) || error.code !== "membership.minimum_term") return undefined;
  const date = error.details.firstPossibleEndDate;
  return typeof date === "string" ? date : certificate.firstPossibleEndDate;
}

const saveMandate = action(
  async (householdID: string, input: MandateInput) =>
    settle(getMandate.keyFor(householdID), await contributionApi.putMandate(householdID, input)),
  "save-mandate",
);

/** The mandate stays on record as revoked: no direct-debit file collects on it. */
const revokeMandate = action(
  async (householdID: string) =>
    settle(getMandate.keyFor(householdID), await contributionApi.revokeMandate(householdID)),
  "revoke-mandate",
);

/** "Mijn bijdrage": the household's certificate, its statement for a year, the mandate and the solidarity choice. */
export default function MyContribution() {
  const s = useContributionText();
  const me = createAsync(() => getMe());
  const year = useYear();
  return (
    <Show when={me()}>
      <MembershipScreen title={s().mine.title}>
        <Show when={me()?.household} fallback={<p>{s().mine.noHousehold}</p>}>
          {(household) => (
            <>
              <Loads>
                <PaySummary householdID={household().id} />
              </Loads>
              <Loads>
                <CertificateCard householdID={household().id} />
              </Loads>
              <YearPicker year={year()} path="/contribution" shown={s().mine.statement(year())} until={thisYear()} />
              <Loads>
                <StatementCard householdID={household().id} year={year()} />
              </Loads>
              <Loads>
                <MandateCard householdID={household().id} />
              </Loads>
              {/* the choice is for the coming payments: member households make it, one that has left no longer does */}
              <Show when={me()?.roles.includes("member")}>
                <Loads>
                  <SolidarityCard householdID={household().id} year={year()} />
                </Loads>
              </Show>
            </>
          )}
        </Show>
      </MembershipScreen>
    </Show>
  );
}

function CertificateCard(props: { householdID: string }) {
  const s = useContributionText();
  const m = useMembershipText();
  const format = useMoneyFormat();
  const certificate = createAsync(() => getMyCertificate(props.householdID));
  const id = createUniqueId();
  return (
    <Show when={certificate()}>
      {(c: () => CertificateDetail) => (
        <section class="card" aria-labelledby={id}>
          <h2 id={id}>{s().mine.certificate}</h2>
          <dl class="facts">
            <div>
              <dt>{s().mine.kind}</dt>
              <dd>{m().certificate[c().certificate]}</dd>
            </div>
            <div>
              <dt>{s().mine.deposit}</dt>
              <dd>{format.money(c().depositCents)}</dd>
            </div>
            <div>
              <dt>{s().mine.paid}</dt>
              <dd>{format.money(c().paidCents)}</dd>
            </div>
            <Show when={c().outstandingCents > 0}>
              <div>
                <dt>{s().mine.outstanding}</dt>
                <dd>{format.money(c().outstandingCents)}</dd>
              </div>
            </Show>
            <div>
              <dt>{s().mine.state}</dt>
              <dd>{m().register.states[c().status]}</dd>
            </div>
            <div>
              <dt>{s().mine.since}</dt>
              <dd>{format.day(c().memberSince)}</dd>
            </div>
            <Show when={c().endDate}>
              {(end) => (
                <div>
                  <dt>{s().mine.end}</dt>
                  <dd>{format.day(end())}</dd>
                </div>
              )}
            </Show>
          </dl>
          <Show when={c().status === "pending" || c().status === "paid"}>
            <Notice householdID={props.householdID} certificate={c()} />
          </Show>
        </section>
      )}
    </Show>
  );
}

/** Giving notice for the end of the year, or withdrawing it. */
function Notice(props: { householdID: string; certificate: CertificateDetail }) {
  const s = useContributionText();
  const format = useMoneyFormat();
  const giving = useActionForm(giveNotice);
  const withdrawing = useActionForm(withdrawNotice);
  const [news, setNews] = createSignal<string>();
  const id = createUniqueId();
  const error = () => giving.error() ?? withdrawing.error();
  const tooEarly = () => firstPossibleEnd(giving.error(), props.certificate);
  const given = () => (props.certificate.noticeGivenAt ? props.certificate.endDate : null);
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{s().mine.notice}</h3>
      <Show
        when={given()}
        fallback={
          <>
            <p>{s().mine.noticeIntro}</p>
            <Show when={props.certificate.noticeEndDate}>
              {(end) => <p>{s().mine.noticeWouldEnd(format.day(end()))}</p>}
            </Show>
          </>
        }
      >
        {(end) => <p class="lead">{s().mine.noticeGiven(format.day(end()))}</p>}
      </Show>
      <Show when={tooEarly()} fallback={<FormError error={error()} />}>
        {(date) => (
          <div role="alert" class="alert-region">
            <div class="notice error">
              <p>{s().mine.noticeTooEarly(format.day(date()))}</p>
            </div>
          </div>
        )}
      </Show>
      <Status message={news()} />
      <Show
        when={given()}
        fallback={
          <AskFirst
            label={s().mine.noticeGive}
            question={
              props.certificate.noticeEndDate
                ? s().mine.noticeConfirm(format.day(props.certificate.noticeEndDate))
                : s().mine.noticeConfirmPlain
            }
            yes={s().mine.noticeYes}
            no={s().mine.cancel}
            pendingLabel={s().mine.noticeSaving}
            pending={giving.pending()}
            onYes={async () => {
              setNews(undefined);
              withdrawing.clear();
              const c = await giving.submit(props.householdID);
              if (c?.endDate) setNews(s().mine.noticeDone(format.day(c.endDate)));
            }}
          />
        }
      >
        <AskFirst
          label={s().mine.noticeWithdraw}
          question={s().mine.noticeWithdrawConfirm}
          yes={s().mine.noticeWithdrawYes}
          no={s().mine.cancel}
          pendingLabel={s().mine.noticeSaving}
          pending={withdrawing.pending()}
          onYes={async () => {
            setNews(undefined);
            giving.clear();
            if (await withdrawing.submit(props.householdID)) setNews(s().mine.noticeWithdrawn);
          }}
        />
      </Show>
    </section>
  );
}

function StatementCard(props: { householdID: string; year: number }) {
  const s = useContributionText();
  const b = useBankText();
  const { mouths } = useI18n();
  const format = useMoneyFormat();
  const statement = createAsync(() => getStatement(props.householdID, props.year));
  const id = createUniqueId();
  const balance = (st: StatementInfo) =>
    st.balanceCents > 0
      ? s().mine.balanceAhead(format.money(st.balanceCents))
      : st.balanceCents < 0
        ? s().mine.balanceBehind(format.money(-st.balanceCents))
        : s().mine.balanceEven;
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{s().mine.statement(props.year)}</h2>
      <Show when={statement() !== undefined}>
        <Show when={statement()} fallback={<p>{s().mine.notConfirmed(props.year)}</p>}>
          {(st) => (
            <>
              <FigureList
                items={[
                  { label: s().mine.mouths, value: mouths(st().mouths) },
                  { label: s().mine.rate, value: format.money(st().rateCents) },
                  { label: s().mine.yearly, value: format.money(st().yearlyCents) },
                  { label: s().mine.balance, value: balance(st()) },
                  { label: b().reference, value: st().paymentReference },
                ]}
              />
              <p class="hint">{b().referenceHint}</p>
              <Show when={st().solidarity.choice !== "standard"}>
                <p class="hint">
                  {s().mine.withSolidarity(
                    `${st().solidarity.choice === "supporter" ? "+" : "−"}${st().solidarity.percent}%`,
                  )}
                </p>
              </Show>
              <DataTable
                caption={s().mine.instalments}
                rows={st().instalments}
                columns={[
                  { label: s().mine.month, head: true, cell: (i) => format.month(i.month) },
                  { label: s().mine.amount, num: true, cell: (i) => format.money(i.amountCents) },
                  { label: s().mine.paidCol, num: true, cell: (i) => format.money(i.paidCents) },
                  {
                    label: s().mine.instalmentState,
                    cell: (i) =>
                      i.amountCents === 0 && i.paidCents === 0 ? s().mine.noInstalment : s().mine.instalmentStates[i.status],
                  },
                ]}
              />
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}

const mandateFields = ["iban", "accountHolder", "signedOn"];

function MandateCard(props: { householdID: string }) {
  const s = useContributionText();
  const mandate = createAsync(() => getMandate(props.householdID));
  const saving = useSaveForm(saveMandate);
  const revoking = useActionForm(revokeMandate);
  const id = createUniqueId();

  async function submit(e: SubmitEvent) {
    const data = formData(e);
    await saving.save(() => s().mandate.saved, props.householdID, {
      iban: text(data, "iban"),
      accountHolder: text(data, "accountHolder"),
      signedOn: text(data, "signedOn"),
    });
  }

  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{s().mandate.title}</h2>
      <p>{s().mandate.intro}</p>
      <Show when={mandate() !== undefined}>
        <Show when={mandate()} fallback={<p>{s().mandate.none}</p>}>
          {(m) => (
            <>
              <p class="lead">{s().mandate.current(m().iban, m().accountHolder)}</p>
              <p class="hint">{s().mandate.reference(m().mandateID)}</p>
              <Show
                when={m().status === "revoked"}
                fallback={
                  <AskFirst
                    label={s().mandate.revoke}
                    question={s().mandate.revokeConfirm}
                    yes={s().mandate.revokeYes}
                    no={s().mandate.cancel}
                    pendingLabel={s().mandate.revoking}
                    pending={revoking.pending()}
                    onYes={async () => {
                      saving.setSaved(undefined);
                      if (await revoking.submit(props.householdID)) saving.setSaved(s().mandate.revokeDone);
                    }}
                  />
                }
              >
                <p class="notice info">{s().mandate.revoked}</p>
              </Show>
              <FormError error={revoking.error()} />
            </>
          )}
        </Show>
      </Show>
      <Status message={saving.saved()} />
      <details class="disclosure" open={mandate() === null}>
        <summary>{mandate() ? s().mandate.replace : s().mandate.give}</summary>
        <form onSubmit={submit} novalidate>
          <MandateFields labels={s().mandate} fieldError={saving.fieldError} holderAutocomplete="name" />
          <FormError error={saving.error()} fields={mandateFields} />
          <button type="submit" class="primary" disabled={saving.pending()}>
            {saving.pending() ? s().mandate.saving : s().mandate.save}
          </button>
        </form>
      </details>
    </section>
  );
}
