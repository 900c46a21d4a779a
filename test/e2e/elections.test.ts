import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2E } from "./harness";

let e2e: Awaited<ReturnType<typeof startE2E>>;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

describe("elections in Chromium", () => {
  it("the board opens a vote, a member votes and keeps the tracker, the board closes, the member finds the tracker", async () => {
    const title = `Bestuursverkiezing ${Date.now().toString(36)}`;

    const board = await e2e.phone();
    await board.goto(e2e.url);
    await e2e.logIn(board, "bestuur@demo.test");
    const member = await e2e.phone();
    await member.goto(e2e.url);
    await e2e.logIn(member, "lid001@demo.test");

    // The board makes a draft with two candidates for one seat, and opens it now.
    await board.getByRole("button", { name: "Menu" }).click();
    await board.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Stemmen" }).click();
    await board.getByRole("link", { name: "Nieuwe stemming" }).click();
    await board.getByRole("heading", { level: 1, name: "Nieuwe stemming" }).waitFor();
    await board.getByLabel("Titel").fill(title);
    await board.getByLabel("Aantal zetels").fill("1");
    const first = board.getByRole("group", { name: "Kandidaat 1" });
    await first.getByLabel("Naam").fill("Anne de Vries");
    await first.getByLabel("Verklaring").fill("Ik wil de boerderij gezond houden.\n<b>Geen HTML</b>");
    await board.getByRole("group", { name: "Kandidaat 2" }).getByLabel("Naam").fill("Bram Jansen");
    await board.getByRole("button", { name: "Concept opslaan" }).click();
    await board.getByRole("heading", { level: 1, name: title }).waitFor();
    await board.getByText("Concept: de leden zien deze stemming nog niet.").waitFor();
    const manage = board.getByRole("region", { name: "Beheer" });
    await manage.getByRole("button", { name: "Nu openen" }).click();
    await manage.getByRole("button", { name: "Ja, nu openen" }).click();
    await manage.getByText("De stemming is open. De leden krijgen een mail.").waitFor();

    // The member finds it open and not yet voted, and votes on the phone.
    await member.getByRole("button", { name: "Menu" }).click();
    await member.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Stemmen" }).click();
    const item = member.getByRole("region", { name: "Nu open" }).getByRole("listitem").filter({ hasText: title });
    await item.getByText("Nog niet gestemd").waitFor();
    await item.getByRole("link", { name: title }).click();
    await member.getByRole("heading", { level: 1, name: title }).waitFor();
    const vote = member.getByRole("region", { name: "Jullie stem" });
    // The statement is plain text: the markup shows as typed.
    expect(await vote.locator(".statement").first().innerText()).toBe("Ik wil de boerderij gezond houden.\n<b>Geen HTML</b>");
    await vote.getByRole("checkbox", { name: "Anne de Vries" }).check();
    await vote.getByText("1 van 1 gekozen").waitFor();
    await vote.getByRole("button", { name: "Verder" }).click();
    await vote.getByText("Je stem is geheim en kan daarna niet meer worden gewijzigd.").waitFor();
    await vote.getByRole("button", { name: "Stem uitbrengen" }).click();
    const code = vote.getByLabel("Je controlecode");
    await code.waitFor();
    const tracker = await code.inputValue();
    expect(tracker).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await vote.innerText()).toContain("niet bij jou, je huishouden of het tijdstip");

    // The board sees the turnout, never a choice, and closes now.
    const turnout = board.getByRole("region", { name: "Opkomst" });
    await turnout.getByRole("button", { name: "Opkomst bijwerken" }).click();
    await turnout.getByText(/^1 van \d+ huishoudens hebben gestemd/).waitFor();
    expect(await board.locator("main").innerText()).not.toContain(tracker);
    await manage.getByRole("button", { name: "Nu sluiten" }).click();
    await manage.getByRole("button", { name: "Ja, nu sluiten" }).click();
    await manage.getByText("De stemming is gesloten en de uitslag is gepubliceerd.").waitFor();
    const results = board.getByRole("region", { name: "Uitslag" });
    await results.locator(".winners").waitFor();
    expect(await results.locator(".winners").innerText()).toBe("Anne de Vries");
    expect(await results.getByRole("figure").innerText()).toMatch(/Anne de Vries\s*Gekozen\s*1 stem \(100%\)/);

    // The member looks the tracker up in the published list, written down as a person might.
    await member.reload();
    const list = member.getByRole("region", { name: "Alle getelde stemmen" });
    await list.getByLabel("Zoek je controlecode").fill(tracker.toLowerCase().replaceAll("-", " "));
    await list.getByRole("status").getByText("Gevonden. Je stem is geteld als:").waitFor();
    expect(await list.getByRole("status").innerText()).toContain("Anne de Vries");
    expect(await list.locator("tr.match mark").innerText()).toBe(tracker);

    expect(board.errors).toEqual([]);
    expect(member.errors).toEqual([]);
  });
});

