/**
 * Every CSV the platform hands out, written so Excel and LibreOffice set to
 * Dutch open it right: UTF-8 with a byte-order mark (without it Excel reads
 * "é" as "Ã©"), `;` between cells (the Dutch list separator, as the comma is
 * the decimal sign), amounts with a decimal comma, CRLF line ends, one table
 * per file, every cell quoted per RFC 4180.
 */

/** An amount of money, written as euros with a decimal comma ("-1234,56"). */
export type Amount = { cents: number };

/**
 * A cell: text (always neutralised), a number or amount the platform made
 * (never text, so a minus sign stays a minus sign), or empty.
 */
export type Cell = string | number | Amount | null;

export const csvContentType = "text/csv; charset=utf-8";

/** The cents as a CSV cell. */
export function amount(cents: number): Amount {
  return { cents };
}

/**
 * The one guard against formula injection (OWASP "CSV Injection"): text a
 * spreadsheet would run as a formula, because it starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return, is prefixed with `'` so it stays text.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** "1234,56", "-0,05": no thousands separator, which import tools would misread. */
export function euros(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`Not a whole number of cents: ${cents}`);
  const abs = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

function text(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Not a number for a CSV cell: ${value}`);
    return String(value).replace(".", ",");
  }
  if (typeof value === "object") return euros(value.cents);
  return neutralise(value);
}

/** One cell as written: quoted, inner quotes doubled. */
export function csvCell(value: Cell): string {
  return `"${text(value).replace(/"/g, '""')}"`;
}

/**
 * A file of one table: a header and rows of the same width. A row of
 * another width is a programming error, refused so no file comes out skewed.
 */
export function toCSV(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header, ...rows].map((row, i) => {
    if (row.length !== header.length) throw new Error(`CSV row ${i} has ${row.length} cells, the header ${header.length}`);
    return row.map(csvCell).join(";");
  });
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
