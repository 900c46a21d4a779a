import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import { describe, expect, it } from "vitest";
import { signS3 } from "./sigv4";

// aws4fetch, an independent implementation of Signature Version 4, signs the same requests
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "token/with+chars=" };
const at = new Date("2026-12-06T23:40:12Z");

async function theirs(method: string, url: string, headers: Record<string, string>, body?: Uint8Array) {
  const client = new AwsClient({ ...credentials, service: "s3", region: "eu-west-1" });
  // aws4fetch leaves S3's payload unsigned unless told its hash; we sign it
  const payload = createHash("sha256").update(body ?? "").digest("hex");
  const req = await client.sign(url, { method, headers: { ...headers, "x-amz-content-sha256": payload }, body, aws: { datetime: at.toISOString().replace(/[-:]|\.\d{3}/g, "") } });
  return Object.fromEntries(req.headers.entries());
}

describe("signS3", () => {
  it("signs a PUT and a DELETE exactly as aws4fetch does", async () => {
    const url = "https://akker-media.s3.eu-west-1.amazonaws.com/media/farm_a/news/img_01abc.jpg";
    const body = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const headers = { "content-type": "image/jpeg", "cache-control": "public, max-age=31536000, immutable" };
    const ours = signS3("PUT", url, headers, body, credentials, "eu-west-1", at);
    const expected = await theirs("PUT", url, headers, body);
    expect(ours.authorization).toBe(expected.authorization);
    expect(ours["x-amz-date"]).toBe(expected["x-amz-date"]);
    expect(ours["x-amz-content-sha256"]).toBe(expected["x-amz-content-sha256"]);
    expect(signS3("DELETE", url, {}, undefined, credentials, "eu-west-1", at).authorization).toBe((await theirs("DELETE", url, {})).authorization);
  });

  it("signs a key with characters that need encoding", async () => {
    const url = `https://b.s3.eu-west-1.amazonaws.com/media/${["farm a", "news", "img_1.jpg"].map(encodeURIComponent).join("/")}`;
    expect(signS3("DELETE", url, {}, undefined, credentials, "eu-west-1", at).authorization).toBe((await theirs("DELETE", url, {})).authorization);
  });
});
