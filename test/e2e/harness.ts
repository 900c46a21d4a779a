import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { seedDemo } from "@akker/core/demo/seed";
import { useTestTable } from "../setup/table";
import { freePort } from "../../functions/src/local/dynamo-local";
import { startLocalServer } from "../../functions/src/local/server";

const root = new URL("../..", import.meta.url).pathname;

/**
 * The real thing, small: the local server (built web app + API) on a free
 * port over a fresh table with a demo farm of a few households, and
 * Debian's Chromium driven by playwright-core.
 */
export async function startE2E(opts: { households?: number } = {}) {
  const { endpoint, tableName } = await useTestTable();
  process.env.DEFAULT_FARM_ID = "demo";
  await seedDemo({ households: opts.households ?? 6 });
  const server = await startLocalServer({
    port: await freePort(),
    endpoint,
    tableName,
    webDir: join(root, "web/dist"),
    hostname: "127.0.0.1",
  });
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  const url = server.url.replace("localhost", "127.0.0.1");

  /** The newest login code in the local outbox for an address. */
  async function code(email: string) {
    const res = await fetch(`${url}/api/dev/outbox?to=${encodeURIComponent(email)}`);
    const { messages } = (await res.json()) as { messages: { text: string }[] };
    const m = messages[0]?.text.match(/\b(\d{6})\b/);
    if (!m) throw new Error(`no code for ${email}`);
    return m[1]!;
  }

  /** A phone-sized page; collects page errors so a test can assert there were none. */
  async function phone(): Promise<Page & { errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "nl-NL" });
    const page = (await context.newPage()) as Page & { errors: string[] };
    page.errors = [];
    page.on("pageerror", (e) => page.errors.push(e.message));
    page.on("console", (m) => {
      // a 401 before login is how the app learns it must show the login screen
      if (m.type() === "error" && !/status of 401/.test(m.text())) page.errors.push(m.text());
    });
    return page;
  }

  /**
   * The login code of an address, once the page shows the code field (its
   * request is answered then, and so the mail written); on a busy machine the
   * outbox read may still wait a moment.
   */
  async function codeFor(page: Page, email: string) {
    await page.getByLabel("Code uit de e-mail").waitFor();
    for (let i = 0; i < 150; i++) {
      try {
        return await code(email);
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`no code for ${email}`);
  }

  /**
   * Logs in through the login screen with the mailed code; waits for the
   * home screen unless told not to (a new member lands elsewhere).
   */
  async function logIn(page: Page, email: string, opts: { home?: boolean } = {}) {
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByRole("button", { name: "Stuur mij een code" }).click();
    await page.getByLabel("Code uit de e-mail").fill(await codeFor(page, email));
    await page.getByRole("button", { name: "Inloggen" }).click();
    if (opts.home !== false) await page.getByRole("heading", { level: 1, name: /Hallo/ }).waitFor();
  }

  return {
    url,
    code,
    codeFor,
    logIn,
    phone,
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}
