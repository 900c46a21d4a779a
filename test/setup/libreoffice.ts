import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A cell as LibreOffice Calc holds it: its type (string, float, date…), value, and formula if it made one. */
export interface SheetCell {
  type: string;
  value: string;
  formula?: string;
}

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find(existsSync);

/*
 * LibreOffice's CSV filter options: `;` (59) between fields, `"` (34) around
 * them, UTF-8 (76), from line 1, default column types, Dutch (Netherlands)
 * language 1043, quoted fields not forced to text, special numbers
 * detected, and (token 13) formulas evaluated: the riskiest way a treasurer
 * could open the file, so a cell that would run shows as a formula here.
 */
const dutchCSV = "CSV:59,34,76,1,,1043,false,true,false,false,false,-1,true";

// Python's standard library reads the flat ODF LibreOffice writes; empty trailing cells and rows are dropped.
const readFODS = `
import json, sys, xml.etree.ElementTree as ET
T = '{urn:oasis:names:tc:opendocument:xmlns:table:1.0}'
O = '{urn:oasis:names:tc:opendocument:xmlns:office:1.0}'
X = '{urn:oasis:names:tc:opendocument:xmlns:text:1.0}'
def text(cell):
    def walk(node, parts):
        # <text:s c="n"/> stands for n spaces
        parts.append(' ' * int(node.get(X + 'c', '1')) if node.tag == X + 's' else node.text or '')
        for child in node:
            walk(child, parts)
            parts.append(child.tail or '')
        return parts
    return '\\n'.join(''.join(walk(p, [])) for p in cell.findall(X + 'p'))
result = {}
for path in sys.argv[1:]:
    rows = []
    for row in ET.parse(path).getroot().iter(T + 'table-row'):
        cells = []
        for cell in row.findall(T + 'table-cell'):
            kind = cell.get(O + 'value-type') or ''
            value = cell.get(O + 'value') or cell.get(O + 'date-value') or text(cell)
            item = {'type': kind, 'value': value}
            if cell.get(T + 'formula'):
                item['formula'] = cell.get(T + 'formula')
            cells += [item] * min(int(cell.get(T + 'number-columns-repeated', '1')), 64)
        while cells and not cells[-1]['type']:
            cells.pop()
        if cells:
            rows.append(cells)
    result[path] = rows
print(json.dumps(result))
`;

/**
 * Opens CSV files the way LibreOffice Calc (headless) does with Dutch
 * settings, and answers each file's cells as Calc holds them: a tool nobody
 * here wrote, reading our bytes. CI installs it (libreoffice-calc-nogui).
 */
export function openInLibreOffice(files: Record<string, string | Uint8Array>): Record<string, SheetCell[][]> {
  if (!soffice) throw new Error("LibreOffice Calc is needed for this test: apt-get install --no-install-recommends libreoffice-calc-nogui");
  const dir = mkdtempSync(join(tmpdir(), "akker-calc-"));
  try {
    const inputs = Object.entries(files).map(([name, bytes]) => {
      const path = join(dir, `${name}.csv`);
      writeFileSync(path, bytes);
      return path;
    });
    // a profile of its own, so a LibreOffice running elsewhere on the machine does not take the job
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--norestore", "--convert-to", "fods", `--infilter=${dutchCSV}`, "--outdir", join(dir, "out"), ...inputs],
      { stdio: "pipe", timeout: 120_000 },
    );
    const paths = Object.keys(files).map((name) => join(dir, "out", `${name}.fods`));
    const read = JSON.parse(execFileSync("/usr/bin/python3", ["-c", readFODS, ...paths], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
    return Object.fromEntries(Object.keys(files).map((name, i) => [name, read[paths[i]!] as SheetCell[][]]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
