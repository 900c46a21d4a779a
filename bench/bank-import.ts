import { readFileSync } from "node:fs";
import { parseBankFile } from "../packages/core/src/contribution/bank";
import { printTable, type Figure } from "./lib";

/*
 * Reading a year of bank statements for 200 households (≈ 5,000 lines) in
 * each format: the fixtures' lines repeated, with fresh dates and references,
 * so every line is read in full. Prints figures; never fails on time.
 * `npx tsx bench/bank-import.ts`.
 */

const LINES = 5_000;
const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), "utf8");

function grow(name: string, header: number, vary: (line: string, i: number) => string) {
  const rows = fixture(name).split(/\r?\n/).filter(Boolean);
  const body = rows.slice(header);
  const out = rows.slice(0, header);
  for (let i = 0; out.length - header < LINES; i++) out.push(vary(body[i % body.length]!, i));
  return out.join("\r\n");
}

const day = (i: number) => `2026-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;

function camt() {
  const text = fixture("camt/rabobank-2026-12.camt053.v02.xml");
  const start = text.indexOf("<Ntry>");
  const end = text.lastIndexOf("</Ntry>") + "</Ntry>".length;
  const entries = text.slice(start, end).split(/(?<=<\/Ntry>)/);
  const many: string[] = [];
  for (let i = 0; many.length < LINES; i++) many.push(entries[i % entries.length]!.replace(/RABO\d{16}/, `RABO${String(i).padStart(16, "0")}`));
  return text.slice(0, start) + many.join("") + text.slice(end);
}

const files: [string, string][] = [
  ["camt.053", camt()],
  ["Rabobank CSV", grow("bank/rabobank-2026-11-12.csv", 1, (l, i) => l.replace(/"0000000000000047\d\d"/, `"${String(i).padStart(18, "0")}"`))],
  ["ING CSV", grow("bank/ing-2026-11-12-semicolon.csv", 1, (l, i) => l.replace(/^"\d{8}"/, `"${day(i).replaceAll("-", "")}"`))],
  ["ABN AMRO TXT", grow("bank/abnamro-2026-11-12.TAB", 0, (l, i) => l.replace(/\t\d{8}\t/, `\t${day(i).replaceAll("-", "")}\t`))],
];

/** Reads each format's year (5 runs after a warm-up) and gives the mean time per file. */
export async function bankImport(): Promise<Figure[]> {
  return files.map(([format, text]) => {
    const bytes = new TextEncoder().encode(text);
    parseBankFile(bytes); // warm up
    const runs = 5;
    const cpu = process.cpuUsage();
    const start = performance.now();
    let lines = 0;
    for (let r = 0; r < runs; r++) lines = parseBankFile(bytes).lines.length;
    const ms = (performance.now() - start) / runs;
    const used = process.cpuUsage(cpu);
    // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns
    const cpuMs = (used.user + used.system) / 1000 / runs;
    return {
      name: `${format}: ${lines} lines, ${(bytes.length / 1e6).toFixed(1)} MB`,
      value: `${ms.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms)`,
      target: "< 1000 ms",
      ok: ms < 1000,
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) printTable("Bank files: a year for 200 households", await bankImport());
