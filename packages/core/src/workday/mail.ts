import type { Template } from "../mail/format";

/* Work-day mail, in Dutch and English (see mail/format.ts). */

type WorkdayData = { farm: string; title: string; when: string; location: string | null };
type RosterData = { farm: string; title: string; when: string; confirmed: string[]; waitlisted: string[] };

export const workdayCancelled = {
  nl: (d: WorkdayData) => ({
    subject: `Gaat niet door: ${d.title} (${d.when})`,
    text: [`Hallo,`, ``, `De meewerkdag "${d.title}" van ${d.when} gaat helaas niet door.`, `Je aanmelding is vervallen.`, ``, `Groet, ${d.farm}`].join("\n"),
  }),
  en: (d: WorkdayData) => ({
    subject: `Cancelled: ${d.title} (${d.when})`,
    text: [`Hello,`, ``, `The work day "${d.title}" on ${d.when} has been cancelled.`, `Your sign-up has lapsed.`, ``, `Regards, ${d.farm}`].join("\n"),
  }),
} satisfies Template<WorkdayData>;

export const workdayPromoted = {
  nl: (d: WorkdayData) => ({
    subject: `Je kunt meedoen: ${d.title} (${d.when})`,
    text: [`Hallo,`, ``, `Er is een plek vrijgekomen: je staat nu ingeschreven voor "${d.title}" op ${d.when}${d.location ? `, ${d.location}` : ""}.`, `Kun je toch niet? Meld je dan af in de app, dan schuift de volgende door.`, ``, `Groet, ${d.farm}`].join("\n"),
  }),
  en: (d: WorkdayData) => ({
    subject: `You're in: ${d.title} (${d.when})`,
    text: [`Hello,`, ``, `A place came free: you are now signed up for "${d.title}" on ${d.when}${d.location ? `, ${d.location}` : ""}.`, `Can't make it after all? Cancel in the app and the next person moves up.`, ``, `Regards, ${d.farm}`].join("\n"),
  }),
} satisfies Template<WorkdayData>;

export const workdayReminder = {
  nl: (d: WorkdayData) => ({
    subject: `Tot binnenkort: ${d.title} (${d.when})`,
    text: [`Hallo,`, ``, `Een herinnering: je helpt mee met "${d.title}" op ${d.when}${d.location ? `, ${d.location}` : ""}.`, `Kun je niet? Meld je af in de app, dan kan iemand anders mee.`, ``, `Groet, ${d.farm}`].join("\n"),
  }),
  en: (d: WorkdayData) => ({
    subject: `See you soon: ${d.title} (${d.when})`,
    text: [`Hello,`, ``, `A reminder: you are helping with "${d.title}" on ${d.when}${d.location ? `, ${d.location}` : ""}.`, `Can't make it? Cancel in the app so someone else can come.`, ``, `Regards, ${d.farm}`].join("\n"),
  }),
} satisfies Template<WorkdayData>;

export const workdayRoster = {
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
} satisfies Template<RosterData>;
