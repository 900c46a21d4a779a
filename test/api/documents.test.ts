import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Audit } from "@akker/core/audit/audit";
import { Clock } from "@akker/core/clock";
import { checkAnswer } from "./contract";
import { freshFarmApp, login, makeHousehold, type TestApp } from "./helpers";

/*
 * The library (document.ts): the board adds documents and uploads versions,
 * every one kept; members read what is for members and never a board-only
 * document, not even by its ID; files are checked from their bytes.
 */

type Client = Awaited<ReturnType<typeof login>>;
let app: TestApp;
let farmID: string;
let board: Client;
let member: Client;

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
const png = new Uint8Array(readFileSync(new URL("../fixtures/photos/leeks-320x200.png", import.meta.url)));

async function upload(who: Client, id: string, name: string, bytes: Uint8Array | string, type = "application/pdf") {
  const path = `/api/documents/${id}/versions?name=${encodeURIComponent(name)}`;
  const res = await app.request(path, {
    method: "POST",
    headers: { origin: "http://localhost", cookie: who.cookie, "content-type": type, "x-forwarded-for": "10.61.0.9" },
    body: bytes,
  });
  const body = (await res.json()) as any;
  checkAnswer(app, "POST", "/api/documents/{id}/versions", res, body);
  return { status: res.status, body };
}

async function download(who: Client, id: string, query = "") {
  const res = await app.request(`/api/documents/${id}/file${query}`, { headers: { cookie: who.cookie, "x-forwarded-for": "10.61.0.10" } });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()), headers: res.headers };
}

beforeAll(async () => {
  ({ farmID, app } = await freshFarmApp(Date.parse("2027-03-01T10:00:00Z")));
  await makeHousehold(farmID, { name: "Bestuur", email: "bestuur@example.nl", roles: ["board"] });
  await makeHousehold(farmID, { name: "Lid", email: "lid@example.nl" });
  board = await login(app, "bestuur@example.nl", "10.61.0.1");
  member = await login(app, "lid@example.nl", "10.61.0.2");
});

afterAll(() => Clock.set(undefined));

