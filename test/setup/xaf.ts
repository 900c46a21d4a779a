import { readFileSync } from "node:fs";
import { validateXML } from "xmllint-wasm";

const xsd = readFileSync(new URL("../fixtures/xaf/XmlAuditfileFinancieel3.2.xsd", import.meta.url), "utf8");

/** Validates an auditfile against the public XAF 3.2 schema (libxml2 in WebAssembly). */
export async function validateXAF(xml: string) {
  const result = await validateXML({
    xml: [{ fileName: "journaal.xaf", contents: xml }],
    schema: [{ fileName: "XmlAuditfileFinancieel3.2.xsd", contents: xsd }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}
