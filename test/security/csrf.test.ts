import { hostname } from "node:os";
import { beforeAll, describe, expect, it } from "vitest";
import { functionUrlEvent } from "../api/lambda-event";
import { createApp } from "../../functions/src/api/app";
import { originHeader } from "../../functions/src/api/origin";
import { login, makeHousehold, freshFarmApp } from "../api/helpers";

/*
 * Cross-site request forgery. SameSite=Lax alone lets through posts from a
 * sibling subdomain and from browsers that ignore SameSite, so every
 * state-changing request must name the site's own origin, or be JSON (which
 * a cross-site form cannot send, nor a cross-site script without a preflight).
 */

let app: ReturnType<typeof createApp>;
let member: Awaited<ReturnType<typeof login>>;

beforeAll(async () => {
  const { farmID, app: made } = await freshFarmApp();
  app = made;
  await makeHousehold(farmID, { name: "Jansen", email: "lid@example.nl" });
  member = await login(app, "lid@example.nl", "10.20.0.1");
});

/** A request as the browser would make it, with the member's session cookie. */
function send(method: string, path: string, headers: Record<string, string>, body?: string) {
  return app.request(path, { method, headers: { cookie: member.cookie, "x-forwarded-for": "10.20.0.1", ...headers }, body });
}

async function locale() {
  return (await member.get("/api/me")).body.person.locale as string;
}

async function misdirected(res: Response) {
  expect(res.status).toBe(421);
  expect(((await res.json()) as any).error).toEqual({ code: "host.unknown", message: expect.any(String) });
}

async function refused(res: Response) {
  expect(res.status).toBe(403);
  expect(((await res.json()) as any).error).toEqual({ code: "csrf", message: expect.any(String) });
}

