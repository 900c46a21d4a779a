import { monotonicFactory } from "ulid";
import { Clock } from "./clock";

const next = monotonicFactory();

const prefixes = {
  farm: "farm",
  person: "per",
  household: "hh",
  message: "msg",
  event: "evt",
  workday: "wd",
  series: "ser",
  hours: "hr",
  election: "el",
  payment: "pay",
  application: "app",
} as const;

export type IDKind = keyof typeof prefixes;

/** Prefixed, time-sortable IDs (`hh_01J…`), readable in logs and URLs. */
export function createID(kind: IDKind): string {
  return `${prefixes[kind]}_${next(Clock.now()).toLowerCase()}`;
}
