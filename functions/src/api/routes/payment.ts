import * as z from "zod/mini";
import { Clock } from "@akker/core/clock";
import { ID } from "@akker/core/id";
import { Mandate } from "@akker/core/contribution/mandate";
import { Payment } from "@akker/core/contribution/payment";
import { dateOf } from "@akker/core/contribution/rules";
import { Season } from "@akker/core/contribution/season";
import { Sepa } from "@akker/core/contribution/sepa";
import { route, textParams, type App } from "../route";

/*
 * Payments, mandates and the direct-debit files: the treasurer's money
 * coming in. A Lambda of its own (domains.ts), apart from the seasons and
 * statements, so the bank-file readers do not weigh on every statement.
 */

const treasurer = ["treasurer"] as const;
const tag = "contribution";
const yearQuery = z.object({ year: z.optional(Season.year) });
const thisYear = () => Number(dateOf(Clock.now()).slice(0, 4));

/** A month's collection run: `YYYY-MM` to create it. */
const sepaMonth = z.object({
  file: z.pipe(
    z.string().check(z.regex(/^(2[01]\d\d|2200)-(0[1-9]|1[0-2])$/, "Ask for a month as YYYY-MM.")),
    z.transform((file) => ({ year: Number(file.slice(0, 4)), month: Number(file.slice(5, 7)) })),
  ),
});
/** A month's collection run: `YYYY-MM.xml` for its file, `.json` for the run or what it would hold. */
const sepaFile = z.object({
  file: z.pipe(
    z.string().check(z.regex(/^(2[01]\d\d|2200)-(0[1-9]|1[0-2])\.(xml|json)$/, "Ask for a month as YYYY-MM.xml (or .json).")),
    z.transform((file) => ({ year: Number(file.slice(0, 4)), month: Number(file.slice(5, 7)), json: file.endsWith(".json") })),
  ),
});

