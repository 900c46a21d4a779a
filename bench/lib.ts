/** A figure a bench prints: what, the measured value, the target it is held against. */
export interface Figure {
  name: string;
  value: string;
  target?: string;
  ok?: boolean;
}

export function printTable(title: string, rows: Figure[]) {
  const w0 = Math.max(...rows.map((r) => r.name.length), 6);
  const w1 = Math.max(...rows.map((r) => r.value.length), 5);
  const w2 = Math.max(...rows.map((r) => (r.target ?? "").length), 6);
  console.log(`\n${title}`);
  console.log(`${"figure".padEnd(w0)}  ${"value".padStart(w1)}  ${"target".padEnd(w2)}  met`);
  console.log(`${"-".repeat(w0)}  ${"-".repeat(w1)}  ${"-".repeat(w2)}  ---`);
  for (const r of rows)
    console.log(
      `${r.name.padEnd(w0)}  ${r.value.padStart(w1)}  ${(r.target ?? "").padEnd(w2)}  ${r.ok === undefined ? "" : r.ok ? "yes" : "NO"}`,
    );
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
