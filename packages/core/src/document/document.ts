import type { EntityItem } from "electrodb";
import * as z from "zod/mini";
import { assertRole, hasRole, useActor, usePerson } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { createID } from "../id";
import { readImage } from "../news/image";
import type { DocumentEntity } from "./entities";
import { DocumentFiles } from "./files";

/*
 * The cooperative's library: statutes, house rules, budget, annual review,
 * ALV papers and minutes, as PDF or image. The board keeps it: adds a
 * document, uploads new versions (every one is kept), changes who reads it
 * (every member, or the board only) and removes it. A member sees only what
 * is for members; a board-only document answers as unknown to them.
 */
export namespace Document {
  export const categories = ["statutes", "rules", "budget", "annual", "alv", "minutes", "other"] as const;
  export const Category = z.enum(categories);
  export const Audience = z.enum(["members", "board"]);
  /** A Function URL takes at most 6 MB; a scanned set of minutes fits in 5. */
  export const maxBytes = 5 * 1024 * 1024;
  export const types = ["application/pdf", "image/jpeg", "image/png", "image/webp"] as const;

  export const Version = z.object({ version: z.number(), name: z.string(), type: z.string(), bytes: z.number(), uploadedAt: z.string() });
  export const Info = z.object({
    id: z.string(),
    title: z.string(),
    category: Category,
    audience: Audience,
    assemblyID: z.nullable(z.string()),
    /** Every version, newest first; empty until the first file is uploaded. */
    versions: z.array(Version),
    updatedAt: z.string(),
    canEdit: z.boolean(),
  });
  export type Info = z.infer<typeof Info>;
  export const List = z.object({ documents: z.array(Info) });

