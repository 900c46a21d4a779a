/**
 * The API runs deployed as one Lambda per domain, so each cold start loads
 * only its own domain's code (issue 2: ≤ 400 kB per bundle). CloudFront
 * sends each path to its domain's function by these patterns; the core
 * takes every other `/api/` path. The routing test (test/infra/routing)
 * checks every route of the whole API lands on a function that has it.
 *
 * Pure data, imported by the stack (infra/api.ts, infra/web.ts), the size
 * bench and the tests; the entries are functions/src/api/lambda/<id>.ts.
 */
export interface ApiDomain {
  /** The entry file's name and, capitalised, the construct's. */
  id: "core" | "harvest" | "workdays" | "elections" | "membership" | "contribution";
  /** CloudFront path patterns (`*` matches anything, `/` included), in the order they are tried. */
  paths: readonly string[];
  /** Sends mail: gets the queue's URL and may send to it (lambda/<id>.ts calls useMailQueue). */
  mail: boolean;
  /** Makes and checks login codes: bound to the AUTH_SECRET. */
  authSecret: boolean;
}

// CloudFront allows 25 behaviours per distribution: a trailing `*` covers a
// collection and its items in one (`/api/harvests*`); what else it matches
// is not a route anywhere, and the domain's own 404 answers it.
export const apiDomains: readonly ApiDomain[] = [
  // health, auth, me and the households themselves; the catch-all, so its own 404 answers unknown paths
  { id: "core", paths: [], mail: true, authSecret: true },
  { id: "harvest", paths: ["/api/harvests*"], mail: true, authSecret: false },
  { id: "workdays", paths: ["/api/workdays*", "/api/hours/*", "/api/calendar/*", "/api/me/*"], mail: true, authSecret: false },
  { id: "elections", paths: ["/api/elections*"], mail: true, authSecret: false },
  {
    id: "membership",
    paths: ["/api/applications*", "/api/certificates*", "/api/membership/*", "/api/households/*/certificate", "/api/households/*/notice"],
    mail: true,
    authSecret: false,
  },
  {
    id: "contribution",
    paths: [
      "/api/seasons/*",
      "/api/contribution/*",
      "/api/payments*",
      "/api/sepa/*",
      "/api/solidarity*",
      "/api/households/*/statement",
      "/api/households/*/mandate",
      "/api/households/*/solidarity",
    ],
    mail: true,
    authSecret: false,
  },
];

