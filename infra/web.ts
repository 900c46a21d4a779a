import { Duration } from "aws-cdk-lib";
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { FunctionUrlOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { StaticSite, use, type StackContext } from "sst/constructs";
import { originHeader } from "../functions/src/api/origin";
import { Api } from "./api";
import { siteDomain } from "./settings";
import { webCSP } from "../functions/src/csp";


/**
 * The web app on S3 and the API under `/api/*`, both behind one CloudFront
 * distribution, so the browser sees a single origin: no CORS, and the
 * session cookie stays first-party.
 */
export function Web({ stack, app }: StackContext) {
  const { url, originSecret } = use(Api);

  const securityHeaders = new ResponseHeadersPolicy(stack, "SecurityHeaders", {
    comment: "Akker web app security headers",
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: webCSP, override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(730),
        includeSubdomains: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
    },
  });

  // Every path without a file extension is a screen of the single-page app. This is done
  // here rather than with CloudFront error pages: those apply to the whole distribution
  // and would turn the API's own 403 and 404 answers into index.html.
  const spaFallback = new CloudFrontFunction(stack, "SpaFallback", {
    comment: "Serves index.html for the app's routes",
    runtime: FunctionRuntime.JS_2_0,
    code: FunctionCode.fromInline(`function handler(event) {
  var request = event.request;
  var last = request.uri.split("/").pop();
  if (last.indexOf(".") === -1) request.uri = "/index.html";
  return request;
}`),
  });

  // The Function URL needs its own Host header, so the viewer's host travels as
  // X-Forwarded-Host: the API picks the farm by it (FARM_DOMAINS).
  const forwardHost = new CloudFrontFunction(stack, "ForwardHost", {
    comment: "Passes the viewer's host to the API",
    runtime: FunctionRuntime.JS_2_0,
    code: FunctionCode.fromInline(`function handler(event) {
  var request = event.request;
  request.headers["x-forwarded-host"] = { value: request.headers.host.value };
  return request;
}`),
  });

  const site = new StaticSite(stack, "Site", {
    path: "web",
    // Tests synthesize against the web/dist that `npm test` has already built.
    buildCommand: app.isRunningSSTTest() ? undefined : "npm run build",
    buildOutput: "dist",
    // SST writes Vite env types into the site (src/sst-env.d.ts) unless told where; the app needs none.
    vite: { types: "../.sst/web-env.d.ts" },
    customDomain: siteDomain(app.stage),
    cdk: {
      distribution: {
        comment: `Akker ${app.stage}`,
        errorResponses: [],
        defaultBehavior: {
          functionAssociations: [{ function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }],
          responseHeadersPolicy: securityHeaders,
        },
        additionalBehaviors: {
          "/api/*": {
            origin: new FunctionUrlOrigin(url, {
              customHeaders: { [originHeader]: originSecret.secretValue.unsafeUnwrap() },
              readTimeout: Duration.seconds(30),
            }),
            viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
            allowedMethods: AllowedMethods.ALLOW_ALL,
            cachePolicy: CachePolicy.CACHING_DISABLED,
            // Cookies, query strings and headers (CloudFront-Viewer-Address included), not Host.
            originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
            functionAssociations: [{ function: forwardHost, eventType: FunctionEventType.VIEWER_REQUEST }],
            compress: true,
          },
        },
      },
    },
  });
  // StaticSite makes its own viewer-request function (it appends `.html`); the SPA fallback replaces it.
  site.node.tryRemoveChild("CloudFrontFunction");

  stack.addOutputs({ url: site.customDomainUrl ?? site.url });
  return { site };
}
