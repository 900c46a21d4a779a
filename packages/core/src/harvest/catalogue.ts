import * as z from "zod/mini";
import { useFarmID } from "../actor";
import { useDB } from "../entities";
import { units, type Unit } from "./crop";

/*
 * The farmer's crop catalogue: every crop entered in past weeks, with the
 * unit, step and meat flag it was last entered with, so a week is entered
 * by picking crops rather than typing them out again.
 */

export namespace Catalogue {
  export const Crop = z.object({
    crop: z.string(),
    unit: z.enum(units),
    /** The step last entered; absent when the unit's default was used. */
    step: z.optional(z.number()),
    meat: z.boolean(),
    /** In how many weeks it was entered: the catalogue lists the usual crops first. */
    weeks: z.number(),
    lastWeek: z.string(),
  });
  export type Crop = z.infer<typeof Crop>;

  interface Entered {
    crop: string;
    unit: Unit;
    step?: number;
    meat?: boolean;
  }

  const nameKey = (crop: string) => crop.trim().toLowerCase().replace(/\s+/g, " ");

  /**
   * The catalogue from weeks in any order: one entry per crop name (case and
   * spacing ignored), as it was entered the latest week; most used first.
   */
  export function build(weeks: { week: string; items: Entered[] }[]): Crop[] {
    const byName = new Map<string, Crop>();
    for (const w of [...weeks].sort((a, b) => (a.week < b.week ? -1 : 1))) {
      for (const item of w.items) {
        const key = nameKey(item.crop);
        const before = byName.get(key);
        // a crop entered twice in one week counts once
        const counted = before && before.lastWeek === w.week ? before.weeks : (before?.weeks ?? 0) + 1;
        byName.set(key, {
          crop: item.crop.trim(),
          unit: item.unit,
          ...(item.step !== undefined ? { step: item.step } : {}),
          meat: !!item.meat,
          weeks: counted,
          lastWeek: w.week,
        });
      }
    }
    return [...byName.values()].sort((a, b) => b.weeks - a.weeks || a.crop.localeCompare(b.crop, "nl"));
  }

  /** The farm's catalogue from every week entered (a season is about 50 small items). */
  export async function list(): Promise<Crop[]> {
    const res = await useDB().entities.harvestWeek.query.byWeek({ farmID: useFarmID() }).go({ pages: "all" });
    return build(res.data.map((w) => ({ week: w.week, items: w.items as Entered[] })));
  }
}
