import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { amount, csvCell, euros, neutralise, toCSV } from "./csv";

const hostile = `-2+3+cmd|' /C calc'!A0`;

/** Python's csv module reads the file back: an independent reader of RFC 4180 quoting. */
function pythonRows(file: string): string[][] {
  const script = [
    "import csv, io, json, sys",
    "raw = sys.stdin.buffer.read()",
    "assert raw.startswith(b'\\xef\\xbb\\xbf'), 'no BOM'",
    "rows = list(csv.reader(io.StringIO(raw.decode('utf-8-sig'), newline=''), delimiter=';', quotechar='\"', strict=True))",
    "print(json.dumps(rows))",
  ].join("\n");
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", script], { input: file, encoding: "utf8" }));
}

describe("the Dutch CSV", () => {
  it("is UTF-8 with a BOM, semicolons, CRLF, every cell quoted", () => {
    const file = toCSV(["naam", "bedrag", "monden", "leeg"], [["Zoë \"Z\"; de Vries", amount(123_456), 2.5, null]]);
    expect(file).toBe(`\uFEFF"naam";"bedrag";"monden";"leeg"\r\n"Zoë ""Z""; de Vries";"1234,56";"2,5";""\r\n`);
    expect(pythonRows(file)).toEqual([["naam", "bedrag", "monden", "leeg"], ['Zoë "Z"; de Vries', "1234,56", "2,5", ""]]);
  });

  it("writes euros with a decimal comma and no thousands separator", () => {
    expect([0, 5, -5, 100, 200_000, -123_456].map(euros)).toEqual(["0,00", "0,05", "-0,05", "1,00", "2000,00", "-1234,56"]);
    expect(() => euros(1.5)).toThrow();
  });

  it("neutralises text a spreadsheet would run, and only that", () => {
    for (const bad of ["=1+2", "+31 6 1234", hostile, "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"x\")"]) expect(neutralise(bad)).toBe(`'${bad}`);
    for (const ok of ["Jansen", "", " =not first", "2+3", "'quoted"]) expect(neutralise(ok)).toBe(ok);
    // a negative amount the platform made stays a number; the same text typed by someone is neutralised
    expect(csvCell(amount(-250))).toBe('"-2,50"');
    expect(csvCell("-2,50")).toBe(`"'-2,50"`);
    expect(csvCell(-1)).toBe('"-1"');
  });

  it("no text cell ever starts with a formula character or breaks out of its quotes", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 5 }), (cells) => {
        const file = toCSV(cells.map((_, i) => `k${i}`), [cells]);
        const row = file.slice(file.indexOf("\r\n") + 2, -2);
        // reading back: the quoted cells of the row, unquoted
        const read = [...row.matchAll(/"((?:[^"]|"")*)"(?:;|$)/g)].map((m) => m[1]!.replace(/""/g, '"'));
        expect(read).toHaveLength(cells.length);
        for (const [i, cell] of read.entries()) {
          expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          expect(cell.replace(/^'(?=[=+\-@\t\r])/, "")).toBe(cells[i]);
        }
      }),
    );
  });

  it("is one table: a row of another width is refused", () => {
    expect(() => toCSV(["a", "b"], [["x"]])).toThrow(/row 1/);
  });
});
