import type { Context } from "hono";
import * as z from "zod/mini";
import { VisibleError } from "@akker/core/error";
import { BankImport } from "@akker/core/contribution/bank-import";
import { BankReview } from "@akker/core/contribution/bank-review";
import { invalid, route, textParams, type App, type Env } from "../route";

/*
 * The bank's own files coming in: importing a statement, and the review list
 * of lines that found no household. A domain of its own (domains.ts): the
 * file readers would take the payment function past its 400 kB.
 */

const tag = "contribution";
const treasurer = ["treasurer"] as const;

/** A statement of 5 MB is a year of a large farm's camt.053; a Function URL stops at 6 MB anyway. */
const maxFile = 5 * 1024 * 1024;

const fileTypes = ["application/xml", "text/xml", "text/csv", "text/plain", "application/octet-stream"];
const fileJSON = z.union([z.object({ file: z.string().check(z.minLength(1)) }), z.object({ csv: z.string().check(z.minLength(1)) })]);

/** The bank file: the bytes themselves in one of its media types, or its text as JSON `{file}` (`{csv}` as before). */
async function fileBody(c: Context<Env>): Promise<Uint8Array> {
  const type = (c.req.header("content-type") ?? "").toLowerCase().split(";")[0]!.trim();
  if (fileTypes.includes(type)) {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (!bytes.length) throw new VisibleError("input", "bank.file.empty", "The file is empty.");
    return bytes;
  }
  if (type === "application/json") {
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      throw new VisibleError("input", "input.invalid", "The body is not valid JSON.", [{ path: "", message: "Invalid JSON" }]);
    }
    const parsed = fileJSON.safeParse(raw);
    if (!parsed.success) throw invalid(parsed.error);
    return new TextEncoder().encode("file" in parsed.data ? parsed.data.file : parsed.data.csv);
  }
  // no other types: an HTML form on another site cannot post here
  throw new VisibleError("input", "input.content_type", `Send the bank file as ${fileTypes.join(", ")}, or as JSON {file}.`);
}

export function bankRoutes(app: App) {
  route(
    app,
    {
      method: "post",
      path: "/api/payments/import",
      summary:
        "Import a bank file: camt.053 (application/xml), a Rabobank or ING CSV export (text/csv), an ABN AMRO TXT export (text/plain), the simple CSV, or any of them as application/octet-stream or JSON {file}; the format is read from the content. Each line is booked once by its identity; credits are matched by the household's RF reference, the account (mandate or remembered), then name; the rest waits for review; collections and returns are booked on their collection run (a line naming none of our runs is kept, not booked); debits are listed as not ours; unreadable lines are refused with their line number",
      tag,
      access: treasurer,
      rawBody: Object.fromEntries([...fileTypes.map((t) => [t, z.string()] as const), ["application/json", fileJSON] as const]),
      maxBody: maxFile,
      responses: {
        200: { description: "Report", schema: BankImport.Report },
        400: { description: "Not a bank file we can read (bank.file.unknown_format, bank.file.xml, bank.file.empty)" },
        413: { description: "Larger than 5 MB (input.too_large)" },
      },
    },
    async (c) => c.json(await BankImport.run(await fileBody(c))),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/payments/review",
      summary: "The bank lines waiting for the treasurer (no household found, more than one, or maybe a repeat), and the collections and returns kept for the collection run",
      tag,
      access: treasurer,
      responses: { 200: { description: "The list", schema: BankReview.List } },
    },
    async (c) => c.json(await BankReview.list()),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/payments/review/:id",
      summary:
        "Decide a waiting bank line: {householdID} books it on that household and remembers its account for the next import; {dismiss: true} marks it as no contribution. Once only: the same decision again answers created false. A payment alike (date, amount) already on the household, by hand or from a bank file, is 409 payment.maybe_imported naming it, unless alsoImported: true says the line is another payment",
      tag,
      access: treasurer,
      params: textParams("id"),
      body: BankReview.Decision,
      responses: {
        200: { description: "The line as decided", schema: BankReview.Decided },
        404: { description: "No such line or household" },
        409: { description: "Decided otherwise already (bank.line_decided), part of a direct debit that is not ours (bank.line_held), or maybe booked already (payment.maybe_imported)" },
      },
    },
    async (c, { params, body }) => c.json("householdID" in body ? await BankReview.assign(params.id, body.householdID, body.alsoImported) : await BankReview.dismiss(params.id)),
  );
}
