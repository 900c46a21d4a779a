/*
 * Everything a deployment can be told from outside, read in one place at
 * synth time from the environment (SST also loads `.env` and `.env.<stage>`).
 * None of it is required: without DOMAIN the site lives on its CloudFront
 * address.
 *
 *   DOMAIN           the site's domain on stage prod; other stages get `<stage>.<DOMAIN>`
 *   HOSTED_ZONE      the Route 53 zone of DOMAIN when it is not DOMAIN itself
 *   MAIL_FROM        sender address; default `noreply@<the stage's domain>`
 *   DEFAULT_FARM_ID  the farm every unknown host belongs to; default `demo`
 *   FARM_DOMAINS     JSON `{"host":"farmID"}` for a deployment hosting several farms
 *   PUBLIC_URL       where links in mails point; default `https://<the stage's domain>`;
 *                    a farm of FARM_DOMAINS gets its own host in its links
 */

/** Stages that mean something to the app itself: `local` mounts the dev routes. */
const reservedStages = ["local", "test"];

export function assertDeployableStage(stage: string) {
  if (reservedStages.includes(stage))
    throw new Error(`Stage "${stage}" is reserved for the local server and tests; deploy under another name.`);
}

/** The site's domain on this stage, if the deployment has one. */
export function siteDomain(stage: string): { domainName: string; hostedZone: string } | undefined {
  const domain = process.env.DOMAIN?.trim().toLowerCase();
  if (!domain) return;
  return {
    domainName: stage === "prod" ? domain : `${stage}.${domain}`,
    hostedZone: process.env.HOSTED_ZONE?.trim() || domain,
  };
}

/** `noreply@…` on the stage's domain unless MAIL_FROM says otherwise; SES must know the identity. */
export function mailFrom(stage: string): string {
  const explicit = process.env.MAIL_FROM?.trim();
  if (explicit) return explicit;
  const domain = siteDomain(stage)?.domainName;
  // `.invalid` cannot exist, so SES refuses it and the consumer's log says why.
  return `noreply@${domain ?? "akker.invalid"}`;
}

/** The bare address of a sender like `Akker <noreply@example.nl>`, for the IAM condition. */
export function mailFromAddress(from: string): string {
  return (/<([^>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();
}

/**
 * Where links in mails point (PUBLIC_URL): the stage's domain when it has
 * one, or PUBLIC_URL given at deploy (e.g. the CloudFront address). With
 * SITE_DOMAIN, the stage's domain, they are the names the API answers to,
 * besides FARM_DOMAINS' hosts (functions/src/api/host.ts).
 */
export function publicURL(stage: string): { PUBLIC_URL?: string; SITE_DOMAIN?: string } {
  const domain = siteDomain(stage)?.domainName;
  const explicit = process.env.PUBLIC_URL?.trim();
  return {
    ...(explicit ? { PUBLIC_URL: explicit } : domain ? { PUBLIC_URL: `https://${domain}` } : {}),
    ...(domain ? { SITE_DOMAIN: domain } : {}),
  };
}

/** The farm settings the API and the jobs share. */
export function farmSettings(): { DEFAULT_FARM_ID: string; FARM_DOMAINS?: string } {
  const defaultFarmID = process.env.DEFAULT_FARM_ID?.trim() || "demo";
  const raw = process.env.FARM_DOMAINS?.trim();
  if (!raw) return { DEFAULT_FARM_ID: defaultFarmID };
  // The API ignores a FARM_DOMAINS it cannot read; refusing it here turns a typo into a failed deploy instead.
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`FARM_DOMAINS is not JSON: expected {"host":"farmID", …}`);
  }
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    Array.isArray(parsed) ||
    !Object.values(parsed).every((v) => typeof v === "string" && v.length > 0)
  )
    throw new Error(`FARM_DOMAINS must map host names to farm IDs: {"host":"farmID", …}`);
  return { DEFAULT_FARM_ID: defaultFarmID, FARM_DOMAINS: JSON.stringify(parsed) };
}
