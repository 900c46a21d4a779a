import * as z from "zod/mini";
import { VisibleError } from "@akker/core/error";
import { Mailing } from "@akker/core/mail/mailing";
import { News } from "@akker/core/news/news";
import { NewsPhotos } from "@akker/core/news/photos";
import { route, textParams, type App } from "../route";

/*
 * News on the home screen: the farmer and the board post, members read.
 * In the core function (domains.ts: no CloudFront behaviour of its own); the
 * photos it stores (the media bucket deployed) are read through here only,
 * by who may read their post.
 */

const tag = "news";
// reading is taking part: people of active households, and the farm's staff
const readers = ["member", "farmer", "coordinator", "board", "treasurer"] as const;
const writers = ["farmer", "board"] as const;
const OnePost = z.object({ post: News.Info });
const id = textParams("id");
// the photo's own type, or bytes as the web client sends any file: what it is is read from the bytes
const uploadTypes: string[] = [...NewsPhotos.types, "application/octet-stream"];

export function newsRoutes(app: App) {
  route(
    app,
    {
      method: "get",
      path: "/api/news",
      summary: "The news the reader may see, newest first, and this week's harvest note (the week's news beside the share)",
      tag,
      access: readers,
      responses: { 200: { description: "Posts and the week's note", schema: News.List } },
    },
    async (c) => c.json(await News.list()),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/news/photos",
      summary: `Upload a photo for a post: the image itself (JPEG, PNG or WebP, in its own media type or as application/octet-stream), made small first (at most ${NewsPhotos.maxSide} px on its longest side, ${NewsPhotos.maxBytes / 1024} kB); checked from its bytes, then stored`,
      tag,
      access: writers,
      rawBody: Object.fromEntries(uploadTypes.map((t) => [t, z.string()])),
      maxBody: NewsPhotos.maxBytes,
      responses: {
        201: { description: "Stored; name its id in a post", schema: z.object({ photo: NewsPhotos.Info }) },
        400: { description: "Not a JPEG, PNG or WebP (news.photo.type), or larger than the limit in pixels (news.photo.too_big)" },
        413: { description: `Larger than ${NewsPhotos.maxBytes / 1024} kB (input.too_large)` },
      },
    },
    async (c) => {
      const type = (c.req.header("content-type") ?? "").toLowerCase().split(";")[0]!.trim();
      // no other types: an HTML form on another site cannot post here
      if (!uploadTypes.includes(type)) throw new VisibleError("input", "input.content_type", `Send the photo as ${uploadTypes.join(", ")}.`);
      return c.json({ photo: await NewsPhotos.upload(new Uint8Array(await c.req.arrayBuffer())) }, 201);
    },
  );

  route(
    app,
    {
      method: "get",
      path: "/api/news/photos/:id",
      summary: "A photo of a post the reader may read (of a board post for the board only); one no post holds yet for who uploaded it",
      tag,
      access: readers,
      params: id,
      responses: {
        200: { description: "The photo", download: "image/jpeg" },
        404: { description: "Unknown, of a post the reader may not read, or not yet in a post (news.photo.not_found)" },
      },
    },
    async (c, { params }) => {
      const photo = await News.photo(params.id);
      // private: a shared cache must never hand a board post's photo to a member
      return c.body(photo.bytes as unknown as ArrayBuffer, 200, {
        "Content-Type": photo.type,
        "Cache-Control": "private, max-age=86400",
        "X-Content-Type-Options": "nosniff",
      });
    },
  );

  route(
    app,
    {
      method: "post",
      path: "/api/news",
      summary: "Post news: title, plain text, up to 6 uploaded photos, for the members or the board; optionally mailed to them after the answer",
      tag,
      access: writers,
      body: News.Input,
      responses: {
        201: { description: "Posted", schema: OnePost },
        400: { description: "A photo that was not uploaded (news.photo.unknown)" },
        409: { description: "A photo already in another post (news.photo.used)" },
      },
    },
    async (c, { body }) => c.json({ post: await News.create(body) }, 201),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/news/:id",
      summary: "One post",
      tag,
      access: readers,
      params: id,
      responses: { 200: { description: "The post", schema: OnePost }, 404: { description: "Unknown, or for the board only (news.not_found)" } },
    },
    async (c, { params }) => c.json({ post: await News.get(params.id) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/news/:id/mailing",
      summary: "How far a post's mail got (sent after the post answered): its author or the board",
      tag,
      access: writers,
      params: id,
      responses: {
        200: { description: "People to mail, mailed so far, done", schema: Mailing.Progress },
        403: { description: "Not its author, nor board (news.not_author)" },
        404: { description: "Unknown (news.not_found)" },
      },
    },
    async (c, { params }) => c.json(await News.mailing(params.id)),
  );

  route(
    app,
    {
      method: "patch",
      path: "/api/news/:id",
      summary: "Change a post: its author or the board; photos left out are deleted; it is not mailed again",
      tag,
      access: writers,
      params: id,
      body: News.UpdateInput,
      responses: {
        200: { description: "The post as saved", schema: OnePost },
        403: { description: "Not its author, nor board (news.not_author)" },
        404: { description: "Unknown (news.not_found)" },
        409: { description: "Changed by someone else meanwhile (news.changed), or a photo in another post (news.photo.used)" },
      },
    },
    async (c, { params, body }) => c.json({ post: await News.update(params.id, body) }),
  );

  route(
    app,
    {
      method: "delete",
      path: "/api/news/:id",
      summary: "Delete a post and its photos: its author or the board",
      tag,
      access: writers,
      params: id,
      responses: {
        204: { description: "Deleted" },
        403: { description: "Not its author, nor board (news.not_author)" },
        404: { description: "Unknown (news.not_found)" },
      },
    },
    async (c, { params }) => {
      await News.remove(params.id);
      return c.body(null, 204);
    },
  );
}
