import { createSignal, createUniqueId, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { A, action, createAsync, useSearchParams } from "@solidjs/router";
import { FormError, LoadError, Loading, Status } from "../components/feedback";
import { TextField } from "../components/field";
import { DataTable, FigureList } from "../components/data-table";
import { AskFirst, MembershipScreen, YearPicker } from "../components/membership-screen";
import { useI18n } from "../i18n";
import { useContributionText, useMoneyFormat } from "../i18n/contribution";
import { text, useActionForm, useFieldError, whole } from "../lib/form";
import { getMe } from "../lib/person";
import { settle } from "../lib/api";
import { canReadRegister } from "../lib/membership";
import {
  type ConfirmInput,
  contributionApi,
  getSeason,
  isTreasurer,
  parseEuros,
  type SeasonInfo,
  type SeasonInput,
  yearParam,
} from "../lib/contribution";
import NotFound from "./not-found";

const saveSeason = action(
  async (year: number, input: SeasonInput) => settle(getSeason.keyFor(year), await contributionApi.saveSeason(year, input)),
  "save-season",
);

const confirmSeason = action(
  async (year: number, input: ConfirmInput) =>
    settle(getSeason.keyFor(year), await contributionApi.confirmSeason(year, input)),
  "confirm-season",
);

/** Cents as a form field shows them: "260000,00" in Dutch, "260000.00" in English. */
function eurosField(cents: number, locale: string) {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(
    cents / 100,
  );
}

/** The board enters the year's budget and weeks; Akker proposes the price per mouth per week; the treasurer confirms it. */
export default function SeasonPage() {
  const s = useContributionText();
  const me = createAsync(() => getMe());
  const [params] = useSearchParams<{ year?: string }>();
  const year = () => yearParam(params.year);
  const season = createAsync(() => getSeason(year()));
  return (
    <Show when={me()}>
      <Show when={canReadRegister(me())} fallback={<NotFound />}>
        <MembershipScreen title={s().season.title}>
          <YearPicker year={year()} path="/contribution/season" shown={s().season.year(year())} />
          <p>{s().season.intro}</p>
          <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
            <Suspense fallback={<Loading />}>
              <Show when={season() !== undefined}>
                <Show when={!season()}>
                  <p class="notice info">{s().season.none(year())}</p>
                </Show>
                <Figures year={year()} season={season() ?? null} />
                <Show when={season()}>
                  {(se) => (
                    <>
                      <Proposal season={se()} />
                      <Show when={isTreasurer(me())} fallback={<p class="hint">{s().season.onlyTreasurer}</p>}>
                        <Confirm season={se()} />
                      </Show>
                      <Versions season={se()} />
                    </>
                  )}
                </Show>
              </Show>
            </Suspense>
          </ErrorBoundary>
        </MembershipScreen>
      </Show>
    </Show>
  );
}

const figureFields = ["budgetCents", "weeks", "vegetarianDiscountCents"];

function Figures(props: { year: number; season: SeasonInfo | null }) {
  const s = useContributionText();
  const { locale } = useI18n();
  const fieldError = useFieldError();
  const saving = useActionForm(saveSeason);
  const [saved, setSaved] = createSignal<string>();
  const id = createUniqueId();

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setSaved(undefined);
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const discount = text(data, "vegetarianDiscount");
    const res = await saving.submit(props.year, {
      budgetCents: parseEuros(text(data, "budget")),
      weeks: whole(data, "weeks"),
      ...(discount ? { vegetarianDiscountCents: parseEuros(discount) } : {}),
    });
    if (res) setSaved(s().season.saved);
  }

  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{s().season.figures}</h2>
      <form onSubmit={submit} novalidate>
        <TextField
          label={s().season.budget}
          hint={s().season.budgetHint}
          name="budget"
          inputmode="decimal"
          autocomplete="off"
          value={props.season ? eurosField(props.season.budgetCents, locale()) : ""}
          error={fieldError(saving.error(), "budgetCents")}
        />
        <TextField
          label={s().season.weeks}
          name="weeks"
          type="number"
          inputmode="numeric"
          min={1}
          max={53}
          step={1}
          value={props.season?.weeks ?? 52}
          error={fieldError(saving.error(), "weeks")}
        />
        <TextField
          label={s().season.vegetarianDiscount}
          hint={s().season.vegetarianDiscountHint}
          name="vegetarianDiscount"
          inputmode="decimal"
          autocomplete="off"
          value={props.season ? eurosField(props.season.vegetarianDiscountCents, locale()) : ""}
          error={fieldError(saving.error(), "vegetarianDiscountCents")}
        />
        <FormError error={saving.error()} fields={figureFields} />
        <Status message={saved()} />
        <button type="submit" class="primary" disabled={saving.pending()}>
          {saving.pending() ? s().season.saving : s().season.save}
        </button>
      </form>
    </section>
  );
}

