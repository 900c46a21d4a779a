import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedActivity } from "@akker/core/demo/activity";
import { weekLabel, weekOf } from "@akker/core/week";
import { startE2E } from "./harness";

let e2e: Awaited<ReturnType<typeof startE2E>>;

beforeAll(async () => {
  e2e = await startE2E();
  // this week's harvest published, so the member has a share to read
  await seedActivity();
});

afterAll(async () => {
  await e2e?.stop();
});

/** Whether the worker's cache of the person's own answers holds a path ending so. */
const kept = (ending: string) =>
  `caches.open("akker-data-v1").then((c) => c.keys()).then((keys) => keys.some((r) => new URL(r.url).pathname.endsWith(${JSON.stringify(ending)})))`;

describe("the app on a phone without network", () => {
  it("can be installed, and shows the share seen once after going offline, until logout", async () => {
    const week = weekOf(Date.now());
    const member = await e2e.phone();
    await member.goto(e2e.url);
    await e2e.logIn(member, "lid001@demo.test");
    const share = () => member.getByRole("region", { name: `Deze week: ${weekLabel(week, "nl")}` });
    await share().getByRole("list", { name: "Jullie aandeel" }).waitFor();
    const lines = await share().getByRole("list", { name: "Jullie aandeel" }).getByRole("listitem").allInnerTexts();
    expect(lines.length).toBeGreaterThan(0);

    // The worker takes over this first visit, once its screen is in, and keeps what the page already
    // loaded. Asked from here: the page's CSP lets no polled string run in it (waitForFunction).
    await expect.poll(() => member.evaluate("navigator.serviceWorker.controller !== null"), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => member.evaluate(kept(`/harvests/${week}/mine`)), { timeout: 15_000 }).toBe(true);
    // What Chromium needs to offer the install: a manifest with its icons and a worker in control.
    const cdp = await member.context().newCDPSession(member);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
    // A test's browser context is a private window, where Chromium offers no install whatever the app.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);
    const manifest = await member.request.get(`${e2e.url}/manifest.webmanifest`);
    expect(manifest.headers()["content-type"]).toMatch(/^application\/manifest\+json/);

    await member.context().setOffline(true);
    // Truly offline, the worker too: an answer it never kept cannot be had.
    expect(await member.evaluate(() => fetch("/api/harvests").then(() => "online", () => "offline"))).toBe("offline");
    await member.reload();
    await share().getByRole("list", { name: "Jullie aandeel" }).waitFor();
    expect(await share().getByRole("list", { name: "Jullie aandeel" }).getByRole("listitem").allInnerTexts()).toEqual(lines);

    // Back online, logging out drops the kept answers: the next person on this phone reads none.
    await member.context().setOffline(false);
    await member.getByRole("button", { name: "Menu" }).click();
    await member.getByRole("button", { name: "Uitloggen" }).click();
    await member.getByLabel("E-mailadres").waitFor();
    expect(await member.evaluate(kept(`/harvests/${week}/mine`))).toBe(false);
    expect(await member.evaluate(kept("/me"))).toBe(false);
  });
});
