import { createSignal, createUniqueId, For, Show } from "solid-js";
import { action, createAsync, revalidate } from "@solidjs/router";
import { FormError, Loads, Status } from "../components/feedback";
import { CheckboxField, TextField } from "../components/field";
import { Page } from "../components/page";
import { useI18n } from "../i18n";
import { PlanMessages, usePlanText } from "../i18n/plan";
import { harvestApi, getMyHarvest, type HarvestMine } from "../lib/harvest";
import { getMyWeeks, planApi, type HolidayResult } from "../lib/harvest-plan";
import { useHarvestFormat } from "../lib/harvest-view";
import { formData, text, useActionForm } from "../lib/form";
import { weekLabel } from "../lib/week";
import "../components/plan.css";


const setOptOut = action(async (week: string, optedOut: boolean) => {
  const mine = await harvestApi.setOptOut(week, optedOut);
  await revalidate([getMyWeeks.key, getMyHarvest.keyFor(week)]);
  return mine;
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
  const weeks = createAsync(() => getMyWeeks());
  const id = createUniqueId();
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{p().weeks.list}</h2>
      <ul class="week-list">
        <For each={weeks()}>{(w) => <li><WeekToggle mine={w} /></li>}</For>
      </ul>
    </section>
  );
}

/** One week's opt-out: takes effect at once, like the one on the home screen. */
function WeekToggle(props: { mine: HarvestMine }) {
  const p = usePlanText();
  const { locale } = useI18n();
  const format = useHarvestFormat();
  const saving = useActionForm(setOptOut, ([week]) => week === props.mine.week);
  const [message, setMessage] = createSignal<string>();
  const label = () => weekLabel(props.mine.week, locale());

  async function change(optedOut: boolean, input: HTMLInputElement) {
    if (saving.pending()) {
      input.checked = !optedOut;
      return;
    }
    setMessage(undefined);
    const result = await saving.submit(props.mine.week, optedOut);
    if (result) setMessage(result.optedOut ? p().weeks.optedOut(label()) : p().weeks.optedIn(label()));
    else input.checked = props.mine.optedOut;
  }

  return (
    <div class="opt-out">
      <CheckboxField
        name={`optedOut-${props.mine.week}`}
        label={p().weeks.optOut(label())}
        checked={props.mine.optedOut}
        disabled={!props.mine.canOptOut}
        hint={p().weeks.deadline(format.at(props.mine.optOutDeadline))}
        onChange={(checked, input) => void change(checked, input)}
      />
      <FormError error={saving.error()} />
      <Status message={message()} />
    </div>
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
