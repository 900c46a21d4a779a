import { type Template, siteURL } from "../mail/format";

/* Election mail, in Dutch and English (see mail/format.ts). */

type ElectionData = { farm: string; title: string; closes: string; link: string };
type ElectionResultData = { farm: string; title: string; summary: string; link: string };

export const electionOpened = {
  nl: (d: ElectionData) => ({
    subject: `Stemmen geopend: ${d.title}`,
    text: [`Hallo,`, ``, `Je kunt nu stemmen over "${d.title}". Elk huishouden heeft één stem; de stemming is geheim.`, `Stemmen kan tot ${d.closes}:`, siteURL(d.link), ``, `Groet, ${d.farm}`].join("\n"),
  }),
  en: (d: ElectionData) => ({
    subject: `Voting is open: ${d.title}`,
    text: [`Hello,`, ``, `You can now vote on "${d.title}". Each household has one vote; the ballot is secret.`, `Voting closes ${d.closes}:`, siteURL(d.link), ``, `Regards, ${d.farm}`].join("\n"),
  }),
} satisfies Template<ElectionData>;

export const electionReminder = {
  nl: (d: ElectionData) => ({
    subject: `Nog niet gestemd: ${d.title}`,
    text: [`Hallo,`, ``, `Jullie huishouden heeft nog niet gestemd over "${d.title}". Stemmen kan tot ${d.closes}:`, siteURL(d.link), ``, `Groet, ${d.farm}`].join("\n"),
  }),
  en: (d: ElectionData) => ({
    subject: `Not voted yet: ${d.title}`,
    text: [`Hello,`, ``, `Your household has not voted on "${d.title}" yet. Voting closes ${d.closes}:`, siteURL(d.link), ``, `Regards, ${d.farm}`].join("\n"),
  }),
} satisfies Template<ElectionData>;

export const electionResults = {
  nl: (d: ElectionResultData) => ({
    subject: `Uitslag: ${d.title}`,
    text: [`Hallo,`, ``, `De stemming over "${d.title}" is gesloten. Uitslag: ${d.summary}.`, `Alle getelde stembiljetten staan met hun code online, zodat je die van jou kunt terugvinden:`, siteURL(d.link), ``, `Groet, ${d.farm}`].join("\n"),
  }),
  en: (d: ElectionResultData) => ({
    subject: `Result: ${d.title}`,
    text: [`Hello,`, ``, `Voting on "${d.title}" has closed. Result: ${d.summary}.`, `Every counted ballot is listed online with its code, so you can find yours:`, siteURL(d.link), ``, `Regards, ${d.farm}`].join("\n"),
  }),
} satisfies Template<ElectionResultData>;
