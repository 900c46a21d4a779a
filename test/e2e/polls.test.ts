import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2E } from "./harness";

let e2e: Awaited<ReturnType<typeof startE2E>>;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

describe("polls in Chromium at 390 px", () => {
  it("the farmer starts the teeltenquête, a member answers it from the home screen, the farmer reads the chart", async () => {
    const title = `Teeltenquête ${Date.now().toString(36)}`;

    // The farmer starts it from Peilingen: crops one per line.
    const farmer = await e2e.phone();
    await farmer.goto(e2e.url);
    await e2e.logIn(farmer, "boer@demo.test");
    await farmer.getByRole("button", { name: "Menu" }).click();
    await farmer.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Peilingen" }).click();
    await farmer.getByRole("link", { name: "Nieuwe peiling" }).click();
    await farmer.getByRole("heading", { level: 1, name: "Nieuwe peiling" }).waitFor();
    await farmer.getByRole("radio", { name: /^Beoordeling 1–5/ }).check();
    await farmer.getByLabel("Vraag of titel").fill(title);
    await farmer.getByLabel("Onderdelen, één per regel").fill("Prei\nPastinaak\nBoerenkool");
    await farmer.getByRole("button", { name: "Peiling starten" }).click();
    await farmer.getByRole("heading", { level: 1, name: title }).waitFor();
    await farmer.getByText("Alleen leden-huishoudens antwoorden. Je ziet de uitslag.").waitFor();

    // A member finds it on the home screen and rates two crops with a comment.
    const member = await e2e.phone();
    await member.goto(e2e.url);
    await e2e.logIn(member, "lid001@demo.test");
    const card = member.getByRole("region", { name: "Peiling" });
    await card.getByText(title).waitFor();
    await card.getByRole("link", { name: "Beantwoorden" }).click();
    await member.getByRole("heading", { level: 1, name: title }).waitFor();
    await member.getByRole("group", { name: "Prei" }).getByRole("radio", { name: "5: graag meer" }).check();
    await member.getByRole("group", { name: "Boerenkool" }).getByRole("radio", { name: "2: matig" }).check();
    await member.getByLabel("Opmerking (niet verplicht)").fill("Meer prei in de winter graag");
    await member.getByRole("button", { name: "Antwoord opslaan" }).click();
    await member.getByText("Je antwoord is opgeslagen. Je kunt het wijzigen tot de peiling sluit.").waitFor();
    // changed before the poll closes: the household still has one answer
    await member.getByRole("group", { name: "Prei" }).getByRole("radio", { name: "4: lekker" }).check();
    await member.getByRole("button", { name: "Antwoord opslaan" }).click();
    await member.getByText("Je antwoord is opgeslagen. Je kunt het wijzigen tot de peiling sluit.").waitFor();
    // nothing sideways at phone width
    expect(Number(await member.evaluate("document.documentElement.scrollWidth"))).toBeLessThanOrEqual(390);

    // The farmer reads the chart: a bar per crop with its value in words, the comment, and who answered.
    await farmer.getByRole("link", { name: "Uitslag" }).click();
    await farmer.getByRole("heading", { level: 1, name: `Uitslag: ${title}` }).waitFor();
    await farmer.getByText("1 huishouden heeft geantwoord.").waitFor();
    const chart = farmer.getByRole("region", { name: "Per onderdeel" });
    const bars = chart.getByRole("listitem");
    expect(await bars.count()).toBe(3);
    await bars.filter({ hasText: "Prei" }).getByText("gemiddeld 4 van 5 (1 huishouden)").waitFor();
    await bars.filter({ hasText: "Pastinaak" }).getByText("nog niet beoordeeld").waitFor();
    await bars.filter({ hasText: "Boerenkool" }).getByText("gemiddeld 2 van 5 (1 huishouden)").waitFor();
    const prei = await bars.filter({ hasText: "Prei" }).locator(".poll-fill").boundingBox();
    const track = await bars.filter({ hasText: "Prei" }).locator(".poll-track").boundingBox();
    expect(prei!.width / track!.width).toBeGreaterThan(0.75);
    expect(prei!.width / track!.width).toBeLessThan(0.85);
    await farmer.getByRole("region", { name: "Opmerkingen" }).getByText("Meer prei in de winter graag").waitFor();
    await farmer.getByRole("region", { name: "Per huishouden" }).getByRole("cell", { name: "Meer prei in de winter graag" }).waitFor();
    expect(Number(await farmer.evaluate("document.documentElement.scrollWidth"))).toBeLessThanOrEqual(390);
    expect(farmer.errors).toEqual([]);
    expect(member.errors).toEqual([]);
  });
  it("the board keeps a poll as a draft, changes it, opens it with a mail; a member is mailed once and the poll locks at the first answer", async () => {
    const title = `Oogstfeest ${Date.now().toString(36)}`;
    const board = await e2e.phone();
    await board.goto(e2e.url);
    await e2e.logIn(board, "bestuur@demo.test");
    await board.goto(`${e2e.url}/polls/new`);
    await board.getByRole("radio", { name: /^Eén keuze/ }).check();
    await board.getByLabel("Vraag of titel").fill(`${title}?`);
    await board.getByLabel("Opties, één per regel").fill("Zaterdag\nZondag");
    await board.getByLabel("Eerst als concept bewaren").check();
    await board.getByLabel("De leden mailen dat de peiling open is").check();
    expect(Number(await board.evaluate("document.documentElement.scrollWidth"))).toBeLessThanOrEqual(390);
    await board.getByRole("button", { name: "Concept bewaren" }).click();
    await board.getByRole("heading", { level: 1, name: `${title}?` }).waitFor();
    await board.getByText("Concept: alleen het bestuur en de boer zien deze peiling.").waitFor();

    // changed before anyone sees it: a third day, a sharper title
    await board.getByRole("link", { name: "Peiling wijzigen" }).click();
    await board.getByRole("heading", { level: 1, name: "Peiling wijzigen" }).waitFor();
    expect(await board.getByLabel("Opties, één per regel").inputValue()).toBe("Zaterdag\nZondag");
    await board.getByLabel("Vraag of titel").fill(title);
    await board.getByLabel("Opties, één per regel").fill("Vrijdag\nZaterdag\nZondag");
    await board.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await board.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await board.getByLabel("De leden mailen dat de peiling open is").isChecked()).toBe(true);
    expect(Number(await board.evaluate("document.documentElement.scrollWidth"))).toBeLessThanOrEqual(390);
    await board.getByRole("button", { name: "Peiling openen" }).click();
    await board.getByText("De peiling staat open; de leden krijgen een mail.").waitFor();

    const mails = async () => {
      const res = await fetch(`${e2e.url}/api/dev/outbox?to=lid003@demo.test`);
      return ((await res.json()) as { messages: { subject: string; text: string }[] }).messages.filter((m) => m.subject.includes(title));
    };
    await expect.poll(async () => (await mails()).length, { timeout: 15_000 }).toBe(1);
    const [mail] = await mails();
    const link = /http\S+\/polls\/\S+/.exec(mail!.text)![0];

    // the member follows the mail's link and answers; from then on the poll stays as answered
    const member = await e2e.phone();
    await member.goto(e2e.url);
    await e2e.logIn(member, "lid003@demo.test");
    await member.goto(`${e2e.url}${new URL(link).pathname}`);
    await member.getByRole("heading", { level: 1, name: title }).waitFor();
    await member.getByRole("radio", { name: "Vrijdag" }).check();
    await member.getByRole("button", { name: "Antwoord opslaan" }).click();
    await member.getByText(/Je antwoord is opgeslagen/).waitFor();
    await board.reload();
    await board.getByRole("heading", { level: 1, name: title }).waitFor();
    await board.getByRole("button", { name: "Peiling sluiten" }).waitFor();
    expect(await board.getByRole("link", { name: "Peiling wijzigen" }).count()).toBe(0);
    expect(await mails()).toHaveLength(1);
    expect(board.errors.concat(member.errors)).toEqual([]);
  });
});
