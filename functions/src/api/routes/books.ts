import * as z from "zod/mini";
import { Clock } from "@akker/core/clock";
import { csvContentType } from "@akker/core/csv";
import { Journal } from "@akker/core/contribution/journal";
import { dateOf } from "@akker/core/contribution/rules";
import { Xaf } from "@akker/core/contribution/xaf";
import { route, type App } from "../route";

const tag = "contribution";
const period = z.object({ period: Journal.Period });
const periodNote = "period: a year (YYYY) or a month (YYYY-MM); a bad one is a 400";

/** The books for the farm's bookkeeping package (docs/books.md): the treasurer's downloads. */
export function booksRoutes(app: App) {
  route(
    app,
    {
      method: "get",
      path: "/api/contribution/journal.csv",
      summary: `The journal of a period as CSV for a Dutch bookkeeping package: datum;dagboek;boekstuk;rekening;omschrijving;debet;credit;relatie (${periodNote})`,
      tag,
      access: ["treasurer"],
      query: period,
      responses: { 200: { description: "CSV (text/csv)", download: "text/csv" } },
    },
    async (c, { query }) => {
      const books = await Journal.forPeriod(query.period);
      c.header("Content-Disposition", `attachment; filename="journaal-${books.period}.csv"`);
      return c.body(Journal.csv(books), 200, { "Content-Type": csvContentType });
    },
  );

  route(
    app,
    {
      method: "get",
      path: "/api/contribution/journal.xaf",
      summary: `The journal of a period as an XML Auditfile Financieel 3.2 (${periodNote})`,
      tag,
      access: ["treasurer"],
      query: period,
      responses: { 200: { description: "XAF 3.2 (application/xml)", download: "application/xml" } },
    },
    async (c, { query }) => {
      const books = await Journal.forPeriod(query.period);
      c.header("Content-Disposition", `attachment; filename="journaal-${books.period}.xaf"`);
      return c.body(Xaf.write(books, dateOf(Clock.now())), 200, { "Content-Type": Xaf.contentType });
    },
  );
}
