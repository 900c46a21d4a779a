import { Site } from "../farm/site";

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

/** A person added to a household, told to the people it had. */
type PersonAddedData = { farm: string; household: string; name: string; email: string; by: string; link: string };
type ElectionData = { farm: string; title: string; closes: string; link: string };
type ElectionResultData = { farm: string; title: string; summary: string; link: string };

/**
 * Links in mails point at the farm's own site: with several farms on one
 * deployment, farm B's mail must not open farm A (see farm/site.ts).
 */
export function siteURL(path: string) {
  return Site.url(path);
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

  // Someone who joins a household sees all of it (its statement, its mandate): its people hear of it, never silently.
  householdPersonAdded: {
    nl: (d: PersonAddedData) => ({
      subject: `Toegevoegd aan ${d.household}: ${d.name}`,
      text: [
        `Hallo,`,
        ``,
        `${d.by} heeft ${d.name} (${d.email}) toegevoegd aan jullie huishouden ${d.household} bij ${d.farm}.`,
        `${d.name} kan nu inloggen en ziet alles van jullie huishouden: wie erbij horen, de bijdrage en de machtiging.`,
        ``,
        `Herken je dit niet? Neem dan meteen contact op met het bestuur. Jullie huishouden:`,
        siteURL(d.link),
        ``,
        `Groet, ${d.farm}`,
      ].join("\n"),
    }),
    en: (d: PersonAddedData) => ({
      subject: `Added to ${d.household}: ${d.name}`,
      text: [
        `Hello,`,
        ``,
        `${d.by} added ${d.name} (${d.email}) to your household ${d.household} at ${d.farm}.`,
        `${d.name} can now log in and sees all of your household: who belongs to it, the contribution and the mandate.`,
        ``,
        `Don't recognise this? Then contact the board at once. Your household:`,
        siteURL(d.link),
        ``,
        `Regards, ${d.farm}`,
      ].join("\n"),
    }),
  } satisfies Template<PersonAddedData>,

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

  // Mailed to an address nobody has confirmed yet: it holds no text the applicant typed, so the farm relays nothing of a stranger's.
  applicationConfirm: {
    nl: (d: ConfirmData) => ({
      subject: `Bevestig je aanmelding voor de wachtlijst van ${d.farm}`,
      text: [
        `Hallo,`,
        ``,
        `Iemand heeft zich met dit e-mailadres aangemeld voor de wachtlijst van ${d.farm}.`,
        `Was jij dat? Bevestig je aanmelding dan binnen ${d.hours} uur via deze link:`,
        siteURL(d.link),
        ``,
        `Pas na het bevestigen sta je op de wachtlijst.`,
        `Was jij het niet? Dan kun je deze mail negeren; de aanmelding vervalt vanzelf.`,
        ``,
        `Groet, ${d.farm}`,
      ].join("\n"),
    }),
    en: (d: ConfirmData) => ({
      subject: `Confirm your application for the waiting list of ${d.farm}`,
      text: [
        `Hello,`,
        ``,
        `Someone asked to join the waiting list of ${d.farm} with this email address.`,
        `Was it you? Then confirm within ${d.hours} hours with this link:`,
        siteURL(d.link),
        ``,
        `You are on the waiting list only once you have confirmed.`,
        `Wasn't it you? Then ignore this mail; the application lapses by itself.`,
        ``,
        `Regards, ${d.farm}`,
      ].join("\n"),
    }),
  } satisfies Template<ConfirmData>,

  // An address already on the list applied again: the link goes to the address, never to whoever asked.
  applicationKnown: {
    nl: (d: { farm: string; link: string }) => ({
      subject: `Je staat al op de wachtlijst van ${d.farm}`,
      text: [
        `Hallo,`,
        ``,
        `Iemand heeft zich met dit e-mailadres opnieuw aangemeld voor de wachtlijst van ${d.farm}.`,
        `Dit adres staat al op de wachtlijst; de aanmelding van eerder blijft gewoon staan.`,
        ``,
        `Via deze persoonlijke link zie je je actuele plek:`,
        siteURL(d.link),
        ``,
        `Was jij het niet? Dan kun je deze mail negeren; er verandert niets.`,
        ``,
        `Groet, ${d.farm}`,
      ].join("\n"),
    }),
    en: (d: { farm: string; link: string }) => ({
      subject: `You are already on the waiting list of ${d.farm}`,
      text: [
        `Hello,`,
        ``,
        `Someone asked again to join the waiting list of ${d.farm} with this email address.`,
        `This address is already on the waiting list; the earlier application stays as it is.`,
        ``,
        `This personal link shows your current place:`,
        siteURL(d.link),
        ``,
        `Wasn't it you? Then ignore this mail; nothing changes.`,
        ``,
        `Regards, ${d.farm}`,
      ].join("\n"),
    }),
  } satisfies Template<{ farm: string; link: string }>,

  // Sent once the address is confirmed: only then does the farm mail back what the applicant typed.
  applicationReceived: {
    nl: (d: ApplicationData) => ({
      subject: `Je staat op de wachtlijst van ${d.farm}`,
      text: [
        `Hallo ${d.name},`,
        ``,
        `Dank je wel voor het bevestigen! Je staat op de wachtlijst voor ${d.mouths === 1 ? "1 mond" : `${fmtNumber(d.mouths, "nl")} monden`}.`,
        `Je plek op de lijst: ${d.position ?? "-"}.`,
        ``,
        `Via deze persoonlijke link zie je altijd je actuele plek:`,
        siteURL(d.link),
        ``,
        `Komt er ruimte, dan krijg je een mail met een aanbod.`,
        ``,
        `Groet, ${d.farm}`,
      ].join("\n"),
    }),
    en: (d: ApplicationData) => ({
      subject: `You are on the waiting list of ${d.farm}`,
      text: [
        `Hello ${d.name},`,
        ``,
        `Thank you for confirming! You are on the waiting list for ${d.mouths === 1 ? "1 mouth" : `${fmtNumber(d.mouths, "en")} mouths`}.`,
        `Your place on the list: ${d.position ?? "-"}.`,
        ``,
        `This personal link always shows your current place:`,
        siteURL(d.link),
        ``,
        `When there is room, we will mail you an offer.`,
        ``,
        `Regards, ${d.farm}`,
      ].join("\n"),
    }),
  } satisfies Template<ApplicationData>,

  applicationOffer: {
    nl: (d: OfferData) => ({
      subject: `Er is plek voor je bij ${d.farm}`,
      text: [
        `Hallo ${d.name},`,
        ``,
        `Goed nieuws: er is plek voor je huishouden (${d.mouths === 1 ? "1 mond" : `${fmtNumber(d.mouths, "nl")} monden`}, ${d.certificate === "full" ? "een heel" : "een half"} certificaat).`,
        `De inleg is ${fmtMoney(d.depositCents, "nl")}; die krijg je terug als je stopt.`,
        ``,
        `Neem de plek aan vóór ${d.deadline} via deze link:`,
        siteURL(d.link),
        ``,
        `Neem je de plek niet aan, dan gaat het aanbod naar de volgende op de lijst.`,
        ``,
        `Groet, ${d.farm}`,
      ].join("\n"),
    }),
    en: (d: OfferData) => ({
      subject: `There is a place for you at ${d.farm}`,
      text: [
        `Hello ${d.name},`,
        ``,
        `Good news: there is a place for your household (${d.mouths === 1 ? "1 mouth" : `${fmtNumber(d.mouths, "en")} mouths`}, a ${d.certificate} certificate).`,
        `The deposit is ${fmtMoney(d.depositCents, "en")}; you get it back when you leave.`,
        ``,
        `Accept the place before ${d.deadline} with this link:`,
        siteURL(d.link),
        ``,
        `If you do not accept it, the offer goes to the next in line.`,
        ``,
        `Regards, ${d.farm}`,
      ].join("\n"),
    }),
  } satisfies Template<OfferData>,

  applicationAccepted: {
    nl: (d: AcceptedData) => ({
      subject: `Welkom bij ${d.farm}!`,
      text: [
        `Hallo ${d.name},`,
        ``,
        `Welkom! Je huishouden is nu lid van ${d.farm}.`,
        `Log in met je e-mailadres (${d.email}); je krijgt dan een inlogcode per mail:`,
        siteURL(d.link),
        ``,
        `De penningmeester laat je weten hoe je de inleg van ${fmtMoney(d.depositCents, "nl")} betaalt.`,
        ``,
        `Groet, ${d.farm}`,
      ].join("\n"),
    }),
    en: (d: AcceptedData) => ({
      subject: `Welcome to ${d.farm}!`,
      text: [
        `Hello ${d.name},`,
        ``,
        `Welcome! Your household is now a member of ${d.farm}.`,
        `Log in with your email address (${d.email}); a login code will be mailed to you:`,
        siteURL(d.link),
        ``,
        `The treasurer will tell you how to pay the deposit of ${fmtMoney(d.depositCents, "en")}.`,
        ``,
        `Regards, ${d.farm}`,
      ].join("\n"),
    }),
  } satisfies Template<AcceptedData>,

  applicationExpired: {
    nl: (d: { farm: string; name: string }) => ({
      subject: `Je aanbod van ${d.farm} is verlopen`,
      text: [`Hallo ${d.name},`, ``, `Je hebt de aangeboden plek niet op tijd aangenomen; het aanbod is naar de volgende op de wachtlijst gegaan.`, `Wil je later toch meedoen? Meld je dan opnieuw aan.`, ``, `Groet, ${d.farm}`].join("\n"),
    }),
    en: (d: { farm: string; name: string }) => ({
      subject: `Your offer from ${d.farm} has expired`,
      text: [`Hello ${d.name},`, ``, `You did not accept the offered place in time; the offer went to the next on the waiting list.`, `Want to join later after all? Then apply again.`, ``, `Regards, ${d.farm}`].join("\n"),
    }),
  } satisfies Template<{ farm: string; name: string }>,

  membershipNotice: {
    nl: (d: NoticeData) => ({
      subject: `Opzegging ontvangen: lidmaatschap tot en met ${fmtDate(d.endDate, "nl")}`,
      text: [
        `Hallo,`,
        ``,
        `We hebben de opzegging van ${d.household} ontvangen. Het lidmaatschap loopt tot en met ${fmtDate(d.endDate, "nl")}.`,
        `Daarna betalen we de inleg terug (tot nu toe betaald: ${fmtMoney(d.depositCents, "nl")}).`,
        `Bedenk je je? Tot die datum kun je de opzegging intrekken:`,
        siteURL(d.link),
        ``,
        `Groet, ${d.farm}`,
      ].join("\n"),
    }),
    en: (d: NoticeData) => ({
      subject: `Notice received: membership until ${fmtDate(d.endDate, "en")}`,
      text: [
        `Hello,`,
        ``,
        `We received the notice of ${d.household}. The membership runs until ${fmtDate(d.endDate, "en")} inclusive.`,
        `After that we refund the deposit (paid so far: ${fmtMoney(d.depositCents, "en")}).`,
        `Changed your mind? Until that date you can withdraw the notice:`,
        siteURL(d.link),
        ``,
        `Regards, ${d.farm}`,
      ].join("\n"),
    }),
  } satisfies Template<NoticeData>,

  mandateChanged: {
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
  } satisfies Template<MandateData>,

  mandateIBANShared: {
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
  } satisfies Template<MandateSharedData>,
};

