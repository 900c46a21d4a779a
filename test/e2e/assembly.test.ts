import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2E } from "./harness";

let e2e: Awaited<ReturnType<typeof startE2E>>;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

describe("the general assembly in Chromium, at 390 px", () => {
  it("the board runs an ALV of three motions (one the budget) and a board seat on one ballot, reorders it and adds an item's paper, checks in, a member reads its price and votes, the board reminds, closes and reads the results, publishes the minutes a member downloads", async () => {
    const title = `ALV ${Date.now().toString(36)}`;
    const board = await e2e.phone();
    await board.goto(e2e.url);
    await e2e.logIn(board, "bestuur@demo.test");

    // The board plans the meeting under Beheer, and sets its agenda.
    await board.goto(`${e2e.url}/assemblies/manage`);
    await board.getByRole("heading", { level: 1, name: "ALV's" }).waitFor();
    await board.getByLabel("Titel").fill(title);
    await board.getByLabel("Plaats").fill("De schuur");
    await board.getByRole("button", { name: "Vergadering aanmaken" }).click();
    await board.getByRole("heading", { level: 1, name: title }).waitFor();
    const add = board.getByRole("region", { name: "Agendapunt toevoegen" });
    for (const motion of ["Begroting 2027", "Kippen erbij", "Huishoudelijk reglement"]) {
      await add.getByLabel("Titel").fill(motion);
      if (motion === "Begroting 2027") {
        // the budget motion carries next season's figures: 200 households' worth, over 52 weeks
        await add.getByLabel("Dit voorstel is de begroting").check();
        await add.getByLabel("Begroting voor het hele jaar, in euro").fill("260.000");
        await add.getByLabel("Aantal oogstweken").fill("52");
      }
      if (motion === "Huishoudelijk reglement") {
        await add.getByLabel("Quorum in procent (leeg: geen)").fill("1");
        await add.getByLabel("Gestemd in de zaal (aanwezigen tellen mee voor het quorum)").check();
      }
      await add.getByRole("button", { name: "Agendapunt toevoegen" }).click();
      await board.getByRole("region", { name: "Agenda" }).getByText(motion, { exact: true }).waitFor();
    }
    await add.getByLabel("Soort").selectOption("board");
    await add.getByLabel("Titel").fill("Bestuurszetel");
    await add.getByLabel("Kandidaten, één per regel").fill("Anne de Vries\nBram Jansen");
    await add.getByRole("button", { name: "Agendapunt toevoegen" }).click();
    await board.getByRole("region", { name: "Agenda" }).getByText("Bestuurszetel", { exact: true }).waitFor();
    const agenda = board.getByRole("region", { name: "Agenda" });
    expect(await agenda.locator("ol.agenda > li").count()).toBe(4);
    await agenda.getByText(/per mond per week/).first().waitFor();

    // While a draft the board reorders the agenda and puts a paper on an item, which members do not see yet.
    await agenda.getByRole("button", { name: "Bestuurszetel omhoog" }).click();
    await expect.poll(() => agenda.locator("ol.agenda > li .card-title").allInnerTexts()).toEqual(["Begroting 2027", "Kippen erbij", "Bestuurszetel", "Huishoudelijk reglement"]);
    const papers = board.getByRole("region", { name: "Stuk toevoegen" });
    await papers.getByLabel("Titel van het stuk").fill("Offerte kippenhok");
    await papers.getByLabel("Bij agendapunt").selectOption({ label: "Kippen erbij" });
    await papers.getByLabel("Bestand (PDF of afbeelding, tot 5 MB)").setInputFiles({ name: "offerte.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
    await papers.getByRole("button", { name: "Stuk toevoegen" }).click();
    await agenda.getByRole("link", { name: "offerte.pdf" }).waitFor();
    expect(await board.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);

    await board.getByRole("button", { name: "Aankondigen aan de leden" }).click();
    await board.getByRole("button", { name: "Stemming openen" }).click();
    await board.getByRole("button", { name: "Stemming sluiten en tellen" }).waitFor();

    // At the door: the board finds a household by typing and checks it in.
    await board.getByRole("link", { name: "Aanmelden bij de deur" }).click();
    await board.getByRole("heading", { level: 1, name: `Aanmelden bij de deur: ${title}` }).waitFor();
    await board.getByRole("combobox", { name: "Zoek een huishouden" }).fill("a");
    await board.getByRole("option").first().click();
    await board.getByRole("button", { name: "Aanwezig melden" }).click();
    await board.getByRole("heading", { name: "1 huishouden aanwezig" }).waitFor();

    // The member logs in; another household gives it its proxy on one motion (as today, per vote).
    const member = await e2e.phone();
    await member.goto(e2e.url);
    await e2e.logIn(member, "lid001@demo.test");
    const other = await e2e.phone();
    await other.goto(e2e.url);
    await e2e.logIn(other, "lid002@demo.test");
    const assemblyID = board.url().split("/").at(-2)!;
    const ownID = await member.evaluate<string>("fetch('/api/me').then((r) => r.json()).then((b) => b.household.id)");
    const chickens = await other.evaluate<string>(
      `fetch('/api/assemblies/${assemblyID}').then((r) => r.json()).then((b) => b.assembly.items.find((i) => i.title === 'Kippen erbij').election.id)`,
    );
    const proxy = `fetch('/api/elections/${chickens}/proxies', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ toHouseholdID: '${ownID}' }) }).then((r) => r.status)`;
    expect(await other.evaluate<number>(proxy)).toBe(201);

    // The member finds the ALV on the home screen and votes every item in one submit.
    await member.goto(e2e.url);
    await member.getByRole("region", { name: "ALV" }).getByRole("link", { name: "Naar het stembiljet" }).click();
    await member.getByRole("heading", { level: 1, name: title }).waitFor();
    // the budget's price for this household, and the item's paper, now the meeting is announced
    await member.getByRole("heading", { name: "Voor jullie huishouden" }).waitFor();
    await member.getByText(/per week/).first().waitFor();
    await member.getByRole("region", { name: "Agenda" }).getByRole("link", { name: "offerte.pdf" }).waitFor();
    expect(await member.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    const ballot = member.getByRole("region", { name: "Stembiljet" });
    for (const motion of ["Begroting 2027", "Kippen erbij", "Huishoudelijk reglement"])
      await ballot.getByRole("group", { name: motion }).getByRole("radio", { name: "Voor" }).check();
    await ballot.getByRole("group", { name: "Bestuurszetel" }).getByRole("checkbox", { name: "Anne de Vries" }).check();
    await ballot.getByRole("button", { name: "Stembiljet versturen" }).click();
    await ballot.getByRole("heading", { name: "Jullie controlecodes" }).waitFor();
    const trackers = await ballot.locator("code.tracker").allInnerTexts();
    expect(trackers).toHaveLength(4);
    expect(new Set(trackers).size).toBe(4);
    await ballot.getByText("Jullie huishouden heeft hierop gestemd.").first().waitFor();
    // then the proxy: the ballot for that household holds only the item it gave
    await ballot.getByLabel("Stem voor").selectOption({ index: 1 });
    await ballot.getByRole("group", { name: "Begroting 2027" }).waitFor({ state: "detached" });
    expect(await ballot.getByRole("group").count()).toBe(1);
    await ballot.getByRole("group", { name: "Kippen erbij" }).getByRole("radio", { name: "Tegen" }).check();
    await ballot.getByRole("button", { name: "Stembiljet versturen" }).click();
    // the receipts of this submit take the place of the first four
    await expect.poll(() => ballot.locator("code.tracker").count()).toBe(1);

    // The board reminds those who have not voted, then closes the ballot and reads the results per item.
    await board.getByRole("link", { name: title }).click();
    await board.getByRole("button", { name: "Herinnering sturen" }).click();
    await board.getByText("De herinnering gaat naar wie nog niet stemde.").waitFor();
    // a household that voted on nothing gets it; the member that voted does not
    const subjects = (to: string) =>
      board.evaluate<string[]>(`fetch('/api/dev/outbox?to=${to}').then((r) => r.json()).then((b) => b.messages.map((m) => m.subject))`);
    await expect.poll(async () => (await subjects("lid003@demo.test")).filter((x) => x === `Nog niet gestemd: ${title}`).length, { timeout: 20_000 }).toBe(1);
    expect((await subjects("lid001@demo.test")).filter((x) => x.startsWith("Nog niet gestemd"))).toEqual([]);
    await board.getByRole("button", { name: "Stemming sluiten en tellen" }).click();
    const results = board.getByRole("region", { name: "Uitslag" });
    await results.getByText("1 huishouden was aanwezig").waitFor();
    await results.getByText("Gekozen: Anne de Vries").waitFor();
    // the proxy's vote against ties "Kippen erbij": one for, one against is no majority
    expect(await results.getByText("Aangenomen").count()).toBe(2);
    expect(await results.getByText("Verworpen").count()).toBe(1);
    await results.getByText("Quorum gehaald").waitFor();
    // the budget adopted: next season's price waits for the treasurer
    await board.getByText(/^Aangenomen: de penningmeester bevestigt dit als de prijs voor \d{4}\.$/).waitFor();
    expect(await board.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);

    // The board publishes the minutes: the title is ready, a PDF is chosen from the phone.
    const publish = board.getByRole("region", { name: "Notulen publiceren" });
    expect(await publish.getByLabel("Titel").inputValue()).toMatch(/^Notulen ALV \d{1,2} \w+ \d{4}$/);
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    await publish.getByLabel("Notulen (PDF, tot 5 MB)").setInputFiles({ name: "notulen.pdf", mimeType: "application/pdf", buffer: pdf });
    await publish.getByRole("button", { name: "Notulen publiceren" }).click();
    await board.getByRole("region", { name: "Notulen" }).getByRole("link", { name: "notulen.pdf" }).waitFor();
    await publish.waitFor({ state: "detached" });
    expect(await board.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);

    // A member finds them on the ALV's page and downloads them.
    await member.goto(`${e2e.url}/assemblies/${assemblyID}`);
    const minutes = member.getByRole("region", { name: "Notulen" });
    const [download] = await Promise.all([member.waitForEvent("download"), minutes.getByRole("link", { name: "notulen.pdf" }).click()]);
    expect(download.suggestedFilename()).toBe("notulen.pdf");
    expect((await readFile((await download.path())!)).toString()).toBe(pdf.toString());
    expect(await member.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
  });
});
