import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2E } from "./harness";

let e2e: Awaited<ReturnType<typeof startE2E>>;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

interface Message {
  to: string;
  subject: string;
  text: string;
}

/** The newest mail to an address that matches, waiting a little for it to land in the local outbox (up to 15 s on a busy machine). */
async function mail(email: string, match: (m: Message) => boolean): Promise<Message> {
  for (let i = 0; i < 150; i++) {
    const res = await fetch(`${e2e.url}/api/dev/outbox?to=${encodeURIComponent(email)}`);
    const { messages } = (await res.json()) as { messages: Message[] };
    const found = messages.find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no such mail to ${email}`);
}

describe("the waiting list in Chromium", () => {
  it("an applicant applies, confirms the address from the mail, the board offers a place, the applicant accepts from the mail and logs in as a member", async () => {
    const email = `bakker-${Date.now().toString(36)}@voorbeeld.test`;

    // Anyone can apply, from the login screen, without an account.
    const applicant = await e2e.phone();
    await applicant.goto(e2e.url);
    await applicant.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
    await applicant.getByRole("link", { name: /Aanmelden voor de wachtlijst/ }).click();
    await applicant.getByRole("heading", { level: 1, name: "Aanmelden voor de wachtlijst" }).waitFor();
    await applicant.getByLabel("Naam").fill("Familie Bakker");
    await applicant.getByLabel("E-mailadres").fill(email);
    await applicant.getByLabel("Volwassenen").fill("2");
    await applicant.getByLabel("Kinderen").fill("1");
    await applicant.getByRole("button", { name: "Aanmelden" }).click();
    await applicant.getByText(`Kijk in je mail: we hebben een link gestuurd naar ${email}.`).waitFor();

    // The mail holds nothing the applicant typed, only a link to confirm the address; with it the place is given.
    const confirm = await mail(email, (m) => m.text.includes("/apply/confirm/"));
    expect(confirm.text).not.toContain("Bakker");
    const confirmLink = /https?:\/\/\S+\/apply\/confirm\/\S+/.exec(confirm.text)![0];
    await applicant.goto(`${e2e.url}${new URL(confirmLink).pathname}`);
    await applicant.getByRole("heading", { level: 1, name: "Aanmelding bevestigen" }).waitFor();
    await applicant.getByRole("button", { name: "Ja, zet mij op de wachtlijst" }).click();

    // On to the application's own page, which shows the place in the list.
    await applicant.getByText("Je staat op plek 1 van 1 op de wachtlijst.").waitFor();
    expect(new URL(applicant.url()).pathname).toMatch(/^\/apply\/status\//);

    // The board offers places in the order of the list.
    const board = await e2e.phone();
    await board.goto(`${e2e.url}/waitlist`);
    await e2e.logIn(board, "bestuur@demo.test", { home: false });
    await board.getByRole("heading", { level: 1, name: "Wachtlijst" }).waitFor();
    const row = board.getByRole("row").filter({ hasText: "Familie Bakker" });
    await row.waitFor();
    await board.getByRole("button", { name: "Plaatsen aanbieden" }).click();
    await board.getByText("1 plek aangeboden.").waitFor();
    await row.getByText(/^Aangeboden tot /).waitFor();

    // The offer mail holds the link; the server here is not the site's default address, so open its path here.
    const offer = await mail(email, (m) => m.text.includes("/apply/accept/"));
    const link = /https?:\/\/\S+\/apply\/accept\/\S+/.exec(offer.text)![0];
    await applicant.goto(`${e2e.url}${new URL(link).pathname}`);
    await applicant.getByRole("heading", { level: 1, name: "Plek aannemen" }).waitFor();
    await applicant.getByRole("button", { name: "Ja, ik neem de plek aan" }).click();

    // On to the login screen with the address filled in: a member now.
    await applicant.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
    expect(await applicant.getByLabel("E-mailadres").inputValue()).toBe(email);
    await applicant.getByRole("button", { name: "Stuur mij een code" }).click();
    await applicant.getByLabel("Code uit de e-mail").fill(await e2e.codeFor(applicant, email));
    await applicant.getByRole("button", { name: "Inloggen" }).click();
    await applicant.getByRole("heading", { level: 1, name: "Hallo Familie Bakker" }).waitFor();
    const household = applicant.getByRole("region", { name: "Jouw huishouden" });
    await household.getByText("Familie Bakker").waitFor();
    expect(await household.innerText()).toContain("2,5 monden");

    expect(applicant.errors).toEqual([]);
    expect(board.errors).toEqual([]);
  });
});
