import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../functions/src/local/dynamo-local";

const root = new URL("../..", import.meta.url).pathname;

export interface FreshStart {
  /** Seconds from the spawn to 200 on /api/health, and to the demo activity being in. */
  up: number;
  activity: number;
  url: string;
  output(): string;
  alive(): boolean;
  /** Ctrl-C; answers the exit code and whether a Java process on this data is left. */
  stop(): Promise<{ code: number | null; javaLeft: boolean }>;
}

/**
 * What `npm start` does on a newcomer's machine, on an empty data directory
 * (the web app must be built: `npm test` and `npm start` build it first).
 * Throws with the server's output when it exits, does not answer or reports
 * a failure.
 */
export async function freshStart(opts: { timeoutMs?: number } = {}): Promise<FreshStart> {
  const timeout = opts.timeoutMs ?? 180_000;
  const dataDir = mkdtempSync(join(tmpdir(), "akker-fresh-"));
  const port = await freePort();
  const started = performance.now();
  // as `npm start` runs it, after its web build
  const child = spawn(join(root, "node_modules/.bin/tsx"), ["functions/src/local/start.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  let exit: number | null | undefined;
  const exited = new Promise<void>((r) => child.once("exit", (code) => ((exit = code), r())));
  const url = `http://127.0.0.1:${port}`;
  const seconds = () => (performance.now() - started) / 1000;
  const javaLeft = () => spawnSync("pgrep", ["-f", dataDir]).status === 0;
  const stop = async () => {
    if (exit === undefined) {
      process.kill(-child.pid!, "SIGINT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (exit === undefined) process.kill(-child.pid!, "SIGKILL");
    }
    // Java runs in its own group: give it a moment to go, then look for it
    let left = javaLeft();
    for (let i = 0; left && i < 50; i++) left = (await new Promise((r) => setTimeout(r, 100)), javaLeft());
    if (left) spawnSync("pkill", ["-9", "-f", dataDir]);
    rmSync(dataDir, { recursive: true, force: true });
    return { code: exit ?? null, javaLeft: left };
  };
  const fail = async (why: string): Promise<never> => {
    await stop();
    throw new Error(`${why}\n--- output of npm start ---\n${out}`);
  };
  const until = async (what: string, ok: () => Promise<boolean> | boolean) => {
    while (!(await ok())) {
      if (exit !== undefined) await fail(`npm start exited (code ${exit}) before ${what}`);
      if (/could not be added|failed|Error/.test(out)) await fail(`npm start reported a failure before ${what}`);
      if (seconds() * 1000 > timeout) await fail(`no ${what} within ${timeout / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return seconds();
  };
  const health = async () => {
    try {
      return (await fetch(`${url}/api/health`)).status === 200;
    } catch {
      return false;
    }
  };
  const up = await until("answer on /api/health", health);
  const activity = await until("demo activity", () => out.includes("Demo activity added"));
  return { up, activity, url, output: () => out, alive: () => exit === undefined, stop };
}
