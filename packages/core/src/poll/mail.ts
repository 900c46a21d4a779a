import { useFarmID } from "../actor";
import { useDB } from "../entities";
import { Farm } from "../farm/farm";
import { fmtDate, siteURL, type Template } from "../mail/format";
import { Mail } from "../mail/mail";
import { Mailing } from "../mail/mailing";
import { mailEachOnce } from "../mail/each-once";
import { audienceOf } from "../news/audience";
import { dateOf } from "../week";

/*
 * A poll's opening mailed to the members, when its opener asked: news, not
 * a vote, so only to those who keep news mail on. Each person's mail is kept
 * with their mark (pollMail), so a run twice, at once or after a crash mails
 * nobody twice, and the tick (`mailUnsentPolls`) finishes what a crash left.
 */

type PollData = { farm: string; title: string; question: string; closes: string | null; link: string };

export const pollOpened = {
  nl: (d: PollData) => ({
    subject: `${d.farm} vraagt je mening: ${d.title}`,
    text: [
      `Hallo,`,
      ``,
      `${d.farm} heeft een peiling geopend: ${d.title}`,
      ...(d.question ? [``, d.question] : []),
      ``,
      `Elk huishouden geeft één antwoord en kan het aanpassen zolang de peiling open is${d.closes ? ` (tot ${d.closes})` : ""}:`,
      siteURL(d.link),
      ``,
      `Geen nieuws meer per mail? Zet het uit bij Mijn gegevens: ${siteURL("/my-data")}`,
      ``,
      `Groet, ${d.farm}`,
    ].join("\n"),
  }),
  en: (d: PollData) => ({
    subject: `${d.farm} asks your opinion: ${d.title}`,
    text: [
      `Hello,`,
      ``,
      `${d.farm} has opened a poll: ${d.title}`,
      ...(d.question ? [``, d.question] : []),
      ``,
      `Each household gives one answer and can change it while the poll is open${d.closes ? ` (until ${d.closes})` : ""}:`,
      siteURL(d.link),
      ``,
      `No more news by mail? Turn it off under My data: ${siteURL("/my-data")}`,
      ``,
      `Regards, ${d.farm}`,
    ].join("\n"),
  }),
} satisfies Template<PollData>;

/** Mails what is still unmailed of a poll's opening; safe to run twice, at once, or after a crash. */
export async function mailPoll(pollID: string) {
  const farmID = useFarmID();
  const db = useDB().entities;
  const { data: poll } = await db.poll.get({ farmID, pollID }).go({ consistent: true });
  if (!poll || !poll.mail || poll.mailDone || poll.status === "draft") return;
  const [farm, people, marks] = await Promise.all([
    Farm.current(),
    audienceOf("members"),
    db.pollMail.query.byPoll({ farmID, pollID }).go({ pages: "all", consistent: true }),
  ]);
  const marked = new Set(marks.data.map((m) => m.personID));
  const all = await mailEachOnce(
    people.filter((p) => !marked.has(p.personID)),
    (p) => [
      Mail.compose(pollOpened, p.email, p.locale, {
        farm: farm.name,
        title: poll.title,
        question: poll.description ?? "",
        closes: poll.closesAt ? fmtDate(dateOf(Date.parse(poll.closesAt)), p.locale) : null,
        link: `/polls/${pollID}`,
      }),
    ],
    (p) => ({ pollMail }) => [pollMail.create({ farmID, pollID, personID: p.personID }).commit()],
  );
  if (all) await db.poll.patch({ farmID, pollID }).set({ mailDone: true }).go().catch(() => undefined);
}

Mailing.register("poll", mailPoll);

/** The tick: finishes the opening mail of polls a crash left half sent. */
export async function mailUnsentPolls() {
  const { data } = await useDB().entities.poll.query.byID({ farmID: useFarmID() }).go({ pages: "all" });
  for (const p of data.filter((x) => x.mail && !x.mailDone && x.status !== "draft")) await mailPoll(p.pollID);
}
