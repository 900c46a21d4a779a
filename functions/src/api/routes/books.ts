import * as z from "zod/mini";
import { Clock } from "@akker/core/clock";
import { csvContentType } from "@akker/core/csv";
import { Journal } from "@akker/core/contribution/journal";
import { dateOf } from "@akker/core/contribution/rules";
import { Xaf } from "@akker/core/contribution/xaf";
import { route, type App } from "../route";

/** The journal's two forms: a CSV for any Dutch bookkeeping package, and the auditfile. */
const formats = {
  csv: {
    title: "as CSV for a Dutch bookkeeping package: datum;dagboek;boekstuk;rekening;omschrijving;debet;credit;relatie",
    description: "CSV (text/csv)",
    download: "text/csv",
    contentType: csvContentType,
    write: (books: Journal.Books) => Journal.csv(books),
  },
  xaf: {
    title: "as an XML Auditfile Financieel 3.2",
    description: "XAF 3.2 (application/xml)",
    download: "application/xml",
    contentType: Xaf.contentType,
    write: (books: Journal.Books) => Xaf.write(books, dateOf(Clock.now())),
  },
} as const;

/** The books for the farm's bookkeeping package (docs/books.md): the treasurer's downloads. */
export function booksRoutes(app: App) {
  for (const [ext, f] of Object.entries(formats)) {
    route(
      app,
      {
        method: "get",
        path: `/api/contribution/journal.${ext}`,
        summary: `The journal of a period ${f.title} (period: a year YYYY or a month YYYY-MM; a bad one is a 400)`,
        tag: "contribution",
        access: ["treasurer"],
        query: z.object({ period: Journal.Period }),
        responses: { 200: { description: f.description, download: f.download } },
      },
      async (c, { query }) => {
        const books = await Journal.forPeriod(query.period);
        c.header("Content-Disposition", `attachment; filename="journaal-${books.period}.${ext}"`);
        return c.body(f.write(books), 200, { "Content-Type": f.contentType });
      },
    );
  }
}
