import { handle, type APIGatewayProxyResult, type LambdaContext, type LambdaEvent } from "hono/aws-lambda";
import { apiApp, type DomainRoutes } from "../shell";
import { fromCloudFront, viewerAddress } from "../origin";

/*
 * A domain's part of the API in Lambda, behind a Function URL that only
 * CloudFront calls (infra/api.ts makes one per domain, functions/src/api/domains.ts).
 */

const forbidden: APIGatewayProxyResult = {
  statusCode: 403,
  headers: { "content-type": "application/json", "cache-control": "no-store" },
  body: JSON.stringify({ error: { code: "forbidden", message: "Use the site's address." } }),
  isBase64Encoded: false,
};

/** What a Lambda Function URL delivers (API Gateway's payload format 2.0). */
export type FunctionUrlEvent = Extract<LambdaEvent, { rawPath: string }>;

/** The Lambda handler for an app of one domain's routes. */
export function lambdaHandler(routes: DomainRoutes) {
  const app = handle(
    apiApp(
      {
        stage: process.env.STAGE ?? "prod",
        // CloudFront-Viewer-Address is trusted only because the origin check below has passed
        // (CloudFront sets it: infra/web.ts forwards it with the viewer's headers). Never
        // X-Forwarded-For, which the viewer writes: without the header, the request counts
        // as the CloudFront edge that sent it, with everyone else that edge serves.
        clientAddress: (c) =>
          viewerAddress(c.req.header("cloudfront-viewer-address")) ??
          (c.env as { event?: FunctionUrlEvent } | undefined)?.event?.requestContext.http.sourceIp,
      },
      [routes],
    ),
  );
  return async (event: FunctionUrlEvent, context?: LambdaContext): Promise<APIGatewayProxyResult> => {
    if (!fromCloudFront(event.headers, process.env.ORIGIN_SECRET)) return forbidden;
    return app(event, context);
  };
}
