import type { Template, Locale } from "../mail/format";
import type { Farm } from "../farm/farm";
import { pickupLines } from "../farm/pickup";

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

type HarvestData = { farm: string; week: string; changed: boolean; note: string | null; lines: HarvestLine[] } & { pickup?: readonly Farm.PickupMoment[] };

export const harvestPublished = {
  nl: (d: HarvestData) => ({
    subject: d.changed ? `Gewijzigd: je oogst van week ${d.week}` : `Je oogst van week ${d.week}`,
    text: [
      `Hallo,`,
      ``,
      d.changed
        ? `De oogst van week ${d.week} is aangepast. Dit is je nieuwe aandeel:`
        : `De oogst van week ${d.week} staat klaar. Dit is het aandeel van je huishouden:`,
      ``,
      ...(d.lines.length ? d.lines.map((l) => `- ${formatLine(l, "nl")}`) : ["(deze week niets voor jullie)"]),
      ...(d.note ? [``, `De boer schrijft: ${d.note}`] : []),
      ...pickupLines(d.pickup, "nl"),
      ``,
      `Groet, ${d.farm}`,
    ].join("\n"),
  }),
  en: (d: HarvestData) => ({
    subject: d.changed ? `Changed: your harvest of week ${d.week}` : `Your harvest of week ${d.week}`,
    text: [
      `Hello,`,
      ``,
      d.changed
        ? `The harvest of week ${d.week} was corrected. This is your new share:`
        : `The harvest of week ${d.week} is ready. This is your household's share:`,
      ``,
      ...(d.lines.length ? d.lines.map((l) => `- ${formatLine(l, "en")}`) : ["(nothing for you this week)"]),
      ...(d.note ? [``, `The farmer writes: ${d.note}`] : []),
      ...pickupLines(d.pickup, "en"),
      ``,
      `Regards, ${d.farm}`,
    ].join("\n"),
  }),
} satisfies Template<HarvestData>;
