import { createSignal, createUniqueId, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { A, action, createAsync, json, query, revalidate } from "@solidjs/router";
import { FormError, LoadError, Loading, Status } from "../components/feedback";
import { SelectField, TextField } from "../components/field";
import { TextAreaField } from "../components/text-area";
import { WorkdayScreen } from "../components/workday-screen";
import { useI18n } from "../i18n";
import { useWorkdayText } from "../i18n/workday";
import { farmToday, tasks, useWorkdayFormat } from "../lib/workday-view";
import {
  getMyHours,
  type HoursEntry,
  type HoursReportInput,
  type MyHours,
  workdayApi,
  type WorkdayTask,
} from "../lib/workday";
import { peek } from "../lib/api";
import { text, useActionForm, useFieldError } from "../lib/form";
import { parseDecimal } from "../lib/harvest-view";

/** Reported hours join this season's list as pending, without fetching it again. */
const reportHours = action(async (input: HoursReportInput) => {
  const entry = await workdayApi.hours.report(input);
  const key = getMyHours.keyFor();
  const mine = peek<MyHours>(key);
  if (!mine || !entry.date.startsWith(mine.season)) return json(entry, { revalidate: [key] });
  query.set<MyHours>(key, {
    ...mine,
    pendingHours: mine.pendingHours + entry.hours,
    entries: [entry, ...mine.entries].sort((a, b) => b.date.localeCompare(a.date)),
  });
  await revalidate(key, false);
  return json(entry, { revalidate: [] });
}, "report-hours");

/** The household's hours this season, as thanks; what waits for approval; and reporting flexible work. */
export default function HoursPage() {
  const w = useWorkdayText();
  const hours = createAsync(() => getMyHours());
  return (
    <WorkdayScreen title={w().hours.title}>
      <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={hours()}>
            {(h) => (
              <>
                <Progress hours={h()} />
                <Entries entries={h().entries} />
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
      <Report />
    </WorkdayScreen>
  );
}

function Progress(props: { hours: MyHours }) {
  const w = useWorkdayText();
  const { number } = useI18n();
  const id = createUniqueId();
  const h = () => props.hours;
  const amount = (n: number) => w().count.hours(n, number(n));
  const thanks = () => {
    if (h().confirmedHours <= 0) return w().hours.nothingYet;
    if (h().targetHours > 0 && h().confirmedHours >= h().targetHours)
      return w().hours.reached(amount(h().confirmedHours), amount(h().targetHours));
    return w().hours.thanks(amount(h().confirmedHours));
  };
  return (
    <section class="card" aria-labelledby={`${id}-season`}>
      <h2 id={`${id}-season`}>{w().hours.season(h().season)}</h2>
      <p class="lead">{thanks()}</p>
      <Show when={h().targetHours > 0}>
        <div class="progress">
          <p class="progress-text">
            <span id={`${id}-label`}>{w().hours.progress}</span>{" "}
            <strong>{w().hours.ofTarget(number(h().confirmedHours), amount(h().targetHours))}</strong>
          </p>
          <progress
            max={h().targetHours}
            value={Math.min(h().confirmedHours, h().targetHours)}
            aria-labelledby={`${id}-label`}
            aria-valuetext={w().hours.ofTarget(number(h().confirmedHours), amount(h().targetHours))}
          />
        </div>
        <p class="hint">{w().hours.target(amount(h().targetHours))}</p>
      </Show>
      <Show when={h().pendingHours > 0}>
        <p class="notice info">{w().hours.pending(amount(h().pendingHours))}</p>
      </Show>
    </section>
  );
}

function Entries(props: { entries: HoursEntry[] }) {
  const w = useWorkdayText();
  const { number } = useI18n();
  const format = useWorkdayFormat();
  const status = (e: HoursEntry) => {
    if (e.status === "approved") return w().hours.approved;
    return e.status === "pending" ? w().hours.pendingStatus : w().hours.declined;
  };
  return (
    <section aria-labelledby="entries">
      <h2 id="entries">{w().hours.entries}</h2>
      <Show when={props.entries.length} fallback={<p>{w().hours.noEntries}</p>}>
        <table class="data-table hours-table">
          <thead>
            <tr>
              <th scope="col">{w().hours.date}</th>
              <th scope="col">{w().hours.task}</th>
              <th scope="col" class="num">
                {w().hours.amount}
              </th>
              <th scope="col">{w().hours.status}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.entries}>
              {(e) => (
                <tr classList={{ declined: e.status === "declined" }}>
                  <td>{format.date(e.date, true)}</td>
                  <td>
                    {w().tasks[e.task]}
                    <Show when={e.workdayID}>
                      <span class="meta"> · {w().hours.workday}</span>
                    </Show>
                    <Show when={e.note}>{(note) => <span class="entry-note">{note()}</span>}</Show>
                  </td>
                  <td class="num">{number(e.hours)}</td>
                  <td>{status(e)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}

const reportFields = ["date", "hours", "task", "note"];

function Report() {
  const w = useWorkdayText();
  const { number } = useI18n();
  const fieldError = useFieldError();
  const saving = useActionForm(reportHours);
  const [sent, setSent] = createSignal<string>();
  const today = farmToday();
  let form: HTMLFormElement | undefined;

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setSent(undefined);
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const note = text(data, "note");
    const result = await saving.submit({
      date: text(data, "date"),
      hours: parseDecimal(text(data, "hours")),
      task: text(data, "task") as WorkdayTask,
      ...(note ? { note } : {}),
    });
    if (!result) return;
    setSent(w().hours.sent(w().count.hours(result.hours, number(result.hours))));
    const hoursField = form?.elements.namedItem("hours");
    const noteField = form?.elements.namedItem("note");
    if (hoursField instanceof HTMLInputElement) hoursField.value = "";
    if (noteField instanceof HTMLTextAreaElement) noteField.value = "";
  }

  return (
    <section class="card" aria-labelledby="report">
      <h2 id="report">{w().hours.report}</h2>
      <p>{w().hours.reportIntro}</p>
      <form ref={form} onSubmit={submit} novalidate>
        <TextField
          label={w().hours.reportDate}
          name="date"
          type="date"
          max={today}
          value={today}
          error={fieldError(saving.error(), "date")}
        />
        <TextField
          label={w().hours.reportHours}
          hint={w().hours.reportHoursHint}
          name="hours"
          inputmode="decimal"
          autocomplete="off"
          error={fieldError(saving.error(), "hours")}
        />
        <SelectField
          label={w().hours.reportTask}
          name="task"
          value="other"
          options={tasks.map((task) => ({ value: task, label: w().tasks[task] }))}
          error={fieldError(saving.error(), "task")}
        />
        <TextAreaField
          label={w().hours.reportNote}
          hint={w().hours.reportNoteHint}
          name="note"
          rows="3"
          maxLength={500}
          error={fieldError(saving.error(), "note")}
        />
        <FormError error={saving.error()} fields={reportFields} />
        <Status message={sent()} />
        <button type="submit" class="primary" disabled={saving.pending()}>
          {saving.pending() ? w().hours.sending : w().hours.send}
        </button>
      </form>
      <p>
        <A href="/workdays">{w().card.all}</A>
      </p>
    </section>
  );
}
