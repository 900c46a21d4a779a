import { createUniqueId, Show } from "solid-js";
import { action, createAsync } from "@solidjs/router";
import { FormEnd, FormError, Loads, Status } from "../components/feedback";
import { EurosField, TextField } from "../components/field";
import { DataTable, FigureList } from "../components/data-table";
import { AskFirst } from "../components/ask-first";
import { RestrictedScreen, YearPicker } from "../components/membership-screen";
import { useI18n } from "../i18n";
import { useContributionText, useMoneyFormat } from "../i18n/contribution";
import { formData, text, useSaveForm, whole } from "../lib/form";
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
  useYear,
} from "../lib/contribution";

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
  const year = useYear();
  const season = createAsync(() => getSeason(year()));
  return (
    <RestrictedScreen title={s().season.title} allow={canReadRegister}>
      <YearPicker year={year()} path="/contribution/season" shown={s().season.year(year())} />
      <p>{s().season.intro}</p>
      <Loads>
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
      </Loads>
    </RestrictedScreen>
  );
}

const figureFields = ["budgetCents", "weeks", "vegetarianDiscountCents"];

function Figures(props: { year: number; season: SeasonInfo | null }) {
  const s = useContributionText();
  const saving = useSaveForm(saveSeason);
  const id = createUniqueId();

  async function submit(e: SubmitEvent) {
    const data = formData(e);
    const discount = text(data, "vegetarianDiscount");
    await saving.save(() => s().season.saved, props.year, {
      budgetCents: parseEuros(text(data, "budget")),
      weeks: whole(data, "weeks"),
      ...(discount ? { vegetarianDiscountCents: parseEuros(discount) } : {}),
    });
  }

  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{s().season.figures}</h2>
      <form onSubmit={submit} novalidate>
        <SeasonAmount name="budget" season={props.season} error={saving.fieldError} />
        <TextField
          label={s().season.weeks}
          name="weeks"
          type="number"
          inputmode="numeric"
          min={1}
          max={53}
          step={1}
          value={props.season?.weeks ?? 52}
          error={saving.fieldError("weeks")}
        />
        <SeasonAmount name="vegetarianDiscount" season={props.season} error={saving.fieldError} />
        <FormEnd
          error={saving.error()}
          fields={figureFields}
          saved={saving.saved()}
          pending={saving.pending()}
          label={s().season.save}
          pendingLabel={s().season.saving}
        />
      </form>
    </section>
  );
}

/** One of the season's amounts in euros: its label, hint, value and error follow from its name. */
function SeasonAmount(props: {
  name: "budget" | "vegetarianDiscount";
  season: SeasonInfo | null;
  error: (path: string) => string | undefined;
}) {
  const s = useContributionText();
  const { locale } = useI18n();
  const path = () => `${props.name}Cents` as const;
  return (
    <EurosField
      label={s().season[props.name]}
      hint={s().season[`${props.name}Hint`]}
      name={props.name}
      value={props.season ? eurosField(props.season[path()], locale()) : ""}
      error={props.error(path())}
    />
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
  const confirming = useSaveForm(confirmSeason);
  const id = createUniqueId();
  let form: HTMLFormElement | undefined;

  async function confirm() {
    const data = new FormData(form);
    const rate = text(data, "rate");
    const vegetarianRate = text(data, "vegetarianRate");
    const effectiveFrom = text(data, "effectiveFrom");
    await confirming.save(() => s().season.confirmed, props.season.year, {
      ...(rate ? { rateCents: parseEuros(rate) } : {}),
      ...(vegetarianRate ? { vegetarianRateCents: parseEuros(vegetarianRate) } : {}),
      ...(effectiveFrom ? { effectiveFrom } : {}),
    });
  }

  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{s().season.confirm}</h2>
      <p>{s().season.confirmIntro}</p>
      <form ref={form} onSubmit={(e) => e.preventDefault()} novalidate>
        <EurosField label={s().season.otherRate} name="rate" error={confirming.fieldError("rateCents")} />
        <EurosField
          label={s().season.otherVegetarianRate}
          name="vegetarianRate"
          error={confirming.fieldError("vegetarianRateCents")}
        />
        <Show when={props.season.versions.length > 0}>
          <TextField
            label={s().season.effectiveFrom}
            hint={s().season.effectiveFromHint}
            name="effectiveFrom"
            type="date"
            error={confirming.fieldError("effectiveFrom")}
          />
        </Show>
        <FormError error={confirming.error()} fields={confirmFields} />
        <Status message={confirming.saved()} />
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
