import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { composeIBAN } from "@akker/core/contribution/iban";
import { Mandate } from "@akker/core/contribution/mandate";
import { Season } from "@akker/core/contribution/season";
import { useDB } from "@akker/core/entities";
import { Household } from "@akker/core/household/household";
import { validatePain008 } from "../setup/xsd";
import { startE2E } from "./harness";

/*
 * The treasurer's direct debit at phone size: see what a run would collect
 * (and who is left out, and why), create it, download its file twice.
 */

let e2e: Awaited<ReturnType<typeof startE2E>>;

beforeAll(async () => {
  // the demo households joined on 1 January; the treasurer works on Saturday 20 February
  Clock.set(Date.parse("2027-01-01T09:00:00Z"));
  e2e = await startE2E();
  Clock.set(Date.parse("2027-02-20T10:00:00Z"));
  await withActor({ type: "system", farmID: "demo" }, async () => {
    await Season.save(2027, { budgetCents: 26_000_000, weeks: 52, vegetarianDiscountCents: 200 });
    await Season.confirm(2027, {});
    const households = (await Household.list()).sort((a, b) => a.name.localeCompare(b.name));
    for (const [i, h] of households.slice(0, 3).entries())
      await Mandate.put(h.id, Mandate.Input.parse({ iban: composeIBAN("NL", `ABNA${String(4_170_000_000 + i)}`), accountHolder: `Jørgen Straße ${i}`, signedOn: "2027-01-15" }));
    // a mandate from before the platform checked its holder's name: left out of the run, with its reason
    const last = households[households.length - 1]!;
    await useDB()
      .entities.mandate.put({ farmID: "demo", householdID: last.id, mandateID: "AKKER-OLD", iban: "NL39RABO0300065264", accountHolder: "王小明", signedOn: "2026-12-01", status: "active" })
      .go();
  });
});

afterAll(async () => {
  await e2e?.stop();
  Clock.set(undefined);
});

describe("the collection run in Chromium", () => {
  it("the treasurer sees what a run would collect, creates it and downloads the same file twice", async () => {
    const treasurer = await e2e.phone();
    await treasurer.goto(e2e.url);
    await e2e.logIn(treasurer, "penningmeester@demo.test");
    await treasurer.goto(`${e2e.url}/contribution/overview`);
    const card = treasurer.getByRole("region", { name: "Incassorun" });
    // the screen settles first (its month is the browser's), then the treasurer picks March
    await treasurer.waitForLoadState("networkidle");
    await card.getByLabel("Maand").fill("2027-03");
    const what = card.locator("p", { hasText: "af te schrijven op 8 maart 2027" });
    await what.waitFor();
    expect(await what.innerText()).toMatch(/^3 huishoudens, samen €\s[\d.,]+, af te schrijven op 8 maart 2027\. 3 voor het eerst \(FRST\)/);
    await card.getByText("Niet in de run (1)").waitFor();
    await card.getByText("de naam van de rekeninghouder heeft geen Latijnse letters.", { exact: false }).waitFor();
    expect(await card.getByRole("link", { name: /^Download/ }).count()).toBe(0);

    await card.getByRole("button", { name: "Incassorun aanmaken" }).click();
    await card.getByRole("button", { name: "Ja, aanmaken en mailen" }).click();
    await card.getByText("3 van 3 huishoudens hebben een mail met bedrag en datum gehad.").waitFor();
    const link = card.getByRole("link", { name: "Download het incassobestand voor maart 2027" });
    // nothing sticks out at 390 px
    expect(await treasurer.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);

    const files: string[] = [];
    for (let i = 0; i < 2; i++) {
      const [download] = await Promise.all([treasurer.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toBe("incasso-2027-03.xml");
      files.push(await readFile((await download.path())!, "utf8"));
    }
    expect(files[1]).toBe(files[0]);
    expect((await validatePain008(files[0]!)).errors).toEqual([]);
    expect(files[0]).toContain("<ReqdColltnDt>2027-03-08</ReqdColltnDt>");
    expect(files[0]).toContain("<Nm>Jorgen Strasse 0</Nm>");
    // the left-out holder is in no file
    expect(files[0]).not.toContain("NL39RABO0300065264");
    // the browser logs only the 404s of the year the screen opened on (the browser's own, without a price)
    expect(treasurer.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  });
});
