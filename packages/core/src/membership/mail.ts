import { type Template, siteURL, fmtNumber, fmtMoney, fmtDate } from "../mail/format";

/* Membership mail: the waiting list, offers, and notice, in Dutch and English (see mail/format.ts). */

type ConfirmData = { farm: string; link: string; hours: number };
type ApplicationData = { farm: string; name: string; mouths: number; position: number | null; link: string };
type OfferData = { farm: string; name: string; mouths: number; certificate: "full" | "half"; depositCents: number; deadline: string; link: string };
type AcceptedData = { farm: string; name: string; email: string; depositCents: number; link: string };
type NoticeData = { farm: string; household: string; endDate: string; depositCents: number; link: string };

// Mailed to an address nobody has confirmed yet: it holds no text the applicant typed, so the farm relays nothing of a stranger's.
export const applicationConfirm = {
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
} satisfies Template<ConfirmData>;

// An address already on the list applied again: the link goes to the address, never to whoever asked.
export const applicationKnown = {
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
} satisfies Template<{ farm: string; link: string }>;

// Sent once the address is confirmed: only then does the farm mail back what the applicant typed.
export const applicationReceived = {
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
} satisfies Template<ApplicationData>;

export const applicationOffer = {
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
} satisfies Template<OfferData>;

export const applicationAccepted = {
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
} satisfies Template<AcceptedData>;

export const applicationExpired = {
  nl: (d: { farm: string; name: string }) => ({
    subject: `Je aanbod van ${d.farm} is verlopen`,
    text: [`Hallo ${d.name},`, ``, `Je hebt de aangeboden plek niet op tijd aangenomen; het aanbod is naar de volgende op de wachtlijst gegaan.`, `Wil je later toch meedoen? Meld je dan opnieuw aan.`, ``, `Groet, ${d.farm}`].join("\n"),
  }),
  en: (d: { farm: string; name: string }) => ({
    subject: `Your offer from ${d.farm} has expired`,
    text: [`Hello ${d.name},`, ``, `You did not accept the offered place in time; the offer went to the next on the waiting list.`, `Want to join later after all? Then apply again.`, ``, `Regards, ${d.farm}`].join("\n"),
  }),
} satisfies Template<{ farm: string; name: string }>;

export const membershipNotice = {
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
} satisfies Template<NoticeData>;
