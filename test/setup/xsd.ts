import { readFileSync } from "node:fs";
import { validateXML } from "xmllint-wasm";

const xsd = readFileSync(new URL("../fixtures/pain.008.001.02.xsd", import.meta.url), "utf8");

/** Validates a direct-debit file against the official pain.008.001.02 schema (libxml2 in WebAssembly). */
export async function validatePain008(xml: string) {
  const result = await validateXML({
    xml: [{ fileName: "incasso.xml", contents: xml }],
    schema: [{ fileName: "pain.008.001.02.xsd", contents: xsd }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}
