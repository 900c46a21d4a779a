import { type Template, fmtDate, fmtMoney, siteURL } from "../mail/format";

/* Contribution mail: changes to a household's mandate and the notice before a collection, in Dutch and English (see mail/format.ts). */

/** A mandate's change, told to every person of its household; the IBAN is masked. */
type MandateData = { farm: string; household: string; change: "given" | "changed" | "revoked"; by: string; iban: string; holder: string; shared: boolean; link: string };
type MandateSharedData = { farm: string; household: string; other: string; iban: string; link: string };

export const mandateChanged = {
  nl: (d: MandateData) => ({
    subject: d.change === "revoked" ? `Machtiging ingetrokken: ${d.household}` : `Machtiging ${d.change === "given" ? "gegeven" : "gewijzigd"}: ${d.household}`,
    text: [
      `Hallo,`,
      ``,
      d.change === "revoked"
        ? `${d.by} heeft de machtiging voor automatische incasso van ${d.household} ingetrokken (rekening ${d.iban}). Er wordt niets meer van afgeschreven.`
        : `${d.by} heeft ${d.change === "given" ? "een machtiging voor automatische incasso gegeven" : "de machtiging voor automatische incasso gewijzigd"} voor ${d.household}: de bijdrage wordt afgeschreven van rekening ${d.iban} op naam van ${d.holder}.`,
      ...(d.shared ? [`De penningmeester heeft goedgekeurd dat deze rekening ook bij een ander huishouden hoort.`] : []),
      ``,
      `Herken je dit niet? Neem dan meteen contact op met de penningmeester. Je ziet de machtiging hier:`,
      siteURL(d.link),
      ``,
      `Groet, ${d.farm}`,
    ].join("\n"),
  }),
  en: (d: MandateData) => ({
    subject: d.change === "revoked" ? `Mandate revoked: ${d.household}` : `Mandate ${d.change === "given" ? "given" : "changed"}: ${d.household}`,
    text: [
      `Hello,`,
      ``,
      d.change === "revoked"
        ? `${d.by} revoked the direct-debit mandate of ${d.household} (account ${d.iban}). Nothing more will be collected from it.`
        : `${d.by} ${d.change === "given" ? "gave a direct-debit mandate" : "changed the direct-debit mandate"} for ${d.household}: the contribution is collected from account ${d.iban} in the name of ${d.holder}.`,
      ...(d.shared ? [`The treasurer approved that this account belongs to another household too.`] : []),
      ``,
      `Don't recognise this? Then contact the treasurer at once. You can see the mandate here:`,
      siteURL(d.link),
      ``,
      `Regards, ${d.farm}`,
    ].join("\n"),
  }),
} satisfies Template<MandateData>;

export const mandateIBANShared = {
  nl: (d: MandateSharedData) => ({
    subject: `Je rekening staat nu ook op een andere machtiging`,
    text: [
      `Hallo,`,
      ``,
      `De penningmeester heeft goedgekeurd dat rekening ${d.iban}, die op de machtiging van ${d.household} staat, ook wordt gebruikt voor de machtiging van ${d.other}.`,
      `Daarmee kan de bijdrage van ${d.other} ook van deze rekening worden afgeschreven.`,
      ``,
      `Herken je dit niet? Neem dan meteen contact op met de penningmeester.`,
      siteURL(d.link),
      ``,
      `Groet, ${d.farm}`,
    ].join("\n"),
  }),
  en: (d: MandateSharedData) => ({
    subject: `Your account is now on another mandate too`,
    text: [
      `Hello,`,
      ``,
      `The treasurer approved that account ${d.iban}, on the mandate of ${d.household}, is also used for the mandate of ${d.other}.`,
      `The contribution of ${d.other} may then be collected from this account as well.`,
      ``,
      `Don't recognise this? Then contact the treasurer at once.`,
      siteURL(d.link),
      ``,
      `Regards, ${d.farm}`,
    ].join("\n"),
  }),
} satisfies Template<MandateSharedData>;

/** The pre-notification of a collection: amount, date and the references the bank statement will show. */
type CollectionData = { farm: string; household: string; amountCents: number; date: string; month: string; iban: string; mandateID: string; creditorID: string; link: string };

const monthName = (month: string, locale: "nl" | "en") =>
  new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { timeZone: "UTC", month: "long", year: "numeric" }).format(new Date(`${month}-01T00:00:00Z`));

