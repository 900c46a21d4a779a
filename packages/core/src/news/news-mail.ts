import { useFarmID } from "../actor";
import { useDB } from "../entities";
import { Farm } from "../farm/farm";
import { Mail } from "../mail/mail";
import { Mailing } from "../mail/mailing";
import { MailPreferences } from "../message/preferences";
import { newsPosted } from "./mail";

/*
 * A post mailed to its audience: the people of active households (or the
 * board's people for a board post), each once. A person's mark and mail are
 * one transaction, so a run that dies halfway is finished by the next (the
 * tick, `mailUnsent`) and nobody is mailed twice.
 */

type PersonItem = { personID: string; householdID: string; email: string; locale: "nl" | "en"; name: string; newsOff?: boolean };

async function audienceOf(audience: "members" | "board"): Promise<PersonItem[]> {
  const farmID = useFarmID();
  const db = useDB().entities;
  const [people, households, grants] = await Promise.all([
    db.person.query.byID({ farmID }).go({ pages: "all" }),
    db.household.query.byID({ farmID }).go({ pages: "all" }),
    audience === "board" ? db.roleGrant.query.byPerson({ farmID }).go({ pages: "all" }) : Promise.resolve(undefined),
  ]);
  const active = new Set(households.data.filter((h) => h.status === "active").map((h) => h.householdID));
  const board = grants ? new Set(grants.data.filter((g) => g.role === "board" || g.role === "admin").map((g) => g.personID)) : undefined;
  return (people.data as PersonItem[]).filter((p) => (board ? board.has(p.personID) : active.has(p.householdID)) && MailPreferences.of(p).news);
}

/** Mails what is still unmailed of a post; safe to run twice, at once, or after a crash. */
export async function mailPost(postID: string) {
  const farmID = useFarmID();
  const db = useDB().entities;
  const { data: post } = await db.newsPost.get({ farmID, postID }).go({ consistent: true });
  if (!post || !post.mail || post.mailDone) return;
  const farm = await Farm.current();
  const [people, marks] = await Promise.all([
    audienceOf(post.audience),
    db.newsMail.query.byPost({ farmID, postID }).go({ pages: "all", consistent: true }),
  ]);
  const marked = new Set(marks.data.map((m) => m.personID));
  const todo = people.filter((p) => !marked.has(p.personID));
  let refused = 0;
  for (let i = 0; i < todo.length; i += 20)
    await Promise.all(
      todo.slice(i, i + 20).map(async (p) => {
        const mail = Mail.compose(newsPosted, p.email, p.locale, {
          farm: farm.name,
          title: post.title,
          text: post.text,
          author: post.authorName,
          photos: post.photos.length,
          link: `/news/${postID}`,
        });
        const sent = await Mail.commitWith([mail], ({ newsMail }) => [newsMail.create({ farmID, postID, personID: p.personID }).commit()]);
        if (!sent) refused++; // marked by another run meanwhile
      }),
    );
  if (refused === 0) await db.newsPost.patch({ farmID, postID }).set({ mailDone: true }).go().catch(() => undefined);
}

Mailing.register("news", mailPost);

/** How far a post's mail got: the people it goes to, how many have it, and whether it is done. */
export async function mailingProgress(post: { postID: string; audience: "members" | "board"; mail: boolean; mailDone?: boolean }): Promise<Mailing.Progress> {
  if (!post.mail) return { total: 0, sent: 0, done: true };
  const { data: marks } = await useDB().entities.newsMail.query.byPost({ farmID: useFarmID(), postID: post.postID }).go({ pages: "all", consistent: true });
  // once done, the marks are who got it (the audience may have changed since)
  if (post.mailDone) return { total: marks.length, sent: marks.length, done: true };
  const marked = new Set(marks.map((m) => m.personID));
  const people = await audienceOf(post.audience);
  return { total: people.length, sent: people.filter((p) => marked.has(p.personID)).length, done: false };
}

/** The tick: finishes the mail of posts a crash left half sent. */
export async function mailUnsent() {
  const { data } = await useDB().entities.newsPost.query.byID({ farmID: useFarmID() }).go({ pages: "all" });
  for (const p of data.filter((x) => x.mail && !x.mailDone)) await mailPost(p.postID);
}
