import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Clock } from "@akker/core/clock";
import { useDB } from "@akker/core/entities";
import { Media } from "@akker/core/news/media";
import { NewsPhotos } from "@akker/core/news/photos";
import { runJobs } from "../../functions/src/jobs/tick";
import { jobs } from "../../functions/src/jobs/registry";
import { freshFarmApp, login, makePerson, type TestApp } from "./helpers";

const photo = new Uint8Array(readFileSync(join(import.meta.dirname, "../fixtures/photos/leeks-320x200.png")));
const hour = 60 * 60 * 1000;
const start = Date.parse("2027-03-01T09:00:00Z");

let app: TestApp;
let farmID: string;
let farmer: Awaited<ReturnType<typeof login>>;

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(start));
  await makePerson(farmID, { name: "Boer Bram", email: "boer@sweep.test", roles: ["farmer"] });
  farmer = await login(app, "boer@sweep.test", "10.61.0.1");
});
afterAll(() => Clock.set(undefined));

/** Uploads a photo at `at`; its ID and the file it was stored as. */
async function uploadAt(at: number) {
  Clock.set(at);
  const res = await app.request("/api/news/photos", {
    method: "POST",
    headers: { origin: "http://localhost", cookie: farmer.cookie, "content-type": "image/png", "x-forwarded-for": "10.61.1.1" },
    body: photo,
  });
  expect(res.status).toBe(201);
  const { photo: info } = (await res.json()) as { photo: { id: string; url: string } };
  const { key } = (await useDB().entities.newsPhoto.get({ farmID, photoID: info.id }).go()).data!;
  return { id: info.id, file: join(Media.current().dir!, key) };
}

const item = async (photoID: string) => (await useDB().entities.newsPhoto.get({ farmID, photoID }).go({ consistent: true })).data;
const sweep = (now: number) => runJobs({ jobs: jobs.filter((j) => j.name === "news-photos"), farmIDs: [farmID], now: new Date(now) });

describe("the news-photos job", () => {
  it("deletes a photo no post took within a day, file and item; keeps younger ones and those in a post", async () => {
    const old = await uploadAt(start);
    const young = await uploadAt(start + 20 * hour);
    const posted = await uploadAt(start);
    Clock.set(start + hour);
    const post = await farmer.post("/api/news", { title: "Prei", text: "", photoIDs: [posted.id] });
    expect(post.status).toBe(201);

    const now = start + 25 * hour;
    Clock.set(now);
    // twice at once: each photo goes once, neither run fails
    const runs = await Promise.all([sweep(now), sweep(now)]);
    expect(runs.flat().map((r) => [r.ok, r.error])).toEqual([[true, undefined], [true, undefined]]);
    expect(await item(old.id)).toBeNull();
    expect(existsSync(old.file)).toBe(false);
    for (const kept of [young, posted]) {
      expect(await item(kept.id)).not.toBeNull();
      expect(existsSync(kept.file)).toBe(true);
    }
    // the post still shows its photo
    expect((await farmer.get(`/api/news/${post.body.post.id}`)).body.post.photos).toHaveLength(1);
  });

  it("keeps a photo a post takes between the job's read and its delete", async () => {
    const p = await uploadAt(start);
    const now = start + 30 * hour;
    Clock.set(now);
    const read = (await item(p.id))!;
    expect(read.postID).toBeUndefined();
    // a post takes it now, after the job read it without one
    const post = await farmer.post("/api/news", { title: "Net op tijd", text: "", photoIDs: [p.id] });
    expect(post.status).toBe(201);
    expect(await withActor({ type: "system", farmID }, () => NewsPhotos.removeUnused(read))).toBe(false);
    expect((await item(p.id))?.postID).toBe(post.body.post.id);
    expect(existsSync(p.file)).toBe(true);
  });

  it("refuses a post that names a photo the job deleted", async () => {
    const p = await uploadAt(start);
    await sweep(start + 25 * hour);
    expect(await item(p.id)).toBeNull();
    const post = await farmer.post("/api/news", { title: "Te laat", text: "", photoIDs: [p.id] });
    expect(post.status).toBe(400);
    expect(post.body.error.code).toBe("news.photo.unknown");
  });
});
