import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2E } from "./harness";

let e2e: Awaited<ReturnType<typeof startE2E>>;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/bank/${name}`, import.meta.url));

describe("the bank import in Chromium, on a phone", () => {
  it("the treasurer uploads the bank's own file, reads the report and books a waiting line in one tap", async () => {
    const treasurer = await e2e.phone();
    await treasurer.goto(e2e.url);
    await e2e.logIn(treasurer, "penningmeester@demo.test");
    await treasurer.getByRole("button", { name: "Menu" }).click();
    await treasurer.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Lidmaatschap" }).click();
    await treasurer.getByRole("navigation", { name: "Lidmaatschap" }).getByRole("link", { name: "Bankafschrift" }).click();
    await treasurer.getByRole("heading", { level: 1, name: "Bankafschrift inlezen" }).waitFor();

    // the browser sends the file's bytes as they are: ABN AMRO's TXT in Windows-1252
    const upload = treasurer.getByRole("region", { name: "Bestand van de bank" });
    await upload.getByLabel("Bestand").setInputFiles(fixture("abnamro-2026-11-12.TAB"));
    await upload.getByRole("button", { name: "Inlezen" }).click();
    await upload.getByText(/betaling(en)? geboekt, 0 stonden er al, \d+ om na te kijken/).waitFor();
    await upload.getByText("abnamro-txt", { exact: false }).or(upload.getByText("ABN AMRO TXT", { exact: false })).first().waitFor();

    // the same file again books nothing
    await upload.getByRole("button", { name: "Inlezen" }).click();
    await upload.getByText(/^0 betalingen geboekt, \d+ stonden er al, 0 om na te kijken/).waitFor();

    // a waiting line, booked by searching a household and one tap
    const review = treasurer.getByRole("region", { name: "Na te kijken" });
    const card = review.getByRole("listitem").filter({ hasText: "Zoë Brouwer" });
    await card.getByLabel("Zoek huishouden").fill("(002)");
    const book = card.getByRole("button", { name: /^Boek op .*\(002\)$/ });
    const name = (await book.innerText()).replace(/^Boek op /, "");
    await book.click();
    await review.getByText(`€ 43,34 geboekt op ${name}.`).waitFor();
    expect(await review.getByRole("listitem").filter({ hasText: "Zoë Brouwer" }).count()).toBe(0);

    // nothing wider than the phone
    expect(await treasurer.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
  });
});
