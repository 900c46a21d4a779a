import { beforeAll, describe, expect, it } from "vitest";
import { functionUrlEvent } from "../api/lambda-event";
import { createApp } from "../../functions/src/api/app";
import { originHeader } from "../../functions/src/api/origin";
import { createTestFarm, useTestTable } from "../setup/table";
import { login, makeHousehold } from "../api/helpers";

/*
 * Cross-site request forgery. SameSite=Lax alone lets through posts from a
 * sibling subdomain and from browsers that ignore SameSite, so every
 * state-changing request must name the site's own origin, or be JSON (which
 * a cross-site form cannot send, nor a cross-site script without a preflight).
 */

let app: ReturnType<typeof createApp>;
let member: Awaited<ReturnType<typeof login>>;

beforeAll(async () => {
  await useTestTable();
  const farmID = await createTestFarm();
  process.env.DEFAULT_FARM_ID = farmID;
  app = createApp({ stage: "local" });
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
    await refused(await send("DELETE", "/api/households/hh_x/notice", {}));
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
  });
});
