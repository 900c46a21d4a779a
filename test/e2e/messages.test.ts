import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startE2E } from "./harness";

/** How wide the page is laid out: no wider than the phone, or it scrolls sideways. */
const width = (page: Page) => page.evaluate("document.documentElement.scrollWidth") as Promise<number>;

let e2e: Awaited<ReturnType<typeof startE2E>>;

beforeAll(async () => {
  e2e = await startE2E();
}, 120_000);

afterAll(async () => {
  await e2e?.stop();
});

describe("mail to a group in Chromium, at phone size", () => {
  it("the board sees whom a mail reaches, sends it once, and reads to whom it went and when", async () => {
    const page = await e2e.phone();
    await page.goto(e2e.url);
    await e2e.logIn(page, "bestuur@demo.test");
    await page.goto(e2e.url + "/messages");
    await page.getByRole("heading", { level: 1, name: "Mail aan leden" }).waitFor();
    await page.getByLabel("Aan").selectOption("roles");
    await page.getByLabel("Penningmeester").check();
    // the treasurer is on the board too: one mail, counted once
    await page.getByText("Gaat naar 2 mensen in 2 huishoudens.").waitFor();
    await page.getByLabel("Onderwerp").fill("Bestuursoverleg dinsdag");
    await page.getByLabel("Tekst", { exact: true }).fill("Om acht uur in de schuur.\nAgenda: https://example.nl/agenda");
    await page.getByRole("button", { name: "Versturen" }).click();
    await page.getByRole("button", { name: "Ja, versturen" }).click();
    await page.getByText("Alle 2 mensen hebben de mail.").waitFor();
    expect(await width(page)).toBeLessThanOrEqual(390);
    await page.getByRole("link", { name: "Bestuursoverleg dinsdag" }).first().click();
    const list = page.getByRole("list").filter({ hasText: "penningmeester@demo.test" });
    await list.waitFor();
    const text = await list.innerText();
    expect(text).toContain("penningmeester@demo.test");
    expect(text).toContain("bestuur@demo.test");
    expect(text).not.toContain("nog niet");
    const outbox: any = await (await fetch(`${e2e.url}/api/dev/outbox?to=penningmeester@demo.test`)).json();
    expect((outbox.messages as { subject: string; text: string }[]).filter((m) => m.subject === "Bestuursoverleg dinsdag")).toHaveLength(1);
    expect(page.errors).toEqual([]);
  });

  it("a member turns news by mail off on Mijn gegevens", async () => {
    const page = await e2e.phone();
    await page.goto(e2e.url);
    await e2e.logIn(page, "lid003@demo.test");
    await page.goto(e2e.url + "/my-data");
    await page.getByLabel("Nieuws van de boer").uncheck();
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByText("Opgeslagen.").waitFor();
    await page.reload();
    await page.getByText("Inlogcodes, geld, stemmingen en mail van het bestuur krijg je altijd.").waitFor();
    expect(await page.getByLabel("Nieuws van de boer").isChecked()).toBe(false);
    expect(await page.getByLabel("Herinneringen aan meewerkdagen").isChecked()).toBe(true);
    expect(await width(page)).toBeLessThanOrEqual(390);
    expect(page.errors).toEqual([]);
  });
});