type ConfirmData = { farm: string; link: string; hours: number };
type ApplicationData = { farm: string; name: string; mouths: number; position: number | null; link: string };
type OfferData = { farm: string; name: string; mouths: number; certificate: "full" | "half"; depositCents: number; deadline: string; link: string };
type AcceptedData = { farm: string; name: string; email: string; depositCents: number; link: string };
/** A mandate's change, told to every person of its household; the IBAN is masked. */
type MandateData = { farm: string; household: string; change: "given" | "changed" | "revoked"; by: string; iban: string; holder: string; shared: boolean; link: string };
type MandateSharedData = { farm: string; household: string; other: string; iban: string; link: string };
type NoticeData = { farm: string; household: string; endDate: string; depositCents: number; link: string };

const localeTag = (l: Locale) => (l === "nl" ? "nl-NL" : "en-GB");
function fmtNumber(n: number, l: Locale) {
  return new Intl.NumberFormat(localeTag(l), { maximumFractionDigits: 2 }).format(n);
}
/** Cents as "€ 2.000,00" / "€2,000.00". */
function fmtMoney(cents: number, l: Locale) {
  return new Intl.NumberFormat(localeTag(l), { style: "currency", currency: "EUR" }).format(cents / 100);
}
/** "31 december 2029" from YYYY-MM-DD. */
function fmtDate(date: string, l: Locale) {
  return new Intl.DateTimeFormat(localeTag(l), { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(new Date(`${date}T00:00:00Z`));
}

export type TemplateName = keyof typeof templates;
export type TemplateData<N extends TemplateName> = Parameters<(typeof templates)[N]["nl"]>[0];
