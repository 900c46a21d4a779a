import { createHash, createHmac } from "node:crypto";

/*
 * AWS Signature Version 4 for one S3 request (headers) or link (query), with node:crypto: about 1 kB
 * in the bundle where aws4fetch was 7 kB and the S3 client hundreds, with
 * core past its 400 kB (README, "Performance"). Checked against aws4fetch's
 * signatures in sigv4.test.ts.
 */

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const unsigned = new Set(["authorization", "content-type", "content-length", "user-agent", "expect", "range", "connection"]);
const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** The signature of `toSign` with the day's S3 key for `region`. */
const sign = (credentials: Credentials, day: string, region: string, toSign: string) => {
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), "s3"), "aws4_request");
  return createHmac("sha256", key).update(toSign).digest("hex");
};

/** RFC 3986, as SigV4 wants every query name and value. */
const uri = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A GET link for S3 signed in its query, valid `seconds` from `now`. */
export function presignS3Get(url: string, params: Record<string, string>, credentials: Credentials, region: string, seconds: number, now = new Date()) {
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
  return `${origin}${pathname}?${canonicalQuery}&X-Amz-Signature=${sign(credentials, stamp.slice(0, 8), region, toSign)}`;
}

/** The headers that sign `method url` for S3 in `region` at `now`: add them to the request as they are. */
export function signS3(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: Uint8Array | undefined,
  credentials: Credentials,
  region: string,
  now = new Date(),
): Record<string, string> {
  const { host, pathname } = new URL(url);
  const stamp = now.toISOString().replace(/[-:]|\.\d{3}/g, "");
  const day = stamp.slice(0, 8);
  const payload = sha256(body ?? "");
  const all: Record<string, string> = {
    ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v.trim()])),
    host,
    "x-amz-content-sha256": payload,
    "x-amz-date": stamp,
    ...(credentials.sessionToken ? { "x-amz-security-token": credentials.sessionToken } : {}),
  };
  // as aws4fetch and the AWS SDK: headers a proxy may change are sent, not signed
  const names = Object.keys(all).filter((n) => !unsigned.has(n)).sort();
  const signed = names.join(";");
  // S3 takes the path as it is sent (each segment encoded once), not encoded again
  const canonical = [method, pathname, "", ...names.map((n) => `${n}:${all[n]}`), "", signed, payload].join("\n");
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", stamp, scope, sha256(canonical)].join("\n");
  const signature = sign(credentials, day, region, toSign);
  const { host: _host, ...send } = all;
  return { ...send, authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signed}, Signature=${signature}` };
}
