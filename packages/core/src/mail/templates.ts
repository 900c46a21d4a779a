/**
 * Every mail the platform sends, in Dutch and English. A template takes its
 * data and returns subject and plain text; the person's locale picks the language.
 */
export type Locale = "nl" | "en";

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

type HarvestData = { farm: string; week: string; changed: boolean; note: string | null; lines: HarvestLine[] };

type Template<D> = Record<Locale, (data: D) => { subject: string; text: string }>;

export const templates = {
  loginCode: {
    nl: (d: { code: string; farm: string; minutes: number }) => ({
      subject: `Je inlogcode voor ${d.farm}: ${d.code}`,
      text: [
        `Hallo,`,
        ``,
        `Je inlogcode is: ${d.code}`,
        ``,
        `De code is ${d.minutes} minuten geldig en werkt één keer.`,
        `Heb je niet om een code gevraagd? Dan kun je deze mail negeren.`,
        ``,
        `Groet, ${d.farm}`,
      ].join("\n"),
    }),
    en: (d: { code: string; farm: string; minutes: number }) => ({
      subject: `Your login code for ${d.farm}: ${d.code}`,
      text: [
        `Hello,`,
        ``,
        `Your login code is: ${d.code}`,
        ``,
        `The code is valid for ${d.minutes} minutes and works once.`,
        `Did not ask for a code? Then you can ignore this mail.`,
        ``,
        `Regards, ${d.farm}`,
      ].join("\n"),
    }),
  } satisfies Template<{ code: string; farm: string; minutes: number }>,

  harvestPublished: {
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
        ``,
        `Regards, ${d.farm}`,
      ].join("\n"),
    }),
  } satisfies Template<HarvestData>,
};

export type TemplateName = keyof typeof templates;
export type TemplateData<N extends TemplateName> = Parameters<(typeof templates)[N]["nl"]>[0];
