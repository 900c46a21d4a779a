import type { EntityItem } from "electrodb";
import * as z from "zod/mini";
import { assertRole, hasRole, useActor, usePerson } from "../actor";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { createID, ID } from "../id";
import { Mailing } from "../mail/mailing";
import { Person } from "../person/person";
import { weekOf } from "../week";
import type { NewsPostEntity } from "./entities";
import { Media } from "./media";
// news-mail.ts also registers the "news" mailing that create() starts
import { mailingProgress } from "./news-mail";
import { NewsPhotos } from "./photos";

/*
 * News: the farmer and the board post a title, plain text (line breaks and
 * links, shown as text: the screen makes links clickable, never markup) and
 * up to six photos; members read them newest first, the week's harvest
 * note on top. A post can be mailed to its audience (news-mail.ts).
 */
export namespace News {
  export const maxPhotos = 6;
  export const Audience = z.enum(["members", "board"]);

  export const Info = z.object({
    id: z.string(),
    title: z.string(),
    text: z.string(),
    photos: z.array(NewsPhotos.Info),
    /** Who reads it: every member, or the board only. */
    audience: Audience,
    author: z.object({ id: z.string(), name: z.string() }),
    mail: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** The reader may change or delete it: its author, or the board. */
    canEdit: z.boolean(),
  });
  export type Info = z.infer<typeof Info>;

  /** The farmer's note with this week's published harvest: the week's news, beside the share. */
  export const WeekNote = z.object({ week: z.string(), note: z.string(), publishedAt: z.nullable(z.string()) });

  export const List = z.object({ posts: z.array(Info), weekNote: z.nullable(WeekNote) });

  const title = z.string().check(z.trim(), z.minLength(1), z.maxLength(150));
  // plain text; a post is news, not a document: 10,000 characters is several pages
  const text = z.string().check(z.trim(), z.maxLength(10_000));
  const photoIDs = z.array(ID).check(
    z.maxLength(maxPhotos),
    z.refine((ids) => new Set(ids).size === ids.length, { message: "A photo can be in a post once." }),
  );

  export const Input = z.object({
    title,
    text,
    photoIDs: z._default(photoIDs, []),
    audience: z._default(Audience, "members"),
    /** Mail it to the audience too. */
    mail: z._default(z.boolean(), false),
  });
  export const UpdateInput = z.object({
    title: z.optional(title),
    text: z.optional(text),
    photoIDs: z.optional(photoIDs),
    audience: z.optional(Audience),
  });

  type Stored = EntityItem<typeof NewsPostEntity>;

  function canEdit(p: Stored) {
    const actor = useActor();
    return hasRole("board") || (actor.type === "person" && actor.personID === p.authorID);
  }

  function canRead(p: Stored) {
    return p.audience === "members" || canEdit(p);
  }

  function serialize(p: Stored): Info {
    return {
      id: p.postID,
      title: p.title,
      text: p.text,
      photos: p.photos.map(NewsPhotos.serialize),
      audience: p.audience,
      author: { id: p.authorID, name: p.authorName },
      mail: p.mail,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      canEdit: canEdit(p),
    };
  }

  /** The posts the reader may see, newest first (at most `limit`), and this week's harvest note. */
  export async function list(limit = 30): Promise<z.infer<typeof List>> {
    const farmID = useActor().farmID;
    const week = weekOf(Clock.now());
    const [posts, harvest] = await Promise.all([
      useDB().entities.newsPost.query.byID({ farmID }).go({ order: "desc", pages: "all" }),
      useDB().entities.harvestWeek.get({ farmID, week }).go(),
    ]);
    const h = harvest.data;
    const weekNote = h && h.status === "published" && h.version > 0 && h.note ? { week, note: h.note, publishedAt: h.publishedAt ?? null } : null;
    return { posts: posts.data.filter(canRead).slice(0, limit).map(serialize), weekNote };
  }

  async function load(postID: string) {
    const { data } = await useDB().entities.newsPost.get({ farmID: useActor().farmID, postID }).go({ consistent: true });
    // a board post answers as unknown to a member, as an unknown one does
    if (!data || !canRead(data)) throw new VisibleError("not_found", "news.not_found", "No such post.");
    return data;
  }

  export async function get(postID: string) {
    return serialize(await load(postID));
  }

  const noPhoto = () => new VisibleError("not_found", "news.photo.not_found", "No such photo.");

  /**
   * A photo's bytes, for who may read its post (a board post's only for the
   * board, as the post); one no post holds yet only for who uploaded it.
   */
  export async function photo(photoID: string) {
    const actor = useActor();
    const { data: p } = await useDB().entities.newsPhoto.get({ farmID: actor.farmID, photoID }).go();
    if (!p) throw noPhoto();
    if (p.postID) {
      const { data: post } = await useDB().entities.newsPost.get({ farmID: actor.farmID, postID: p.postID }).go();
      if (!post || !canRead(post) || !post.photos.some((x) => x.photoID === photoID)) throw noPhoto();
    } else if (actor.type !== "person" || actor.personID !== p.uploadedBy) throw noPhoto();
    const bytes = await Media.current().read(p.key);
    if (!bytes) throw noPhoto();
    return { bytes, type: p.type };
  }

