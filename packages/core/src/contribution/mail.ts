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
