import * as z from "zod/mini";
import { assertRole, useFarmID, usePerson } from "../actor";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { createID } from "../id";
import { extensionOf, readImage } from "./image";
import { Media } from "./media";

/*
 * Photos for news. The browser makes a photo small before it sends it
 * (web/src/lib/photo.ts: longest side 1600 px, JPEG at 0.8, a few hundred
 * kB, and no camera metadata such as the place it was taken): a phone's
 * 4000 px original of 3–6 MB would be slow to send over the field's mobile
 * network, and resizing here would need an image library (sharp: 20+ MB of
 * native arm64 code) in the core Lambda. The function only checks what it
 * got, from the bytes themselves, and refuses anything else.
 */
export namespace NewsPhotos {
  /** The longest side a stored photo may have, in pixels. */
  export const maxSide = 1600;
  /** The largest stored photo: a 1600 px JPEG at 0.8 is 200–500 kB. */
  export const maxBytes = 600 * 1024;
  export const types = Object.keys(extensionOf) as (keyof typeof extensionOf)[];

  export const Info = z.object({
    id: z.string(),
    /** Where it is read, through the API, by who may read its post (News.photo). */
    url: z.string(),
    width: z.number(),
    height: z.number(),
  });
  export type Info = z.infer<typeof Info>;

  export function serialize(p: { photoID: string; key: string; width: number; height: number }): Info {
    return { id: p.photoID, url: `/api/news/photos/${p.photoID}`, width: p.width, height: p.height };
  }

  /** Stores an uploaded photo after checking it is a small JPEG, PNG or WebP; a post takes it by its ID. */
  export async function upload(bytes: Uint8Array): Promise<Info> {
    assertRole("farmer", "board");
    const person = usePerson();
    if (bytes.length > maxBytes)
      throw new VisibleError("too_large", "news.photo.too_large", `A photo may be at most ${maxBytes / 1024} kB; make it smaller first.`);
    const image = readImage(bytes);
    if (!image) throw new VisibleError("input", "news.photo.type", "Send a photo as JPEG, PNG or WebP.");
    if (Math.max(image.width, image.height) > maxSide)
      throw new VisibleError(
        "input",
        "news.photo.too_big",
        `A photo may be at most ${maxSide} pixels on its longest side; this one is ${image.width}×${image.height}.`,
        undefined,
        { maxSide },
      );
    const farmID = person.farmID;
    const photoID = createID("photo");
    const key = `${farmID}/news/${photoID}.${extensionOf[image.type]}`;
    // the file first: an item never names a file that is not there (a file without an item is only unused)
    await Media.current().put(key, bytes, image.type);
    const item = { farmID, photoID, key, type: image.type, width: image.width, height: image.height, bytes: bytes.length, uploadedBy: person.personID };
    await useDB().entities.newsPhoto.create(item).go();
    return serialize(item);
  }

  /** How long an uploaded photo may wait for a post (a form left open, a photo taken out before posting). */
  export const unusedFor = 24 * 60 * 60 * 1000;

  /** The tick: deletes the photos no post took within a day of their upload. Safe to run twice, at once. */
  export async function sweep(now: Date) {
    const cutoff = new Date(now.getTime() - unusedFor).toISOString();
    const { data } = await useDB().entities.newsPhoto.query.byID({ farmID: useFarmID() }).go({ pages: "all" });
    for (const p of data.filter((x) => !x.postID && x.createdAt < cutoff)) await removeUnused(p);
  }

  /** Deletes a photo read without a post, if it still has none; false when a post took it meanwhile. */
  export async function removeUnused(p: { farmID: string; photoID: string; key: string }) {
    // The item first, on the condition that it has no post: once it is gone a post can no longer take it (the
    // claim patches an existing item, so the post fails as "taken"), and only then the file. The other order
    // could remove the file of a photo a post took in between. A crash between the two leaves a file that no
    // item names: unused and never shown, as after an upload that died before its item was written.
    try {
      await useDB().entities.newsPhoto.delete({ farmID: p.farmID, photoID: p.photoID }).where((a, op) => op.notExists(a.postID)).go();
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
    await Media.current().remove(p.key);
    return true;
  }
}
