import { AwsClient } from "aws4fetch";
import { describe, expect, it } from "vitest";
import { presignS3Get } from "../news/sigv4";
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
    expect(url.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get("response-content-disposition")).toBe("attachment; filename*=UTF-8''statuten%202027.pdf");
  });

  it("signs the link as aws4fetch, an independent implementation, does", async () => {
    const now = new Date("2026-12-06T23:50:00Z");
    const creds = { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: "token/with+chars=" };
    const base = "https://akker-media.s3.eu-west-1.amazonaws.com/documents/farm_1/doc_1/doc_2";
    const params = { "response-content-disposition": "attachment; filename*=UTF-8''notulen%20(ALV).pdf", "response-content-type": "application/pdf" };
    const ours = new URL(presignS3Get(base, params, creds, "eu-west-1", 300, now));
    const query = new URLSearchParams({ ...params, "X-Amz-Expires": "300" });
    const theirs = await new AwsClient({ ...creds, service: "s3", region: "eu-west-1" }).sign(`${base}?${query}`, {
      method: "GET",
      aws: { signQuery: true, datetime: "20261206T235000Z" },
    });
    expect(ours.searchParams.get("X-Amz-Signature")).toBe(new URL(theirs.url).searchParams.get("X-Amz-Signature"));
  });
});
