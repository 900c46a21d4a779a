import { type Template, siteURL } from "../mail/format";

/* Household mail, in Dutch and English (see mail/format.ts). */

/** A person added to a household, told to the people it had. */
type PersonAddedData = { farm: string; household: string; name: string; email: string; by: string; link: string };

// Someone who joins a household sees all of it (its statement, its mandate): its people hear of it, never silently.
export const householdPersonAdded = {
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
} satisfies Template<PersonAddedData>;
