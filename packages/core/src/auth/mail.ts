import type { Template } from "../mail/format";

/* Sign-in mail, in Dutch and English (see mail/format.ts). */

export const loginCode = {
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
} satisfies Template<{ code: string; farm: string; minutes: number }>;
