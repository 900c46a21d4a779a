import { useFarmID } from "../actor";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { createID } from "../id";
import type { Locale, Template } from "./format";
import { Mailing } from "./mailing";
import { writeAll } from "../batch-write";

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

  /**
   * Locally (and in tests) mail lands in the outbox table, readable at
   * /api/dev/outbox; a message handed over again (the mail job after a
   * crash) is there once.
   */
  export const outboxTransport: Transport = async (m) => {
    await useDB()
      .entities.outbox.create({
        ...m,
        // the local outbox keeps a week of mail
        expiresAtEpoch: Math.floor(Clock.now() / 1000) + 7 * 24 * 3600,
      })
      .go()
      .catch((e: unknown) => {
        if (!isConditionFailure(e)) throw e;
      });
  };

  let transport: Transport = outboxTransport;

  /** Deployed stages hand mail to a queue whose consumer sends it through SES. */
  export function setTransport(t: Transport) {
    transport = t;
  }

  /** A message rendered from its template (the sending domain's mail.ts) in the person's language, not yet handed over. */
  export function compose<D>(template: Template<D>, to: string, locale: Locale, data: NoInfer<D>): Message {
    const { subject, text } = template[locale](data);
    return {
      farmID: useFarmID(),
      messageID: createID("message"),
      to,
      // Titles are typed by people; a line break in one must not end the Subject header.
      subject: subject.replace(/\s*[\r\n]+\s*/g, " ").trim(),
      text,
      locale,
      sentAt: Clock.iso(),
    };
  }

  /** Sends at once: for mail that is the change itself (a login code) or follows one too large for a transaction. */
  export async function send<D>(template: Template<D>, to: string, locale: Locale, data: NoInfer<D>) {
    const message = compose(template, to, locale, data);
    await transmit(message);
    return message;
  }

  /** Hands a composed message to the transport now, kept nowhere. */
  export async function transmit(message: Message) {
    await transport(message);
  }

  /** How long a kept message may wait for its change's request before the mail job sends it. */
  export const keptMs = 2 * 60 * 1000;

  /**
   * The item that keeps a message until it is delivered, written in the
   * transaction of the change it tells about. If the process dies before
   * delivering, the mail job (`redeliver`) sends it; if the transaction
   * fails, there is nothing to send.
   */
  function kept(m: Message, mailing?: string) {
    return { ...m, ...(mailing ? { mailing } : {}), expiresAtEpoch: Math.floor(Clock.now() / 1000) + 14 * 24 * 3600 };
  }

  type Write = Parameters<ReturnType<typeof useDB>["transaction"]["write"]>[0];

  /**
   * A change and the mail that tells of it, as one transaction: the change's
   * items with each message kept, then the messages handed over. False (and
   * nothing sent) when the transaction was refused. With `mailing`, the
   * messages stay kept under that name for the caller to start that
   * mailing ("kept", run by `later`) once all of it is kept: for a change
   * that mails many, handed over after the answer.
   */
  export async function commitWith(mails: Message[], change: (entities: Parameters<Write>[0]) => ReturnType<Write>, mailing?: string) {
    const res = await useDB()
      .transaction.write((entities) => [...change(entities), ...mails.map((m) => entities.pendingMail.create(kept(m, mailing)).commit())])
      .go();
    if (res.canceled) return false;
    if (!mailing) await deliver(mails);
    return true;
  }

  /** Keeps more messages under a mailing whose change has committed (too many for its transaction), to go out with it. */
  export async function keep(mails: Message[], mailing: string) {
    await writeAll((batch) => useDB().entities.pendingMail.put(batch).go(), mails.map((m) => kept(m, mailing)));
  }

  async function keptOf(mailing: string) {
    const { data } = await useDB().entities.pendingMail.query.byID({ farmID: useFarmID() }).go({ pages: "all", consistent: true });
    return data.filter((m) => m.mailing === mailing);
  }

  /** How many messages of a mailing still wait to be handed over. */
  export async function waiting(mailing: string) {
    return (await keptOf(mailing)).length;
  }

  /** Hands over what a mailing kept; what fails stays kept for the mail job. */
  export async function later(mailing: string) {
    const farmID = useFarmID();
    const messages = (await keptOf(mailing)).map((m) => ({ farmID, messageID: m.messageID, to: m.to, subject: m.subject, text: m.text, locale: m.locale, sentAt: m.sentAt }));
    for (let i = 0; i < messages.length; i += 10) await deliver(messages.slice(i, i + 10), 10);
  }

  /**
   * Hands kept messages to the transport once their change has committed,
   * and forgets each one handed over. A transport that fails leaves the
   * message kept for the mail job: the change is done, and its answer says
   * so, whatever the mail service is doing.
   */
  async function deliver(messages: Message[], atOnce = 1) {
    const one = async (m: Message) => {
      try {
        await transmit(m);
      } catch {
        return;
      }
      await useDB().entities.pendingMail.delete({ farmID: m.farmID, messageID: m.messageID }).go();
    };
    for (let i = 0; i < messages.length; i += atOnce) await Promise.all(messages.slice(i, i + atOnce).map(one));
  }

  /** The mail job: sends what a request kept but did not deliver (it died, or the transport failed). */
  export async function redeliver(now: Date) {
    const farmID = useFarmID();
    const { data } = await useDB().entities.pendingMail.query.byID({ farmID }).go({ pages: "all" });
    const due = data.filter((m) => now.getTime() - Date.parse(m.sentAt) >= keptMs);
    await deliver(due.map((m) => ({ farmID, messageID: m.messageID, to: m.to, subject: m.subject, text: m.text, locale: m.locale, sentAt: m.sentAt })));
    return due.length;
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

Mailing.register("kept", Mail.later);
