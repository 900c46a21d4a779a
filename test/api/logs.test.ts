import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../functions/src/api/app";
import { logger } from "../../functions/src/log";
import { client, codeFrom, makeHousehold, freshFarmApp } from "./helpers";

let app: ReturnType<typeof createApp>;
const written: string[] = [];

beforeAll(async () => {
  const { farmID, app: made } = await freshFarmApp();
  app = made;
  await makeHousehold(farmID, { name: "Log", email: "log@example.nl" });
  logger.setLogLevel("DEBUG");
  const capture = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture as typeof process.stdout.write);
  vi.spyOn(process.stderr, "write").mockImplementation(capture as typeof process.stderr.write);
});

afterAll(() => {
  vi.restoreAllMocks();
  logger.setLogLevel("SILENT");
});

describe("logs", () => {
  it("are structured JSON lines with no codes, tokens or addresses", async () => {
    const c = client(app, { ip: "10.3.0.1" });
    await c.post("/api/auth/code", { email: "log@example.nl" });
    const code = await codeFrom(app, "log@example.nl");
    await c.post("/api/auth/verify", { email: "log@example.nl", code });
    await c.get("/api/me");
    await c.post("/api/households", { broken: true });
    const token = c.cookie.split("=")[1]!;
    const lines = written.join("").split("\n").filter(Boolean);
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.message === "request");
    expect(requests.length).toBeGreaterThanOrEqual(5);
    expect(requests[0]).toMatchObject({ level: "INFO", method: "POST", path: "/api/auth/code", status: 202 });
    const all = lines.join("\n");
    expect(all).not.toContain(code);
    expect(all).not.toContain(token);
    expect(all).not.toContain("log@example.nl");
  });
});
