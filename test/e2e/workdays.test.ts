import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Clock } from "@akker/core/clock";
import { amsterdamParts, amsterdamTime } from "@akker/core/week";
import { startE2E } from "./harness";

let e2e: Awaited<ReturnType<typeof startE2E>>;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  Clock.set(undefined);
  await e2e?.stop();
});

const pad = (n: number) => String(n).padStart(2, "0");

/** The day after tomorrow on the Amsterdam clock, as a date field wants it, and 09:00 that day as an instant. */
function dayAfterTomorrow() {
  const today = amsterdamParts(Date.now());
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day + 2));
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  return { date: `${y}-${pad(m)}-${pad(d)}`, start: amsterdamTime(y, m, d, 9, 0) };
}

describe("work days in Chromium", () => {
  it("a coordinator plans a day, a member signs up, and after the day the hours show up with the member", async () => {
    const { date, start } = dayAfterTomorrow();
    const title = `Wieden in de kas ${Date.now().toString(36)}`;

    // The coordinator plans a work day in the future.
    const coordinator = await e2e.phone();
    await coordinator.goto(e2e.url);
    await e2e.logIn(coordinator, "coordinator@demo.test");
    await coordinator.getByRole("button", { name: "Menu" }).click();
    await coordinator.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Meewerken" }).click();
    await coordinator.getByRole("heading", { level: 1, name: "Meewerken" }).waitFor();
    await coordinator.getByRole("link", { name: "Nieuwe meewerkdag" }).click();
    await coordinator.getByRole("heading", { level: 1, name: "Nieuwe meewerkdag" }).waitFor();
    await coordinator.getByLabel("Titel").fill(title);
    await coordinator.getByLabel("Soort werk").selectOption("weeding");
    await coordinator.getByLabel("Datum").fill(date);
    await coordinator.getByLabel("Begintijd").fill("09:00");
    await coordinator.getByLabel("Eindtijd").fill("12:00");
    await coordinator.getByLabel("Aantal plekken").fill("4");
    await coordinator.getByLabel("Plek op de boerderij").fill("Kas 2");
    await coordinator.getByLabel("Beschrijving").fill("Neem handschoenen mee.\n<b>Geen HTML</b>");
    await coordinator.getByRole("button", { name: "Meewerkdag aanmaken" }).click();
    await coordinator.getByText("Aangemaakt: 1 meewerkdag.").waitFor();

    // A member finds it, signs up in one tap and sees it under "my work days".
    const member = await e2e.phone();
    await member.goto(e2e.url);
    await e2e.logIn(member, "lid001@demo.test");
    await member.getByRole("button", { name: "Menu" }).click();
    await member.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Meewerken" }).click();
    const day = member.getByRole("listitem").filter({ has: member.getByRole("link", { name: title }) });
    await day.waitFor();
    expect(await day.innerText()).toContain("Wieden · 09:00–12:00 · Kas 2");
    expect(await day.innerText()).toContain("Nog 4 plekken");
    await day.getByRole("button", { name: new RegExp(`^Aanmelden: ${title}, `) }).click();
    await day.getByText(new RegExp(`^Je bent aangemeld voor ${title} op `)).waitFor();
    expect(await day.innerText()).toContain("Nog 3 plekken");
    await member.getByRole("navigation", { name: "Meewerken" }).getByRole("link", { name: "Mijn meewerkdagen" }).click();
    const coming = member.getByRole("region", { name: "Komende dagen" });
    await coming.getByRole("link", { name: title }).waitFor();
    expect(await coming.innerText()).toContain("Je bent aangemeld");
    await member.getByRole("region", { name: "In je eigen agenda" }).getByLabel("Jouw agenda-link").waitFor();

    // Before the day, the roster lists the member but ticking waits for the start.
    await coordinator.getByRole("link", { name: title }).click();
    await coordinator.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await coordinator.locator(".description").innerText()).toBe("Neem handschoenen mee.\n<b>Geen HTML</b>");
    await coordinator.getByRole("link", { name: "Deelnemerslijst" }).click();
    const confirmed = coordinator.getByRole("region", { name: "Aangemeld (1 van 4)" });
    await confirmed.getByText(/^Wie er was, kun je aanvinken zodra de meewerkdag begonnen is/).waitFor();
    expect(await confirmed.getByRole("checkbox").count()).toBe(0);

    // Half an hour into the day, on the server's clock and the coordinator's phone.
    const during = start + 30 * 60_000;
    const offset = during - Date.now();
    Clock.set(() => Date.now() + offset);
    try {
      await coordinator.clock.setSystemTime(during);
      await coordinator.getByRole("link", { name: "Terug naar de meewerkdag" }).click();
      await coordinator.getByRole("link", { name: "Deelnemerslijst" }).click();
      await coordinator.getByRole("group", { name: "Wie was er?" }).waitFor();
      await coordinator.getByRole("button", { name: "Iedereen aanvinken" }).click();
      await coordinator.getByRole("button", { name: "Aanwezigheid opslaan" }).click();
      await coordinator
        .getByText("Opgeslagen: 1 persoon aanwezig, samen 3 uur, bijgeschreven bij hun eigen huishouden.")
        .waitFor();

      // The member's household has the hours, as thanks.
      await member.getByRole("navigation", { name: "Meewerken" }).getByRole("link", { name: "Mijn uren" }).click();
      await member.getByText("Dank je wel! Jullie huishouden hielp dit seizoen 3 uur mee op de boerderij.").waitFor();
      const row = member.getByRole("row").filter({ hasText: "Wieden · meewerkdag" });
      expect(await row.getByRole("cell").allInnerTexts()).toEqual([expect.any(String), "Wieden · meewerkdag", "3", "Meegeteld"]);
      expect(await member.getByRole("progressbar", { name: "Uren dit seizoen" }).getAttribute("value")).toBe("3");
    } finally {
      Clock.set(undefined);
    }
    expect(coordinator.errors).toEqual([]);
    expect(member.errors).toEqual([]);
  });
});

