import * as z from "zod/mini";
import { assertRole, usePerson } from "../actor";
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
    /** Where it is served, on the site's own origin (/media/…). */
    url: z.string(),
    width: z.number(),
    height: z.number(),
  });
  export type Info = z.infer<typeof Info>;

  export function serialize(p: { photoID: string; key: string; width: number; height: number }): Info {
    return { id: p.photoID, url: Media.url(p.key), width: p.width, height: p.height };
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
}