describe("the library", () => {
  it("keeps every version; members read the newest or any earlier one", async () => {
    const added = await board.post("/api/documents", { title: "Statuten", category: "statutes" });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const id = added.body.document.id as string;
    expect(added.body.document).toMatchObject({ title: "Statuten", audience: "members", versions: [] });
    expect((await download(member, id)).status).toBe(404);
    expect((await upload(board, id, "statuten-2024.pdf", pdf("2024"))).status).toBe(201);
    const second = await upload(board, id, "statuten 2027 (ALV).pdf", pdf("2027"), "application/octet-stream");
    expect(second.status).toBe(201);
    expect(second.body.document.versions.map((v: any) => [v.version, v.name, v.type])).toEqual([
      [2, "statuten 2027 (ALV).pdf", "application/pdf"],
      [1, "statuten-2024.pdf", "application/pdf"],
    ]);
    const newest = await download(member, id);
    expect(newest.status).toBe(200);
    expect(new TextDecoder().decode(newest.bytes)).toContain("% 2027");
    expect(newest.headers.get("content-type")).toBe("application/pdf");
    expect(newest.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''statuten%202027%20(ALV).pdf");
    expect(new TextDecoder().decode((await download(member, id, "?version=1")).bytes)).toContain("% 2024");
    expect((await download(member, id, "?version=3")).status).toBe(404);
    const listed = await member.get("/api/documents");
    expect(listed.body.documents.map((d: any) => [d.title, d.canEdit])).toEqual([["Statuten", false]]);
  });

  it("keeps two uploads at once as two versions", async () => {
    const id = (await board.post("/api/documents", { title: "Huishoudelijk reglement", category: "rules" })).body.document.id;
    const both = await Promise.all([upload(board, id, "a.pdf", pdf("a")), upload(board, id, "b.pdf", pdf("b"))]);
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    const doc = (await member.get(`/api/documents/${id}`)).body.document;
    expect(doc.versions.map((v: any) => v.version)).toEqual([2, 1]);
    expect(doc.versions.map((v: any) => v.name).sort()).toEqual(["a.pdf", "b.pdf"]);
  });

  it("never shows a member a board-only document, by list, ID or file", async () => {
    const id = (await board.post("/api/documents", { title: "Notulen bestuur maart", category: "minutes", audience: "board" })).body.document.id;
    expect((await upload(board, id, "notulen.pdf", pdf("geheim"))).status).toBe(201);
    expect((await member.get("/api/documents")).body.documents.map((d: any) => d.title)).not.toContain("Notulen bestuur maart");
    expect((await member.get(`/api/documents/${id}`)).status).toBe(404);
    const file = await download(member, id);
    expect(file.status).toBe(404);
    expect(new TextDecoder().decode(file.bytes)).not.toContain("geheim");
    // made public by the board, then members read it
    const changed = await board.patch(`/api/documents/${id}`, { audience: "members" });
    expect(changed.status).toBe(200);
    expect((await download(member, id)).status).toBe(200);
  });

  it("the board changes title, kind and readers, audited, its versions kept; a bad change changes nothing", async () => {
    const id = (await board.post("/api/documents", { title: "Huisregels", category: "other" })).body.document.id as string;
    await upload(board, id, "regels-v1.pdf", pdf("v1"));
    await upload(board, id, "regels-v2.pdf", pdf("v2"));
    const changed = await board.patch(`/api/documents/${id}`, { title: " Huishoudelijk reglement ", category: "rules", audience: "board" });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.document).toMatchObject({ title: "Huishoudelijk reglement", category: "rules", audience: "board" });
    expect(changed.body.document.versions.map((v: any) => v.name)).toEqual(["regels-v2.pdf", "regels-v1.pdf"]);
    expect(new TextDecoder().decode((await download(board, id, "?version=1")).bytes)).toContain("v1");
    expect((await member.get(`/api/documents/${id}`)).status).toBe(404);
    // nothing to change, a title too long or empty, an unknown kind: 400, and the document as it was
    for (const body of [{}, { title: "" }, { title: "x".repeat(151) }, { category: "recipes" }, { audience: "everyone" }]) {
      const bad = await board.patch(`/api/documents/${id}`, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    // the same again is no change: no new audit event
    expect((await board.patch(`/api/documents/${id}`, { category: "rules" })).status).toBe(200);
    const back = await board.patch(`/api/documents/${id}`, { audience: "members" });
    expect(back.body.document).toMatchObject({ title: "Huishoudelijk reglement", category: "rules", audience: "members" });
    const events = await withActor({ type: "system", farmID }, () => Audit.forSubject(id));
    expect(events.filter((e) => e.action === "document.changed").map((e) => e.data)).toEqual([
      { title: { from: "Huisregels", to: "Huishoudelijk reglement" }, category: { from: "other", to: "rules" }, audience: { from: "members", to: "board" } },
      { audience: { from: "board", to: "members" } },
    ]);
  });

  it("two changes at once: one holds, the other is told to look again", async () => {
    const id = (await board.post("/api/documents", { title: "Begroting", category: "budget" })).body.document.id as string;
    const both = await Promise.all([board.patch(`/api/documents/${id}`, { title: "Begroting A" }), board.patch(`/api/documents/${id}`, { title: "Begroting B" })]);
    const ok = both.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of both.filter((r) => r.status !== 200)) expect([r.status, r.body.error.code]).toEqual([409, "document.changed"]);
    const events = await withActor({ type: "system", farmID }, () => Audit.forSubject(id));
    expect(events.filter((e) => e.action === "document.changed")).toHaveLength(ok.length);
  });

  it("is kept by the board only: a member adds, uploads, changes and removes nothing", async () => {
    const id = (await board.post("/api/documents", { title: "Begroting 2027", category: "budget" })).body.document.id;
    expect((await member.post("/api/documents", { title: "Van mij", category: "other" })).status).toBe(403);
    expect((await upload(member, id, "begroting.pdf", pdf("lid"))).status).toBe(403);
    expect((await member.patch(`/api/documents/${id}`, { title: "Anders" })).status).toBe(403);
    expect((await member.delete(`/api/documents/${id}`)).status).toBe(403);
    expect((await member.get(`/api/documents/${id}`)).body.document).toMatchObject({ title: "Begroting 2027", versions: [] });
  });

  it("checks a file from its bytes and its name, and changes nothing when refused", async () => {
    const id = (await board.post("/api/documents", { title: "Jaarverslag", category: "annual" })).body.document.id;
    const html = await upload(board, id, "jaarverslag.pdf", "<html><script>alert(1)</script></html>", "application/pdf");
    expect(html).toMatchObject({ status: 400, body: { error: { code: "document.type" } } });
    const badName = await upload(board, id, "../../etc/passwd", pdf("x"));
    expect(badName.status).toBe(400);
    expect((await upload(board, id, "foto.png", png, "image/png")).body.document.versions[0]).toMatchObject({ type: "image/png" });
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(pdf("groot"));
    expect((await upload(board, id, "groot.pdf", big)).status).toBe(413);
    expect((await member.get(`/api/documents/${id}`)).body.document.versions).toHaveLength(1);
  });

  it("removes a document with its files", async () => {
    const id = (await board.post("/api/documents", { title: "Oud", category: "other" })).body.document.id;
    await upload(board, id, "oud.pdf", pdf("oud"));
    expect((await board.delete(`/api/documents/${id}`)).status).toBe(204);
    expect((await member.get(`/api/documents/${id}`)).status).toBe(404);
    expect((await download(board, id)).status).toBe(404);
  });
});
