import * as z from "zod/mini";
import { Document } from "@akker/core/document/document";
import { VisibleError } from "@akker/core/error";
import { route, textParams, type App } from "../route";

/*
 * The library: statutes, house rules, budget, minutes … The board keeps it;
 * members read what is for members. In the core function (domains.ts: no
 * CloudFront behaviour of its own); files are read through here, never from
 * /media, so a board-only document stays the board's.
 */

const tag = "documents";
const readers = ["member", "farmer", "coordinator", "board", "treasurer"] as const;
const board = ["board"] as const;
const One = z.object({ document: Document.Info });
const id = textParams("id");

export function documentRoutes(app: App) {
  route(
    app,
    {
      method: "get",
      path: "/api/documents",
      summary: "The documents the reader may see, by title, each with its versions (newest first); `assembly` keeps those of one general assembly",
      tag,
      access: readers,
      query: z.object({ assembly: z.optional(z.string().check(z.maxLength(40))) }),
      responses: { 200: { description: "The library", schema: Document.List } },
    },
    async (c, { query }) => c.json(await Document.list(query.assembly)),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/documents",
      summary: "Add a document (its title, kind and who reads it); upload its file next",
      tag,
      access: board,
      body: Document.Input,
      responses: { 201: { description: "Added, without a file yet", schema: One } },
    },
    async (c, { body }) => c.json({ document: await Document.create(body) }, 201),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/documents/:id",
      summary: "One document with its versions",
      tag,
      access: readers,
      params: id,
      responses: { 200: { description: "The document", schema: One }, 404: { description: "Unknown, or for the board only (document.not_found)" } },
    },
    async (c, { params }) => c.json({ document: await Document.get(params.id) }),
  );

  route(
    app,
    {
      method: "patch",
      path: "/api/documents/:id",
      summary: "Change a document's title, kind or readers (audited, each field from and to); its versions stay as they are",
      tag,
      access: board,
      params: id,
      body: Document.UpdateInput,
      responses: {
        200: { description: "The document as saved", schema: One },
        400: { description: "Nothing to change, or a title, kind or readers not allowed" },
        404: { description: "Unknown (document.not_found)" },
        409: { description: "Changed by someone else meanwhile (document.changed)" },
      },
    },
    async (c, { params, body }) => c.json({ document: await Document.update(params.id, body) }),
  );

  route(
    app,
    {
      method: "delete",
      path: "/api/documents/:id",
      summary: "Remove a document and every version's file",
      tag,
      access: board,
      params: id,
      responses: { 204: { description: "Removed" }, 404: { description: "Unknown (document.not_found)" } },
    },
    async (c, { params }) => {
      await Document.remove(params.id);
      return c.body(null, 204);
    },
  );

  route(
    app,
    {
      method: "post",
      path: "/api/documents/:id/versions",
      summary: `Upload a new version: the file itself (PDF, JPEG, PNG or WebP, read from its bytes; at most ${Document.maxBytes / 1024 / 1024} MB), its name in \`name\`. Every version is kept`,
      tag,
      access: board,
      params: id,
      query: z.object({ name: Document.FileName }),
      rawBody: Object.fromEntries([...Document.types, "application/octet-stream"].map((t) => [t, z.string()])),
      maxBody: Document.maxBytes,
      responses: {
        201: { description: "The document with its new version", schema: One },
        400: { description: "Not a PDF or image (document.type)" },
        404: { description: "Unknown (document.not_found)" },
        413: { description: `Larger than ${Document.maxBytes / 1024 / 1024} MB (input.too_large)` },
      },
    },
    async (c, { params, query }) => {
      const type = (c.req.header("content-type") ?? "").toLowerCase().split(";")[0]!.trim();
      if (![...Document.types, "application/octet-stream"].includes(type))
        throw new VisibleError("input", "input.content_type", `Send the file as ${Document.types.join(", ")} or application/octet-stream.`);
      return c.json({ document: await Document.upload(params.id, query.name, new Uint8Array(await c.req.arrayBuffer())) }, 201);
    },
  );

  route(
    app,
    {
      method: "get",
      path: "/api/documents/:id/file",
      summary: "A version's file (the newest without `version`), for a reader who may see the document: its bytes, or deployed a redirect to a link valid for a few minutes",
      tag,
      access: readers,
      params: id,
      query: z.object({ version: z.optional(z.coerce.number().check(z.int(), z.positive())) }),
      responses: {
        200: { description: "The file", download: "application/pdf" },
        302: { description: "Deployed: to a link of a few minutes" },
        404: { description: "Unknown, for the board only, or no such version (document.not_found, document.no_file)" },
      },
    },
    async (c, { params, query }) => {
      const f = await Document.file(params.id, query.version);
      if ("url" in f) return c.redirect(f.url, 302);
      // a download, never shown inline from our origin: a PDF's scripts stay out of the app's pages
      return c.body(f.bytes as unknown as ArrayBuffer, 200, {
        "Content-Type": f.type,
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      });
    },
  );
}
