import type { Template } from "../mail/format";

/* A mail the board or the farmer wrote to a group, in Dutch and English (see mail/format.ts). */

type MessageData = {
  farm: string;
  author: string;
  role: "board" | "treasurer" | "farmer";
  subject: string;
  /** As typed: plain text, its line breaks and links kept as they are. */
  text: string;
  /** News (the farmer's): the reader may turn such mail off, so the mail says where. */
  news: boolean;
  link: string;
};

const roleNl = { board: "het bestuur", treasurer: "de penningmeester", farmer: "de boer" };
const roleEn = { board: "the board", treasurer: "the treasurer", farmer: "the farmer" };

export const groupMessage = {
  nl: (d: MessageData) => ({
    subject: d.subject,
    text: [
      d.text,
      ``,
      `-- `,
      `${d.author}, namens ${roleNl[d.role]} van ${d.farm}`,
      d.news ? `Geen nieuws meer per mail? Zet het uit bij Mijn gegevens: ${d.link}` : `Dit is een bericht aan de leden; het gaat naar iedereen die het betreft.`,
    ].join("\n"),
  }),
  en: (d: MessageData) => ({
    subject: d.subject,
    text: [
      d.text,
      ``,
      `-- `,
      `${d.author}, for ${roleEn[d.role]} of ${d.farm}`,
      d.news ? `No more news by mail? Turn it off under My data: ${d.link}` : `This is a message to the members; it goes to everyone it concerns.`,
    ].join("\n"),
  }),
} satisfies Template<MessageData>;
