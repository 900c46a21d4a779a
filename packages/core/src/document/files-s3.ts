import { createHash, createHmac } from "node:crypto";
import { signS3, type Credentials } from "../news/sigv4";
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
      return { url: presignGet(objectURL(key), query, credentials(), region, 300) };
    },
  };
}

/** RFC 3986, as SigV4 wants every query name and value. */
const uri = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** A GET link for S3 signed in its query (SigV4), valid `seconds` from `now`. */
export function presignGet(url: string, params: Record<string, string>, credentials: Credentials, region: string, seconds: number, now = new Date()) {
  const { host, pathname, origin } = new URL(url);
  const stamp = now.toISOString().replace(/[-:]|\.\d{3}/g, "");
  const scope = `${stamp.slice(0, 8)}/${region}/s3/aws4_request`;
  const query: Record<string, string> = {
    ...params,
    "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
    "X-Amz-Credential": `${credentials.accessKeyId}/${scope}`,
    "X-Amz-Date": stamp,
    "X-Amz-Expires": String(seconds),
    ...(credentials.sessionToken ? { "X-Amz-Security-Token": credentials.sessionToken } : {}),
    "X-Amz-SignedHeaders": "host",
  };
  const canonicalQuery = Object.keys(query)
    .sort()
    .map((k) => `${uri(k)}=${uri(query[k]!)}`)
    .join("&");
  const canonical = ["GET", pathname, canonicalQuery, `host:${host}`, "", "host", "UNSIGNED-PAYLOAD"].join("\n");
  const toSign = ["AWS4-HMAC-SHA256", stamp, scope, sha256(canonical)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, stamp.slice(0, 8)), region), "s3"), "aws4_request");
  const signature = createHmac("sha256", key).update(toSign).digest("hex");
  return `${origin}${pathname}?${canonicalQuery}&X-Amz-Signature=${signature}`;
}