function Proposal(props: { season: SeasonInfo }) {
  const s = useContributionText();
  const { mouths } = useI18n();
  const format = useMoneyFormat();
  const p = () => props.season.proposal;
  const id = createUniqueId();
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{s().season.proposal}</h2>
      <p>
        {s().season.state}: <strong>{s().season.states[props.season.status]}</strong>
      </p>
      <Show when={p().rateCents !== null} fallback={<p>{s().season.noProposal}</p>}>
        <FigureList
          items={[
            { label: s().season.rate, value: format.money(p().rateCents ?? 0) },
            { label: s().season.vegetarianRate, value: format.money(p().vegetarianRateCents ?? 0) },
            { label: s().season.mouths, value: mouths(p().mouths) },
            { label: s().season.households, value: p().households },
          ]}
        />
      </Show>
    </section>
  );
}

const confirmFields = ["rateCents", "vegetarianRateCents", "effectiveFrom"];

function Confirm(props: { season: SeasonInfo }) {
  const s = useContributionText();
  const fieldError = useFieldError();
  const confirming = useActionForm(confirmSeason);
  const [done, setDone] = createSignal<string>();
  const id = createUniqueId();
  let form: HTMLFormElement | undefined;

  async function confirm() {
    setDone(undefined);
    const data = new FormData(form);
    const rate = text(data, "rate");
    const vegetarianRate = text(data, "vegetarianRate");
    const effectiveFrom = text(data, "effectiveFrom");
    const res = await confirming.submit(props.season.year, {
      ...(rate ? { rateCents: parseEuros(rate) } : {}),
      ...(vegetarianRate ? { vegetarianRateCents: parseEuros(vegetarianRate) } : {}),
      ...(effectiveFrom ? { effectiveFrom } : {}),
    });
    if (res) setDone(s().season.confirmed);
  }

  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{s().season.confirm}</h2>
      <p>{s().season.confirmIntro}</p>
      <form ref={form} onSubmit={(e) => e.preventDefault()} novalidate>
        <TextField
          label={s().season.otherRate}
          name="rate"
          inputmode="decimal"
          autocomplete="off"
          error={fieldError(confirming.error(), "rateCents")}
        />
        <TextField
          label={s().season.otherVegetarianRate}
          name="vegetarianRate"
          inputmode="decimal"
          autocomplete="off"
          error={fieldError(confirming.error(), "vegetarianRateCents")}
        />
        <Show when={props.season.versions.length > 0}>
          <TextField
            label={s().season.effectiveFrom}
            hint={s().season.effectiveFromHint}
            name="effectiveFrom"
            type="date"
            error={fieldError(confirming.error(), "effectiveFrom")}
          />
        </Show>
        <FormError error={confirming.error()} fields={confirmFields} />
        <Status message={done()} />
        <AskFirst
          class="primary"
          label={s().season.confirm}
          question={s().season.confirmQuestion(props.season.year)}
          yes={s().season.confirmYes}
          no={s().season.cancel}
          pendingLabel={s().season.confirming}
          pending={confirming.pending()}
          onYes={confirm}
        />
      </form>
    </section>
  );
}

function Versions(props: { season: SeasonInfo }) {
  const s = useContributionText();
  const format = useMoneyFormat();
  return (
    <Show when={props.season.versions.length}>
      <DataTable
        caption={s().season.versions}
        rows={props.season.versions}
        columns={[
          { label: s().season.version, head: true, cell: (v) => v.version },
          { label: s().season.rate, num: true, cell: (v) => format.money(v.rateCents) },
          { label: s().season.vegetarianRate, num: true, cell: (v) => format.money(v.vegetarianRateCents) },
          { label: s().season.from, cell: (v) => format.day(v.effectiveFrom) },
        ]}
      />
    </Show>
  );
}
