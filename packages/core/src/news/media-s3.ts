import type { Media } from "./media";
import { signS3 } from "./sigv4";

/*
 * The media bucket, written with one signed request each (sigv4.ts, about a
 * kB) rather than @aws-sdk/client-s3, which would take the core Lambda past
 * its 400 kB. The function's role gives the credentials (Lambda sets them in
 * the environment); it may only put and delete (infra/api.ts).
 */
export function s3Store(bucket: string, env: Record<string, string | undefined> = process.env): Media.Store {
  const region = env.AWS_REGION ?? "eu-west-1";
  // read at each request: Lambda's role credentials are in the environment from the start
  const send = (method: string, url: string, headers: Record<string, string>, body?: Uint8Array) =>
    fetch(url, {
      method,
      body,
      headers: signS3(method, url, headers, body, { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY!, sessionToken: env.AWS_SESSION_TOKEN }, region),
    });
  // CloudFront sends /media/<key> to the bucket as the object media/<key> (infra/web.ts)
  const objectURL = (key: string) => `https://${bucket}.s3.${region}.amazonaws.com/media/${key.split("/").map(encodeURIComponent).join("/")}`;
  const check = async (res: Response, what: string) => {
    if (!res.ok) throw new Error(`S3 ${what} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  };
  return {
    async put(key, bytes, type) {
      // a key is never reused (a new photo is a new ID), so it may be kept for a year
      const res = await send("PUT", objectURL(key), { "content-type": type, "cache-control": "public, max-age=31536000, immutable" }, bytes);
      await check(res, "put");
    },
    async remove(key) {
      await check(await send("DELETE", objectURL(key), {}), "delete");
    },
  };
}
