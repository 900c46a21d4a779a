import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { useDB } from "@akker/core/entities";
import { Household } from "@akker/core/household/household";
import { Mailing } from "@akker/core/mail/mailing";
import { Media } from "@akker/core/news/media";
import { mailPost } from "@akker/core/news/news-mail";
import { weekOf } from "@akker/core/week";
import { freshFarmApp, login, makeHousehold, makePerson, type TestApp } from "./helpers";

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, "../fixtures/photos", name)));
// Wednesday 3 March 2027, 10:00 in Amsterdam
const now = Date.parse("2027-03-03T09:00:00Z");

let app: TestApp;
let farmID: string;
type Client = Awaited<ReturnType<typeof login>>;
let farmer: Client, farmer2: Client, board: Client, member: Client, former: Client;
const memberEmails: string[] = [];

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(now));
  for (let i = 1; i <= 4; i++) {
    const email = `lid${i}@news.test`;
    await makeHousehold(farmID, { name: `Lid ${i}`, email });
    memberEmails.push(email);
  }
  // lid4 turned news mail off (message/preferences.ts)
  const lid4 = (await useDB().entities.person.query.byEmail({ farmID, email: "lid4@news.test" }).go()).data[0]!;
  await useDB().entities.person.patch({ farmID, personID: lid4.personID }).set({ newsOff: true }).go();
  const { household: left } = await makeHousehold(farmID, { name: "Vertrokken", email: "weg@news.test" });
  await withActor({ type: "system", farmID }, () => Household.update({ id: left.id, changes: { status: "left" } }));
  await makePerson(farmID, { name: "Boer Bram", email: "boer@news.test", roles: ["farmer"] });
  await makePerson(farmID, { name: "Boer Bea", email: "boer2@news.test", roles: ["farmer"] });
  await makeHousehold(farmID, { name: "Bestuur", email: "bestuur@news.test", roles: ["board"] });
  memberEmails.push("bestuur@news.test");
  const emails = ["boer@news.test", "boer2@news.test", "bestuur@news.test", "lid1@news.test", "weg@news.test"];
  [farmer, farmer2, board, member, former] = (await Promise.all(emails.map((e, i) => login(app, e, `10.60.0.${i + 1}`)))) as [Client, Client, Client, Client, Client];
});
afterAll(() => Clock.set(undefined));