export function paymentRoutes(app: App) {
  route(
    app,
    {
      method: "post",
      path: "/api/payments",
      summary:
        "Record a payment. 201 when recorded; the same reference again answers 200 with the payment already recorded (duplicate: true), or 409 payment.reference_taken when it belongs to another payment. A payment alike (household, amount, date) to one a bank file booked is 409 payment.maybe_imported, naming that payment, unless alsoImported: true says it is another one",
      tag,
      access: treasurer,
      body: Payment.Input,
      responses: {
        201: { description: "Recorded", schema: z.object({ payment: Payment.Info, duplicate: z.boolean() }) },
        200: { description: "Already recorded", schema: z.object({ payment: Payment.Info, duplicate: z.boolean() }) },
        404: { description: "Unknown household" },
        409: { description: "Reference taken by another payment (payment.reference_taken), or maybe imported already (payment.maybe_imported)" },
      },
    },
    async (c, { body }) => {
      const { payment, created } = await Payment.record(body);
      return c.json({ payment, duplicate: !created }, created ? 201 : 200);
    },
  );

  route(
    app,
    {
      method: "get",
      path: "/api/payments",
      summary: "The ledger of a year (payments and reversals), optionally of one household",
      tag,
      access: treasurer,
      query: z.extend(yearQuery, { householdID: z.optional(ID) }),
      responses: { 200: { description: "Entries", schema: z.object({ payments: z.array(Payment.Info), totalCents: z.number() }) } },
    },
    async (c, { query }) => {
      const year = query.year ?? thisYear();
      const payments = query.householdID ? await Payment.ofHousehold(query.householdID, year) : await Payment.ofYear(year);
      return c.json({ payments, totalCents: payments.reduce((n, p) => n + p.amountCents, 0) });
    },
  );

  route(
    app,
    {
      method: "post",
      path: "/api/payments/:id/reverse",
      summary: "Reverse a payment with a counter-entry (nothing is deleted); a payment is reversed once",
      tag,
      access: treasurer,
      params: textParams("id"),
      body: Payment.ReverseInput,
      bodyOptional: true,
      responses: {
        201: { description: "The counter-entry", schema: z.object({ reversal: Payment.Info }) },
        404: { description: "Unknown payment" },
        409: { description: "Already reversed, or a reversal" },
      },
    },
    async (c, { body, params }) => c.json({ reversal: await Payment.reverse(params.id, body) }, 201),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/households/:id/mandate",
      summary: "The household's SEPA mandate: its own members, or the treasurer",
      tag,
      access: "session",
      params: textParams("id"),
      responses: {
        200: { description: "The mandate, or null while the household has given none", schema: z.object({ mandate: z.nullable(Mandate.Info) }) },
        404: { description: "Another household" },
      },
    },
    async (c, { params }) => c.json({ mandate: await Mandate.get(params.id) }),
  );

  route(
    app,
    {
      method: "put",
      path: "/api/households/:id/mandate",
      summary:
        "Give or replace the SEPA mandate (IBAN checked: 400 when invalid); its own members, or the treasurer. An IBAN on another household's active mandate is refused (409 mandate.iban_taken) unless the treasurer sends shareIBAN: true; every change is mailed to the household's people",
      tag,
      access: "session",
      params: textParams("id"),
      body: Mandate.Input,
      responses: {
        200: { description: "The mandate", schema: z.object({ mandate: Mandate.Info }) },
        403: { description: "shareIBAN from anyone but the treasurer" },
        404: { description: "Another household" },
        409: { description: "The IBAN is on another household's active mandate" },
      },
    },
    async (c, { body, params }) => c.json({ mandate: await Mandate.put(params.id, body) }),
  );

  route(
    app,
    {
      method: "delete",
      path: "/api/households/:id/mandate",
      summary: "Revoke the mandate (it stays on record; no file collects on it; its IBAN is free for other households); mailed to the household's people",
      tag,
      access: "session",
      params: textParams("id"),
      responses: { 200: { description: "The revoked mandate", schema: z.object({ mandate: Mandate.Info }) }, 404: { description: "None, or another household" } },
    },
    async (c, { params }) => c.json({ mandate: await Mandate.revoke(params.id) }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/sepa/:file",
      summary:
        "Create the month's collection run ({year}-{month}): who is collected and how much (what is open of that month's instalment, per household with an active mandate; FRST for a mandate's first collection, RCUR after), on which day (the first of the month, at least 14 days after today, on a TARGET2 day) and under which IDs, all frozen; each household is mailed its amount and date; a mandate no bank would take is left out with its reason",
      tag,
      access: treasurer,
      params: sepaMonth,
      responses: {
        201: { description: "The run", schema: Sepa.Summary },
        409: { description: "A run for the month exists (sepa.run_exists), the creditor is not configured, or there is nothing to collect" },
      },
    },
    async (c, { params }) => c.json(await Sepa.create(params.file.year, params.file.month), 201),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/sepa/:file",
      summary:
        "{year}-{month}.xml: the month's run as a pain.008.001.02 direct-debit file, the same bytes at every download (409 sepa.no_run before the run is created); {year}-{month}.json: the run, or what a run created now would hold",
      tag,
      access: treasurer,
      params: sepaFile,
      responses: {
        200: { description: "application/xml, or the run or its preview as JSON", schema: Sepa.Summary, download: "application/xml" },
        409: { description: "No run for the month yet (sepa.no_run), or its households are still being told (sepa.notice_pending): the file waits for that" },
      },
    },
    async (c, { params }) => {
      const { year, month, json } = params.file;
      if (json) return c.json(await Sepa.preview(year, month));
      const { xml } = await Sepa.file(year, month);
      c.header("Content-Disposition", `attachment; filename="incasso-${year}-${String(month).padStart(2, "0")}.xml"`);
      return c.body(xml, 200, { "Content-Type": "application/xml; charset=utf-8" });
    },
  );
}
