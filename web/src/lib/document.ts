import { action, json, query } from "@solidjs/router";
import type { Document } from "@akker/core/document/document";
import { ApiError, esc, loggedIn, request } from "./api";

/*
 * The typed client and query of the library screen: statutes, rules,
 * budget, minutes … Only types come from core; a file goes up as its own
 * bytes (request sends a Blob as application/octet-stream) and comes down
 * through a plain link, as a download.
 */

export type DocumentInfo = Document.Info;
export type DocumentVersion = Document.Info["versions"][number];
export type DocumentCategory = Document.Info["category"];
export type DocumentAudience = Document.Info["audience"];
export type DocumentInput = { title: string; category: DocumentCategory; audience: DocumentAudience; assemblyID?: string };

/** In the order of the screen's headings. */
export const documentCategories: readonly DocumentCategory[] = ["statutes", "rules", "budget", "annual", "alv", "minutes", "other"];
/** As the API checks it: a file larger than this is not sent at all. */
export const maxDocumentBytes = 5 * 1024 * 1024;

const path = (documentID: string, rest = "") => `/documents/${esc(documentID)}${rest}`;
const one = (r: { document: DocumentInfo }) => r.document;

export const documentApi = {
  /** With an assembly's ID: only that meeting's papers and minutes. */
  list: (assemblyID?: string) =>
    request<{ documents: DocumentInfo[] }>("GET", assemblyID ? `/documents?assembly=${esc(assemblyID)}` : "/documents").then((r) => r.documents),
  create: (input: DocumentInput) => request<{ document: DocumentInfo }>("POST", "/documents", input).then(one),
  update: (documentID: string, changes: Partial<DocumentInput>) =>
    request<{ document: DocumentInfo }>("PATCH", path(documentID), changes).then(one),
  remove: (documentID: string) => request<void>("DELETE", path(documentID)),
  upload: (documentID: string, file: File) =>
    request<{ document: DocumentInfo }>("POST", path(documentID, `/versions?name=${esc(fileName(file.name))}`), file).then(one),
};

/** Where a version downloads from (the API answers with the file, or a short signed link to it). */
export const fileHref = (documentID: string, version: number) => `/api${path(documentID, `/file?version=${version}`)}`;

/** A file's name as the API takes it: letters, digits, spaces and . _ - ( ); anything else becomes "-". */
export function fileName(name: string): string {
  const clean = name.replace(/[^\p{L}\p{N} ._()-]/gu, "-").trim().slice(-120).trim();
  return clean || "document";
}

export const getDocuments = query(() => loggedIn(() => documentApi.list()), "documents");
export const getAssemblyDocuments = query((assemblyID: string) => loggedIn(() => documentApi.list(assemblyID)), "assembly-documents");

/**
 * A paper or the minutes of a general assembly: the document, then its file.
 * Should the file fail, the empty document goes again, so a retry starts clean.
 */
export const addAssemblyFile = action(async (input: DocumentInput & { assemblyID: string }, file: File | undefined) => {
  if (!file) throw new ApiError(400, "document.choose", "");
  // the API refuses it too; this saves sending 5 MB and more for nothing
  if (file.size > maxDocumentBytes) throw new ApiError(413, "input.too_large", "");
  const made = await documentApi.create(input);
  try {
    const done = await documentApi.upload(made.id, file);
    return json(done, { revalidate: [getAssemblyDocuments.keyFor(input.assemblyID), getDocuments.keyFor()] });
  } catch (e) {
    await documentApi.remove(made.id).catch(() => undefined);
    throw e;
  }
});
