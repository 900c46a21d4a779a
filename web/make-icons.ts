/*
 * Renders public/icons/icon.svg to the PNG icons the web manifest names
 * (192 and 512 px), with the local Chromium: no network. The PNGs are
 * committed; run `npx tsx web/make-icons.ts` after changing the SVG.
 */
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const dir = new URL("public/icons/", import.meta.url).pathname;
const svg = readFileSync(`${dir}icon.svg`, "utf8");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>*{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: `${dir}icon-${size}.png`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
