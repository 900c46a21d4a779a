import { query } from "@solidjs/router";
import type { z } from "zod/mini";
import type { ArrearsReminders } from "@akker/core/contribution/reminder";
import { loggedIn, request } from "./api";

/* The treasurer's reminder schedule for arrears (core: contribution/reminder.ts). */

export type ReminderSchedule = ArrearsReminders.Schedule;
export type ReminderInput = z.input<typeof ArrearsReminders.Input>;

export const arrearsApi = {
  schedule: (year: number) => request<{ schedule: ReminderSchedule }>("GET", `/contribution/reminders/${year}`).then((r) => r.schedule),
  saveSchedule: (year: number, input: ReminderInput) =>
    request<{ schedule: ReminderSchedule }>("PUT", `/contribution/reminders/${year}`, input).then((r) => r.schedule),
};

export const getReminderSchedule = query((year: number) => loggedIn(() => arrearsApi.schedule(year)), "reminder-schedule");

/** "14, 30" or "14 30" as days; NaN for a part that is no number, which the API refuses with its message. */
export function parseSteps(value: string): number[] {
  return value
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : Number.NaN));
}
