import { afterEach, describe, expect, it, vi } from "vitest";
import { s3Store } from "./media-s3";

const env = { AWS_REGION: "eu-west-1", AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "secret", AWS_SESSION_TOKEN: "token" };

afterEach(() => vi.unstubAllGlobals());

describe("the S3 media store", () => {
  it("puts, reads and deletes under media/ with SigV4-signed requests, as the function's role", async () => {
    const seen: Request[] = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => (seen.push(new Request(url, init)), new Response(init.method === "GET" ? new Uint8Array([0xff, 0xd8]) : null, { status: 200 })));
    const store = s3Store("akker-media", env);
    await store.put("farm_a/news/img_01.jpg", new Uint8Array([0xff, 0xd8, 0xff]), "image/jpeg");
    expect(await store.read("farm_a/news/img_01.jpg")).toEqual(new Uint8Array([0xff, 0xd8]));
    await store.remove("farm_a/news/img_01.jpg");
    expect(seen.map((r) => [r.method, r.url])).toEqual([
      ["PUT", "https://akker-media.s3.eu-west-1.amazonaws.com/media/farm_a/news/img_01.jpg"],
      ["GET", "https://akker-media.s3.eu-west-1.amazonaws.com/media/farm_a/news/img_01.jpg"],
      ["DELETE", "https://akker-media.s3.eu-west-1.amazonaws.com/media/farm_a/news/img_01.jpg"],
    ]);
    expect(seen[1]!.headers.get("authorization")).toMatch(/^AWS4-HMAC-SHA256 /);
    const put = seen[0]!;
    expect(put.headers.get("authorization")).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request, SignedHeaders=[^,]*x-amz-content-sha256[^,]*, Signature=[0-9a-f]{64}$/);
    expect(put.headers.get("x-amz-security-token")).toBe("token");
    expect(put.headers.get("content-type")).toBe("image/jpeg");
  });

  it("reads a missing file as none", async () => {
    vi.stubGlobal("fetch", async () => new Response("<Error><Code>NoSuchKey</Code></Error>", { status: 404 }));
    expect(await s3Store("akker-media", env).read("k/x.jpg")).toBeUndefined();
  });

  it("fails loudly when S3 refuses", async () => {
    vi.stubGlobal("fetch", async () => new Response("<Error><Code>AccessDenied</Code></Error>", { status: 403 }));
    await expect(s3Store("akker-media", env).put("k/x.jpg", new Uint8Array([1]), "image/jpeg")).rejects.toThrow(/403.*AccessDenied/);
  });
});
