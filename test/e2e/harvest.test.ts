import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { weekLabel, weekOf } from "@akker/core/week";
import { startE2E } from "./harness";

let e2e: Awaited<ReturnType<typeof startE2E>>;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

describe("the weekly harvest in Chromium", () => {
  it("the farmer enters and publishes this week's harvest; a member sees the share at home", async () => {
    // This week on the Amsterdam clock, as the browser works it out.
    const week = weekOf(Date.now());
    const n = weekLabel(week, "nl");

    const farmer = await e2e.phone();
    await farmer.goto(e2e.url);
    await e2e.logIn(farmer, "boer@demo.test");
    await farmer.getByRole("button", { name: "Menu" }).click();
    await farmer.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Oogst invoeren" }).click();
    await farmer.getByRole("heading", { level: 1, name: `Oogst ${n}` }).waitFor();
    expect(new URL(farmer.url()).pathname).toBe(`/harvest/${week}`);

    await farmer.getByLabel("Gewas", { exact: true }).fill("Spinazie");
    await farmer.getByLabel("Hoeveelheid").fill("12,5");
    await farmer.getByRole("button", { name: "Gewas toevoegen" }).click();
    const second = farmer.getByRole("group", { name: "Gewas 2" });
    await second.getByLabel("Gewas", { exact: true }).fill("Courgette");
    await second.getByLabel("Eenheid").selectOption("piece");
    await second.getByLabel("Hoeveelheid").fill("40");
    await farmer.getByLabel("Bericht aan de leden").fill("De eerste courgettes van het jaar!");
    await farmer.getByRole("button", { name: "Opslaan en verdeling bekijken" }).click();

    const split = farmer.getByRole("region", { name: "Voorbeeld van de verdeling" });
    // per crop first; the households folded away until asked for
    const crops = split.getByRole("table", { name: "Per gewas" });
    await crops.waitFor();
    expect(await crops.getByRole("row").count()).toBe(3);
    await split.getByText("Alle 6 huishoudens bekijken").click();
    const households = split.getByRole("table", { name: "Per huishouden" });
    await households.waitFor();
    expect(await households.getByRole("row").count()).toBe(7); // a header and the demo farm's 6 households
    await split.getByRole("button", { name: "Publiceren" }).click();
    await farmer.getByRole("button", { name: "Ja, publiceren" }).click();
    await farmer.getByText("Gepubliceerd. De leden krijgen een mail met hun aandeel.").waitFor();
    await farmer.getByRole("region", { name: "Verdeling" }).getByText(/^Gepubliceerd op /).waitFor();
    // The one failed request is the API saying the week had nothing entered yet.
    expect(farmer.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);

    const member = await e2e.phone();
    await member.goto(e2e.url);
    await e2e.logIn(member, "lid001@demo.test");
    const share = member.getByRole("region", { name: `Deze week: ${n}` });
    const lines = share.getByRole("list", { name: "Jullie aandeel" });
    await lines.waitFor();
    expect(await lines.getByRole("listitem").allInnerTexts()).toEqual([
      expect.stringMatching(/^\d+(,\d+)? kg Spinazie$/),
      expect.stringMatching(/^\d+ stuks Courgette$/),
    ]);
    expect(await share.innerText()).toContain("De eerste courgettes van het jaar!");
    expect(member.errors).toEqual([]);
  });
});

