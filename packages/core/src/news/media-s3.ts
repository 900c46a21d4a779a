import type { Media } from "./media";
import { signS3 } from "./sigv4";

/*
 * The media bucket, written with one signed request each (sigv4.ts, about a
 * kB) rather than @aws-sdk/client-s3, which would take the core Lambda past
 * its 400 kB. The function's role gives the credentials (Lambda sets them in
 * the environment); it may put, read and delete under media/, nothing else
 * (infra/api.ts). CloudFront does not serve the bucket: the API reads a photo
 * for a reader of its post.
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
  const objectURL = (key: string) => `https://${bucket}.s3.${region}.amazonaws.com/media/${key.split("/").map(encodeURIComponent).join("/")}`;
  const check = async (res: Response, what: string) => {
    if (!res.ok) throw new Error(`S3 ${what} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  };
  return {
    async put(key, bytes, type) {
      await check(await send("PUT", objectURL(key), { "content-type": type }, bytes), "put");
    },
    async read(key) {
      const res = await send("GET", objectURL(key), {});
      // without s3:ListBucket S3 answers a missing key 403, so only a 404 is "none"; an item always names a stored file
      if (res.status === 404) return undefined;
      await check(res, "get");
      return new Uint8Array(await res.arrayBuffer());
    },
    async remove(key) {
      await check(await send("DELETE", objectURL(key), {}), "delete");
    },
  };
}
