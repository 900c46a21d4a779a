import { Show } from "solid-js";
import { A, action, json, useSubmissions } from "@solidjs/router";
import { useWorkdayText, type WorkdayDictionary } from "../i18n/workday";
import { expected, freePlaces, hasStarted, isOpen, signUpOrOff, useWorkdayFormat } from "../lib/workday-view";
import type { WorkdayInfo } from "../lib/workday";
import { useActionForm } from "../lib/form";
import { FormError, Status } from "./feedback";

/**
 * Signing up or off in one tap. While the server answers, the day is shown
 * as it most likely will be (`useShownDay`); the answer then puts the real
 * counts and the place in line in every list, or the day shows as it was,
 * with the reason.
 */
export const changeSignup = action(async (day: WorkdayInfo, change: "signup" | "cancel") => {
  const { status, fresh } = await signUpOrOff(day, change);
  return json({ change, status, place: fresh?.waitlistPlace ?? null }, { revalidate: [] });
}, "workday-signup");

/** The day as it will most likely be while signing up or off is on its way (optimistic), else as it is. */
export function useShownDay(day: () => WorkdayInfo) {
  const runs = useSubmissions(changeSignup, ([d]) => d.id === day().id);
  return () => {
    const pending = [...runs].reverse().find((r) => r.pending);
    return pending ? expected(day(), pending.input[1]) : day();
  };
}

/** "Nog 3 plekken", "Vol — wachtlijst", "Begonnen", "Geannuleerd". */
export function spots(w: WorkdayDictionary, day: WorkdayInfo): string {
  if (day.status === "cancelled") return w.day.cancelled;
  if (hasStarted(day)) return w.day.started;
  const free = freePlaces(day);
  if (free > 0) return w.day.free(free);
  return day.waitlisted > 0 ? w.day.fullWaiting(day.waitlisted) : w.day.full;
}

/** The caller's own sign-up in words: "Je bent aangemeld", "Op de wachtlijst, plek 2". */
export function ownState(w: WorkdayDictionary, day: WorkdayInfo): string | undefined {
  if (day.mine === "confirmed") return w.day.confirmed;
  if (day.mine === "waitlisted") return day.waitlistPlace ? w.day.waitlistedAt(day.waitlistPlace) : w.day.waitlisted;
  return undefined;
}

/**
 * The caller's own sign-up and the one button that changes it. The button
 * stays the same element whatever it says, so focus stays on it; while the
 * server answers it ignores taps instead of being disabled, for the same reason.
 */
export function SignupControls(props: { day: WorkdayInfo }) {
  const w = useWorkdayText();
  const format = useWorkdayFormat();
  const saving = useActionForm(changeSignup, ([d]) => d.id === props.day.id);
  const day = useShownDay(() => props.day);
  const label = () => {
    if (day().mine === "confirmed") return w().day.cancel;
    if (day().mine === "waitlisted") return w().day.leaveWaitlist;
    return freePlaces(day()) > 0 ? w().day.signUp : w().day.joinWaitlist;
  };
  const message = () => {
    const result = saving.result();
    if (!result) return undefined;
    if (result.change === "cancel") return w().day.cancelledSignup(day().title);
    return result.status === "waitlisted"
      ? w().day.waiting(result.place)
      : w().day.signedUp(day().title, format.when(day()));
  };

  function toggle() {
    if (saving.pending()) return;
    void saving.submit(props.day, day().mine ? "cancel" : "signup");
  }

  return (
    <div class="signup">
      <Show when={ownState(w(), day())}>{(state) => <p class="own-state">{state()}</p>}</Show>
      <Show when={isOpen(day())}>
        <button
          type="button"
          class={day().mine ? "secondary" : "primary"}
          aria-label={w().day.action(label(), day().title, format.when(day()))}
          aria-disabled={saving.pending() ? "true" : undefined}
          onClick={toggle}
        >
          {label()}
        </button>
      </Show>
      <FormError error={saving.error()} />
      <Status message={message()} />
    </div>
  );
}

/** A day in a list: its title (a link to the day), task, time, place, places left, and signing up. */
export function DayItem(props: {
  day: WorkdayInfo;
  canSignUp: boolean;
  level: 3 | 4;
  /** With the date, where no heading above says it. */
  withDate?: boolean;
}) {
  const w = useWorkdayText();
  const format = useWorkdayFormat();
  const day = useShownDay(() => props.day);
  const meta = () =>
    w().day.meta(
      [
        w().tasks[day().task],
        props.withDate ? format.when(day()) : format.times(day()),
        day().location ?? "",
      ].filter(Boolean),
    );
  return (
    <li class="card workday" classList={{ cancelled: day().status === "cancelled" }}>
      <Show
        when={props.level === 3}
        fallback={
          <h4 class="workday-title">
            <A href={`/workdays/${day().id}`}>{day().title}</A>
          </h4>
        }
      >
        <h3 class="workday-title">
          <A href={`/workdays/${day().id}`}>{day().title}</A>
        </h3>
      </Show>
      <p class="workday-meta">{meta()}</p>
      <p class="spots" classList={{ full: freePlaces(day()) === 0 }}>
        {spots(w(), day())}
      </p>
      <Show when={props.canSignUp}>
        <SignupControls day={props.day} />
      </Show>
    </li>
  );
}