  const title = z.string().check(z.trim(), z.minLength(1), z.maxLength(150));
  export const Input = z.object({
    title,
    category: Category,
    audience: z._default(Audience, "members"),
    assemblyID: z.optional(z.string().check(z.maxLength(40))),
  });
  export const UpdateInput = z
    .object({ title: z.optional(title), category: z.optional(Category), audience: z.optional(Audience) })
    .check(z.refine((o) => Object.values(o).some((v) => v !== undefined), { message: "Change the title, the kind or the readers." }));
  /** A file's own name as the reader will save it: letters, digits, spaces and `._-()`, at most 120 characters. */
  export const FileName = z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(120),
    z.regex(/^[\p{L}\p{N} ._()-]+$/u, "Use letters, digits, spaces and . _ - ( ) in a file name."),
  );

  type Stored = EntityItem<typeof DocumentEntity>;
  const canEdit = () => hasRole("board");
  const canRead = (d: Stored) => d.audience === "members" || canEdit();

  function serialize(d: Stored): Info {
    return {
      id: d.documentID,
      title: d.title,
      category: d.category,
      audience: d.audience,
      assemblyID: d.assemblyID ?? null,
      versions: [...d.versions].reverse().map(({ version, name, type, bytes, uploadedAt }) => ({ version, name, type, bytes, uploadedAt })),
      updatedAt: d.updatedAt,
      canEdit: canEdit(),
    };
  }

  /** The type a file is, read from its bytes (never from what the sender says): a PDF, or an image as news photos are read. */
  export function sniff(b: Uint8Array): (typeof types)[number] | undefined {
    return String.fromCharCode(...b.subarray(0, 5)) === "%PDF-" ? "application/pdf" : readImage(b)?.type;
  }

  const notFound = () => new VisibleError("not_found", "document.not_found", "No such document.");

  async function load(documentID: string) {
    const { data } = await useDB().entities.document.get({ farmID: useActor().farmID, documentID }).go({ consistent: true });
    if (!data || !canRead(data)) throw notFound();
    return data;
  }

  /** The documents the reader may see, by title; with `assemblyID`, only that meeting's. */
  export async function list(assemblyID?: string): Promise<z.infer<typeof List>> {
    const { data } = await useDB().entities.document.query.byID({ farmID: useActor().farmID }).go({ pages: "all" });
    const seen = data.filter((d) => canRead(d) && (!assemblyID || d.assemblyID === assemblyID));
    return { documents: seen.sort((a, b) => a.title.localeCompare(b.title, "nl")).map(serialize) };
  }

  export async function get(documentID: string) {
    return serialize(await load(documentID));
  }

  export async function create(input: z.output<typeof Input>) {
    const person = assertRole("board");
    if (input.assemblyID) {
      // a draft meeting's papers wait with the board until it is announced (assembly/papers.ts holds them)
      const a = (await useDB().entities.assembly.get({ farmID: person.farmID, assemblyID: input.assemblyID }).go({ consistent: true })).data;
      if (!a) throw new VisibleError("not_found", "assembly.not_found", "No such general assembly.");
      if (a.status === "draft" && input.audience === "members")
        throw new VisibleError("conflict", "document.assembly_draft", "This meeting is still a draft: add its papers on the meeting's screen, so members see them once it is announced.");
    }
    const item = {
      farmID: person.farmID,
      documentID: createID("document"),
      title: input.title,
      category: input.category,
      audience: input.audience,
      assemblyID: input.assemblyID,
      versions: [],
      createdBy: person.type === "person" ? person.personID : "system",
    };
    await useDB().entities.document.create(item).go();
    await Audit.record("document.created", item.documentID, { title: item.title, audience: item.audience });
    return get(item.documentID);
  }

  /**
   * Changes title, category or audience, on the condition that nobody changed
   * it since it was read; its versions stay as they are. The audit event holds
   * what each changed field was and became.
   */
  export async function update(documentID: string, input: z.output<typeof UpdateInput>) {
    assertRole("board");
    const d = await load(documentID);
    const changed = (["title", "category", "audience"] as const).filter((k) => input[k] !== undefined && input[k] !== d[k]);
    if (!changed.length) return serialize(d);
    // the change and its audit event in one transaction: the log never misses who changed the readers
    const res = await useDB()
      .transaction.write(({ document, audit }) => [
        document
          .patch({ farmID: d.farmID, documentID })
          .set({ ...input, revision: d.revision + 1 })
          .where((a, op) => op.eq(a.revision, d.revision))
          .commit(),
        audit.create(Audit.event("document.changed", documentID, Object.fromEntries(changed.map((k) => [k, { from: d[k], to: input[k] }])))).commit(),
      ])
      .go();
    if (res.canceled) throw new VisibleError("conflict", "document.changed", "Someone changed this document meanwhile; look again.");
    return get(documentID);
  }

  /**
   * Adds a version: the file is kept under a key of its own first, then the
   * document names it, on the condition that it is as read; two uploads at
   * once both become versions, one after the other.
   */
  export async function upload(documentID: string, name: string, bytes: Uint8Array) {
    const person = usePerson();
    assertRole("board");
    const type = sniff(bytes);
    if (!type) throw new VisibleError("input", "document.type", "Upload a PDF or an image (JPEG, PNG or WebP).");
    if (bytes.length > maxBytes) throw new VisibleError("too_large", "input.too_large", `A file may be at most ${maxBytes / 1024 / 1024} MB.`);
    let d = await load(documentID);
    const key = `${d.farmID}/${documentID}/${createID("document")}`;
    await DocumentFiles.current().put(key, bytes, type);
    for (let attempt = 0; attempt < 5; attempt++) {
      const version = { version: (d.versions.at(-1)?.version ?? 0) + 1, key, name, type, bytes: bytes.length, uploadedAt: Clock.iso(), uploadedBy: person.personID };
      try {
        await useDB()
          .entities.document.patch({ farmID: d.farmID, documentID })
          .append({ versions: [version] })
          .set({ revision: d.revision + 1 })
          .where((a, op) => op.eq(a.revision, d.revision))
          .go();
        await Audit.record("document.version", documentID, { version: version.version, name, bytes: bytes.length });
        return get(documentID);
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        d = await load(documentID);
      }
    }
    await DocumentFiles.current().remove(key);
    throw new VisibleError("conflict", "document.changed", "Too many changes at once; upload again.");
  }

  /** A version's file (the newest without one), for a reader who may see the document. */
  export async function file(documentID: string, version?: number) {
    const d = await load(documentID);
    const v = version === undefined ? d.versions.at(-1) : d.versions.find((x) => x.version === version);
    if (!v) throw new VisibleError("not_found", "document.no_file", version === undefined ? "This document has no file yet." : `No version ${version}.`);
    return { name: v.name, type: v.type, ...(await DocumentFiles.current().read(v.key, v.name, v.type)) };
  }

  /** Removes a document with all its versions' files. */
  export async function remove(documentID: string) {
    assertRole("board");
    const d = await load(documentID);
    await useDB().entities.document.delete({ farmID: d.farmID, documentID }).go();
    await Promise.all(d.versions.map((v) => DocumentFiles.current().remove(v.key)));
    await Audit.record("document.removed", documentID, { title: d.title, versions: d.versions.length });
  }
}
