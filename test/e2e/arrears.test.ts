import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { Payment } from "@akker/core/contribution/payment";
import { Season } from "@akker/core/contribution/season";
import { Statement } from "@akker/core/contribution/statement";
import { Household } from "@akker/core/household/household";
import { startE2E } from "./harness";

/*
 * The treasurer's overview at phone size on Saturday 10 April 2027: the
 * arrears, filters, search, sort, a payment recorded from the top with the
 * household picker, a row's link to the household's payments, and the
 * reminder schedule.
 */

let e2e: Awaited<ReturnType<typeof startE2E>>;
let names: string[] = [];

beforeAll(async () => {
  Clock.set(Date.parse("2027-01-01T09:00:00Z"));
  e2e = await startE2E();
  Clock.set(Date.parse("2027-04-10T08:00:00Z"));
  await withActor({ type: "system", farmID: "demo" }, async () => {
    await Season.save(2027, { budgetCents: 26_000_000, weeks: 52, vegetarianDiscountCents: 200 });
    await Season.confirm(2027, {});
    const households = (await Household.list()).sort((a, b) => a.name.localeCompare(b.name, "nl"));
    names = households.map((h) => h.name);
    const statements = new Map((await Statement.all(2027)).map((s) => [s.household.householdID, s.result]));
    const upTo = (id: string, months: number) => statements.get(id)!.instalments.slice(0, months).reduce((n, i) => n + i.amountCents, 0);
    // the first is paid up to April, the second paid January only; the rest paid nothing
    await Payment.record({ householdID: households[0]!.id, amountCents: upTo(households[0]!.id, 4), date: "2027-04-01", reference: "E2E-PAID" });
    await Payment.record({ householdID: households[1]!.id, amountCents: upTo(households[1]!.id, 1), date: "2027-01-04", reference: "E2E-JAN" });
  });
});

afterAll(async () => {
  await e2e?.stop();
  Clock.set(undefined);
});

describe("the arrears overview in Chromium", () => {
  it("filters, searches and sorts the households; a payment is recorded from the top with the picker", async () => {
    const page = await e2e.phone();
    await page.goto(e2e.url);
    await e2e.logIn(page, "penningmeester@demo.test");
    // the browser keeps today's date: the year is asked for
    await page.goto(`${e2e.url}/contribution/overview?year=2027`);
    const table = page.getByRole("table", { name: "Per huishouden" });
    await table.waitFor();
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(names.length);

    await page.getByRole("button", { name: "Betaald", exact: true }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getByRole("rowheader").innerText()).toBe(names[0]);
    await page.getByRole("button", { name: "Met achterstand" }).click();
    await expect.poll(() => rows.count()).toBe(names.length - 1);
    await page.getByRole("button", { name: "Alle", exact: true }).click();
    await page.getByLabel("Zoek een huishouden").fill("002");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getByRole("rowheader").innerText()).toBe(names[1]);
    await page.getByLabel("Zoek een huishouden").fill("");

    // sorted by arrears, the largest first: the one household without any comes last
    await table.getByRole("button", { name: "Achterstand" }).click();
    expect(await table.getByRole("columnheader", { name: "Achterstand" }).getAttribute("aria-sort")).toBe("descending");
    await expect.poll(async () => (await rows.last().getByRole("rowheader").innerText())).toBe(names[0]);

    // the payment form comes before the table, with the picker instead of a 200-option list
    const pay = page.getByRole("region", { name: "Betaling invoeren" });
    expect((await pay.boundingBox())!.y).toBeLessThan((await table.boundingBox())!.y);
    await pay.getByRole("combobox", { name: "Huishouden" }).fill("003");
    await pay.getByRole("option", { name: names[2]! }).click();
    await pay.getByLabel("Bedrag in euro").fill("10,00");
    await pay.getByLabel("Kenmerk van de bank").fill("Contant april");
    await pay.getByRole("button", { name: "Betaling opslaan" }).click();
    await pay.getByText(`€ 10,00 van ${names[2]} is opgeslagen.`).waitFor();

    // a name links to the household's payments
    await table.getByRole("link", { name: names[1]! }).click();
    await page.getByRole("table", { name: `Betalingen van ${names[1]}` }).waitFor();

    const reminders = page.getByRole("region", { name: "Herinneringen bij achterstand" });
    await reminders.getByLabel("Na hoeveel dagen").fill("14, 30");
    await reminders.getByRole("button", { name: "Herinneringen opslaan" }).click();
    await reminders.getByText("Opgeslagen: herinneringen na 14 en 30 dagen.").waitFor();
    expect(await reminders.getByLabel("Contactadres voor leden").inputValue()).toBe("penningmeester@demo.test");

    // the page itself never scrolls sideways at 390 px: only the table's own box does
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    expect(page.errors).toEqual([]);
  });
});