/** Sends a photo as the browser does: the bytes themselves, in their own media type. */
async function upload(c: Client, bytes: Uint8Array, type: string) {
  const res = await app.request("/api/news/photos", {
    method: "POST",
    headers: { origin: "http://localhost", cookie: c.cookie, "content-type": type, "x-forwarded-for": "10.60.1.1" },
    body: bytes,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function outbox(to: string) {
  await Mailing.settled();
  return ((await (await app.request(`/api/dev/outbox?to=${to}`)).json()) as any).messages as { subject: string; text: string }[];
}

/** A photo as the browser's <img> reads it: the bytes, with the reader's session. */
async function photoAt(c: Client | undefined, url: string) {
  const res = await app.request(url, { headers: { ...(c ? { cookie: c.cookie } : {}), "x-forwarded-for": "10.60.1.2" } });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()), headers: res.headers };
}

/** The file a photo is stored as. */
const fileOf = async (photoID: string) => join(Media.current().dir!, (await useDB().entities.newsPhoto.get({ farmID, photoID }).go()).data!.key);

const photoItems = async () =>
  (await useDB().entities.newsPhoto.query.byID({ farmID }).go({ pages: "all" })).data;

describe("photos", () => {
  it("stores a photo made small, with the size read from its own bytes, read through the API", async () => {
    const bytes = fixture("leeks-1200x900.jpg");
    const res = await upload(farmer, bytes, "image/jpeg");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.photo).toMatchObject({ width: 1200, height: 900 });
    expect(res.body.photo.url).toBe(`/api/news/photos/${res.body.photo.id}`);
    const file = await fileOf(res.body.photo.id);
    expect(file).toMatch(new RegExp(`${farmID}/news/img_[0-9a-z]+\\.jpg$`));
    expect(new Uint8Array(readFileSync(file))).toEqual(bytes);
    // before a post holds it, only who uploaded it sees it (the form's preview)
    const own = await photoAt(farmer, res.body.photo.url);
    expect([own.status, own.headers.get("content-type"), own.headers.get("x-content-type-options")]).toEqual([200, "image/jpeg", "nosniff"]);
    expect(own.bytes).toEqual(bytes);
    expect(own.headers.get("cache-control")).toMatch(/^private/);
    for (const c of [farmer2, board, member, undefined]) expect((await photoAt(c, res.body.photo.url)).status).not.toBe(200);
    // the web client sends any file as application/octet-stream: what it is comes from the bytes
    const cases = [["leeks-600x800.webp", "image/webp", [600, 800]], ["leeks-320x200.png", "image/png", [320, 200]], ["leeks-600x800.webp", "application/octet-stream", [600, 800]]] as const;
    for (const [name, type, size] of cases) {
      const r = await upload(board, fixture(name), type);
      expect(r.status).toBe(201);
      expect([r.body.photo.width, r.body.photo.height]).toEqual(size);
    }
  });

  it("refuses a photo not made small, anything that is not a photo, and too many bytes; storing nothing", async () => {
    const before = (await photoItems()).length;
    const big = await upload(farmer, fixture("leeks-2400x1800.jpg"), "image/jpeg");
    expect([big.status, big.body.error.code, big.body.error.maxSide]).toEqual([400, "news.photo.too_big", 1600]);
    expect(big.body.error.message).toContain("2400×1800");
    const svg = await upload(farmer, new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), "image/jpeg");
    expect([svg.status, svg.body.error.code]).toEqual([400, "news.photo.type"]);
    const html = await upload(farmer, fixture("leeks-320x200.png"), "text/html");
    expect([html.status, html.body.error.code]).toEqual([400, "input.content_type"]);
    const huge = new Uint8Array(700 * 1024);
    huge.set(fixture("leeks-1200x900.jpg"));
    const tooMany = await upload(farmer, huge, "image/jpeg");
    expect([tooMany.status, tooMany.body.error.code]).toEqual([413, "input.too_large"]);
    expect((await upload(member, fixture("leeks-320x200.png"), "image/png")).status).toBe(403);
    expect((await photoItems()).length).toBe(before);
  });
});

