import { useFarmID } from "../actor";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { Farm } from "../farm/farm";
import { Mail } from "../mail/mail";
import { Mailing } from "../mail/mailing";
import { groupMessage } from "./mail";

/*
 * Sending a group mail after its answer: each person's mail is kept in the
 * transaction that marks them mailed (Mail.commitWith), so a run that dies
 * halfway leaves the rest for the next run, and nobody is mailed twice.
 */

/**
 * How many mails a run hands over a second. SES starts an account at 14 a
 * second, shared with login codes and every other mail; the mail queue's
 * consumer (infra/email.ts) sends at most what it gets, so the pace is set
 * here, where a group of 400 would otherwise arrive at once.
 */
let perSecond = 10;

/** For tests and the bench, which need no SES. */
export function setPace(mailsPerSecond: number) {
  perSecond = mailsPerSecond;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Mails each person of a message not mailed yet, at the pace above; marks the message done when all are. */
export async function mailMessage(messageID: string) {
  const farmID = useFarmID();
  const db = useDB().entities;
  const message = (await db.message.get({ farmID, messageID }).go({ consistent: true })).data;
  if (!message || message.done) return;
  const { data } = await db.messageRecipient.query.byMessage({ farmID, messageID }).go({ pages: "all", consistent: true });
  const unsent = data.filter((r) => !r.sentAt);
  const farm = await Farm.current();
  let refused = 0;
  for (let i = 0; i < unsent.length; i += perSecond) {
    const started = Date.now();
    await Promise.all(
      unsent.slice(i, i + perSecond).map(async (r) => {
        const person = (await db.person.get({ farmID, personID: r.personID }).go()).data;
        // erased since it was sent: marked, with nobody left to mail
        const mails = person
          ? [
              Mail.compose(groupMessage, person.email, person.locale, {
                farm: farm.name,
                author: message.authorName,
                role: message.authorRole,
                subject: message.subject,
                text: message.text,
                news: message.authorRole === "farmer",
                link: "/my-data",
              }),
            ]
          : [];
        const sent = await Mail.commitWith(mails, ({ messageRecipient }) => [
          messageRecipient
            .patch({ farmID, messageID, personID: r.personID })
            .set({ sentAt: mails[0]?.sentAt ?? Clock.iso() })
            .where((a, op) => op.notExists(a.sentAt))
            .commit(),
        ]);
        // marked by another run meanwhile: that run mailed them
        if (!sent) refused++;
      }),
    );
    const rest = 1000 - (Date.now() - started);
    if (i + perSecond < unsent.length && rest > 0) await sleep(rest);
  }
  if (refused) {
    const left = (await db.messageRecipient.query.byMessage({ farmID, messageID }).go({ pages: "all", consistent: true })).data;
    if (left.some((r) => !r.sentAt)) return;
  }
  await db.message.patch({ farmID, messageID }).set({ done: true }).go();
}

Mailing.register("message", mailMessage);

/** The mail job's part: messages whose mailing stopped (a crash, a worker out of time) are finished. */
export async function mailUnsent(now: Date) {
  const { data } = await useDB()
    .entities.message.query.byID({ farmID: useFarmID() })
    .where((a, op) => op.eq(a.done, false))
    .go({ pages: "all" });
  for (const m of data) if (!m.done && now.getTime() - Date.parse(m.createdAt) >= Mail.keptMs) await mailMessage(m.messageID);
}
