import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useFarmID } from "@akker/core/actor";
import type { Job } from "./registry";

// The registry as a feature would fill it: one job that records its farms, one that fails for one farm.
const calls: { job: string; farmID: string; now: Date }[] = [];
const fakeJobs = vi.hoisted(() => [] as Job[]);
vi.mock("./registry", () => ({ jobs: fakeJobs }));

const { handler, runJobs, deployedFarmIDs } = await import("./tick");

const recorder = (name: string): Job => ({
  name,
  async run(now) {
    calls.push({ job: name, farmID: useFarmID(), now });
  },
});
const failingFor = (farmID: string): Job => ({
  name: "flaky",
  async run() {
    if (useFarmID() === farmID) throw new Error("boom");
    calls.push({ job: "flaky", farmID: useFarmID(), now: new Date() });
  },
});

beforeEach(() => {
  calls.length = 0;
  fakeJobs.length = 0;
});

describe("runJobs", () => {
  it("runs each job once per farm, in the farm's actor context, with the given time", async () => {
    const now = new Date("2025-06-01T04:00:00Z");
    const results = await runJobs({ jobs: [recorder("a"), recorder("b")], farmIDs: ["f1", "f2"], now });
    expect(calls.map((c) => `${c.job}@${c.farmID}`).sort()).toEqual(["a@f1", "a@f2", "b@f1", "b@f2"]);
    expect(calls.every((c) => c.now === now)).toBe(true);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it("keeps going after a job fails: later jobs and other farms still run", async () => {
    const results = await runJobs({
      jobs: [failingFor("f1"), recorder("after")],
      farmIDs: ["f1", "f2"],
      now: new Date(),
    });
    expect(calls.map((c) => `${c.job}@${c.farmID}`).sort()).toEqual(["after@f1", "after@f2", "flaky@f2"]);
    expect(results.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ job: "flaky", farmID: "f1", ok: false, error: "Error: boom" }),
    ]);
  });
});

describe("deployedFarmIDs", () => {
  it("is the default farm plus every farm of FARM_DOMAINS, each once", () => {
    expect(deployedFarmIDs({})).toEqual(["demo"]);
    expect(
      deployedFarmIDs({
        DEFAULT_FARM_ID: "farm_a",
        FARM_DOMAINS: JSON.stringify({ "a.example.nl": "farm_a", "b.example.nl": "farm_b", "www.b.example.nl": "farm_b" }),
      }),
    ).toEqual(["farm_a", "farm_b"]);
  });
});

describe("handler", () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.MAIL_QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/test-mail";
    process.env.DEFAULT_FARM_ID = "farm_a";
    process.env.FARM_DOMAINS = JSON.stringify({ "b.example.nl": "farm_b" });
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it("runs the registered jobs for every deployed farm", async () => {
    fakeJobs.push(recorder("registered"));
    await expect(handler()).resolves.toEqual({ ran: 2, failed: 0 });
    expect(calls.map((c) => `${c.job}@${c.farmID}`).sort()).toEqual(["registered@farm_a", "registered@farm_b"]);
  });

  it("runs everything, then fails the invocation when a job failed", async () => {
    fakeJobs.push(failingFor("farm_a"), recorder("other"));
    await expect(handler()).rejects.toThrow("1 of 4 job runs failed: flaky@farm_a");
    expect(calls.map((c) => `${c.job}@${c.farmID}`).sort()).toEqual(["flaky@farm_b", "other@farm_a", "other@farm_b"]);
  });
});
