import { handle, type APIGatewayProxyResult, type LambdaContext, type LambdaEvent } from "hono/aws-lambda";
import { Config } from "sst/node/config";
import { useMailQueue } from "../mail-queue";
import { createApp } from "./app";
import { fromCloudFront, viewerAddress } from "./origin";

declare module "sst/node/config" {
  export interface SecretResources {
    AUTH_SECRET: { value: string };
  }
}

/*
 * The API in Lambda, behind a Function URL that only CloudFront calls.
 *
 * AUTH_SECRET is an SST secret bound to this function: sst/node/config reads
 * it from SSM while the module loads (top-level await), so it is in place
 * before the first request. Tests set process.env.AUTH_SECRET themselves.
 */
process.env.AUTH_SECRET ??= Config.AUTH_SECRET;
useMailQueue();

const app = handle(
  createApp({
    stage: process.env.STAGE ?? "prod",
    // Trusted only because the origin check below has already passed.
    clientAddress: (c) => viewerAddress(c.req.header("cloudfront-viewer-address")),
  }),
);

const forbidden: APIGatewayProxyResult = {
  statusCode: 403,
  headers: { "content-type": "application/json", "cache-control": "no-store" },
  body: JSON.stringify({ error: { code: "forbidden", message: "Use the site's address." } }),
  isBase64Encoded: false,
};

/** What a Lambda Function URL delivers (API Gateway's payload format 2.0). */
type FunctionUrlEvent = Extract<LambdaEvent, { rawPath: string }>;

export async function handler(event: FunctionUrlEvent, context?: LambdaContext): Promise<APIGatewayProxyResult> {
  if (!fromCloudFront(event.headers, process.env.ORIGIN_SECRET)) return forbidden;
  return app(event, context);
}
