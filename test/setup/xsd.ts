import { readFileSync } from "node:fs";
import { validateXML } from "xmllint-wasm";

const schemas = new Map<string, string>();

/** Validates XML against an official schema in test/fixtures (libxml2 in WebAssembly). */
export async function validateAgainst(schemaPath: string, xml: string) {
  if (!schemas.has(schemaPath)) schemas.set(schemaPath, readFileSync(new URL(`../fixtures/${schemaPath}`, import.meta.url), "utf8"));
  const result = await validateXML({
    xml: [{ fileName: "file.xml", contents: xml }],
    schema: [{ fileName: schemaPath.split("/").pop()!, contents: schemas.get(schemaPath)! }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}

/** Validates a direct-debit file against the official pain.008.001.02 schema. */
export const validatePain008 = (xml: string) => validateAgainst("pain.008.001.02.xsd", xml);

/** Validates an auditfile against the public XML Auditfile Financieel 3.2 schema. */
export const validateXAF = (xml: string) => validateAgainst("xaf/XmlAuditfileFinancieel3.2.xsd", xml);
