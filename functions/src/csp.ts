/**
 * The web app's Content Security Policy, one definition for both places
 * that serve the app: CloudFront's response headers policy (infra/web.ts)
 * and the local server. No inline scripts or styles, no framing, only this origin;
 * the service worker and the web manifest named as well, so the app stays
 * installable should default-src ever narrow.
 */
export const webCSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join("; ");
