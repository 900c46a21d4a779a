/**
 * The API runs deployed as one Lambda per domain, so each cold start loads
 * only its own domain's code (issue 2: ≤ 400 kB per bundle). CloudFront
 * sends each path to its domain's function by these patterns; the core
 * takes every other `/api/` path. The routing test (test/infra/stacks.test.ts)
 * checks every route of the whole API lands on a function that has it.
 *
 * Pure data, imported by the stack (infra/api.ts, infra/web.ts), the size
 * bench and the tests; the entries are functions/src/api/lambda/<id>.ts.
 */
export interface ApiDomain {
  /** The entry file's name and, capitalised, the construct's. */
  id: "core" | "harvest" | "workday" | "election" | "membership" | "contribution" | "bank" | "payment";
  /**
   * The path prefixes its routes live under: each is one Hono sub-app
   * (route.ts, mount), and a route under none of them is refused.
   */
  mounts: readonly string[];
  /**
   * CloudFront path patterns (`*` matches anything, `/` included), in the
   * order they are tried: made from the mounts, none for the core, which
   * takes every other `/api/` path.
   */
  paths: readonly string[];
  /** Sends mail: gets the queue's URL and may send to it (lambda/<id>.ts calls useMailQueue). */
  mail: boolean;
  /** Makes and checks login codes: bound to the AUTH_SECRET. */
  authSecret: boolean;
  /** Stores uploaded files (news photos): may put and delete in the media bucket, nothing else there. */
  media?: true;
}

// CloudFront allows 25 behaviours per distribution: a trailing `*` covers a
// prefix and all below it in one (`/api/harvests*`), and one that another
// of the domain's covers is left out (`/api/certificates.csv` by
// `/api/certificates*`); what else a pattern matches is not a route
// anywhere, and the domain's own 404 answers it.
function patterns(mounts: readonly string[]) {
  const all = mounts.map((m) => m.replace(/:[A-Za-z]+/g, "*") + "*");
  return all.filter((p) => !all.some((q) => q !== p && p.startsWith(q.slice(0, -1))));
}

/**
 * CloudFront's path patterns: `*` is any run of characters (`/` too), `?`
 * exactly one.
 */
export function cloudFrontMatches(pattern: string, path: string) {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${re}$`).test(path);
}

// CloudFront allows 25 behaviours and the domains use 24 (news photos are
// read through core's API, not a /media/* behaviour). Mounts of one domain under the same parameter (contribution's
// /api/households/:id/statement and …/solidarity) share one pattern up to
// what their next parts have in common (/api/households/*/s*), unless it
// would also match a mount of another domain. What it could catch of the
// catch-all's routes (core's …/people) the routing test
// (test/infra/stacks.test.ts) checks for every route, so a new route that
// falls in fails there.
function shared(own: readonly string[], others: readonly string[]) {
  const result = [...own];
  const groups = new Map<string, string[]>();
  for (const p of own) {
    const m = /^(.*\*\/)([^*]+)\*$/.exec(p);
    if (m) groups.set(m[1]!, [...(groups.get(m[1]!) ?? []), m[2]!]);
  }
  for (const [head, tails] of groups) {
    if (tails.length < 2) continue;
    let common = tails[0]!;
    for (const t of tails) while (!t.startsWith(common)) common = common.slice(0, -1);
    const merged = `${head}${common}*`;
    const filled = others.map((m) => m.replace(/:[A-Za-z]+/g, "x1"));
    if (!common || filled.some((path) => cloudFrontMatches(merged, path))) continue;
    const first = result.indexOf(`${head}${tails[0]}*`);
    result.splice(first, 1, merged);
    for (const t of tails.slice(1)) result.splice(result.indexOf(`${head}${t}*`), 1);
  }
  return result;
}

type DomainDef = Omit<ApiDomain, "paths">;

/** The domains with their patterns, each made knowing every other domain's mounts. */
function withPaths(defs: readonly { def: DomainDef; catchAll?: boolean }[]): ApiDomain[] {
  return defs.map(({ def, catchAll }) => {
    const others = defs.filter((d) => d.def !== def).flatMap((d) => d.def.mounts);
    return { ...def, paths: catchAll ? [] : shared(patterns(def.mounts), others) };
  });
}

function domain(def: DomainDef, catchAll = false) {
  return { def, catchAll };
}

export const apiDomains: readonly ApiDomain[] = withPaths([
  // health, auth, me, the households themselves and the farm; the catch-all, so its own 404 answers unknown paths
  domain({ id: "core", mounts: ["/api/health", "/api/auth", "/api/me", "/api/households", "/api/farm", "/api/dev", "/api/messages", "/api/news", "/api/documents"], mail: true, authSecret: true, media: true }, true),
  domain({ id: "harvest", mounts: ["/api/harvests"], mail: true, authSecret: false }),
  domain({
    id: "workday",
    mounts: ["/api/workdays", "/api/hours", "/api/calendar", "/api/me/hours", "/api/me/calendar", "/api/me/export"],
    mail: true,
    authSecret: false,
  }),
  // deciding together: votes and the general assembly that holds them
  domain({ id: "election", mounts: ["/api/elections", "/api/assemblies"], mail: true, authSecret: false }),
  domain({
    id: "membership",
    mounts: [
      "/api/applications",
      "/api/certificates",
      "/api/certificates.csv",
      "/api/membership",
      "/api/households/:id/certificate",
      // the lighter, open polls: they share no code with the secret ballot, and the election function is full
      "/api/polls",
    ],
    mail: true,
    authSecret: false,
  }),
  domain({
    id: "contribution",
    mounts: ["/api/seasons", "/api/contribution", "/api/households/:id/statement", "/api/households/:id/solidarity"],
    mail: true,
    authSecret: false,
  }),
  // the bank's files coming in and the review list: before payment, whose `/api/payments*`
  // would take them too; a function of its own, as the file readers would push payment's past 400 kB
  domain({ id: "bank", mounts: ["/api/payments/import", "/api/payments/review"], mail: true, authSecret: false }),
  // payments, mandates and the direct-debit runs
  domain({
    id: "payment",
    mounts: ["/api/payments", "/api/sepa", "/api/households/:id/mandate"],
    mail: true,
    authSecret: false,
  }),
]);

/** A domain by its id. */
export function apiDomain(id: ApiDomain["id"]): ApiDomain {
  return apiDomains.find((d) => d.id === id)!;
}
