import { readFile } from "node:fs/promises";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2E } from "./harness";

let e2e: Awaited<ReturnType<typeof startE2E>>;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

describe("the library in Chromium at 390 px", () => {
  it("the board uploads minutes twice and a board-only budget; a member downloads the newest minutes and never sees the budget", async () => {
    const stamp = Date.now().toString(36);
    const minutes = `Notulen ALV ${stamp}`;
    const budget = `Begroting concept ${stamp}`;

    const board = await e2e.phone();
    await board.goto(e2e.url);
    await e2e.logIn(board, "bestuur@demo.test");
    await board.getByRole("button", { name: "Menu" }).click();
    await board.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Documenten" }).click();
    await board.getByRole("heading", { level: 1, name: "Documenten" }).waitFor();

    const add = async (title: string, kind: string, readers: string) => {
      if (!(await board.getByLabel("Titel").isVisible())) await board.getByText("Document toevoegen").click();
      await board.getByLabel("Titel").fill(title);
      await board.getByLabel("Soort").selectOption({ label: kind });
      await board.getByRole("radio", { name: readers }).check();
      await board.getByRole("button", { name: "Toevoegen", exact: true }).click();
      await board.getByText(`"${title}" is toegevoegd. Upload nu het bestand.`).waitFor();
      return board.getByRole("listitem").filter({ has: board.getByRole("heading", { level: 3, name: title }) });
    };
    const upload = async (item: Locator, name: string, text: string) => {
      await item.getByLabel(/^(Bestand|Nieuwe versie) \(PDF of afbeelding, tot 5 MB\)$/).setInputFiles({ name, mimeType: "application/pdf", buffer: pdf(text) });
      await item.getByRole("button", { name: "Uploaden" }).click();
      await item.getByText(`${name} is geüpload.`).waitFor();
    };

    const minutesItem = await add(minutes, "Notulen", "Alle leden");
    await upload(minutesItem, "notulen-concept.pdf", "concept");
    await upload(minutesItem, "notulen-vastgesteld.pdf", "vastgesteld");
    await minutesItem.getByText("Eerdere versies (1)").waitFor();
    const budgetItem = await add(budget, "Begroting", "Alleen bestuur");
    await upload(budgetItem, "begroting.pdf", "geheim");
    await budgetItem.getByText("Alleen voor het bestuur").waitFor();
    // a file that is no PDF or image is refused, told in Dutch
    await budgetItem.getByLabel("Nieuwe versie (PDF of afbeelding, tot 5 MB)").setInputFiles({ name: "begroting.pdf", mimeType: "application/pdf", buffer: Buffer.from("geen pdf") });
    await budgetItem.getByRole("button", { name: "Uploaden" }).click();
    await budgetItem.getByText("Dit is geen PDF of afbeelding (JPEG, PNG of WebP). Kies een ander bestand.").waitFor();
    expect(await board.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);

    const member = await e2e.phone();
    await member.goto(e2e.url);
    await e2e.logIn(member, "lid001@demo.test");
    await member.getByRole("button", { name: "Menu" }).click();
    await member.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Documenten" }).click();
    const section = member.getByRole("region", { name: "Notulen" });
    await section.getByRole("heading", { level: 3, name: minutes }).waitFor();
    expect(await member.getByText(budget).count()).toBe(0);
    expect(await member.getByRole("button", { name: "Uploaden" }).count()).toBe(0);

    const [download] = await Promise.all([member.waitForEvent("download"), section.getByRole("link", { name: "notulen-vastgesteld.pdf" }).click()]);
    expect(download.suggestedFilename()).toBe("notulen-vastgesteld.pdf");
    expect((await readFile((await download.path())!)).toString()).toBe(pdf("vastgesteld").toString());
    expect(await member.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    expect(board.errors.filter((e) => !/^Failed to load resource/.test(e))).toEqual([]);
    expect(member.errors).toEqual([]);
  });
});
