import { describe, expect, it } from "vitest";
import { s3DocumentStore } from "./files-s3";

const env = { AWS_REGION: "eu-west-1", AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

describe("the library's files in S3", () => {
  it("hands out a link signed for five minutes, under documents/, as a download with the file's name", async () => {
    const read = await s3DocumentStore("akker-media", env).read("farm_1/doc_1/doc_2", "statuten 2027.pdf", "application/pdf");
    if (!("url" in read)) throw new Error("expected a link");
    const url = new URL(read.url);
    expect(url.host).toBe("akker-media.s3.eu-west-1.amazonaws.com");
    expect(url.pathname).toBe("/documents/farm_1/doc_1/doc_2");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("300");
    expect(url.searchParams.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
    expect(url.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get("response-content-disposition")).toBe("attachment; filename*=UTF-8''statuten%202027.pdf");
  });
});
