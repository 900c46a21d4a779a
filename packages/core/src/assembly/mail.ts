import { type Locale, type Template, siteURL } from "../mail/format";

/* The ALV's mails, in Dutch and English (see mail/format.ts): its ballot opened, a reminder to vote, and its results. */

type OpenedData = { farm: string; title: string; when: string; place: string; items: string[]; closes: string; link: string };

/** One vote item's outcome as the meeting's screen shows it (results.ts). */
export type Outcome = {
  title: string;
  kind: "board" | "motion";
  passed?: boolean;
  /** Names of those elected. */
  elected: string[];
  quorumPercent: number | null;
  quorumMet: boolean;
  /** Households counted towards the quorum: present, represented or voted in the room; those voted otherwise. */
  taking: number;
  eligible: number;
  inRoom: boolean;
};
type ReminderData = { farm: string; title: string; items: string[]; closes: string; link: string };
type ResultsData = { farm: string; title: string; items: Outcome[]; link: string };

const words = {
  nl: { carried: "aangenomen", lost: "verworpen", elected: "gekozen", nobody: "niemand gekozen", met: "quorum gehaald", unmet: "quorum niet gehaald", room: "aanwezig, vertegenwoordigd of gestemd", online: "gestemd", of: "van", households: "huishoudens" },
  en: { carried: "carried", lost: "not carried", elected: "elected", nobody: "nobody elected", met: "quorum met", unmet: "quorum not met", room: "present, represented or voted", online: "voted", of: "of", households: "households" },
};

function outcome(o: Outcome, l: Locale) {
  const w = words[l];
  const verdict = o.kind === "board" ? (o.elected.length ? `${w.elected}: ${o.elected.join(", ")}` : w.nobody) : o.passed ? w.carried : w.lost;
  const quorum =
    o.quorumPercent === null
      ? ""
      : ` (${o.quorumMet ? w.met : w.unmet}: ${o.taking} ${w.of} ${o.eligible} ${w.households} ${o.inRoom ? w.room : w.online})`;
  return `- ${o.title}: ${verdict}${quorum}`;
}

/** The opening's and the reminder's body: why it is sent, the items on the ballot, until when, the link. */
function ballotText(l: Locale, d: { farm: string; items: string[]; link: string }, lead: string, closes: string) {
  const [hello, regards] = l === "nl" ? ["Hallo,", "Groet"] : ["Hello,", "Regards"];
  return [hello, ``, lead, ...d.items.map((i) => `- ${i}`), ``, closes, siteURL(d.link), ``, `${regards}, ${d.farm}`].join("\n");
}

export const assemblyOpened = {
  nl: (d: OpenedData) => ({
    subject: `Stemmen geopend: ${d.title}`,
    text: ballotText(
      "nl",
      d,
      `Het stembiljet van de ALV "${d.title}" (${d.when}, ${d.place}) is geopend. Op het stembiljet:`,
      `Elk huishouden heeft één stem per punt; de stemming is geheim. Stemmen kan tot ${d.closes}:`,
    ),
  }),
  en: (d: OpenedData) => ({
    subject: `Voting is open: ${d.title}`,
    text: ballotText(
      "en",
      d,
      `The ballot of the general assembly "${d.title}" (${d.when}, ${d.place}) is open. On the ballot:`,
      `Each household has one vote per item; the ballot is secret. Voting closes ${d.closes}:`,
    ),
  }),
} satisfies Template<OpenedData>;

export const assemblyReminder = {
  nl: (d: ReminderData) => ({
    subject: `Nog niet gestemd: ${d.title}`,
    text: ballotText("nl", d, `Jullie huishouden heeft nog niet gestemd op het stembiljet van de ALV "${d.title}". Op het stembiljet:`, `Stemmen kan tot ${d.closes}:`),
  }),
  en: (d: ReminderData) => ({
    subject: `Not voted yet: ${d.title}`,
    text: ballotText("en", d, `Your household has not voted yet on the ballot of the general assembly "${d.title}". On the ballot:`, `Voting closes ${d.closes}:`),
  }),
} satisfies Template<ReminderData>;

export const assemblyResults = {
  nl: (d: ResultsData) => ({
    subject: `Uitslag: ${d.title}`,
    text: [
      `Hallo,`,
      ``,
      `De stemming van de ALV "${d.title}" is gesloten. De uitslag:`,
      ...d.items.map((o) => outcome(o, "nl")),
      ``,
      `Alle getelde stembiljetten staan met hun code online, zodat je die van jou kunt terugvinden:`,
      siteURL(d.link),
      ``,
      `Groet, ${d.farm}`,
    ].join("\n"),
  }),
  en: (d: ResultsData) => ({
    subject: `Results: ${d.title}`,
    text: [
      `Hello,`,
      ``,
      `Voting at the general assembly "${d.title}" has closed. The results:`,
      ...d.items.map((o) => outcome(o, "en")),
      ``,
      `Every counted ballot is listed online with its code, so you can find yours:`,
      siteURL(d.link),
      ``,
      `Regards, ${d.farm}`,
    ].join("\n"),
  }),
} satisfies Template<ResultsData>;
