import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webCSP } from "../../functions/src/csp";
import { startE2E } from "./harness";

let e2e: Awaited<ReturnType<typeof startE2E>>;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

describe("in Chromium", () => {
  it("a member logs in with the mailed code, sees the household in Dutch, and switches to English", async () => {
    const page = await e2e.phone();
    const response = await page.goto(e2e.url);
    // the same CSP as CloudFront sends; the app runs under it without errors
    expect(response?.headers()["content-security-policy"]).toBe(webCSP);
    await page.getByLabel("E-mailadres").fill("lid001@demo.test");
    await page.getByRole("button", { name: "Stuur mij een code" }).click();
    await page.getByLabel("Code uit de e-mail").fill(await e2e.codeFor(page, "lid001@demo.test"));
    await page.getByRole("button", { name: "Inloggen" }).click();

    await page.getByRole("heading", { level: 1, name: /Hallo/ }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("nl");
    await page.getByRole("link", { name: "Bekijk je huishouden" }).click();
    await page.getByRole("heading", { name: "Samenstelling" }).waitFor();
    const text = await page.locator("main").innerText();
    expect(text).toContain("lid001@demo.test");
    expect(text).toMatch(/Certificaat/);
    expect(text).toMatch(/Monden/);

    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Composition" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("main").innerText()).toMatch(/Mouths/);
    // the choice is saved with the person: a reload stays in English
    await page.reload();
    await page.getByRole("heading", { name: "Composition" }).waitFor();
    expect(page.errors).toEqual([]);
  });

  it("the board finds a household in the list", async () => {
    const page = await e2e.phone();
    await page.goto(`${e2e.url}/households`);
    await page.getByLabel("E-mailadres").fill("bestuur@demo.test");
    await page.getByRole("button", { name: "Stuur mij een code" }).click();
    await page.getByLabel("Code uit de e-mail").fill(await e2e.codeFor(page, "bestuur@demo.test"));
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByLabel("Zoek op naam").waitFor();
    const rows = page.locator("main li");
    expect(await rows.count()).toBeGreaterThanOrEqual(6);
    expect(page.errors).toEqual([]);
  });
  // The waiting list's own query answers 401 after the login screen is up: while the code is
  // on its way (300 ms) and about when the login is done (600 ms). Neither may undo the login (CI saw the first).
  it.each([300, 600])("a late 401 from the page opened before logging in (%i ms) does not undo the login", async (ms) => {
    const page = await e2e.phone();
    let held = false;
    await page.route(
      (u) => u.pathname === "/api/applications",
      async (route) => {
        if (!held) {
          held = true;
          await new Promise((r) => setTimeout(r, ms));
        }
        await route.continue();
      },
    );
    await page.goto(`${e2e.url}/waitlist`);
    await e2e.logIn(page, "bestuur@demo.test", { home: false });
    await page.getByRole("heading", { level: 1, name: "Wachtlijst" }).waitFor();
    await new Promise((r) => setTimeout(r, ms));
    expect(new URL(page.url()).pathname).toBe("/waitlist");
    expect(page.errors).toEqual([]);
  });
});
