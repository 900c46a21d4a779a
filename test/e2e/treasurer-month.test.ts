import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
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
 * The treasurer's month at phone size (issue 14), as the README's "The
 * treasurer's month" tells it: import the bank's own file and book a line
 * that found no household, see the arrears, then see what a collection run
 * would collect (and who is left out, and why), create it and download its
 * file twice.
 */

let e2e: Awaited<ReturnType<typeof startE2E>>;
let households = 0;

beforeAll(async () => {
  // the demo households joined on 1 January; the treasurer works on Saturday 20 February
  Clock.set(Date.parse("2027-01-01T09:00:00Z"));
  e2e = await startE2E();
  Clock.set(Date.parse("2027-02-20T10:00:00Z"));
  await withActor({ type: "system", farmID: "demo" }, async () => {
    await Season.save(2027, { budgetCents: 26_000_000, weeks: 52, vegetarianDiscountCents: 200 });
    await Season.confirm(2027, {});
    const list = (await Household.list()).sort((a, b) => a.name.localeCompare(b.name));
    households = list.length;
    for (const [i, h] of list.slice(0, 3).entries())
      await Mandate.put(h.id, Mandate.Input.parse({ iban: composeIBAN("NL", `ABNA${String(4_170_000_000 + i)}`), accountHolder: `Jørgen Straße ${i}`, signedOn: "2027-01-15" }));
    // a mandate from before the platform checked its holder's name: left out of the run, with its reason
    const last = list[list.length - 1]!;
    await useDB()
      .entities.mandate.put({ farmID: "demo", householdID: last.id, mandateID: "AKKER-OLD", iban: "NL39RABO0300065264", accountHolder: "王小明", signedOn: "2026-12-01", status: "active" })
      .go();
  });
});

afterAll(async () => {
  await e2e?.stop();
  Clock.set(undefined);
});

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/bank/${name}`, import.meta.url));

describe("the treasurer's month in Chromium, on a phone", () => {
  it("imports the bank file, books a waiting line, sees the arrears, creates the run and downloads it twice", async () => {
    const treasurer = await e2e.phone();
    await treasurer.goto(e2e.url);
    await e2e.logIn(treasurer, "penningmeester@demo.test");

    // 1. the bank's own file, from the menu: ABN AMRO's TXT in Windows-1252, as the browser sends it
    await treasurer.getByRole("button", { name: "Menu" }).click();
    await treasurer.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Lidmaatschap" }).click();
    await treasurer.getByRole("navigation", { name: "Lidmaatschap" }).getByRole("link", { name: "Bankafschrift" }).click();
    await treasurer.getByRole("heading", { level: 1, name: "Bankafschrift inlezen" }).waitFor();
    const upload = treasurer.getByRole("region", { name: "Bestand van de bank" });
    await upload.getByLabel("Bestand").setInputFiles(fixture("abnamro-2026-11-12.TAB"));
    await upload.getByRole("button", { name: "Inlezen" }).click();
    await upload.getByText(/betaling(en)? geboekt, 0 stonden er al, \d+ om na te kijken/).waitFor();
    await upload.getByText("abnamro-txt", { exact: false }).or(upload.getByText("ABN AMRO TXT", { exact: false })).first().waitFor();

    // the same file again books nothing
    await upload.getByRole("button", { name: "Inlezen" }).click();
    await upload.getByText(/^0 betalingen geboekt, \d+ stonden er al, 0 om na te kijken/).waitFor();

    // 2. a waiting line, booked by searching a household and one tap
    const review = treasurer.getByRole("region", { name: "Na te kijken" });
    const card = review.getByRole("listitem").filter({ hasText: "Zoë Brouwer" });
    await card.getByLabel("Zoek huishouden").fill("(002)");
    const book = card.getByRole("button", { name: /^Boek op .*\(002\)$/ });
    const name = (await book.innerText()).replace(/^Boek op /, "");
    await book.click();
    await review.getByText(`€ 43,34 geboekt op ${name}.`).waitFor();
    expect(await review.getByRole("listitem").filter({ hasText: "Zoë Brouwer" }).count()).toBe(0);
    expect(await treasurer.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);

    // 3. the arrears: January's instalment is past its pay-by date for everyone who pays by transfer;
    // the households with a mandate wait for a run, so they are not in arrears
    await treasurer.goto(`${e2e.url}/contribution/overview?year=2027`);
    const table = treasurer.getByRole("table", { name: "Per huishouden" });
    await table.waitFor();
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(households);
    await treasurer.getByRole("button", { name: "Met achterstand" }).click();
    await expect.poll(() => rows.count()).toBe(households - 4);

    // 4. the run for March: what it would collect, who is left out and why; then create and download
    const run = treasurer.getByRole("region", { name: "Incassorun" });
    await treasurer.waitForLoadState("networkidle");
    await run.getByLabel("Maand").fill("2027-03");
    const what = run.locator("p", { hasText: "af te schrijven op 8 maart 2027" });
    await what.waitFor();
    expect(await what.innerText()).toMatch(/^3 huishoudens, samen €\s[\d.,]+, af te schrijven op 8 maart 2027\. 3 voor het eerst \(FRST\)/);
    await run.getByText("Niet in de run (1)").waitFor();
    await run.getByText("de naam van de rekeninghouder heeft geen Latijnse letters.", { exact: false }).waitFor();
    expect(await run.getByRole("link", { name: /^Download/ }).count()).toBe(0);

    await run.getByRole("button", { name: "Incassorun aanmaken" }).click();
    await run.getByRole("button", { name: "Ja, aanmaken en mailen" }).click();
    await run.getByText("3 van 3 huishoudens hebben een mail met bedrag en datum gehad.").waitFor();
    const link = run.getByRole("link", { name: "Download het incassobestand voor maart 2027" });
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
    expect(treasurer.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  });
});
