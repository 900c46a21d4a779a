import { createSignal, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { action, createAsync, json } from "@solidjs/router";
import { FormError, LoadError, Loading, Status } from "../components/feedback";
import { WorkdayScreen } from "../components/workday-screen";
import { useI18n } from "../i18n";
import { useWorkdayText } from "../i18n/workday";
import {
  getPendingHours,
  type HoursDecision,
  type HoursEntry,
  type PendingHoursEntry,
  workdayApi,
} from "../lib/workday";
import { useWorkdayFormat } from "../lib/workday-view";
import { canOrganiseWorkdays, getMe } from "../lib/person";
import { peek, settle } from "../lib/api";
import { useActionForm } from "../lib/form";
import NotFound from "./not-found";

/** A decided entry leaves the list of pending ones; nothing is fetched again. */
const decideHours = action(async (entry: HoursEntry, decision: HoursDecision) => {
  const decided = await workdayApi.hours.decide(entry.id, decision);
  const key = getPendingHours.keyFor();
  settle(key, (peek<PendingHoursEntry[]>(key) ?? []).filter((e) => e.id !== decided.id));
  return json(decided, { revalidate: [] });
}, "decide-hours");

/** For the farmer and the coordinators: hours members reported for flexible work, to approve or not count. */
export default function PendingHours() {
  const w = useWorkdayText();
  const me = createAsync(() => getMe());
  const entries = createAsync(() => getPendingHours());
  return (
    <Show when={me()}>
      <Show when={canOrganiseWorkdays(me())} fallback={<NotFound />}>
        <WorkdayScreen title={w().pending.title}>
          <p>{w().pending.intro}</p>
          <ErrorBoundary fallback={(error, reset) => <LoadError error={error} reset={reset} />}>
            <Suspense fallback={<Loading />}>
              <Show when={entries()}>{(list) => <Entries entries={list()} />}</Show>
            </Suspense>
          </ErrorBoundary>
        </WorkdayScreen>
      </Show>
    </Show>
  );
}

function Entries(props: { entries: PendingHoursEntry[] }) {
  const w = useWorkdayText();
  const { number } = useI18n();
  const format = useWorkdayFormat();
  const deciding = useActionForm(decideHours);
  const [message, setMessage] = createSignal<string>();
  const amount = (e: HoursEntry) => w().count.hours(e.hours, number(e.hours));
  const label = (action: string, e: HoursEntry) =>
    w().day.meta([action, w().pending.entry(w().tasks[e.task], format.date(e.date, true), amount(e))]);

  async function decide(entry: HoursEntry, decision: HoursDecision) {
    if (deciding.pending()) return;
    setMessage(undefined);
    const index = props.entries.findIndex((e) => e.id === entry.id);
    const decided = await deciding.submit(entry, decision);
    if (!decided) return;
    setMessage(decision === "approved" ? w().pending.approved(amount(entry)) : w().pending.declined(amount(entry)));
    // Carry on with the next entry to decide, where the decided one was; or at the heading when none are left.
    const open = props.entries.filter((e) => !e.own);
    const next = open.find((e) => props.entries.indexOf(e) >= index) ?? open.at(-1);
    (next ? document.getElementById(`approve-${next.id}`) : document.querySelector("h1"))?.focus();
  }

  return (
    <>
      <Status message={message()} />
      <FormError error={deciding.error()} />
      <Show when={props.entries.length} fallback={<p>{w().pending.none}</p>}>
        <ul class="pending-list">
          <For each={props.entries}>
            {(entry) => (
              <li class="card">
                <p class="card-title">
                  {w().tasks[entry.task]} · {amount(entry)}
                </p>
                <p class="workday-meta">
                  {entry.personName} ({entry.householdName}) · {format.date(entry.date)}
                </p>
                <Show when={entry.note}>
                  {(note) => <p class="description">{note()}</p>}
                </Show>
                <Show when={!entry.own} fallback={<p class="muted">{w().pending.own}</p>}>
                  <div class="actions">
                    <button
                      id={`approve-${entry.id}`}
                      type="button"
                      class="primary"
                      aria-label={label(w().pending.approve, entry)}
                      aria-disabled={deciding.pending() ? "true" : undefined}
                      onClick={() => void decide(entry, "approved")}
                    >
                      {w().pending.approve}
                    </button>
                    <button
                      type="button"
                      class="secondary"
                      aria-label={label(w().pending.decline, entry)}
                      aria-disabled={deciding.pending() ? "true" : undefined}
                      onClick={() => void decide(entry, "declined")}
                    >
                      {w().pending.decline}
                    </button>
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