  /** The uploaded photos a post names, checked to be of this farm and free (or already this post's). */
  async function photosFor(ids: string[], postID: string) {
    const farmID = useActor().farmID;
    const found = await Promise.all(ids.map((photoID) => useDB().entities.newsPhoto.get({ farmID, photoID }).go({ consistent: true })));
    return found.map(({ data }, i) => {
      if (!data) throw new VisibleError("input", "news.photo.unknown", `No uploaded photo ${ids[i]}.`);
      if (data.postID && data.postID !== postID) throw new VisibleError("conflict", "news.photo.used", `Photo ${ids[i]} is in another post.`);
      return data;
    });
  }

  const photoTaken = () => new VisibleError("conflict", "news.photo.used", "A photo was taken by another post meanwhile.");

  /** Posts news; with `mail`, its audience is mailed after the answer. */
  export async function create(input: z.output<typeof Input>) {
    assertRole("farmer", "board");
    const person = usePerson();
    const author = await Person.get(person.personID);
    const postID = createID("news");
    const photos = await photosFor(input.photoIDs, postID);
    const farmID = person.farmID;
    // the post and its photos' claims in one transaction: two posts never hold one photo
    const res = await useDB()
      .transaction.write(({ newsPost, newsPhoto }) => [
        newsPost
          .create({
            farmID,
            postID,
            title: input.title,
            text: input.text,
            photos: photos.map((p) => ({ photoID: p.photoID, key: p.key, width: p.width, height: p.height })),
            audience: input.audience,
            authorID: person.personID,
            authorName: author?.name ?? "",
            mail: input.mail,
          })
          .commit(),
        ...photos.map((p) =>
          newsPhoto
            .patch({ farmID, photoID: p.photoID })
            .set({ postID })
            .where((a, op) => op.notExists(a.postID))
            .commit(),
        ),
      ])
      .go();
    if (res.canceled) throw photoTaken();
    if (input.mail) await Mailing.start("news", postID);
    return get(postID);
  }

  function assertCanEdit(p: Stored) {
    if (!canEdit(p)) throw new VisibleError("forbidden", "news.not_author", "Only its author or the board may change a post.");
  }

  /** How far a post's mail got, for its author or the board: it goes out after the answer. */
  export async function mailing(postID: string) {
    assertRole("farmer", "board");
    const post = await load(postID);
    assertCanEdit(post);
    return mailingProgress(post);
  }

  /** Changes a post (author or board); photos left out of it are deleted. Its mail, if any, is not sent again. */
  export async function update(postID: string, changes: z.output<typeof UpdateInput>) {
    assertRole("farmer", "board");
    const current = await load(postID);
    assertCanEdit(current);
    const farmID = current.farmID;
    const photos = changes.photoIDs ? await photosFor(changes.photoIDs, postID) : undefined;
    const dropped = photos ? current.photos.filter((p) => !photos.some((q) => q.photoID === p.photoID)) : [];
    const res = await useDB()
      .transaction.write(({ newsPost, newsPhoto }) => [
        newsPost
          .patch({ farmID, postID })
          .set({
            ...(changes.title !== undefined ? { title: changes.title } : {}),
            ...(changes.text !== undefined ? { text: changes.text } : {}),
            ...(changes.audience ? { audience: changes.audience } : {}),
            ...(photos ? { photos: photos.map((p) => ({ photoID: p.photoID, key: p.key, width: p.width, height: p.height })) } : {}),
          })
          // on the version read: two edits at once never keep a photo list that holds a deleted photo
          .where((a, op) => op.eq(a.updatedAt, current.updatedAt))
          .commit(),
        ...(photos ?? [])
          .filter((p) => p.postID !== postID)
          .map((p) =>
            newsPhoto
              .patch({ farmID, photoID: p.photoID })
              .set({ postID })
              .where((a, op) => op.notExists(a.postID))
              .commit(),
          ),
        ...dropped.map((p) => newsPhoto.delete({ farmID, photoID: p.photoID }).commit()),
      ])
      .go();
    if (res.canceled) throw new VisibleError("conflict", "news.changed", "The post was changed meanwhile; open it again.");
    await Promise.all(dropped.map((p) => Media.current().remove(p.key)));
    return get(postID);
  }

  /** Deletes a post and its photos (author or board). */
  export async function remove(postID: string) {
    assertRole("farmer", "board");
    const current = await load(postID);
    assertCanEdit(current);
    const farmID = current.farmID;
    await useDB()
      .transaction.write(({ newsPost, newsPhoto }) => [
        newsPost.delete({ farmID, postID }).commit(),
        ...current.photos.map((p) => newsPhoto.delete({ farmID, photoID: p.photoID }).commit()),
      ])
      .go();
    await Promise.all(current.photos.map((p) => Media.current().remove(p.key)));
  }
}
