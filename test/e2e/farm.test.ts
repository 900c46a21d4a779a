import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedActivity } from "@akker/core/demo/activity";
import { weekOf } from "@akker/core/week";
import type { Page } from "playwright-core";
import { startE2E } from "./harness";

/** How wide the page is laid out: no wider than the phone, or it scrolls sideways. */
const width = (page: Page) => page.evaluate("document.documentElement.scrollWidth") as Promise<number>;

let e2e: Awaited<ReturnType<typeof startE2E>>;

beforeAll(async () => {
  e2e = await startE2E();
  // this week's harvest published, so the home screen shows a share
  await seedActivity();
}, 120_000);

afterAll(async () => {
  await e2e?.stop();
});

describe("the farm in Chromium, at phone size", () => {
  it("anyone reads the public farm page from the login screen: costs, pickup, the waiting list, privacy", async () => {
    const page = await e2e.phone();
    await page.goto(e2e.url + "/login");
    await page.getByRole("link", { name: /Over de boerderij/ }).click();
    await page.getByRole("heading", { level: 1, name: "Herenboerderij De Akker" }).waitFor();
    const main = page.locator("main");
    const pickup = page.getByRole("list", { name: "Waar en wanneer je ophaalt" });
    expect(await pickup.getByRole("listitem").allInnerTexts()).toEqual([
      "vrijdag 16:00–19:00 De schuur op de boerderij, Akkerweg 12",
      "zaterdag 10:00–12:00 De schuur op de boerderij, Akkerweg 12",
    ]);
    const text = await main.innerText();
    expect(text).toMatch(/Inleg voor een certificaat\s+€\s?2\.000,00 \(heel certificaat\)/);
    expect(text).toContain("Bijdrage per mond per week");
    expect(text).toMatch(/op de wachtlijst|op een plek/);
    expect(text).toContain("Privacy");
    // it fits the phone: nothing wider than the screen
    expect(await width(page)).toBeLessThanOrEqual(390);
    await page.getByRole("link", { name: "Aanmelden voor de wachtlijst" }).click();
    await page.getByRole("heading", { level: 1, name: "Aanmelden voor de wachtlijst" }).waitFor();
    expect(page.errors).toEqual([]);
  });

  it("a member's share on the home screen says when and where to pick it up", async () => {
    const n = Number(weekOf(Date.now()).slice(-2));
    const page = await e2e.phone();
    await page.goto(e2e.url);
    await e2e.logIn(page, "lid001@demo.test");
    const share = page.getByRole("region", { name: new RegExp(`week ${n}`) }).first();
    await share.getByRole("list", { name: "Jullie aandeel" }).waitFor();
    const moments = share.getByRole("list", { name: "Ophalen" });
    await moments.waitFor();
    expect(await moments.getByRole("listitem").allInnerTexts()).toEqual([
      "vrijdag 16:00–19:00 De schuur op de boerderij, Akkerweg 12",
      "zaterdag 10:00–12:00 De schuur op de boerderij, Akkerweg 12",
    ]);
    expect(await width(page)).toBeLessThanOrEqual(390);
    expect(page.errors).toEqual([]);
  });

  it("the board adds a pickup moment in the farm settings, and the public page shows it", async () => {
    const page = await e2e.phone();
    await page.goto(e2e.url + "/farm/settings");
    await e2e.logIn(page, "bestuur@demo.test", { home: false });
    await page.getByRole("heading", { level: 1, name: "Instellingen van de boerderij" }).waitFor();
    await page.getByRole("button", { name: "Ophaalmoment toevoegen" }).click();
    const third = page.getByRole("group", { name: "Ophaalmoment 3" });
    await third.getByLabel("Dag").selectOption("3");
    await third.getByLabel("Van").fill("17:00");
    await third.getByLabel("Tot").fill("18:30");
    await third.getByLabel("Plaats").fill("Marktplein");
    await page.getByLabel("Capaciteit in monden").fill("520");
    await page.getByRole("button", { name: "Instellingen opslaan" }).click();
    await page.getByText("De instellingen zijn opgeslagen.").waitFor();
    // saved in week order: Wednesday first
    expect(await page.getByRole("group", { name: "Ophaalmoment 1" }).getByLabel("Plaats").inputValue()).toBe("Marktplein");
    expect(await width(page)).toBeLessThanOrEqual(390);

    await page.goto(e2e.url + "/farm");
    await page.getByText("woensdag 17:00–18:30").waitFor();
    await page.goto(e2e.url + "/farm/settings");

    // a mistake is told at its field, and nothing is saved
    await page.getByLabel("Capaciteit in monden").fill("0");
    await page.getByRole("button", { name: "Instellingen opslaan" }).click();
    await page.getByText("Vul een heel aantal monden in, van 1 tot 10.000.").waitFor();
    expect(page.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it("the board finds a household by a person's address and reads its overview before editing", async () => {
    const page = await e2e.phone();
    await page.goto(e2e.url + "/households");
    await e2e.logIn(page, "bestuur@demo.test", { home: false });
    await page.getByLabel(/Zoek op naam/).fill("lid002@demo");
    const links = page.getByRole("region", { name: "Alle huishoudens" }).getByRole("link");
    await page.getByText("1 van").waitFor();
    expect(await links.count()).toBe(1);
    await links.first().click();
    for (const heading of ["Samenstelling", "Mensen", "Certificaat en inleg", /^Bijdrage \d{4}$/, /^Meewerkuren \d{4}$/])
      await page.getByRole("heading", { name: heading }).waitFor();
    expect(await page.locator("main").innerText()).toContain("lid002@demo.test");
    await page.getByRole("link", { name: "Huishouden bewerken" }).click();
    await page.waitForURL(/\/edit$/);
    expect(await width(page)).toBeLessThanOrEqual(390);
    expect(page.errors).toEqual([]);
  });
});
