/**
 * Reads a secret SST binds to a function (`bind: [new Config.Secret(...)]`),
 * the way sst/node/config does, but only when first asked: SST sets
 * `SST_Secret_value_<NAME>` to `__FETCH_FROM_SSM__` and grants
 * ssm:GetParameters on the stage's path and the app's fallback path. Loading
 * the SSM client lazily keeps it out of every cold start that does not need
 * the secret (only login codes do).
 */
export async function sstSecret(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const value = env[`SST_Secret_value_${name}`];
  if (value === undefined) throw new Error(`The secret ${name} is not bound to this function.`);
  if (value !== "__FETCH_FROM_SSM__") return value;

  const names = sstSecretPaths(name, env);
  const { SSMClient, GetParametersCommand } = await import("@aws-sdk/client-ssm");
  const ssm = new SSMClient({ region: env.SST_REGION });
  const out = await ssm.send(new GetParametersCommand({ Names: names, WithDecryption: true }));
  // the stage's own value wins over the app-wide fallback
  for (const path of names) {
    const found = out.Parameters?.find((p) => p.Name === path)?.Value;
    if (found) return found;
  }
  throw new Error(`The secret ${name} is not set in the "${env.SST_STAGE}" stage: npx sst secrets set ${name} <value> --stage ${env.SST_STAGE}`);
}

/** Where SST keeps a secret: under the stage's prefix, else the app's fallback. */
export function sstSecretPaths(name: string, env: NodeJS.ProcessEnv = process.env) {
  return [`${env.SST_SSM_PREFIX ?? ""}Secret/${name}/value`, `/sst/${env.SST_APP}/.fallback/Secret/${name}/value`];
}
