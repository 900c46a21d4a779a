import type { Template } from "../mail/format";
import { siteURL } from "../mail/format";

/* News mail, in Dutch and English (see mail/format.ts). Plain text: the post's own text as it was typed. */

type NewsData = { farm: string; title: string; text: string; author: string; photos: number; link: string };

export const newsPosted = {
  nl: (d: NewsData) => ({
    subject: `${d.farm}: ${d.title}`,
    text: [
      `Hallo,`,
      ``,
      `${d.author} schreef op ${d.farm}:`,
      ``,
      d.title,
      ``,
      d.text,
      ``,
      ...(d.photos ? [`Met ${d.photos === 1 ? "een foto" : `${d.photos} foto's`}: ${siteURL(d.link)}`] : [`Lees het ook in de app: ${siteURL(d.link)}`]),
      ``,
      `Geen nieuws meer per mail? Zet het uit bij Mijn gegevens: ${siteURL("/my-data")}`,
      ``,
      `Groet, ${d.farm}`,
    ].join("\n"),
  }),
  en: (d: NewsData) => ({
    subject: `${d.farm}: ${d.title}`,
    text: [
      `Hello,`,
      ``,
      `${d.author} wrote on ${d.farm}:`,
      ``,
      d.title,
      ``,
      d.text,
      ``,
      ...(d.photos ? [`With ${d.photos === 1 ? "a photo" : `${d.photos} photos`}: ${siteURL(d.link)}`] : [`Read it in the app too: ${siteURL(d.link)}`]),
      ``,
      `No more news by mail? Turn it off under My data: ${siteURL("/my-data")}`,
      ``,
      `Regards, ${d.farm}`,
    ].join("\n"),
  }),
} satisfies Template<NewsData>;
