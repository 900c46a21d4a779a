import { createSignal, For, Show, Suspense, untrack } from "solid-js";
import { action, createAsync } from "@solidjs/router";
import { useI18n } from "../i18n";
import { useWorkdayText } from "../i18n/workday";
import { settle } from "../lib/api";
import { useActionForm } from "../lib/form";
import { getRoster, getWalkIns, workdayApi, type WorkdayRoster } from "../lib/workday";
import { FormError, Loading, Status } from "./feedback";
import { HouseholdPicker } from "./household-picker";

const saveAttendance = action(
  async (workdayID: string, present: string[], hours: Record<string, number>) =>
    settle(getRoster.keyFor(workdayID), await workdayApi.attendance(workdayID, present, hours)),
  "save-attendance",
);

/** The day's hours as credited to each person present: whole quarters, as core counts them. */
export function hoursOf(day: { start: string; end: string }) {
  return Math.round(((Date.parse(day.end) - Date.parse(day.start)) / 3_600_000) * 4) / 4;
}

type Row = { personID: string; name: string; walkIn: boolean };

/**
 * Ticking who came, once the day has begun: each with the day's hours or
 * their own, and anyone of a member household who came without signing up.
 */
export function Attendance(props: { roster: WorkdayRoster }) {
  const w = useWorkdayText();
  const { number } = useI18n();
  const saving = useActionForm(saveAttendance);
  const day = () => props.roster.workday;
  const dayHours = () => hoursOf(day());
  // Filled once from what was saved before; then as the coordinator sets them.
  const saved = untrack(() => props.roster.entries);
  const [rows, setRows] = createSignal<Row[]>(
    saved.filter((e) => e.status === "confirmed" || e.status === "walk-in").map((e) => ({ personID: e.personID, name: e.name, walkIn: e.status === "walk-in" })),
  );
  const [present, setPresent] = createSignal(new Set(saved.filter((e) => e.present).map((e) => e.personID)));
  const [hours, setHours] = createSignal(new Map(saved.filter((e) => e.hours !== null).map((e) => [e.personID, e.hours!])));
  const toggle = (personID: string, on: boolean) =>
    setPresent((now) => {
      const next = new Set(now);
      if (on) next.add(personID);
      else next.delete(personID);
      return next;
    });
  const hoursFor = (personID: string) => hours().get(personID) ?? dayHours();
  const done = () => {
    const r = saving.result();
    if (!r) return undefined;
    const came = r.entries.filter((e) => e.present);
    const total = came.reduce((sum, e) => sum + (e.hours ?? 0), 0);
    return w().roster.saved(w().count.people(came.length), w().count.hours(total, number(total)));
  };

  function addWalkIn(person: { id: string; name: string } | undefined) {
    if (!person) return;
    if (!rows().some((r) => r.personID === person.id)) setRows([...rows(), { personID: person.id, name: person.name, walkIn: true }]);
    toggle(person.id, true);
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const ids = rows()
      .map((r) => r.personID)
      .filter((id) => present().has(id));
    const own = Object.fromEntries(ids.filter((id) => hoursFor(id) !== dayHours()).map((id) => [id, hoursFor(id)]));
    await saving.submit(day().id, ids, own);
  }

  return (
    <form onSubmit={submit} novalidate class="no-print">
      <fieldset class="attendance">
        <legend>{w().roster.present}</legend>
        <p class="hint">{w().roster.presentHint}</p>
        <p class="hint">{w().roster.hoursHint(w().count.hours(dayHours(), number(dayHours())))}</p>
        <ul class="checks attendance-rows">
          <For each={rows()}>
            {(row) => (
              <li class="field check attendance-row">
                <input
                  type="checkbox"
                  id={`present-${row.personID}`}
                  name="present"
                  value={row.personID}
                  checked={present().has(row.personID)}
                  onChange={(e) => toggle(row.personID, e.currentTarget.checked)}
                />
                <label for={`present-${row.personID}`}>{row.walkIn ? `${row.name} (${w().roster.walkIn})` : row.name}</label>
                <Show when={present().has(row.personID)}>
                  <input
                    type="number"
                    class="hours-input"
                    aria-label={w().roster.hoursOf(row.name)}
                    inputmode="decimal"
                    min={0.25}
                    max={24}
                    step={0.25}
                    value={hoursFor(row.personID)}
                    onChange={(e) => {
                      const value = e.currentTarget.valueAsNumber;
                      setHours((now) => new Map(now).set(row.personID, Number.isFinite(value) ? value : dayHours()));
                    }}
                  />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </fieldset>
      <p class="muted">{w().roster.count(present().size, rows().length)}</p>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() => setPresent(new Set([...present(), ...rows().filter((r) => !r.walkIn).map((r) => r.personID)]))}
        >
          {w().roster.everyone}
        </button>
      </div>
      <WalkInPicker workdayID={day().id} onPick={addWalkIn} />
      <FormError error={saving.error()} />
      <Status message={done()} />
      <div class="actions">
        <button type="submit" class="primary" disabled={saving.pending()}>
          {saving.pending() ? w().roster.saving : w().roster.save}
        </button>
      </div>
    </form>
  );
}

/** A search over the member households' people, loaded when first opened. */
function WalkInPicker(props: { workdayID: string; onPick: (person: { id: string; name: string } | undefined) => void }) {
  const w = useWorkdayText();
  const [open, setOpen] = createSignal(false);
  return (
    <details class="walk-ins" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{w().roster.walkIns}</summary>
      <Show when={open()}>
        <Suspense fallback={<Loading />}>
          <WalkInSearch workdayID={props.workdayID} onPick={props.onPick} />
        </Suspense>
      </Show>
    </details>
  );
}

function WalkInSearch(props: { workdayID: string; onPick: (person: { id: string; name: string } | undefined) => void }) {
  const w = useWorkdayText();
  const people = createAsync(() => getWalkIns(props.workdayID));
  const [picked, setPicked] = createSignal("");
  return (
    <Show when={people()}>
      {(list) => (
        <HouseholdPicker
          label={w().roster.walkInPick}
          hint={w().roster.walkInHint}
          name="walkIn"
          households={list().map((p) => ({ id: p.personID, name: p.name, detail: p.household }))}
          value={picked()}
          onChange={(id) => {
            const person = list().find((p) => p.personID === id);
            props.onPick(person && { id: person.personID, name: person.name });
            // ready for the next one
            setPicked(id ?? "");
            queueMicrotask(() => setPicked(""));
          }}
        />
      )}
    </Show>
  );
}
