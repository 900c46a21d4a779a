import type { LambdaEvent } from "hono/aws-lambda";

/** What a Lambda Function URL delivers (API Gateway's payload format 2.0). */
export type FunctionUrlEvent = Extract<LambdaEvent, { rawPath: string }>;

const domainName = "abc123.lambda-url.eu-west-1.on.aws";

/**
 * A viewer's request to akker.example.nl as CloudFront hands it to an API
 * function's URL: the Function URL's own Host, the viewer's host and address
 * in the headers CloudFront adds. The CloudFront origin secret is the caller's to add.
 */
export function functionUrlEvent(req: { method?: string; path: string; headers?: Record<string, string>; body?: unknown }): FunctionUrlEvent {
  const method = req.method ?? "GET";
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: req.path,
    rawQueryString: "",
    headers: {
      host: domainName,
      "x-forwarded-host": "akker.example.nl",
      "cloudfront-viewer-address": "203.0.113.7:51234",
      ...(req.body === undefined ? {} : { "content-type": "application/json" }),
      ...req.headers,
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      authentication: null,
      authorizer: {} as never,
      domainName,
      domainPrefix: "abc123",
      http: { method, path: req.path, protocol: "HTTP/1.1", sourceIp: "130.176.0.1", userAgent: "vitest" },
      requestId: "req-1",
      routeKey: "$default",
      stage: "$default",
      time: "01/Jun/2025:04:00:00 +0000",
      timeEpoch: 1748750400000,
    },
    isBase64Encoded: false,
    body: req.body === undefined ? null : JSON.stringify(req.body),
  };
}
