import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2E } from "./harness";

let e2e: Awaited<ReturnType<typeof startE2E>>;

/** An image's width as decoded, once it has loaded (0 before). */
const loadedWidth = (img: { complete: boolean; naturalWidth: number }) => (img.complete ? img.naturalWidth : 0);

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

describe("news in Chromium at 390 px", () => {
  it("the farmer posts a phone photo with news; it is made small; a member reads it on the home screen", async () => {
    const title = `Prei ${Date.now().toString(36)}`;
    const farmer = await e2e.phone();
    await farmer.goto(e2e.url);
    await e2e.logIn(farmer, "boer@demo.test");

    // a phone camera's photo: 4000 × 3000, several MB as the camera writes it
    const photo = Buffer.from(
      (await farmer.evaluate(`(async () => {
        const c = document.createElement("canvas");
        c.width = 4000;
        c.height = 3000;
        const g = c.getContext("2d");
        for (let i = 0; i < 4000; i += 8) {
          g.fillStyle = "hsl(" + ((i * 7) % 360) + " 60% " + (30 + (i % 40)) + "%)";
          g.fillRect(i, 0, 8, 3000);
        }
        const blob = await new Promise((r) => c.toBlob(r, "image/jpeg", 0.98));
        return [...new Uint8Array(await blob.arrayBuffer())];
      })()`)) as number[],
    );
    expect(photo.length).toBeGreaterThan(600 * 1024);

    const card = farmer.getByRole("region", { name: "Nieuws" });
    await card.getByRole("link", { name: "Nieuws schrijven" }).click();
    await farmer.getByRole("heading", { level: 1, name: "Nieuws schrijven" }).waitFor();
    await farmer.getByLabel("Titel").fill(title);
    await farmer.getByLabel("Tekst").fill('De eerste prei is binnen.\nRecepten: https://example.nl/prei\n\n<script>window.hacked = 1</script> blijft tekst.');
    // the camera button's input: what a phone hands over after taking the picture
    await farmer.locator("#news-camera").setInputFiles({ name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: photo });
    const preview = farmer.getByRole("list", { name: "Voorbeeld" }).getByRole("img");
    await preview.waitFor();
    expect(await preview.getAttribute("width")).toBe("1600");
    expect(await preview.getAttribute("height")).toBe("1200");
    await farmer.getByLabel("Ook mailen").check();
    const uploaded = farmer.waitForResponse((r) => r.url().endsWith("/api/news/photos") && r.status() === 201);
    await farmer.getByRole("button", { name: "Plaatsen" }).click();
    const { photo: storedPhoto } = (await (await uploaded).json()) as { photo: { url: string; width: number; height: number } };
    expect([storedPhoto.width, storedPhoto.height]).toEqual([1600, 1200]);
    // what went over the network, and is kept, was made small in the phone
    const [status, type, bytes] = await farmer.evaluate(async (url) => {
      const r = await fetch(url);
      return [r.status, r.headers.get("content-type"), (await r.arrayBuffer()).byteLength] as const;
    }, storedPhoto.url);
    expect([status, type]).toEqual([200, "image/jpeg"]);
    // read through the API, for who may read the post: not for anyone with the address
    expect((await fetch(`${e2e.url}${storedPhoto.url}`)).status).toBe(401);
    expect(bytes).toBeLessThan(600 * 1024);
    expect(bytes).toBeLessThan(photo.length / 2);
    await farmer.getByRole("heading", { level: 1, name: title }).waitFor();
    const stored = farmer.getByRole("img", { name: `Foto bij "${title}"` });
    await stored.waitFor();
    await expect.poll(() => stored.evaluate(loadedWidth)).toBe(1600);
    expect(Number(await farmer.evaluate("document.documentElement.scrollWidth"))).toBeLessThanOrEqual(390);
    // its author sees the mail go out, after the post was saved
    await farmer.getByText(/^Alle \d+ mensen hebben de mail\.$/).waitFor();

    // a member reads it on the home screen: newest first, the photo sized before it loads, the link clickable and safe
    const member = await e2e.phone();
    await member.goto(e2e.url);
    await e2e.logIn(member, "lid001@demo.test");
    const news = member.getByRole("region", { name: "Nieuws" });
    await news.getByRole("link", { name: title }).waitFor();
    expect(await news.getByRole("listitem").first().getByRole("link").first().textContent()).toBe(title);
    const img = news.getByRole("img", { name: `Foto bij "${title}"` });
    expect([await img.getAttribute("width"), await img.getAttribute("height"), await img.getAttribute("loading")]).toEqual(["1600", "1200", "lazy"]);
    const link = news.getByRole("link", { name: "https://example.nl/prei" });
    expect(await link.getAttribute("href")).toBe("https://example.nl/prei");
    expect(await link.getAttribute("rel")).toContain("noopener");
    expect(Number(await member.evaluate("document.documentElement.scrollWidth"))).toBeLessThanOrEqual(390);

    await news.getByRole("link", { name: title }).click();
    await member.getByRole("heading", { level: 1, name: title }).waitFor();
    await member.getByText("<script>window.hacked = 1</script> blijft tekst.").waitFor();
    expect(await member.evaluate("window.hacked")).toBeUndefined();
    const full = member.getByRole("img", { name: `Foto bij "${title}"` });
    await full.scrollIntoViewIfNeeded();
    await expect.poll(() => full.evaluate(loadedWidth)).toBe(1600);
    // members do not edit, nor see how far the mail got
    expect(await member.getByRole("link", { name: "Bewerken" }).count()).toBe(0);
    expect(await member.getByText(/hebben de mail|hebben hem/).count()).toBe(0);

    // and it was mailed
    const mails = (await (await fetch(`${e2e.url}/api/dev/outbox?to=lid001@demo.test`)).json()) as { messages: { subject: string }[] };
    expect(mails.messages.some((m) => m.subject.includes(title))).toBe(true);
    expect(farmer.errors.concat(member.errors)).toEqual([]);
  });
});
