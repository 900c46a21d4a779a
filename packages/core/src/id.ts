import { monotonicFactory } from "ulid";
import * as z from "zod/mini";
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
  assembly: "alv",
  agendaItem: "itm",
  payment: "pay",
  application: "app",
  news: "nws",
  photo: "img",
  poll: "pl",
  document: "doc",
} as const;

export type IDKind = keyof typeof prefixes;

/** Prefixed, time-sortable IDs (`hh_01J…`), readable in logs and URLs. */
export function createID(kind: IDKind): string {
  return `${prefixes[kind]}_${next(Clock.now()).toLowerCase()}`;
}

/**
 * An ID as it comes in from outside. Keys are stored lowercased (ElectroDB's
 * default), so "HH_01…" would find hh_01… while every comparison with the
 * real ID calls it another one (a household holding its own proxy), and it
 * would be stored under that other spelling. Our IDs are lowercase.
 */
export const ID = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(100),
  z.refine(isLowercase, { message: "IDs are written in lowercase." }),
);

export function isLowercase(id: string) {
  return id === id.toLowerCase();
}
