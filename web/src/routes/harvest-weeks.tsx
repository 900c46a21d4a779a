import { createSignal, createUniqueId, For, Show } from "solid-js";
import { action, createAsync, revalidate } from "@solidjs/router";
import { FormError, Loads } from "../components/feedback";
import { TextField } from "../components/field";
import { OptOut } from "../components/harvest-share";
import { Page } from "../components/page";
import { useI18n } from "../i18n";
import { PlanMessages, usePlanText } from "../i18n/plan";
import { settle } from "../lib/api";
import { harvestApi, getMyHarvest } from "../lib/harvest";
import { getMyWeeks, planApi, type HolidayResult } from "../lib/harvest-plan";
import { formData, text, useActionForm } from "../lib/form";
import { weekLabel } from "../lib/week";
import "../components/plan.css";

const setOptOut = action(async (week: string, optedOut: boolean) => {
  const mine = await harvestApi.setOptOut(week, optedOut);
  void revalidate(getMyWeeks.key);
  return settle(getMyHarvest.keyFor(week), mine);
}, "plan-opt-out");

const planHoliday = action(async (from: string, to: string) => {
  const weeks = await planApi.holiday(from, to);
  await revalidate([getMyWeeks.key, getMyHarvest.key]);
  return weeks;
}, "plan-holiday");

/** "Mijn weken": the coming eight weeks to opt out of, and a holiday in one go. */
export default function HarvestWeeks() {
  const p = usePlanText();
  return (
    <Page title={p().weeks.title}>
      <PlanMessages>
        <p class="lead">{p().weeks.intro}</p>
        <Holiday />
        <Loads>
          <Weeks />
        </Loads>
      </PlanMessages>
    </Page>
  );
}

function Weeks() {
  const p = usePlanText();
  const { locale } = useI18n();
  const weeks = createAsync(() => getMyWeeks());
  const id = createUniqueId();
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{p().weeks.list}</h2>
      <ul class="week-list">
        <For each={weeks()}>
          {(w) => {
            const label = () => weekLabel(w.week, locale());
            return (
              <li>
                <OptOut
                  mine={w}
                  act={setOptOut}
                  label={p().weeks.optOut(label())}
                  news={(out) => (out ? p().weeks.optedOut(label()) : p().weeks.optedIn(label()))}
                />
              </li>
            );
          }}
        </For>
      </ul>
    </section>
  );
}

/** A holiday: from its first to its last day, every week it touches opted out in one request. */
function Holiday() {
  const p = usePlanText();
  const { locale, t } = useI18n();
  const errors = () => t().errors as Record<string, string>;
  const saving = useActionForm(planHoliday);
  const [results, setResults] = createSignal<HolidayResult[]>();
  const id = createUniqueId();

  async function submit(e: SubmitEvent) {
    const data = formData(e);
    setResults(undefined);
    const done = await saving.submit(text(data, "from"), text(data, "to"));
    if (done) setResults(done);
  }

  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{p().holiday.title}</h2>
      <p>{p().holiday.intro}</p>
      <form onSubmit={(e) => void submit(e)}>
        <div class="field-row">
          <TextField type="date" name="from" label={p().holiday.from} required />
          <TextField type="date" name="to" label={p().holiday.to} required />
        </div>
        <FormError error={saving.error()} />
        <button type="submit" disabled={saving.pending()}>
          {saving.pending() ? p().holiday.saving : p().holiday.submit}
        </button>
      </form>
      <Show when={results()}>
        {(list) => (
          <div role="status">
            <h3>{p().holiday.results}</h3>
            <ul>
              <For each={list()}>
                {(r) => (
                  <li>
                    {r.result === "done"
                      ? p().holiday.done(weekLabel(r.week, locale()))
                      : p().holiday.refused(weekLabel(r.week, locale()), errors()[r.code ?? ""] ?? r.message ?? "")}
                  </li>
                )}
              </For>
            </ul>
          </div>
        )}
      </Show>
    </section>
  );
}
