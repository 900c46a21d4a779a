import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/*
 * One `vitest run` runs every kind of test. DynamoDB Local is started once
 * per run (test/setup/dynamo.ts) and each test file makes its own table.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "core",
          include: ["packages/*/src/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ["test/setup/dynamo.ts"],
          setupFiles: ["test/setup/env.ts"],
        },
      },
      {
        test: {
          name: "api",
          include: ["test/api/**/*.test.ts", "test/security/**/*.test.ts", "functions/src/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/setup/dynamo.ts"],
          setupFiles: ["test/setup/env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "infra",
          include: ["test/infra/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [solid()],
        resolve: { conditions: ["development", "browser"] },
        test: {
          name: "web",
          root: "web",
          include: ["src/**/*.test.tsx"],
          environment: "jsdom",
          setupFiles: ["./src/test-setup.ts"],
          // the router ships untranspiled JSX: let Vite transform it
          server: { deps: { inline: [/@solidjs\/router/] } },
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/setup/dynamo.ts"],
          setupFiles: ["test/setup/env.ts"],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
