/*
 * Crops and their units, with no imports: the split (allocate.ts) and the
 * web's harvest screens use this one module.
 */

export const units = ["kg", "piece", "bunch"] as const;
export type Unit = (typeof units)[number];

/** The smallest amount worth handing out, when the farmer names none. */
export const defaultStep: Readonly<Record<Unit, number>> = { kg: 0.05, piece: 1, bunch: 1 };

/**
 * The key balances are carried under: the same crop in the same unit, with
 * case and spacing ignored so "Spinazie " and "spinazie" are one crop.
 */
export function cropKey(item: { crop: string; unit: Unit }): string {
  return `${item.crop.trim().toLowerCase().replace(/\s+/g, " ")}|${item.unit}`;
}
