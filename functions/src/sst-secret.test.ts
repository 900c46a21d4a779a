import { describe, expect, it } from "vitest";
import { sstSecret, sstSecretPaths } from "./sst-secret";

describe("sstSecret", () => {
  it("takes a value SST put in the environment as it is", async () => {
    expect(await sstSecret("AUTH_SECRET", { SST_Secret_value_AUTH_SECRET: "from-sst-dev-mode-value" })).toBe("from-sst-dev-mode-value");
  });

  it("says so when the secret is not bound", async () => {
    await expect(sstSecret("AUTH_SECRET", {})).rejects.toThrow(/not bound/);
  });

  it("looks under the stage's prefix first, then the app's fallback", () => {
    expect(sstSecretPaths("AUTH_SECRET", { SST_SSM_PREFIX: "/sst/akker/prod/", SST_APP: "akker" })).toEqual([
      "/sst/akker/prod/Secret/AUTH_SECRET/value",
      "/sst/akker/.fallback/Secret/AUTH_SECRET/value",
    ]);
  });
});
