import { useFarmID } from "../actor";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { createID } from "../id";
import { templates, type Locale, type TemplateData, type TemplateName } from "./templates";

export namespace Mail {
  export interface Message {
    farmID: string;
    messageID: string;
    to: string;
    subject: string;
    text: string;
    locale: Locale;
    sentAt: string;
  }

  export type Transport = (message: Message) => Promise<void>;

  /** Locally (and in tests) mail lands in the outbox table, readable at /api/dev/outbox. */
  export const outboxTransport: Transport = async (m) => {
    await useDB()
      .entities.outbox.create({
        ...m,
        // the local outbox keeps a week of mail
        expiresAtEpoch: Math.floor(Clock.now() / 1000) + 7 * 24 * 3600,
      })
      .go();
  };

  let transport: Transport = outboxTransport;

  /** Deployed stages hand mail to a queue whose consumer sends it through SES. */
  export function setTransport(t: Transport) {
    transport = t;
  }

  export async function send<N extends TemplateName>(
    name: N,
    to: string,
    locale: Locale,
    data: TemplateData<N>,
  ) {
    const render = templates[name][locale] as (d: TemplateData<N>) => { subject: string; text: string };
    const { subject, text } = render(data);
    const message: Message = {
      farmID: useFarmID(),
      messageID: createID("message"),
      to,
      // Titles are typed by people; a line break in one must not end the Subject header.
      subject: subject.replace(/\s*[\r\n]+\s*/g, " ").trim(),
      text,
      locale,
      sentAt: Clock.iso(),
    };
    await transport(message);
    return message;
  }

  /** The local outbox, newest first. */
  export async function outbox(to?: string, limit = 50) {
    const farmID = useFarmID();
    const db = useDB().entities.outbox;
    const res = to
      ? await db.query.byRecipient({ farmID, to: to.toLowerCase() }).go({ order: "desc", limit })
      : await db.query.byID({ farmID }).go({ order: "desc", limit });
    return res.data.map((m) => ({ to: m.to, subject: m.subject, text: m.text, sentAt: m.sentAt }));
  }
}
