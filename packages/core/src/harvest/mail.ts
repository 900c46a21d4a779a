import type { Template, Locale } from "../mail/format";
import type { Farm } from "../farm/farm";
import { pickupLines } from "../farm/pickup";
import { weekLabel } from "../week";

/* The harvest's mail, in Dutch and English (see mail/format.ts). */

interface HarvestLine {
  crop: string;
  unit: "kg" | "piece" | "bunch";
  quantity: number;
}

const unitNames: Record<Locale, Record<HarvestLine["unit"], [string, string]>> = {
  nl: { kg: ["kg", "kg"], piece: ["stuk", "stuks"], bunch: ["bos", "bossen"] },
  en: { kg: ["kg", "kg"], piece: ["piece", "pieces"], bunch: ["bunch", "bunches"] },
};

/** "2,35 kg spinazie" / "2.35 kg spinazie": amounts as people write them. */
export function formatLine(line: HarvestLine, locale: Locale) {
  const amount = new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 3 }).format(line.quantity);
  const [one, many] = unitNames[locale][line.unit];
  return `${amount} ${line.quantity === 1 ? one : many} ${line.crop}`;
}

/** One crop of a correction: what the household's share held before, and holds now (0: none). */
export interface LineChange {
  crop: string;
  unit: HarvestLine["unit"];
  was: number;
  now: number;
}

/** "prei: 3 stuks → 2 stuks" / "pompoen: niets → 1 stuk". */
function formatChange(c: LineChange, locale: Locale) {
  const amount = (quantity: number) =>
    quantity ? formatLine({ crop: "", unit: c.unit, quantity }, locale).trimEnd() : locale === "nl" ? "niets" : "none";
  return `- ${c.crop}: ${amount(c.was)} → ${amount(c.now)}`;
}

type HarvestData = { farm: string; week: string; changed: boolean; note: string | null; lines: HarvestLine[]; changes?: LineChange[] } & { pickup?: readonly Farm.PickupMoment[] };

export const harvestPublished = {
  nl: (d: HarvestData) => ({
    subject: d.changed ? `Gewijzigd: je oogst van ${weekLabel(d.week, "nl")}` : `Je oogst van ${weekLabel(d.week, "nl")}`,
    text: [
      `Hallo,`,
      ``,
      d.changed
        ? `De oogst van ${weekLabel(d.week, "nl")} is aangepast.`
        : `De oogst van ${weekLabel(d.week, "nl")} staat klaar. Dit is het aandeel van je huishouden:`,
      ``,
      ...(d.changed && d.changes?.length ? [`Dit is er veranderd:`, ...d.changes.map((c) => formatChange(c, "nl")), ``] : []),
      ...(d.changed ? [`Je aandeel nu:`] : []),
      ...(d.lines.length ? d.lines.map((l) => `- ${formatLine(l, "nl")}`) : ["(deze week niets voor jullie)"]),
      ...(d.note ? [``, `De boer schrijft: ${d.note}`] : []),
      ...pickupLines(d.pickup, "nl"),
      ``,
      `Groet, ${d.farm}`,
    ].join("\n"),
  }),
  en: (d: HarvestData) => ({
    subject: d.changed ? `Changed: your harvest of ${weekLabel(d.week, "en")}` : `Your harvest of ${weekLabel(d.week, "en")}`,
    text: [
      `Hello,`,
      ``,
      d.changed
        ? `The harvest of ${weekLabel(d.week, "en")} was corrected.`
        : `The harvest of ${weekLabel(d.week, "en")} is ready. This is your household's share:`,
      ``,
      ...(d.changed && d.changes?.length ? [`What changed:`, ...d.changes.map((c) => formatChange(c, "en")), ``] : []),
      ...(d.changed ? [`Your share now:`] : []),
      ...(d.lines.length ? d.lines.map((l) => `- ${formatLine(l, "en")}`) : ["(nothing for you this week)"]),
      ...(d.note ? [``, `The farmer writes: ${d.note}`] : []),
      ...pickupLines(d.pickup, "en"),
      ``,
      `Regards, ${d.farm}`,
    ].join("\n"),
  }),
} satisfies Template<HarvestData>;
