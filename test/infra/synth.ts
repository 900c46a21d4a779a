import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { App, getStack, type Function as SstFunction } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import config from "../../sst.config";
import { Api, apiFunctionID } from "../../infra/api";
import { apiDomains, type ApiDomain } from "../../functions/src/api/domains";
import { Email } from "../../infra/email";
import { Jobs } from "../../infra/jobs";
import { Storage } from "../../infra/storage";
import { Web } from "../../infra/web";

/** The deploy-time settings of infra/settings.ts; each synth starts from none of them. */
const settingNames = ["DOMAIN", "HOSTED_ZONE", "MAIL_FROM", "DEFAULT_FARM_ID", "FARM_DOMAINS"] as const;
export type Settings = Partial<Record<(typeof settingNames)[number], string>>;

/**
 * Synthesizes the whole app as `sst deploy --stage <stage>` would, offline:
 * the real sst.config.ts, functions bundled by esbuild, web/dist packed.
 * `dispose()` removes the cloud assembly (tens of MB of assets).
 */
export async function synth(stage: string, settings: Settings = {}) {
  const saved = { ...process.env };
  await initProject({ stage });
  // initProject loads .env files; the test decides the settings, not a developer's .env.
  for (const name of settingNames) delete process.env[name];
  Object.assign(process.env, settings);
  const outdir = mkdtempSync(join(tmpdir(), "akker-cdk-"));
  try {
    const app = new App(
      { mode: "deploy", stage, name: "akker", region: "eu-west-1", account: "123456789012" },
      { outdir },
    );
    await config.stacks(app);
    await app.finish();
    const templateOf = (stack: Parameters<typeof getStack>[0]) => Template.fromStack(getStack(stack)).toJSON() as CfnTemplate;
    return {
      app,
      storage: templateOf(Storage),
      email: templateOf(Email),
      api: templateOf(Api),
      jobs: templateOf(Jobs),
      web: templateOf(Web),
      /** The esbuild output SST zipped for each API function, by domain. */
      apiBundles: Object.fromEntries(
        apiDomains.map((d) => [
          d.id,
          join(useProject().paths.artifacts, (getStack(Api).node.findChild(apiFunctionID(d)) as SstFunction).node.addr),
        ]),
      ) as Record<ApiDomain["id"], string>,
      dispose: () => rmSync(outdir, { recursive: true, force: true }),
    };
  } catch (e) {
    rmSync(outdir, { recursive: true, force: true });
    throw e;
  } finally {
    process.env = saved;
  }
}

/**
 * StaticSite packs web/dist during synth. `npm test` builds it first; when
 * the infra tests run alone and it is missing, a placeholder stands in and
 * is removed afterwards.
 */
export function ensureWebDist(): () => void {
  const dist = join(process.cwd(), "web/dist");
  if (existsSync(join(dist, "index.html"))) return () => {};
  const created = !existsSync(dist);
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>Akker</title>");
  return () => (created ? rmSync(dist, { recursive: true, force: true }) : rmSync(join(dist, "index.html"), { force: true }));
}

export interface CfnResource {
  Type: string;
  Properties?: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}
export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, unknown>;
}

export function resourcesOfType(t: CfnTemplate, type: string): [string, CfnResource][] {
  return Object.entries(t.Resources).filter(([, r]) => r.Type === type);
}

export function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0]!;
}

/** The Lambda function with this SST handler, as [logicalID, resource]. */
export function functionWithHandler(t: CfnTemplate, handler: string): [string, CfnResource] {
  return only(
    resourcesOfType(t, "AWS::Lambda::Function").filter(([, r]) => r.Properties?.Handler === handler),
    `function ${handler}`,
  );
}

/** Every IAM statement attached to a function's role by policies in the same template. */
export function statementsOf(t: CfnTemplate, functionID: string): Statement[] {
  const role = t.Resources[functionID]?.Properties?.Role?.["Fn::GetAtt"]?.[0] as string;
  return resourcesOfType(t, "AWS::IAM::Policy")
    .filter(([, p]) => (p.Properties?.Roles as { Ref: string }[]).some((r) => r.Ref === role))
    .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement as Statement[]);
}

export const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
export const resourcesOf = (s: Statement) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);
