import * as z from "zod/mini";
import { useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Farm } from "./farm";
import { FarmPublic } from "./public";

/**
 * The farm settings the board keeps on its own screen: capacity, the opt-out
 * deadline, the child factor, the hours target, the pickup moments and the
 * proxy limit. A save names the version it was read at and is refused when
 * the farm was written since (by another board member, or a season save), so
 * two people editing at once never silently undo each other.
 */
export namespace FarmSettings {
  export const Fields = z.pick(Farm.Settings, {
    capacityMouths: true,
    optOutDaysBefore: true,
    optOutTime: true,
    childFactor: true,
    targetHours: true,
    pickup: true,
    maxProxies: true,
  });
  export type Fields = z.infer<typeof Fields>;
  const keys = Object.keys(Fields.shape) as (keyof Fields)[];

  /** The settings with the version they were read at. */
  export const Info = z.extend(Fields, { version: z.string() });
  export type Info = z.infer<typeof Info>;

  /** A save: every field, and the version the screen read. */
  export const Input = z.extend(Fields, { version: z.string().check(z.maxLength(100)) });

  export const changed = () =>
    new VisibleError("conflict", "farm.changed", "The settings were changed meanwhile; reload them and try again.");

  /** The board's settings, read consistently: the version must be the stored one. */
  export async function get(): Promise<Info> {
    const farmID = useFarmID();
    const item = (await useDB().entities.farm.get({ farmID }).go({ consistent: true })).data;
    if (!item) throw new VisibleError("not_found", "farm.not_found", "This farm does not exist.");
    const info: Record<string, unknown> = { version: item.version ?? "" };
    for (const key of keys) info[key] = item[key] ?? Farm.defaults[key];
    return info as Info;
  }

  /** Pickup moments in week order: Monday first, then by the time they start. */
  export function ordered(pickup: readonly Farm.PickupMoment[]) {
    return [...pickup].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
  }

  /**
   * Saves the settings over the version read; the write and its audit event
   * (what changed, from and to) are one transaction. Nothing changed writes
   * nothing.
   */
  export async function save(input: z.output<typeof Input>): Promise<Info> {
    const farmID = useFarmID();
    const { version, ...fields } = input;
    const next: Fields = { ...fields, pickup: ordered(fields.pickup) };
    const before = await get();
    if (before.version !== version) throw changed();
    const changes = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]));
    if (!changes.length) return before;
    const set = Object.fromEntries(changes.map((k) => [k, next[k]]));
    const res = await useDB()
      .transaction.write(({ farm, audit }) => [
        farm
          .patch({ farmID })
          .set(set)
          .where((a, op) => (version ? op.eq(a.version, version) : op.notExists(a.version)))
          .commit(),
        audit
          .create(Audit.event("farm.settings", farmID, Object.fromEntries(changes.map((k) => [k, { from: before[k], to: next[k] }]))))
          .commit(),
      ])
      .go();
    if (res.canceled) throw changed();
    Farm.forget(farmID);
    FarmPublic.forget(farmID);
    return get();
  }
}