export const collectionNotice = {
  nl: (d: CollectionData) => ({
    subject: `Incasso van ${fmtMoney(d.amountCents, "nl")} op ${fmtDate(d.date, "nl")}`,
    text: [
      `Hallo,`,
      ``,
      `Op ${fmtDate(d.date, "nl")} schrijft ${d.farm} ${fmtMoney(d.amountCents, "nl")} af van rekening ${d.iban}: de bijdrage van ${d.household} voor ${monthName(d.month, "nl")}.`,
      `Op je afschrift staan machtigingskenmerk ${d.mandateID} en incassant-ID ${d.creditorID}.`,
      ``,
      `Klopt het bedrag niet, of staat er te weinig op de rekening? Laat het de penningmeester vóór die dag weten. Je bijdrage zie je hier:`,
      siteURL(d.link),
      ``,
      `Groet, ${d.farm}`,
    ].join("\n"),
  }),
  en: (d: CollectionData) => ({
    subject: `Direct debit of ${fmtMoney(d.amountCents, "en")} on ${fmtDate(d.date, "en")}`,
    text: [
      `Hello,`,
      ``,
      `On ${fmtDate(d.date, "en")} ${d.farm} collects ${fmtMoney(d.amountCents, "en")} from account ${d.iban}: the contribution of ${d.household} for ${monthName(d.month, "en")}.`,
      `Your bank statement shows mandate reference ${d.mandateID} and creditor ID ${d.creditorID}.`,
      ``,
      `Is the amount wrong, or is there too little in the account? Tell the treasurer before that day. You can see your contribution here:`,
      siteURL(d.link),
      ``,
      `Regards, ${d.farm}`,
    ].join("\n"),
  }),
} satisfies Template<CollectionData>;

/*
 * Reminders for arrears (reminder.ts): to the household's own people only,
 * kindly, with what is open, how to pay it, the solidarity scheme and whom to ask.
 */

type ArrearsData = {
  farm: string;
  household: string;
  /** The instalments reminded of, oldest first. */
  lines: { month: string; openCents: number }[];
  /** Everything in arrears now (may hold instalments reminded of before). */
  totalCents: number;
  /** The household's payment reference, in groups of four. */
  reference: string;
  /** The farm's own account, for the transfer. */
  iban: string | null;
  contact: string;
  link: string;
};

export const arrearsReminder = {
  nl: (d: ArrearsData) => ({
    subject: `Herinnering: bijdrage ${d.farm} nog open`,
    text: [
      `Hallo,`,
      ``,
      `Misschien is het je ontschoten: van de bijdrage van ${d.household} staat nog ${fmtMoney(d.totalCents, "nl")} open.`,
      ...d.lines.map((l) => `- ${monthName(l.month, "nl")}: ${fmtMoney(l.openCents, "nl")}`),
      ``,
      d.iban
        ? `Je kunt het overmaken naar ${d.iban} t.n.v. ${d.farm}, met betalingskenmerk ${d.reference}. Heb je het net betaald? Dan kun je dit bericht vergeten.`
        : `Vermeld bij je overboeking betalingskenmerk ${d.reference}. Heb je het net betaald? Dan kun je dit bericht vergeten.`,
      ``,
      `Is betalen nu lastig? Dat kan iedereen overkomen. Via de solidariteitsregeling kun je een lagere bijdrage kiezen, en samen zoeken we naar een regeling die past. Mail gerust de penningmeester: ${d.contact}. Niemand anders krijgt dit bericht.`,
      ``,
      `Je bijdrage en de solidariteitsregeling zie je hier:`,
      siteURL(d.link),
      ``,
      `Groet, ${d.farm}`,
    ].join("\n"),
  }),
  en: (d: ArrearsData) => ({
    subject: `Reminder: ${d.farm} contribution still open`,
    text: [
      `Hello,`,
      ``,
      `Perhaps it slipped your mind: ${fmtMoney(d.totalCents, "en")} of the contribution of ${d.household} is still open.`,
      ...d.lines.map((l) => `- ${monthName(l.month, "en")}: ${fmtMoney(l.openCents, "en")}`),
      ``,
      d.iban
        ? `You can transfer it to ${d.iban} in the name of ${d.farm}, with payment reference ${d.reference}. Just paid? Then please ignore this message.`
        : `Please put payment reference ${d.reference} with your transfer. Just paid? Then please ignore this message.`,
      ``,
      `Is paying hard right now? That can happen to anyone. The solidarity scheme lets you choose a lower contribution, and together we will find an arrangement that fits. Feel free to mail the treasurer: ${d.contact}. Nobody else gets this message.`,
      ``,
      `You can see your contribution and the solidarity scheme here:`,
      siteURL(d.link),
      ``,
      `Regards, ${d.farm}`,
    ].join("\n"),
  }),
} satisfies Template<ArrearsData>;

/*
 * A returned or refunded direct debit (collection-booking.ts): what happened,
 * kindly and without blame, and what comes next.
 */

