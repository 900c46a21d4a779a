import { VisibleError } from "../../error";
import { readABNAMRO, isABNAMRO } from "./abnamro";
import { camtNamespace, readCamt053 } from "./camt";
import { decodeBankFile } from "./decode";
import { lineKeys } from "./identity";
import { isINGHeader, readING } from "./ing";
import { isRabobankHeader, readRabobank } from "./rabobank";
import { isSimple, readSimple } from "./simple";
import { readDelimited } from "./text";
import type { BankFile, ParsedFile } from "./types";
import { parseXML, XmlError } from "./xml";

export type * from "./types";
export { householdCreditorReference, findCreditorReference, isValidCreditorReference, creditorReference, friendlyFormatRF, electronicFormatRF } from "./rf";
export { lineKeys } from "./identity";

/*
 * The one entry point for a bank file: bytes in, lines out. The format is
 * recognised from the content, never from a file name or media type:
 *
 * - XML whose root is `Document` in a camt.053 namespace → camt.053;
 * - a header with Rabobank's columns (IBAN/BBAN, Volgnr, Datum, Bedrag) → Rabobank CSV;
 * - a header with ING's columns (Datum, Af Bij, Bedrag (EUR), Mededelingen), `;` or `,` → ING CSV;
 * - tab-separated lines of 8+ fields with a currency and a YYYYMMDD date → ABN AMRO TXT;
 * - `date;amount;reference;household or IBAN` → the simple CSV.
 *
 * A line that cannot be read is refused alone (line number, code, English
 * message); a file that is none of these, or XML that is not well-formed,
 * is refused whole with one VisibleError (400).
 */

const unknown = () =>
  new VisibleError(
    "input",
    "bank.file.unknown_format",
    "This file is not a bank statement we can read: expected camt.053 (XML), a Rabobank or ING CSV export, an ABN AMRO TXT export, or the simple CSV (date;amount;reference;household or IBAN).",
  );

function readXML(text: string): ParsedFile {
  let root;
  try {
    root = parseXML(text);
  } catch (e) {
    if (e instanceof XmlError) throw new VisibleError("input", "bank.file.xml", `The XML file cannot be read: ${e.message}.`, [{ path: `line ${e.line}`, message: e.message }]);
    throw e;
  }
  const version = camtNamespace.exec(root.ns);
  if (root.name !== "Document" || !version || !root.children.some((c) => c.name === "BkToCstmrStmt"))
    throw new VisibleError("input", "bank.file.not_camt053", `This XML file is not a camt.053 bank statement (its root is <${root.name}> in "${root.ns.slice(0, 80)}").`);
  return readCamt053(root);
}

/** Recognises the format and reads the lines, before identities are added. */
function read(text: string): ParsedFile {
  const start = text.trimStart();
  if (!start) throw new VisibleError("input", "bank.file.empty", "The file is empty.");
  if (start.startsWith("<")) return readXML(text);
  const firstLine = start.slice(0, start.search(/\r?\n|$/));
  if (firstLine.includes("\t")) {
    const rows = readTabs(text);
    if (isABNAMRO(rows)) return readABNAMRO(rows);
  }
  for (const delimiter of [",", ";"]) {
    const header = readDelimited(firstLine, delimiter)[0]?.fields ?? [];
    if (isRabobankHeader(header)) return readRabobank(readDelimited(text, delimiter));
    if (isINGHeader(header)) return readING(readDelimited(text, delimiter));
  }
  if (isSimple(firstLine)) return readSimple(text);
  throw unknown();
}

/** Tab-separated lines, no quoting (ABN AMRO writes quotes as they are). */
function readTabs(text: string) {
  return text.split(/\r?\n/).flatMap((raw, i) => (raw.trim() ? [{ line: i + 1, fields: raw.split("\t") }] : []));
}

/**
 * Reads a bank file of any supported format. Every line gets its identity
 * (`key`, see identity.ts); lines keep file order.
 */
export function parseBankFile(bytes: Uint8Array): BankFile {
  const { text } = decodeBankFile(bytes);
  const parsed = read(text);
  if (!parsed.lines.length && !parsed.refused.length) throw new VisibleError("input", "bank.file.empty", "The file holds no lines.");
  const keys = lineKeys(parsed.format, parsed.lines, parsed.account);
  const lines = parsed.lines.map((line, i) => ({ ...line, key: keys[i]! }));
  return { format: parsed.format, ...(parsed.account ? { account: parsed.account } : {}), lines, refused: parsed.refused };
}
