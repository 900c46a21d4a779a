import { cropKey } from "@akker/core/harvest/crop";
import type { HarvestOverview, HarvestUnit } from "./harvest";
import { exact } from "./harvest-view";

/*
 * What the farmer checks before publishing, per crop: how much a mouth gets,
 * the smallest and largest household share, how many households get none
 * (a 45-pumpkin week leaves most without), and what is left.
 */

export interface CropSummary {
  crop: string;
  unit: HarvestUnit;
  /** Handed out over the mouths that may have it (no meat for vegetarians). */
  perMouth: number;
  min: number;
  max: number;
  /** Households that may have it and get none this week. */
  none: number;
  left: number;
}

export function cropSummary(overview: Pick<HarvestOverview, "items" | "allocations" | "leftovers">): CropSummary[] {
  const seen = new Set<string>();
  const out: CropSummary[] = [];
  for (const item of overview.items) {
    const key = cropKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    const eligible = overview.allocations.filter((a) => !(item.meat && a.vegetarian));
    const got = eligible.map((a) =>
      a.lines.filter((l) => cropKey(l) === key).reduce((n, l) => n + l.quantity, 0),
    );
    const mouths = eligible.reduce((n, a) => n + a.mouths, 0);
    const handedOut = got.reduce((n, q) => n + q, 0);
    const left = overview.leftovers.filter((l) => cropKey(l) === key).reduce((n, l) => n + l.quantity, 0);
    out.push({
      crop: item.crop.trim(),
      unit: item.unit,
      perMouth: mouths > 0 ? exact(handedOut / mouths) : 0,
      min: got.length ? exact(Math.min(...got)) : 0,
      max: got.length ? exact(Math.max(...got)) : 0,
      none: got.filter((q) => q === 0).length,
      left: exact(left),
    });
  }
  return out;
}