describe("CSRF: state-changing requests must come from the site itself", () => {
  it("refuses another origin, and changes nothing", async () => {
    const json = JSON.stringify({ locale: "en" });
    for (const origin of [
      "https://evil.example",
      "http://localhost.evil.example",
      "http://localhost:8080", // another port is another origin
      "https://localhost", // another scheme too
      "null", // sandboxed frames and some redirects
      "not a url",
    ]) {
      const res = await send("PATCH", "/api/me", { origin, "content-type": "application/json" }, json);
      await refused(res);
    }
    expect(await locale()).toBe("nl");
    // logout is a state change as well: the session survives a forged one
    await refused(await send("POST", "/api/auth/logout", { origin: "https://evil.example" }));
    expect((await member.get("/api/me")).status).toBe(200);
  });

  it("refuses what a cross-site form can send: no Origin and no JSON", async () => {
    for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"]) {
      await refused(await send("PATCH", "/api/me", { "content-type": type }, "locale=en"));
      await refused(await send("POST", "/api/auth/code", { "content-type": type }, "email=lid@example.nl"));
    }
    // a body-less post (an <a ping>, an old browser's form) as well
    await refused(await send("POST", "/api/auth/logout", {}));
    await refused(await send("DELETE", "/api/households/hh_x/certificate/notice", {}));
    expect(await locale()).toBe("nl");
    expect((await member.get("/api/me")).status).toBe(200);
  });

  it("lets the site's own pages and JSON clients through, and never blocks reading", async () => {
    const own = await send("PATCH", "/api/me", { origin: "http://localhost", "content-type": "application/json" }, JSON.stringify({ locale: "en" }));
    expect(own.status).toBe(200);
    // no Origin (curl, a script): JSON is fine, nothing a browser form can make
    const script = await send("PATCH", "/api/me", { "content-type": "application/json; charset=utf-8" }, JSON.stringify({ locale: "nl" }));
    expect(script.status).toBe(200);
    // the origin check comes before the body check: a same-origin form post is a 400, not a csrf refusal
    const form = await send("PATCH", "/api/me", { origin: "http://localhost", "content-type": "text/plain" }, "x");
    expect(form.status).toBe(400);
    const read = await send("GET", "/api/me", { origin: "https://evil.example" });
    expect(read.status).toBe(200);
  });

  it("behind a proxy the own origin is the forwarded host; deployed it is always https", async () => {
    const prod = createApp({ stage: "prod" });
    const call = (origin: string, host: Record<string, string>) =>
      prod.request("/api/auth/logout", { method: "POST", headers: { origin, ...host } });
    const viaCloudFront = { host: "abc123.lambda-url.eu-west-1.on.aws", "x-forwarded-host": "akker.example.nl" };
    // passes the origin check, then needs a session
    expect((await call("https://akker.example.nl", viaCloudFront)).status).toBe(401);
    expect((await call("https://AKKER.example.nl:443", viaCloudFront)).status).toBe(401);
    await refused(await call("http://akker.example.nl", viaCloudFront));
    await refused(await call("https://abc123.lambda-url.eu-west-1.on.aws", viaCloudFront));
    await refused(await call("https://other-farm.example.nl", viaCloudFront));
    await refused(await call("https://evil.akker.example.nl", viaCloudFront));
    // without CloudFront (the local server), Host is the site
    const local = createApp({ stage: "local" });
    const res = await local.request("/api/auth/logout", { method: "POST", headers: { origin: "http://127.0.0.1:5173", host: "127.0.0.1:5173" } });
    expect(res.status).toBe(401);
  });

  it("answers only the site's own host names, so a DNS-rebinding page neither reads the outbox nor passes the origin check", async () => {
    // A page on rebind.evil.example, whose name now resolves to 127.0.0.1, is one origin with the server to the browser:
    // its Origin equals the Host it sends. Before, it read every login code and changed what it liked.
    const evil = { host: "rebind.evil.example:3000", origin: "http://rebind.evil.example:3000" };
    const outbox = await app.request("/api/dev/outbox", { headers: { host: evil.host } });
    await misdirected(outbox);
    await misdirected(await send("PATCH", "/api/me", { ...evil, "content-type": "application/json" }, JSON.stringify({ locale: "en" })));
    await misdirected(await send("POST", "/api/auth/code", { ...evil, "content-type": "application/json" }, JSON.stringify({ email: "lid@example.nl" })));
    // The page may add any X-Forwarded-Host it likes: locally nothing vouches for it, so it must be known as well.
    await misdirected(await app.request("/api/dev/outbox", { headers: { host: "localhost:3000", "x-forwarded-host": "localhost:3000, rebind.evil.example" } }));
    await misdirected(await app.request("/api/dev/outbox", { headers: { host: evil.host, "x-forwarded-host": "localhost:3000" } }));
    // so is a name that merely starts like the site's, or ends in a dot
    for (const host of ["localhost.evil.example", "127.0.0.1.nip.io", "localhost.", "evil.localhost"])
      await misdirected(await app.request("/api/health", { headers: { host } }));
    expect(await locale()).toBe("nl");
    // The local server's own names, with any port
    for (const host of ["localhost:3000", "LOCALHOST", "127.0.0.1:5173", "[::1]:3000", "[::1]"])
      expect((await app.request("/api/dev/outbox", { headers: { host } })).status, host).toBe(200);
  });

  it("locally HOST adds the name it opens the server to; every interface (0.0.0.0) adds this machine's names", async () => {
    const at = (host: string) => app.request("/api/health", { headers: { host } });
    await misdirected(await at("192.168.1.5:3000"));
    process.env.HOST = "192.168.1.5";
    try {
      expect((await at("192.168.1.5:3000")).status).toBe(200);
      await misdirected(await at("192.168.1.6:3000"));
      process.env.HOST = "0.0.0.0";
      expect((await at(`${hostname()}:3000`)).status).toBe(200);
      expect((await at("127.0.0.1:3000")).status).toBe(200);
      await misdirected(await at("rebind.evil.example:3000"));
    } finally {
      delete process.env.HOST;
    }
  });

  it("deployed, only the site's domain, PUBLIC_URL's host and FARM_DOMAINS' hosts", async () => {
    const prod = createApp({ stage: "prod" });
    const viewer = (host: string) =>
      prod.request("/api/auth/logout", { method: "POST", headers: { origin: `https://${host}`, host: "abc123.lambda-url.eu-west-1.on.aws", "x-forwarded-host": host } });
    // a deployment that names no host lives on its CloudFront address, which only CloudFront serves
    expect((await viewer("d111111abcdef8.cloudfront.net")).status).toBe(401);
    Object.assign(process.env, {
      SITE_DOMAIN: "akker.example.nl",
      PUBLIC_URL: "https://www.akker.example.nl",
      FARM_DOMAINS: JSON.stringify({ "andere.example.nl": "farm_other" }),
    });
    try {
      for (const host of ["akker.example.nl", "www.akker.example.nl", "andere.example.nl", "ANDERE.example.nl"])
        expect((await viewer(host)).status, host).toBe(401);
      for (const host of ["d111111abcdef8.cloudfront.net", "evil.example", "evil.akker.example.nl"]) await misdirected(await viewer(host));
    } finally {
      for (const name of ["SITE_DOMAIN", "PUBLIC_URL", "FARM_DOMAINS"]) delete process.env[name];
    }
  });

  // Last: loading the Lambda entry point turns mail over to the (absent) queue.
  it("the Lambda entry point compares with the viewer's host that CloudFront forwards, not the Function URL's", async () => {
    process.env.ORIGIN_SECRET = "origin-secret-for-tests-0123456789";
    process.env.MAIL_QUEUE_URL ??= "https://sqs.eu-west-1.amazonaws.com/123456789012/test-mail";
    const { handler } = await import("../../functions/src/api/lambda/core");
    const event = (origin: string) =>
      functionUrlEvent({ method: "POST", path: "/api/auth/logout", headers: { origin, [originHeader]: process.env.ORIGIN_SECRET! } });
    const own = await handler(event("https://akker.example.nl"));
    expect(own.statusCode).toBe(401);
    for (const origin of ["https://abc123.lambda-url.eu-west-1.on.aws", "https://evil.example"]) {
      const res = await handler(event(origin));
      expect(res.statusCode).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe("csrf");
    }
    // a viewer host the deployment does not know is refused before the origin is looked at
    process.env.FARM_DOMAINS = JSON.stringify({ "akker.example.nl": process.env.DEFAULT_FARM_ID });
    try {
      const unknown = functionUrlEvent({
        method: "POST",
        path: "/api/auth/logout",
        headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example", [originHeader]: process.env.ORIGIN_SECRET! },
      });
      const res = await handler(unknown);
      expect(res.statusCode).toBe(421);
      expect(JSON.parse(res.body).error.code).toBe("host.unknown");
      expect((await handler(event("https://akker.example.nl"))).statusCode).toBe(401);
    } finally {
      delete process.env.FARM_DOMAINS;
    }
  });
});
