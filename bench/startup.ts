import { spawn } from "node:child_process";
import { freePort } from "../functions/src/local/dynamo-local";
import type { Figure } from "./lib";

const root = new URL("..", import.meta.url).pathname;

/** `npm start` (web build included) until /api/health answers 200, then Ctrl-C. */
export async function startup(): Promise<Figure[]> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn("npm", ["start"], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    detached: true,
    stdio: "ignore",
  });
  let seconds = NaN;
  try {
    for (let i = 0; i < 1200; i++) {
      try {
        const res = await fetch(`http://localhost:${port}/api/health`);
        if (res.status === 200) {
          seconds = (performance.now() - started) / 1000;
          break;
        }
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    process.kill(-child.pid!, "SIGINT");
    await new Promise((r) => child.once("exit", r));
  }
  return [
    {
      name: "npm start → 200 on /api/health (warm)",
      value: Number.isNaN(seconds) ? "failed" : `${seconds.toFixed(1)} s`,
      target: "≤ 15 s",
      ok: seconds <= 15,
    },
  ];
}
