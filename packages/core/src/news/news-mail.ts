import { useFarmID } from "../actor";
import { useDB } from "../entities";
import { Farm } from "../farm/farm";
import { Mail } from "../mail/mail";
import { Mailing } from "../mail/mailing";
import { mailEachOnce } from "../mail/each-once";
import { audienceOf } from "./audience";
import { newsPosted } from "./mail";

/*
 * A post mailed to its audience: the people of active households (or the
 * board's people for a board post), each once. A person's mark and mail are
 * one transaction, so a run that dies halfway is finished by the next (the
 * tick, `mailUnsent`) and nobody is mailed twice.
 */

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
  const all = await mailEachOnce(
    todo,
    (p) => [
      Mail.compose(newsPosted, p.email, p.locale, {
        farm: farm.name,
        title: post.title,
        text: post.text,
        author: post.authorName,
        photos: post.photos.length,
        link: `/news/${postID}`,
      }),
    ],
    (p) => ({ newsMail }) => [newsMail.create({ farmID, postID, personID: p.personID }).commit()],
  );
  // marked by another run meanwhile: that run finishes it
  if (all) await db.newsPost.patch({ farmID, postID }).set({ mailDone: true }).go().catch(() => undefined);
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