describe("posts", () => {
  it("the farmer posts with photos and mail; members read it newest first and are mailed once each", async () => {
    const a = await upload(farmer, fixture("leeks-1200x900.jpg"), "image/jpeg");
    const b = await upload(farmer, fixture("leeks-600x800.webp"), "image/webp");
    const first = await farmer.post("/api/news", { title: "Zaaien", text: "We zaaien wortels." });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    Clock.set(now + 60_000);
    const res = await farmer.post("/api/news", {
      title: "  De prei staat er mooi bij ",
      text: "Kijk maar.\nMeer op https://example.nl/prei",
      photoIDs: [a.body.photo.id, b.body.photo.id],
      mail: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.post).toMatchObject({ title: "De prei staat er mooi bij", author: { name: "Boer Bram" }, audience: "members", canEdit: true });
    expect(res.body.post.photos.map((p: any) => [p.width, p.height])).toEqual([[1200, 900], [600, 800]]);

    const list = await member.get("/api/news");
    expect(list.status).toBe(200);
    expect(list.body.posts.map((p: any) => p.title)).toEqual(["De prei staat er mooi bij", "Zaaien"]);
    expect(list.body.posts[0].canEdit).toBe(false);
    expect((await member.get(`/api/news/${res.body.post.id}`)).body.post.text).toBe("Kijk maar.\nMeer op https://example.nl/prei");

    for (const email of memberEmails.filter((e) => e !== "lid4@news.test")) {
      const mails = (await outbox(email)).filter((m) => m.subject.includes("De prei staat er mooi bij"));
      expect(mails, email).toHaveLength(1);
      expect(mails[0]!.text).toContain("Meer op https://example.nl/prei");
      expect(mails[0]!.text).toContain(`/news/${res.body.post.id}`);
    }
    // a member who turned news mail off (My data) is not mailed, and reads it in the app
    expect((await outbox("lid4@news.test")).filter((m) => m.subject.includes("De prei staat er mooi bij"))).toHaveLength(0);
    // a household that left is not mailed, and reads no news
    expect(await outbox("weg@news.test")).toEqual(expect.not.arrayContaining([expect.objectContaining({ subject: expect.stringContaining("prei") })]));
    expect((await former.get("/api/news")).status).toBe(403);
    // the mailing run again (the tick, a second worker at once): nobody twice
    await withActor({ type: "system", farmID }, () => Promise.all([mailPost(res.body.post.id), mailPost(res.body.post.id)]));
    for (const email of memberEmails) expect((await outbox(email)).filter((m) => m.subject.includes("prei")), email).toHaveLength(email === "lid4@news.test" ? 0 : 1);
  });

  it("a half-sent mailing is finished without mailing anyone twice", async () => {
    const res = await board.post("/api/news", { title: "Ledenvergadering", text: "Op 1 april.", mail: false });
    const postID = res.body.post.id as string;
    // as if a crash left it half done: mail on, two people already marked
    const people = (await useDB().entities.person.query.byID({ farmID }).go({ pages: "all" })).data;
    const marked = people.filter((p) => p.email === "lid1@news.test" || p.email === "lid2@news.test");
    await useDB().entities.newsPost.patch({ farmID, postID }).set({ mail: true }).go();
    for (const p of marked) await useDB().entities.newsMail.create({ farmID, postID, personID: p.personID }).go();
    // its author sees how far it got: of the four people it goes to (lid4 turned news mail off), two have it
    const progress = async (c: Client) => (await c.get(`/api/news/${postID}/mailing`)).body;
    expect(await progress(board)).toEqual({ total: 4, sent: 2, done: false });
    const { mailUnsent } = await import("@akker/core/news/news-mail");
    await withActor({ type: "system", farmID }, () => mailUnsent());
    const got = async (email: string) => (await outbox(email)).filter((m) => m.subject.includes("Ledenvergadering")).length;
    expect(await got("lid1@news.test")).toBe(0);
    expect(await got("lid3@news.test")).toBe(1);
    expect((await useDB().entities.newsPost.get({ farmID, postID }).go()).data?.mailDone).toBe(true);
    expect(await progress(board)).toEqual({ total: 4, sent: 4, done: true });
    // another farmer (not its author) and a member may not look
    expect((await progress(farmer)).error.code).toBe("news.not_author");
    expect((await member.get(`/api/news/${postID}/mailing`)).status).toBe(403);
    // a post not mailed has nothing to send
    const quiet = await board.post("/api/news", { title: "Stil", text: "" });
    expect((await board.get(`/api/news/${quiet.body.post.id}/mailing`)).body).toEqual({ total: 0, sent: 0, done: true });
  });

  it("a board post is for the board only, its photos too", async () => {
    const p = await upload(board, fixture("leeks-320x200.png"), "image/png");
    const res = await board.post("/api/news", { title: "Begroting concept", text: "Alleen voor het bestuur.", audience: "board", photoIDs: [p.body.photo.id] });
    expect(res.status).toBe(201);
    expect((await member.get("/api/news")).body.posts.map((p: any) => p.title)).not.toContain("Begroting concept");
    const hidden = await member.get(`/api/news/${res.body.post.id}`);
    expect([hidden.status, hidden.body.error.code]).toEqual([404, "news.not_found"]);
    expect((await board.get(`/api/news/${res.body.post.id}`)).status).toBe(200);
    // the photo's address is no way in: a member, the farmer (not its author), anyone without a session are refused
    const url = res.body.post.photos[0].url as string;
    expect((await photoAt(board, url)).bytes).toEqual(fixture("leeks-320x200.png"));
    const asMember = await photoAt(member, url);
    expect([asMember.status, JSON.parse(new TextDecoder().decode(asMember.bytes)).error.code]).toEqual([404, "news.photo.not_found"]);
    expect((await photoAt(farmer, url)).status).toBe(404);
    expect((await photoAt(former, url)).status).toBe(403);
    expect((await photoAt(undefined, url)).status).toBe(401);
    // nor is the path the files were once served at
    expect((await app.request(`/media/${farmID}/news/${p.body.photo.id}.png`)).status).not.toBe(200);
    // made a post for the members, its photo is theirs to see; for the board again, no longer
    expect((await board.patch(`/api/news/${res.body.post.id}`, { audience: "members" })).status).toBe(200);
    expect((await photoAt(member, url)).status).toBe(200);
    expect((await board.patch(`/api/news/${res.body.post.id}`, { audience: "board" })).status).toBe(200);
    expect((await photoAt(member, url)).status).toBe(404);
  });

  it("a photo belongs to one post: unknown or taken photos are refused, also when two posts race for one", async () => {
    const unknown = await farmer.post("/api/news", { title: "x", text: "", photoIDs: ["img_unknown"] });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, "news.photo.unknown"]);
    const p = await upload(farmer, fixture("leeks-320x200.png"), "image/png");
    const race = await Promise.all([1, 2, 3].map((i) => farmer.post("/api/news", { title: `Race ${i}`, text: "", photoIDs: [p.body.photo.id] })));
    expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const seven = await farmer.post("/api/news", { title: "x", text: "", photoIDs: ["img_1", "img_2", "img_3", "img_4", "img_5", "img_6", "img_7"] });
    expect(seven.status).toBe(400);
  });

  it("its author or the board changes or deletes a post; another farmer and members may not; photos go with it", async () => {
    const a = await upload(farmer, fixture("leeks-1200x900.jpg"), "image/jpeg");
    const b = await upload(farmer, fixture("leeks-320x200.png"), "image/png");
    const res = await farmer.post("/api/news", { title: "Oogstfeest", text: "Zaterdag.", photoIDs: [a.body.photo.id, b.body.photo.id] });
    const id = res.body.post.id as string;
    const [fileA, fileB] = [await fileOf(a.body.photo.id), await fileOf(b.body.photo.id)];
    expect((await farmer2.patch(`/api/news/${id}`, { title: "Nee" })).body.error.code).toBe("news.not_author");
    expect((await member.patch(`/api/news/${id}`, { title: "Nee" })).status).toBe(403);
    expect((await farmer2.delete(`/api/news/${id}`)).status).toBe(403);
    const edited = await board.patch(`/api/news/${id}`, { title: "Oogstfeest op zaterdag", photoIDs: [b.body.photo.id] });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.post.photos.map((p: any) => p.id)).toEqual([b.body.photo.id]);
    expect(existsSync(fileA)).toBe(false);
    expect((await photoAt(member, a.body.photo.url)).status).toBe(404);
    expect((await photoAt(member, b.body.photo.url)).status).toBe(200);
    expect((await farmer.delete(`/api/news/${id}`)).status).toBe(204);
    expect(existsSync(fileB)).toBe(false);
    expect((await member.get(`/api/news/${id}`)).status).toBe(404);
  });

  it("this week's harvest note is the week's news", async () => {
    const week = weekOf(Clock.now());
    expect((await member.get("/api/news")).body.weekNote).toBeNull();
    await farmer.put(`/api/harvests/${week}`, { items: [{ crop: "prei", unit: "piece", quantity: 40 }], note: "De eerste prei!" });
    // a draft's note is not news yet
    expect((await member.get("/api/news")).body.weekNote).toBeNull();
    expect((await farmer.post(`/api/harvests/${week}/publish`)).status).toBe(200);
    expect((await member.get("/api/news")).body.weekNote).toMatchObject({ week, note: "De eerste prei!" });
  });
});
