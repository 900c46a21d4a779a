import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2E } from "./harness";

let e2e: Awaited<ReturnType<typeof startE2E>>;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

describe("the library in Chromium at 390 px", () => {
  it("the board renames a board-only draft, files it under another kind and opens it to members; its file stays", async () => {
    const board = await e2e.phone();
    await board.goto(e2e.url);
    await e2e.logIn(board, "bestuur@demo.test");
    await board.goto(`${e2e.url}/documents`);
    await board.getByRole("heading", { level: 1, name: "Documenten" }).waitFor();
    const add = board.locator("details", { hasText: "Document toevoegen" });
    await add.getByText("Document toevoegen").click();
    await add.getByLabel("Titel").fill("Concept");
    await add.getByLabel("Alleen bestuur").check();
    await add.getByRole("button", { name: "Toevoegen", exact: true }).click();
    const other = board.getByRole("region", { name: "Overig" });
    const file = { name: "begroting.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% begroting\n%%EOF\n") };
    await other.getByLabel("Bestand (PDF of afbeelding, tot 5 MB)").setInputFiles(file);
    await other.getByRole("button", { name: "Uploaden" }).click();
    await other.getByText("begroting.pdf is geüpload.").waitFor();

    const title = other.getByLabel("Titel", { exact: true });
    await title.fill("Begroting 2027");
    await other.getByLabel("Soort", { exact: true }).selectOption({ label: "Begroting" });
    await other.getByLabel("Lezers", { exact: true }).selectOption({ label: "Alle leden" });
    expect(Number(await board.evaluate("document.documentElement.scrollWidth"))).toBeLessThanOrEqual(390);
    await other.getByRole("button", { name: "Opslaan" }).click();
    await board.getByText('"Begroting 2027" staat nu onder Begroting.').waitFor();
    const budget = board.getByRole("region", { name: "Begroting" });
    await budget.getByRole("heading", { name: "Begroting 2027" }).waitFor();
    expect(await budget.getByText("Alleen voor het bestuur").count()).toBe(0);
    expect(await budget.getByRole("link", { name: "begroting.pdf" }).count()).toBe(1);

    // a member now reads it under its new kind, with its file
    const member = await e2e.phone();
    await member.goto(e2e.url);
    await e2e.logIn(member, "lid002@demo.test");
    await member.goto(`${e2e.url}/documents`);
    const seen = member.getByRole("region", { name: "Begroting" });
    await seen.getByRole("heading", { name: "Begroting 2027" }).waitFor();
    const download = member.waitForEvent("download");
    await seen.getByRole("link", { name: "begroting.pdf" }).click();
    expect((await download).suggestedFilename()).toBe("begroting.pdf");
    expect(await member.getByText("Beheren: Begroting 2027").count()).toBe(0);
    expect(board.errors.concat(member.errors)).toEqual([]);
  });
});
