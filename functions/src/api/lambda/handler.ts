import { handle, type APIGatewayProxyResult, type LambdaContext, type LambdaEvent } from "hono/aws-lambda";
import { Auth } from "@akker/core/auth/auth";
import { useMailQueue } from "../mail-queue";
import { createApp } from "./app";
import { fromCloudFront, viewerAddress } from "./origin";
import { sstSecret } from "../sst-secret";

/*
 * The API in Lambda, behind a Function URL that only CloudFront calls.
 *
 * AUTH_SECRET is an SST secret bound to this function, read from SSM the
 * first time a login code is made or checked (functions/src/sst-secret.ts);
 * the SQS client for mail also loads on first use. A cold start for a page
 * view pays for neither. Tests set process.env.AUTH_SECRET themselves.
 */
Auth.useSecretSource(() => process.env.AUTH_SECRET ?? sstSecret("AUTH_SECRET"));
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
