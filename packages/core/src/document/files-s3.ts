import { presignS3Get, signS3, type Credentials } from "../news/sigv4";
import type { DocumentFiles } from "./files";

/*
 * The library's files in the media bucket under `documents/`, a prefix
 * CloudFront never serves (it reads `media/` only, infra/web.ts): a reader
 * gets a link signed for five minutes, after the API checked who asks.
 * Signed with node:crypto as the news photos are (news/sigv4.ts): no
 * library in the core function for it.
 */
export function s3DocumentStore(bucket: string, env: Record<string, string | undefined> = process.env): DocumentFiles.Store {
  const region = env.AWS_REGION ?? "eu-west-1";
  const credentials = (): Credentials => ({ accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY!, sessionToken: env.AWS_SESSION_TOKEN });
  const objectURL = (key: string) => `https://${bucket}.s3.${region}.amazonaws.com/documents/${key.split("/").map(encodeURIComponent).join("/")}`;
  const send = async (method: "PUT" | "DELETE", key: string, body?: Uint8Array, headers: Record<string, string> = {}) => {
    const url = objectURL(key);
    const res = await fetch(url, { method, body, headers: signS3(method, url, headers, body, credentials(), region) });
    if (!res.ok) throw new Error(`S3 ${method} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  };
  return {
    put: (key, bytes, type) => send("PUT", key, bytes, { "content-type": type }),
    remove: (key) => send("DELETE", key),
    async read(key, name, type) {
      const query = { "response-content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`, "response-content-type": type };
      return { url: presignS3Get(objectURL(key), query, credentials(), region, 300) };
    },
  };
}
