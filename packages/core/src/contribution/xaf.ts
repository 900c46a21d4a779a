import { Journal } from "./journal";

/**
 * The journal as an XML Auditfile Financieel 3.2 (XAF), the Dutch tax
 * office's exchange format for books, which every Dutch bookkeeping package
 * imports or reads; validated in the tests against its public XSD
 * (test/fixtures/xaf/). Written by hand as a string: the file is a fixed
 * tree of a few elements, and the schema check is what keeps it right.
 */
export namespace Xaf {
  export const contentType = "application/xml; charset=utf-8";

  /** Text as XML content: escaped, and cut to the schema's length in characters (not UTF-16 units). */
  function text(value: string, max = 9999) {
    // a bank file's description may carry a control character XML 1.0 cannot hold at all
    const cut = [...value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu, "")].slice(0, max).join("");
    return cut.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /** "1234.56": the schema's Amount2decimals, from whole cents. */
  function decimal(cents: number) {
    return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
  }

  function el(name: string, content: string | number) {
    return `<${name}>${content}</${name}>`;
  }

  function periodLines(books: Journal.Books) {
    return books.months.map((m) => {
      const last = new Date(Date.UTC(books.year, m, 0)).getUTCDate();
      const mm = String(m).padStart(2, "0");
      return el(
        "period",
        el("periodNumber", m) +
          el("periodDesc", `${Journal.monthNames[m - 1]} ${books.year}`) +
          el("startDatePeriod", `${books.year}-${mm}-01`) +
          el("endDatePeriod", `${books.year}-${mm}-${String(last).padStart(2, "0")}`),
      );
    });
  }

  function transactionXML(t: Journal.Transaction, nr: number) {
    const total = t.lines.reduce((n, l) => n + l.debitCents, 0);
    const lines = t.lines.map((l, i) =>
      el(
        "trLine",
        el("nr", i + 1) +
          el("accID", Journal.accounts[l.account].id) +
          el("docRef", text(t.document, 999)) +
          el("effDate", t.date) +
          el("desc", text(t.description)) +
          el("amnt", decimal(l.debitCents || l.creditCents)) +
          el("amntTp", l.debitCents ? "D" : "C") +
          (l.householdID ? el("custSupID", text(l.householdID, 35)) : ""),
      ),
    );
    return el(
      "transaction",
      el("nr", nr) +
        el("desc", text(t.description)) +
        el("periodNumber", Number(t.date.slice(5, 7))) +
        el("trDt", t.date) +
        el("amnt", decimal(total)) +
        el("amntTp", "D") +
        lines.join(""),
    );
  }

  /** The auditfile of a period's books, made on `created` (YYYY-MM-DD). */
  export function write(books: Journal.Books, created: string): string {
    const relations = [...new Set(books.transactions.flatMap((t) => t.lines.flatMap((l) => (l.householdID ? [l.householdID] : []))))].sort();
    const customers = relations.map((id) =>
      el("customerSupplier", el("custSupID", text(id, 35)) + el("custSupName", text(books.names.get(id) ?? id, 50)) + el("custSupTp", "C")),
    );
    const ledger = Object.values(Journal.accounts).map((a) => el("ledgerAccount", el("accID", a.id) + el("accDesc", text(a.name)) + el("accTp", a.type)));
    const journals = (Object.keys(Journal.journals) as Journal.DayBook[]).map((key) => {
      const j = Journal.journals[key];
      const own = books.transactions.filter((t) => t.journal === key);
      return el("journal", el("jrnID", j.id) + el("desc", text(j.name)) + el("jrnTp", j.type) + own.map((t, i) => transactionXML(t, i + 1)).join(""));
    });
    const lines = books.transactions.flatMap((t) => t.lines);
    const sum = (k: "debitCents" | "creditCents") => decimal(lines.reduce((n, l) => n + l[k], 0));
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n` +
      `<auditfile xmlns="http://www.auditfiles.nl/XAF/3.2">` +
      el(
        "header",
        el("fiscalYear", books.year) +
          el("startDate", books.from) +
          el("endDate", books.to) +
          el("curCode", "EUR") +
          el("dateCreated", created) +
          el("softwareDesc", "Akker"),
      ) +
      el(
        "company",
        el("companyName", text(books.farm, 999)) +
          el("taxRegistrationCountry", "NL") +
          // the platform does not hold the farm's VAT number: the element is required, its content may be empty
          el("taxRegIdent", "") +
          el("customersSuppliers", customers.join("")) +
          el("generalLedger", ledger.join("")) +
          el("periods", periodLines(books).join("")) +
          el("transactions", el("linesCount", lines.length) + el("totalDebit", sum("debitCents")) + el("totalCredit", sum("creditCents")) + journals.join("")),
      ) +
      `</auditfile>\n`
    );
  }
}
