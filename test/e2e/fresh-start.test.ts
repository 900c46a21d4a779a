import { describe, expect, it } from "vitest";
import { freshStart } from "../setup/fresh-start";

/*
 * A newcomer's first `npm start`: an empty data directory, DynamoDB Local
 * started, the demo farm seeded and its activity added, the jobs ticking.
 * It must come up, stay up and stop cleanly (Java included). `npm run bench
 * -- "fresh start"` does this ten times in a row with both cores busy.
 */
describe("a first npm start on an empty .data/", () => {
  it("comes up with the demo farm, stays up and stops with Ctrl-C", async () => {
    const server = await freshStart({ timeoutMs: 240_000 });
    try {
      // the demo farm is there: a member's login code arrives in the outbox
      const ask = await fetch(`${server.url}/api/auth/code`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "lid042@demo.test" }),
      });
      expect(ask.status).toBeLessThan(300);
      const outbox = (await (await fetch(`${server.url}/api/dev/outbox?to=lid042@demo.test`)).json()) as unknown[];
      expect(JSON.stringify(outbox)).toMatch(/\b\d{6}\b/);
      // … and the app itself is served
      expect((await fetch(`${server.url}/`)).status).toBe(200);
      // stays up a while after the activity and the first job tick
      await new Promise((r) => setTimeout(r, 3000));
      expect(server.alive()).toBe(true);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect(server.output()).not.toMatch(/failed|Error|could not/);
    } finally {
      const stopped = await server.stop();
      expect(stopped).toEqual({ code: 0, javaLeft: false });
    }
  }, 300_000);
});
