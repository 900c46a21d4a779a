/**
 * Every mail the platform sends, in Dutch and English. A template takes its
 * data and returns subject and plain text; the person's locale picks the language.
 */
export type Locale = "nl" | "en";

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
};

export type TemplateName = keyof typeof templates;
export type TemplateData<N extends TemplateName> = Parameters<(typeof templates)[N]["nl"]>[0];
