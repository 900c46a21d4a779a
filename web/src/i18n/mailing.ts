/*
 * Strings of the mailing's progress, shown after a publish, a vote opened or
 * closed, or a cancelled work day: the mail goes out after the answer. The
 * Dutch shape is the type the English must match.
 */
export const mailingNl = {
  households: {
    sending: (sent: number, total: number) => `De mail gaat uit: ${sent} van ${total} huishoudens hebben hem.`,
    done: (total: number) => (total === 1 ? "Het huishouden heeft de mail." : `Alle ${total} huishoudens hebben de mail.`),
    none: "Niemand hoeft een mail: voor geen enkel huishouden is iets veranderd.",
  },
  people: {
    sending: (sent: number, total: number) => `De mail gaat uit: ${sent} van ${total} mensen hebben hem.`,
    done: (total: number) => (total === 1 ? "De aangemelde heeft de mail." : `Alle ${total} aangemelden hebben de mail.`),
    none: "Er was niemand aangemeld om te mailen.",
  },
  recipients: {
    sending: (sent: number, total: number) => `De mail gaat uit: ${sent} van ${total} mensen hebben hem.`,
    done: (total: number) => (total === 1 ? "De mail is verstuurd." : `Alle ${total} mensen hebben de mail.`),
    none: "Er was niemand om te mailen.",
  },
};

export type MailingDictionary = typeof mailingNl;

export const mailingEn: MailingDictionary = {
  households: {
    sending: (sent, total) => `Mailing: ${sent} of ${total} households have it.`,
    done: (total) => (total === 1 ? "The household has the mail." : `All ${total} households have the mail.`),
    none: "Nobody needs a mail: no household's share changed.",
  },
  people: {
    sending: (sent, total) => `Mailing: ${sent} of ${total} people have it.`,
    done: (total) => (total === 1 ? "The person signed up has the mail." : `All ${total} people signed up have the mail.`),
    none: "Nobody was signed up to mail.",
  },
  recipients: {
    sending: (sent, total) => `Mailing: ${sent} of ${total} people have it.`,
    done: (total) => (total === 1 ? "The mail is sent." : `All ${total} people have the mail.`),
    none: "There was nobody to mail.",
  },
};
