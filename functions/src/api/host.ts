import { hostname, networkInterfaces } from "node:os";
import type { Context, MiddlewareHandler } from "hono";
import { Site } from "@akker/core/farm/site";
import { viewerHost } from "./origin";

/*
 * DNS rebinding: a page on an attacker's name that later resolves to
 * 127.0.0.1 (or to a machine on the local network) is, to the browser, one
 * origin with the server: it reads answers (the dev outbox's login codes)
 * and its Origin matches the Host it sent. Answering only the host names the
 * site is known by shuts it out: the browser always sends the attacker's name.
 */

const loopback = ["localhost", "127.0.0.1", "[::1]"];
const wildcards = new Set(["0.0.0.0", "::", "[::]"]);

/** `::1` → `[::1]`, as an IPv6 address stands in a Host header. */
function asHostName(name: string): string {
  const n = name.trim().toLowerCase();
  return n.includes(":") && !n.startsWith("[") ? `[${n}]` : n;
}

function configured(): string[] {
  const names = [...Site.domains().keys()];
  const site = process.env.SITE_DOMAIN?.trim();
  if (site) names.push(asHostName(site));
  try {
    if (process.env.PUBLIC_URL?.trim()) names.push(new URL(process.env.PUBLIC_URL.trim()).hostname);
  } catch {
    // an unreadable PUBLIC_URL names no host
  }
  return names;
}

/** Whether a name (a HOST to listen on) is this machine's only: localhost, 127.0.0.1, ::1. */
export function isLoopback(name: string): boolean {
  return loopback.includes(asHostName(name));
}

/** What this machine is called on its networks: for a local server listening on every interface. */
function ownAddresses(): string[] {
  const names = [hostname().toLowerCase()];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) names.push(asHostName(a.address.split("%")[0]!));
  return names;
}

let cachedKey: string | undefined;
let cachedNames: ReadonlySet<string> | undefined;

/**
 * The host names this server answers. Deployed: the site's domain
 * (SITE_DOMAIN), PUBLIC_URL's host and FARM_DOMAINS' hosts; a deployment
 * that names none answers any (it lives on its CloudFront address, which
 * CloudFront alone serves). Locally also localhost, 127.0.0.1, [::1] and
 * HOST; a HOST of every interface (0.0.0.0) adds this machine's addresses
 * and name.
 */
export function knownHostNames(deployed: boolean): ReadonlySet<string> | undefined {
  const env = process.env;
  const key = [deployed, env.FARM_DOMAINS, env.SITE_DOMAIN, env.PUBLIC_URL, env.HOST].join("\n");
  if (key === cachedKey) return cachedNames;
  const names = configured();
  if (!deployed) {
    names.push(...loopback);
    const host = env.HOST?.trim();
    if (host) names.push(...(wildcards.has(asHostName(host)) ? ownAddresses() : [asHostName(host)]));
  }
  cachedKey = key;
  cachedNames = deployed && names.length === 0 ? undefined : new Set(names);
  return cachedNames;
}

/**
 * Every host name the request names. Deployed that is the viewer's
 * (CloudFront puts it in X-Forwarded-Host; Host is the Function URL's).
 * Locally no proxy vouches for X-Forwarded-Host, so Host and it must both
 * be known: a rebinding page can send any X-Forwarded-Host it likes.
 */
function namesOf(c: Context, deployed: boolean): string[] {
  if (deployed) return [viewerHost(c)];
  const forwarded = c.req.header("x-forwarded-host")?.split(",") ?? [];
  return [c.req.header("host") ?? new URL(c.req.url).host, ...forwarded];
}

/** 421 for a request to a host name the site is not known by, in the API's error model. */
export function knownHost(opts: { deployed: boolean }): MiddlewareHandler {
  return async (c, next) => {
    const known = knownHostNames(opts.deployed);
    if (known && !namesOf(c, opts.deployed).every((name) => known.has(Site.hostName(name))))
      return c.json({ error: { code: "host.unknown", message: "This site is not served under this name." } }, 421, {
        "Cache-Control": "no-store",
      });
    return next();
  };
}
