import { AwsClient } from "aws4fetch";
import type { DocumentFiles } from "./files";

/*
 * The library's files in the media bucket under `documents/`, a prefix
 * CloudFront never serves (it reads `media/` only, infra/web.ts): a reader
 * gets a link signed for a few minutes, after the API checked who asks.
 * Signed with aws4fetch, as the news photos are (media-s3.ts).
 */
export function s3DocumentStore(bucket: string, env: Record<string, string | undefined> = process.env): DocumentFiles.Store {
  const region = env.AWS_REGION ?? "eu-west-1";
  const client = () =>
    new AwsClient({ accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY!, sessionToken: env.AWS_SESSION_TOKEN, service: "s3", region });
  const objectURL = (key: string) => `https://${bucket}.s3.${region}.amazonaws.com/documents/${key.split("/").map(encodeURIComponent).join("/")}`;
  const check = async (res: Response, what: string) => {
    if (!res.ok) throw new Error(`S3 ${what} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  };
  return {
    async put(key, bytes, type) {
      await check(await client().fetch(objectURL(key), { method: "PUT", body: bytes, headers: { "content-type": type } }), "put");
    },
    async remove(key) {
      await check(await client().fetch(objectURL(key), { method: "DELETE" }), "delete");
    },
    async read(key, name, type) {
      const url = new URL(objectURL(key));
      url.searchParams.set("X-Amz-Expires", "300");
      url.searchParams.set("response-content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
      url.searchParams.set("response-content-type", type);
      const signed = await client().sign(url.toString(), { method: "GET", aws: { signQuery: true } });
      return { url: signed.url };
    },
  };
}