type ReturnedData = {
  farm: string;
  household: string;
  amountCents: number;
  /** YYYY-MM of the collection. */
  month: string;
  /** The ISO 20022 reason code (AC04, AM04, MD06, MS02, …), when the bank gave one. */
  reason: string | null;
  /** Where the household may transfer it instead, and under which reference. */
  iban: string | null;
  reference: string;
  link: string;
};

/** Reasons that say the account itself will not do: a new mandate helps. */
const accountReasons = ["AC01", "AC04", "AC06", "AC13", "MD01", "MD07"];

/** What happened, in the household's words, by the kind of reason the bank gave. */
const returnedWhy = {
  refund: {
    nl: "Je hebt je bank gevraagd het bedrag terug te boeken. Dat mag altijd, tot acht weken na de afschrijving.",
    en: "You asked your bank to refund the amount. That is always allowed, up to eight weeks after the debit.",
  },
  funds: { nl: "Er stond op dat moment niet genoeg op de rekening.", en: "There was not enough in the account at the time." },
  refused: { nl: "De incasso is geweigerd, door jou of door de bank.", en: "The direct debit was refused, by you or by the bank." },
  account: {
    nl: "Volgens de bank kan er niet van deze rekening worden afgeschreven (bijvoorbeeld omdat ze is opgeheven).",
    en: "The bank says this account cannot be debited (for instance because it was closed).",
  },
};
const whyReturned = (r: string | null, locale: "nl" | "en") => {
  const kind = r === "MD06" ? "refund" : r === "AM04" ? "funds" : r === "MS02" || r === "MS03" ? "refused" : r && accountReasons.includes(r) ? "account" : undefined;
  if (kind) return returnedWhy[kind][locale];
  const code = r ? ` (code ${r})` : "";
  return locale === "nl" ? `De bank heeft de incasso teruggeboekt${code}.` : `The bank returned the direct debit${code}.`;
};

export const debitReturned = {
  nl: (d: ReturnedData) => ({
    subject: `Incasso van ${fmtMoney(d.amountCents, "nl")} teruggeboekt`,
    text: [
      `Hallo,`,
      ``,
      `De incasso van ${fmtMoney(d.amountCents, "nl")} voor de bijdrage van ${d.household} over ${monthName(d.month, "nl")} is teruggeboekt. ${whyReturned(d.reason, "nl")}`,
      ``,
      `Wat nu? Niets bijzonders: we schrijven het bedrag opnieuw af met de volgende incasso, en je krijgt vooraf bericht van het bedrag en de datum.`,
      ...(d.reason && accountReasons.includes(d.reason) ? [`Heb je een andere rekening? Geef die dan op via de link hieronder, dan schrijven we daarvan af.`] : []),
      d.iban
        ? `Maak je het liever zelf over? Dat kan naar ${d.iban} t.n.v. ${d.farm}, met betalingskenmerk ${d.reference}; dan schrijven we het niet nog eens af.`
        : `Maak je het liever zelf over? Vermeld dan betalingskenmerk ${d.reference}; dan schrijven we het niet nog eens af.`,
      ``,
      `Is betalen nu lastig? Laat het de penningmeester weten: via de solidariteitsregeling zoeken we samen naar wat past. Niemand anders krijgt dit bericht.`,
      siteURL(d.link),
      ``,
      `Groet, ${d.farm}`,
    ].join("\n"),
  }),
  en: (d: ReturnedData) => ({
    subject: `Direct debit of ${fmtMoney(d.amountCents, "en")} returned`,
    text: [
      `Hello,`,
      ``,
      `The direct debit of ${fmtMoney(d.amountCents, "en")} for the contribution of ${d.household} for ${monthName(d.month, "en")} was returned. ${whyReturned(d.reason, "en")}`,
      ``,
      `What now? Nothing special: we collect the amount again with the next direct debit, and you are told the amount and the date beforehand.`,
      ...(d.reason && accountReasons.includes(d.reason) ? [`Do you have another account? Then enter it through the link below, and we collect from that one.`] : []),
      d.iban
        ? `Would you rather transfer it yourself? Send it to ${d.iban} in the name of ${d.farm}, with payment reference ${d.reference}; then we will not collect it again.`
        : `Would you rather transfer it yourself? Put payment reference ${d.reference} with it; then we will not collect it again.`,
      ``,
      `Is paying hard right now? Let the treasurer know: through the solidarity scheme we find together what fits. Nobody else gets this message.`,
      siteURL(d.link),
      ``,
      `Regards, ${d.farm}`,
    ].join("\n"),
  }),
} satisfies Template<ReturnedData>;
