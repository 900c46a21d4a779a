import { Duration } from "aws-cdk-lib";
import {
  AllowedMethods,
  CachePolicy,
  type Distribution,
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
import { FunctionUrlOrigin, S3Origin } from "aws-cdk-lib/aws-cloudfront-origins";
import { Effect, PolicyStatement, AnyPrincipal } from "aws-cdk-lib/aws-iam";
import { Bucket, BucketPolicy, type IBucket } from "aws-cdk-lib/aws-s3";
import { StaticSite, use, type StackContext } from "sst/constructs";
import { originHeader } from "../functions/src/api/origin";
import { Api } from "./api";
import { Storage } from "./storage";
import { siteDomain } from "./settings";
import { webCSP } from "../functions/src/csp";


/**
 * The web app on S3 and the API under `/api/*`, both behind one CloudFront
 * distribution, so the browser sees a single origin: no CORS, and the
 * session cookie stays first-party.
 */
export function Web({ stack, app }: StackContext) {
  const { functions, originSecret } = use(Api);
  const { media } = use(Storage);

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

  // The Function URLs need their own Host header, so the viewer's host travels as
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
    assets: {
      fileOptions: [
        // S3 would store the manifest as application/octet-stream, and every .js for a year:
        // the service worker must be fetched fresh, so a new version reaches the phones.
        { files: "manifest.webmanifest", cacheControl: "max-age=0,no-cache,no-store,must-revalidate", contentType: "application/manifest+json" },
        { files: "sw.js", cacheControl: "max-age=0,no-cache,no-store,must-revalidate" },
      ],
    },
    customDomain: siteDomain(app.stage),
    cdk: {
      distribution: {
        comment: `Akker ${app.stage}`,
        errorResponses: [],
        defaultBehavior: {
          functionAssociations: [{ function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }],
          responseHeadersPolicy: securityHeaders,
        },
      },
    },
  });
  // StaticSite makes its own viewer-request function (it appends `.html`); the SPA fallback replaces it.
  site.node.tryRemoveChild("CloudFrontFunction");

  // `sst dev` deploys no site, so there is no distribution to route through.
  if (site.cdk) {
    routeApi(site.cdk.distribution as Distribution, site.cdk.bucket);
  }
  mediaPolicy();

  stack.addOutputs({ url: site.customDomainUrl ?? site.url });
  return { site };

  /**
   * The media bucket's one policy (infra/storage.ts): HTTPS only. CloudFront does not read it:
   * news photos are read through the API, which checks who may read their post, and the
   * library's files through links the API signs.
   */
  function mediaPolicy() {
    // the bucket as this stack sees it: CDK then leaves its policy to us instead of writing one in the storage stack
    const bucket = Bucket.fromBucketAttributes(stack, "MediaBucket", { bucketName: media.bucketName, bucketArn: media.bucketArn });
    const policy = new BucketPolicy(stack, "MediaPolicy", { bucket });
    policy.document.addStatements(
      new PolicyStatement({
        sid: "HttpsOnly",
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ["s3:*"],
        resources: [media.bucketArn, media.arnForObjects("*")],
        conditions: { Bool: { "aws:SecureTransport": "false" } },
      }),
    );
  }

  /**
   * CloudFront tries behaviours in the order they are added: the API document first, then
   * each domain's paths, then `/api/*` for the core function, which answers every other path.
   */
  function routeApi(distribution: Distribution, bucket: IBucket) {
    // The OpenAPI document is made at build time (web/package.json) and served from S3:
    // it describes every domain, and no one function carries them all.
    distribution.addBehavior("/api/openapi.json", new S3Origin(bucket), {
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy: securityHeaders,
      compress: true,
    });
    const core = functions.find((f) => f.domain.paths.length === 0)!;
    for (const { domain, url } of [...functions.filter((f) => f !== core), core]) {
      const origin = new FunctionUrlOrigin(url, {
        customHeaders: { [originHeader]: originSecret.secretValue.unsafeUnwrap() },
        readTimeout: Duration.seconds(30),
      });
      for (const pattern of domain.paths.length ? domain.paths : ["/api/*"])
        distribution.addBehavior(pattern, origin, {
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Cookies, query strings and headers (CloudFront-Viewer-Address included), not Host.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          functionAssociations: [{ function: forwardHost, eventType: FunctionEventType.VIEWER_REQUEST }],
          compress: true,
        });
    }
  }
}
