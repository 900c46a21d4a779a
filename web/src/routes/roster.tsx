import { createSignal, For, Show, untrack } from "solid-js";
import { A, action, createAsync, type RouteSectionProps } from "@solidjs/router";
import { FormError, Loads, Status } from "../components/feedback";
import { WorkdayScreen } from "../components/workday-screen";
import { useI18n } from "../i18n";
import { useWorkdayText } from "../i18n/workday";
import { getRoster, workdayApi, type WorkdayRoster } from "../lib/workday";
import { hasStarted, useWorkdayFormat } from "../lib/workday-view";
import { canOrganiseWorkdays } from "../lib/person";
import { settle } from "../lib/api";
import { useActionForm } from "../lib/form";
import { Restricted } from "../components/restricted";

const saveAttendance = action(
  async (workdayID: string, present: string[]) =>
    settle(getRoster.keyFor(workdayID), await workdayApi.attendance(workdayID, present)),
  "save-attendance",
);

/** The day's hours as credited to each person present: whole quarters, as core counts them. */
function hoursOf(day: { start: string; end: string }) {
  return Math.round(((Date.parse(day.end) - Date.parse(day.start)) / 3_600_000) * 4) / 4;
}

/**
 * Who comes, on a phone in the field: the confirmed people, the waiting
 * list in order, and, once the day has begun, ticking who came.
 */
export default function RosterPage(props: RouteSectionProps) {
  const w = useWorkdayText();
  const roster = createAsync(() => getRoster(props.params.id!));
  return (
    <Restricted allow={canOrganiseWorkdays}>
      <WorkdayScreen title={w().roster.title}>
        <p>
          <A href={`/workdays/${props.params.id}`}>{w().roster.back}</A>
        </p>
        <Loads>
          <Show when={roster()?.workday.id} keyed>
            {(_id) => <Roster roster={roster()!} />}
          </Show>
        </Loads>
      </WorkdayScreen>
    </Restricted>
  );
}

function Roster(props: { roster: WorkdayRoster }) {
  const w = useWorkdayText();
  const format = useWorkdayFormat();
  const day = () => props.roster.workday;
  const confirmed = () => props.roster.entries.filter((e) => e.status === "confirmed");
  const waiting = () =>
    props.roster.entries.filter((e) => e.status === "waitlisted").sort((a, b) => a.position - b.position);
  return (
    <>
      <p class="lead">
        {day().title}, {format.when(day())}
        <Show when={day().location}>{(location) => <>, {location()}</>}</Show>
      </p>
      <Show when={day().status === "cancelled"}>
        <p class="notice warning">{w().detail.cancelled}</p>
      </Show>
      <section class="card" aria-labelledby="confirmed">
        <h2 id="confirmed">{w().roster.confirmed(confirmed().length, day().capacity)}</h2>
        <Show when={confirmed().length} fallback={<p>{w().roster.nobody}</p>}>
          <Show
            when={hasStarted(day())}
            fallback={
              <>
                <p class="notice info">{w().roster.notStarted(format.start(day().start))}</p>
                <ol class="roster">
                  <For each={confirmed()}>{(e) => <li>{e.name}</li>}</For>
                </ol>
              </>
            }
          >
            <Attendance roster={props.roster} />
          </Show>
        </Show>
      </section>
      <section class="card" aria-labelledby="waitlist">
        <h2 id="waitlist">{w().roster.waitlist(waiting().length)}</h2>
        <Show when={waiting().length} fallback={<p>{w().roster.noWaitlist}</p>}>
          <ol class="roster">
            <For each={waiting()}>{(e) => <li>{e.name}</li>}</For>
          </ol>
        </Show>
      </section>
    </>
  );
}

function Attendance(props: { roster: WorkdayRoster }) {
  const w = useWorkdayText();
  const { number } = useI18n();
  const saving = useActionForm(saveAttendance);
  const confirmed = () => props.roster.entries.filter((e) => e.status === "confirmed");
  // Ticks as the coordinator sets them; filled once from what was saved before.
  const [present, setPresent] = createSignal(
    new Set(untrack(() => props.roster.entries.filter((e) => e.present).map((e) => e.personID))),
  );
  const toggle = (personID: string, on: boolean) =>
    setPresent((now) => {
      const next = new Set(now);
      if (on) next.add(personID);
      else next.delete(personID);
      return next;
    });
  const saved = () => {
    const r = saving.result();
    if (!r) return undefined;
    const people = r.entries.filter((e) => e.present).length;
    const hours = hoursOf(r.workday);
    return w().roster.saved(w().count.people(people), w().count.hours(hours, number(hours)));
  };

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const ids = confirmed()
      .map((p) => p.personID)
      .filter((id) => present().has(id));
    await saving.submit(props.roster.workday.id, ids);
  }

  return (
    <form onSubmit={submit} novalidate>
      <fieldset class="attendance">
        <legend>{w().roster.present}</legend>
        <p class="hint">{w().roster.presentHint}</p>
        <ul class="checks">
          <For each={confirmed()}>
            {(entry) => (
              <li class="field check">
                <input
                  type="checkbox"
                  id={`present-${entry.personID}`}
                  name="present"
                  value={entry.personID}
                  checked={present().has(entry.personID)}
                  onChange={(e) => toggle(entry.personID, e.currentTarget.checked)}
                />
                <label for={`present-${entry.personID}`}>{entry.name}</label>
              </li>
            )}
          </For>
        </ul>
      </fieldset>
      <p class="muted">{w().roster.count(present().size, confirmed().length)}</p>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() => setPresent(new Set(confirmed().map((e) => e.personID)))}
        >
          {w().roster.everyone}
        </button>
      </div>
      <FormError error={saving.error()} />
      <Status message={saved()} />
      <div class="actions">
        <button type="submit" class="primary" disabled={saving.pending()}>
          {saving.pending() ? w().roster.saving : w().roster.save}
        </button>
      </div>
    </form>
  );
}
