import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VisibleError } from "../../error";
import { parseBankFile } from "./index";
import { fixtureBytes, fixtureNames } from "./test-files";

const fixtures = fixtureNames.map(fixtureBytes);

/** Reads a file; any error but a VisibleError (a clear 400) fails the property. */
function read(bytes: Uint8Array) {
  try {
    const file = parseBankFile(bytes);
    for (const line of file.lines) {
      expect(Number.isSafeInteger(line.amountCents)).toBe(true);
      expect(line.bookingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(line.key).toMatch(/^[rh][\w-]{32}$/);
    }
    for (const r of file.refused) expect(r.line).toBeGreaterThan(0);
    return file;
  } catch (e) {
    if (e instanceof VisibleError && e.kind === "input") return e;
    throw e;
  }
}

describe("reading damaged files", () => {
  it("gives lines, refused lines or one clear error for any bytes, never a crash", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => void read(bytes)), { numRuns: 300 });
  });

  it("survives any fixture with bytes changed or cut off", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(),
        (original, changes, cut) => {
          const bytes = original.slice(0, Math.max(1, original.length - (cut % 200)));
          for (const [at, value] of changes) bytes[at % bytes.length] = value;
          read(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });

  // a run-away regular expression would hang here until the test times out
  it("reads hostile text: long runs of labels, references and tags", () => {
    const hostile = [
      `"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen"\n"20261201";"x";"NL77INGB0816834955";"";"OV";"Bij";"1,00";"x";"${"Naam: Omschrijving: IBAN: ".repeat(5000)}"`,
      `2026-12-01;1,00;${"RF12 ".repeat(20000)};NL80ABNA0185427715`,
      `1\tEUR\t20261201\t0\t0\t20261201\t1,00\t/TRTP/${"/REMI/".repeat(20000)}`,
      `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">${"<a b='1' ".repeat(20000)}`,
      `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>${"<Stmt>".repeat(20000)}${"</Stmt>".repeat(20000)}</BkToCstmrStmt></Document>`,
    ];
    for (const text of hostile) read(new TextEncoder().encode(text));
  });
});
