import { AwsClient } from "aws4fetch";
import type { Media } from "./media";

/*
 * The media bucket, written with one signed request each (aws4fetch, a few
 * kB) rather than @aws-sdk/client-s3, which would take the core Lambda past
 * its 400 kB. The function's role gives the credentials (Lambda sets them in
 * the environment); it may only put and delete (infra/api.ts).
 */
export function s3Store(bucket: string, env: Record<string, string | undefined> = process.env): Media.Store {
  const region = env.AWS_REGION ?? "eu-west-1";
  const client = () =>
    new AwsClient({
      accessKeyId: env.AWS_ACCESS_KEY_ID!,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY!,
      sessionToken: env.AWS_SESSION_TOKEN,
      service: "s3",
      region,
    });
  // CloudFront sends /media/<key> to the bucket as the object media/<key> (infra/web.ts)
  const objectURL = (key: string) => `https://${bucket}.s3.${region}.amazonaws.com/media/${key.split("/").map(encodeURIComponent).join("/")}`;
  const check = async (res: Response, what: string) => {
    if (!res.ok) throw new Error(`S3 ${what} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  };
  return {
    async put(key, bytes, type) {
      const res = await client().fetch(objectURL(key), {
        method: "PUT",
        body: bytes,
        // a key is never reused (a new photo is a new ID), so it may be kept for a year
        headers: { "content-type": type, "cache-control": "public, max-age=31536000, immutable" },
      });
      await check(res, "put");
    },
    async remove(key) {
      await check(await client().fetch(objectURL(key), { method: "DELETE" }), "delete");
    },
  };
}
