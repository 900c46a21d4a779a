import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { seedActivity } from "@akker/core/demo/activity";
import { demoFarm } from "@akker/core/demo/seed";
import { Harvest } from "@akker/core/harvest/harvest";
import { addWeeks, weekLabel, weekOf } from "@akker/core/week";
import { startE2E } from "./harness";

let e2e: Awaited<ReturnType<typeof startE2E>>;
const week = weekOf(Date.now());

beforeAll(async () => {
  e2e = await startE2E();
  // Last week and this one published with six crops; leeks three weeks ago: a catalogue of seven.
  await seedActivity();
  await withActor({ type: "system", farmID: demoFarm.id }, () =>
    Harvest.save(addWeeks(week, -3), { items: [{ crop: "prei", unit: "piece", quantity: 60 }] }),
  );
});

afterAll(async () => {
  await e2e?.stop();
});

describe("the farmer in the field, at 390 px", () => {
  it("enters seven crops from the catalogue for the week to enter, and publishes it", async () => {
    const next = addWeeks(week, 1);
    const farmer = await e2e.phone();
    await farmer.goto(e2e.url);
    await e2e.logIn(farmer, "boer@demo.test");
    await farmer.getByRole("button", { name: "Menu" }).click();
    await farmer.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Oogst invoeren" }).click();
    // this week is published: on to next week
    await farmer.getByRole("heading", { level: 1, name: `Oogst ${weekLabel(next, "nl")}` }).waitFor();
    expect(new URL(farmer.url()).pathname).toBe(`/harvest/${next}`);

    const picks = farmer.getByRole("region", { name: "Uit de catalogus" });
    await picks.waitFor();
    const quantities: Record<string, string> = {
      courgette: "600",
      spinazie: "150",
      radijs: "470",
      aardappel: "500",
      wortel: "190",
      gehakt: "44",
      prei: "60",
    };
    for (const [crop, quantity] of Object.entries(quantities)) {
      // one tap on the crop, and its quantity field has the focus
      await picks.getByRole("button", { name: new RegExp(`^${crop} \\(`) }).click();
      await farmer.keyboard.type(quantity);
    }
    // the step of the crop, remembered: + adds a quarter kilo of potatoes
    await farmer.getByRole("button", { name: "Meer aardappel" }).click();
    expect(await farmer.getByRole("group", { name: "Gewas 4" }).getByLabel("Hoeveelheid").inputValue()).toBe("500,25");
    expect(await picks.count()).toBe(0); // every crop of the catalogue is entered
    // the form is as short as its seven crops
    const first = (await farmer.getByRole("group", { name: "Gewas 1" }).boundingBox())!;
    const last = (await farmer.getByRole("group", { name: "Gewas 7" }).boundingBox())!;
    expect(last.y + last.height - first.y).toBeLessThan(7 * 200);

    await farmer.getByRole("button", { name: "Opslaan en verdeling bekijken" }).click();
    const split = farmer.getByRole("region", { name: "Voorbeeld van de verdeling" });
    const crops = split.getByRole("table", { name: "Per gewas" });
    await crops.waitFor();
    expect(await crops.getByRole("row").count()).toBe(8);
    // after the save the split's heading is at the top of the screen, with the focus
    const heading = split.getByRole("heading", { level: 2 });
    await split.locator("h2:focus").waitFor();
    await expect.poll(async () => Math.round((await heading.boundingBox())!.y)).toBeLessThan(100);
    // reading the split, publish is in reach at the bottom of the phone's screen (the bar sticks there)
    await split.getByRole("heading", { level: 2 }).scrollIntoViewIfNeeded();
    const publish = split.getByRole("button", { name: "Publiceren" });
    const box = (await publish.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await publish.click();
    await farmer.getByRole("button", { name: "Ja, publiceren" }).click();
    await farmer.getByRole("region", { name: "Verdeling" }).getByText(/^Gepubliceerd op /).waitFor();
    // catalogue, harvests and the week before it was entered: nothing failed but the 404 of a week not entered yet
    expect(farmer.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  });
});
