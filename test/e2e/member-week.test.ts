import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { demoFarm } from "@akker/core/demo/seed";
import { Household } from "@akker/core/household/household";
import { Person } from "@akker/core/person/person";
import { addDays, addWeeks, amsterdamTime, mondayOf, weekLabel, weekOf } from "@akker/core/week";
import { startE2E } from "./harness";

/*
 * A member's week on a phone (390 px), on a Sunday: both weeks on the home
 * screen are past their deadline, yet a holiday four weeks ahead can be
 * planned; and this week's share goes to a neighbour, who accepts.
 */

let e2e: Awaited<ReturnType<typeof startE2E>>;

// Next Sunday, 11:00 in Amsterdam: on the server's clock and the phones'.
const week = addWeeks(weekOf(Date.now()), 1);
const sundayDate = addDays(mondayOf(week).toISOString().slice(0, 10), 6);
const [y, m, d] = sundayDate.split("-").map(Number) as [number, number, number];
const sunday = amsterdamTime(y, m, d, 11, 0);

beforeAll(async () => {
  e2e = await startE2E();
  const offset = sunday - Date.now();
  Clock.set(() => Date.now() + offset);
});

afterAll(async () => {
  Clock.set(undefined);
  await e2e?.stop();
});

async function phoneAt(email: string) {
  const page = await e2e.phone();
  await page.clock.setSystemTime(sunday);
  await page.goto(e2e.url);
  await e2e.logIn(page, email);
  return page;
}

describe("a member's week in Chromium, on a Sunday", () => {
  it("plans a holiday four weeks ahead in one go", async () => {
    const member = await phoneAt("lid003@demo.test");
    await member.getByRole("link", { name: "Weken vooruit plannen" }).click();
    await member.getByRole("heading", { level: 1, name: "Mijn weken" }).waitFor();

    // next week's opt-out closed on Thursday: the list starts the week after, eight weeks
    const weeks = member.getByRole("region", { name: "De komende weken" });
    const boxes = weeks.getByRole("checkbox");
    await boxes.first().waitFor();
    expect(await boxes.count()).toBe(8);
    await weeks.getByLabel(`Afmelden voor ${weekLabel(addWeeks(week, 2), "nl")}`).waitFor();

    // away from the Monday four weeks on to the Saturday after: two weeks
    await member.getByLabel("Eerste dag weg").fill(addDays(sundayDate, 22));
    await member.getByLabel("Laatste dag weg").fill(addDays(sundayDate, 34));
    await member.getByRole("button", { name: "Afmelden voor deze weken" }).click();
    const results = member.getByRole("status").filter({ hasText: "Zo staat het nu" });
    await results.waitFor();
    const away = [addWeeks(week, 4), addWeeks(week, 5)];
    expect(await results.getByRole("listitem").allInnerTexts()).toEqual(away.map((w) => `${weekLabel(w, "nl")}: afgemeld`));
    for (const w of away) await expect.poll(() => weeks.getByLabel(`Afmelden voor ${weekLabel(w, "nl")}`).isChecked()).toBe(true);
    expect(await weeks.getByLabel(`Afmelden voor ${weekLabel(addWeeks(week, 3), "nl")}`).isChecked()).toBe(false);
    expect(member.errors).toEqual([]);
  });

  it("hands the share to a neighbour, who accepts; both see it", async () => {
    const given = await withActor({ type: "system", farmID: demoFarm.id }, async () =>
      Household.get((await Person.byEmail("lid005@demo.test"))!.householdID!),
    );
    const member = await phoneAt("lid004@demo.test");
    // the week's pickup (Friday and Saturday on the demo farm) is over: next week's share
    const share = member.getByRole("region", { name: `Herenburen in ${weekLabel(addWeeks(week, 1), "nl")}` });
    // a search picker: the server answers a few names for what is typed
    await share.getByRole("combobox", { name: "Huishouden dat ophaalt" }).fill(given!.name);
    await share.getByRole("option", { name: given!.name, exact: true }).click();
    await share.getByRole("button", { name: "Vragen" }).click();
    await share.getByText(`Gevraagd aan ${given!.name}. Zodra zij ja zeggen, halen zij jullie aandeel op.`).first().waitFor();

    const neighbour = await phoneAt("lid005@demo.test");
    const theirs = neighbour.getByRole("region", { name: `Herenburen in ${weekLabel(addWeeks(week, 1), "nl")}` });
    await theirs.getByText(/vraagt of jullie hun aandeel ophalen\.$/).waitFor();
    await theirs.getByRole("button", { name: "Ja, wij halen het op" }).click();
    await theirs.getByText(/^Jullie halen ook het aandeel van .+ op\.$/).waitFor();

    await member.reload();
    await share.getByText(/^.+ haalt jullie aandeel op\.$/).waitFor();
    expect(await member.getByRole("button", { name: "Verzoek intrekken" }).count()).toBe(0);
    expect(member.errors).toEqual([]);
    expect(neighbour.errors).toEqual([]);
  });
});
