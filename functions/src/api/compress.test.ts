import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { Hono } from "hono/tiny";
import { compressAnswers, compressFrom } from "./compress";

const app = new Hono();
app.use("*", compressAnswers());
app.get("/big", (c) => c.json({ rows: Array.from({ length: 200 }, (_, i) => ({ i, name: `Huishouden ${i}` })) }));
app.get("/small", (c) => c.json({ ok: true }));
app.get("/fail", (c) => c.json({ error: { code: "x", message: "y".repeat(2000) } }, 409));

describe("compressAnswers", () => {
  it("gzips a large JSON answer for a client that accepts it, and says it varies", async () => {
    const res = await app.request("/big", { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toMatch(/Accept-Encoding/);
    const zipped = new Uint8Array(await res.arrayBuffer());
    const json = JSON.parse(gunzipSync(zipped).toString());
    expect(json.rows).toHaveLength(200);
    expect(zipped.length).toBeLessThan(JSON.stringify(json).length / 3);
  });

  it("keeps status and error answers, and leaves small answers and other clients alone", async () => {
    const failed = await app.request("/fail", { headers: { "accept-encoding": "gzip" } });
    expect(failed.status).toBe(409);
    expect(JSON.parse(gunzipSync(new Uint8Array(await failed.arrayBuffer())).toString()).error.code).toBe("x");

    const small = await app.request("/small", { headers: { "accept-encoding": "gzip" } });
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(JSON.stringify(await small.json()).length).toBeLessThan(compressFrom);

    const plain = await app.request("/big");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(((await plain.json()) as { rows: unknown[] }).rows).toHaveLength(200);
  });
});
