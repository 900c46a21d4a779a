import { spawn } from "node:child_process";
import { freshStart } from "../test/setup/fresh-start";
import { percentile, type Figure } from "./lib";

/**
 * Ten first starts in a row on empty data (FRESH_STARTS to change), with
 * both cores kept busy by two spinning processes: each must come up, add the
 * demo activity, stay up and stop cleanly.
 */
export async function freshStarts(): Promise<Figure[]> {
  const runs = Number(process.env.FRESH_STARTS ?? 10);
  const burners = [0, 1].map(() => spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
  const up: number[] = [];
  const activity: number[] = [];
  const failures: string[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      try {
        const s = await freshStart({ timeoutMs: 300_000 });
        await new Promise((r) => setTimeout(r, 5000));
        const healthy = s.alive() && (await fetch(`${s.url}/api/health`)).status === 200;
        const stopped = await s.stop();
        if (!healthy || stopped.code !== 0 || stopped.javaLeft) failures.push(`run ${i + 1}: healthy ${healthy}, exit ${stopped.code}, java left ${stopped.javaLeft}`);
        else (up.push(s.up), activity.push(s.activity));
      } catch (e) {
        failures.push(`run ${i + 1}: ${(e as Error).message.split("\n")[0]}`);
      }
    }
  } finally {
    for (const b of burners) b.kill("SIGKILL");
  }
  for (const f of failures) console.error(f);
  const s = (list: number[]) => [...list].sort((a, b) => a - b);
  const fmt = (list: number[]) => (list.length ? `median ${percentile(s(list), 50).toFixed(1)} s, max ${Math.max(...list).toFixed(1)} s` : "–");
  return [
    { name: `fresh starts that came up, stayed up and stopped (both cores busy)`, value: `${up.length} of ${runs}`, target: `${runs} of ${runs}`, ok: up.length === runs },
    { name: "… spawn to 200 on /api/health (seed of 200 households included)", value: fmt(up) },
    { name: "… spawn to the demo activity added", value: fmt(activity) },
  ];
}
