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

type WorkdayData = { farm: string; title: string; when: string; location: string | null };
type RosterData = { farm: string; title: string; when: string; confirmed: string[]; waitlisted: string[] };

type ElectionData = { farm: string; title: string; closes: string; link: string };
type ElectionResultData = { farm: string; title: string; summary: string; link: string };

/** Links in mails point at the site: PUBLIC_URL when deployed, the local server otherwise. */
export function siteURL(path: string) {
  return `${(process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "")}${path}`;
}

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

  workdayCancelled: {
    nl: (d: WorkdayData) => ({
      subject: `Gaat niet door: ${d.title} (${d.when})`,
      text: [`Hallo,`, ``, `De meewerkdag "${d.title}" van ${d.when} gaat helaas niet door.`, `Je aanmelding is vervallen.`, ``, `Groet, ${d.farm}`].join("\n"),
    }),
    en: (d: WorkdayData) => ({
      subject: `Cancelled: ${d.title} (${d.when})`,
      text: [`Hello,`, ``, `The work day "${d.title}" on ${d.when} has been cancelled.`, `Your sign-up has lapsed.`, ``, `Regards, ${d.farm}`].join("\n"),
    }),
  } satisfies Template<WorkdayData>,

  workdayPromoted: {
    nl: (d: WorkdayData) => ({
      subject: `Je kunt meedoen: ${d.title} (${d.when})`,
      text: [`Hallo,`, ``, `Er is een plek vrijgekomen: je staat nu ingeschreven voor "${d.title}" op ${d.when}${d.location ? `, ${d.location}` : ""}.`, `Kun je toch niet? Meld je dan af in de app, dan schuift de volgende door.`, ``, `Groet, ${d.farm}`].join("\n"),
    }),
    en: (d: WorkdayData) => ({
      subject: `You're in: ${d.title} (${d.when})`,
      text: [`Hello,`, ``, `A place came free: you are now signed up for "${d.title}" on ${d.when}${d.location ? `, ${d.location}` : ""}.`, `Can't make it after all? Cancel in the app and the next person moves up.`, ``, `Regards, ${d.farm}`].join("\n"),
    }),
  } satisfies Template<WorkdayData>,

  workdayReminder: {
    nl: (d: WorkdayData) => ({
      subject: `Tot binnenkort: ${d.title} (${d.when})`,
      text: [`Hallo,`, ``, `Een herinnering: je helpt mee met "${d.title}" op ${d.when}${d.location ? `, ${d.location}` : ""}.`, `Kun je niet? Meld je af in de app, dan kan iemand anders mee.`, ``, `Groet, ${d.farm}`].join("\n"),
    }),
    en: (d: WorkdayData) => ({
      subject: `See you soon: ${d.title} (${d.when})`,
      text: [`Hello,`, ``, `A reminder: you are helping with "${d.title}" on ${d.when}${d.location ? `, ${d.location}` : ""}.`, `Can't make it? Cancel in the app so someone else can come.`, ``, `Regards, ${d.farm}`].join("\n"),
    }),
  } satisfies Template<WorkdayData>,

  workdayRoster: {
    nl: (d: RosterData) => ({
      subject: `Rooster voor morgen: ${d.title} (${d.when})`,
      text: [
        `Hallo,`,
        ``,
        `Morgen: "${d.title}" op ${d.when}.`,
        ``,
        `Aangemeld (${d.confirmed.length}):`,
        ...(d.confirmed.length ? d.confirmed.map((n) => `- ${n}`) : ["(niemand)"]),
        ...(d.waitlisted.length ? [``, `Wachtlijst (${d.waitlisted.length}):`, ...d.waitlisted.map((n) => `- ${n}`)] : []),
        ``,
        `Groet, ${d.farm}`,
      ].join("\n"),
    }),
    en: (d: RosterData) => ({
      subject: `Roster for tomorrow: ${d.title} (${d.when})`,
      text: [
        `Hello,`,
        ``,
        `Tomorrow: "${d.title}" on ${d.when}.`,
        ``,
        `Signed up (${d.confirmed.length}):`,
        ...(d.confirmed.length ? d.confirmed.map((n) => `- ${n}`) : ["(nobody)"]),
        ...(d.waitlisted.length ? [``, `Waiting list (${d.waitlisted.length}):`, ...d.waitlisted.map((n) => `- ${n}`)] : []),
        ``,
        `Regards, ${d.farm}`,
      ].join("\n"),
    }),
  } satisfies Template<RosterData>,

  electionOpened: {
    nl: (d: ElectionData) => ({
      subject: `Stemmen geopend: ${d.title}`,
      text: [`Hallo,`, ``, `Je kunt nu stemmen over "${d.title}". Elk huishouden heeft één stem; de stemming is geheim.`, `Stemmen kan tot ${d.closes}:`, siteURL(d.link), ``, `Groet, ${d.farm}`].join("\n"),
    }),
    en: (d: ElectionData) => ({
      subject: `Voting is open: ${d.title}`,
      text: [`Hello,`, ``, `You can now vote on "${d.title}". Each household has one vote; the ballot is secret.`, `Voting closes ${d.closes}:`, siteURL(d.link), ``, `Regards, ${d.farm}`].join("\n"),
    }),
  } satisfies Template<ElectionData>,

  electionReminder: {
    nl: (d: ElectionData) => ({
      subject: `Nog niet gestemd: ${d.title}`,
      text: [`Hallo,`, ``, `Jullie huishouden heeft nog niet gestemd over "${d.title}". Stemmen kan tot ${d.closes}:`, siteURL(d.link), ``, `Groet, ${d.farm}`].join("\n"),
    }),
    en: (d: ElectionData) => ({
      subject: `Not voted yet: ${d.title}`,
      text: [`Hello,`, ``, `Your household has not voted on "${d.title}" yet. Voting closes ${d.closes}:`, siteURL(d.link), ``, `Regards, ${d.farm}`].join("\n"),
    }),
  } satisfies Template<ElectionData>,

  electionResults: {
    nl: (d: ElectionResultData) => ({
      subject: `Uitslag: ${d.title}`,
      text: [`Hallo,`, ``, `De stemming over "${d.title}" is gesloten. Uitslag: ${d.summary}.`, `Alle getelde stembiljetten staan met hun code online, zodat je die van jou kunt terugvinden:`, siteURL(d.link), ``, `Groet, ${d.farm}`].join("\n"),
    }),
    en: (d: ElectionResultData) => ({
      subject: `Result: ${d.title}`,
      text: [`Hello,`, ``, `Voting on "${d.title}" has closed. Result: ${d.summary}.`, `Every counted ballot is listed online with its code, so you can find yours:`, siteURL(d.link), ``, `Regards, ${d.farm}`].join("\n"),
    }),
  } satisfies Template<ElectionResultData>,
};

export type TemplateName = keyof typeof templates;
export type TemplateData<N extends TemplateName> = Parameters<(typeof templates)[N]["nl"]>[0];
