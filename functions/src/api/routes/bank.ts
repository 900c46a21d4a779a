import type { Context } from "hono";
import * as z from "zod/mini";
import { VisibleError } from "@akker/core/error";
import { Payment } from "@akker/core/contribution/payment";
import { invalid, route, type App, type Env } from "../route";

/*
 * The bank's own files coming in: importing a statement. Mounted in the
 * payment domain (domains.ts) beside the payments it books.
 */

const tag = "contribution";

function refused(message: string, path = "") {
  return new VisibleError("input", "input.invalid", message, [{ path, message }]);
}

const maxCSV = 1024 * 1024;

/** A bank statement: the file itself, or within JSON (as the web app sends it). */
const csvForms = {
  "text/csv": z.string(),
  "application/json": z.object({ csv: z.string().check(z.minLength(1)) }),
};

/** The bank statement: a text/csv body, or JSON `{csv}`. Other types are refused (no form posts from other sites). */
async function csvBody(c: Context<Env>): Promise<string> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  const text = await c.req.text();
  if (text.length > maxCSV) throw refused("The file is larger than 1 MB.", "csv");
  if (type.startsWith("text/csv")) return text;
  if (type.startsWith("application/json")) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw refused("The body is not valid JSON.");
    }
    const parsed = csvForms["application/json"].safeParse(raw);
    if (!parsed.success) throw invalid(parsed.error);
    return parsed.data.csv;
  }
  throw new VisibleError("input", "input.content_type", "Send the bank statement as text/csv, or as JSON {csv}.");
}

export function bankRoutes(app: App) {
  route(
    app,
    {
      method: "post",
      path: "/api/payments/import",
      summary:
        "Import a bank statement: text/csv (or JSON {csv}), lines date;amount;reference;household ID or IBAN (matched to active mandates only; an IBAN of more than one household stays unmatched). A line that cannot be read refuses the file (400); unmatched lines and duplicates are reported",
      tag,
      access: ["treasurer"],
      rawBody: csvForms,
      // a statement of 1 MB, within JSON with its line breaks escaped
      maxBody: 5 * 1024 * 1024,
      responses: { 200: { description: "Report", schema: Payment.ImportReport } },
    },
    async (c) => c.json(await Payment.importCSV(await csvBody(c))),
  );
}
