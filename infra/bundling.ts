/**
 * How the functions that carry core are bundled (esbuild options SST passes
 * on): the AWS SDK comes from the Lambda runtime, and ElectroDB's model check
 * is left out (functions/src/shims/jsonschema.ts says why). The size bench
 * builds with the same options, so it measures what is deployed.
 */
export const coreFunctionEsbuild = {
  external: ["@aws-sdk/*"],
  // relative to the working directory, the project root for SST and the benches
  alias: { jsonschema: "./functions/src/shims/jsonschema.ts" },
};

/** What SST v2 itself sets for an ESM function (sst/runtime/handlers/node.js), for benches that mirror it. */
export const sstEsmDefaults = {
  bundle: true,
  platform: "node" as const,
  format: "esm" as const,
  target: "esnext",
  keepNames: true,
  mainFields: ["module", "main"],
  minify: true,
  banner: { js: "import { createRequire as topLevelCreateRequire } from 'module';const require = topLevelCreateRequire(import.meta.url);" },
};
