import { expect } from "vitest";

function directives(csp: string) {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values] as const),
  );
}

/**
 * A CSP under which no injected markup can run script or frame the page:
 * scripts (script-src, else default-src) only from this origin or nowhere,
 * never inline, eval, data: or any host; frame-ancestors 'none'.
 */
export function expectScriptPolicy(csp: string | null, what: string) {
  expect(csp, `${what}: Content-Security-Policy`).toBeTruthy();
  const d = directives(csp!);
  const scripts = d.get("script-src") ?? d.get("default-src");
  expect(scripts, `${what}: script-src or default-src`).toBeDefined();
  for (const value of scripts!) expect(["'self'", "'none'"], `${what}: script source ${value}`).toContain(value);
  expect(d.get("frame-ancestors"), `${what}: frame-ancestors`).toEqual(["'none'"]);
}

/** The headers every API answer carries, whatever its status. */
export function expectApiHeaders(res: Response, opts: { deployed: boolean; what: string }) {
  const h = res.headers;
  expectScriptPolicy(h.get("content-security-policy"), opts.what);
  expect(directives(h.get("content-security-policy")!).get("default-src"), `${opts.what}: default-src`).toEqual(["'none'"]);
  expect(h.get("x-content-type-options"), `${opts.what}: nosniff`).toBe("nosniff");
  expect(h.get("x-frame-options"), `${opts.what}: X-Frame-Options`).toBe("DENY");
  if (opts.deployed) {
    const hsts = h.get("strict-transport-security");
    expect(hsts, `${opts.what}: HSTS`).toMatch(/^max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(hsts!)![1]), `${opts.what}: HSTS max-age`).toBeGreaterThanOrEqual(365 * 24 * 3600);
  } else expect(h.get("strict-transport-security"), `${opts.what}: no HSTS on http`).toBeNull();
  // Calendar feeds may be cached privately for a while; every other answer is personal or live.
  if (!/^text\/calendar/.test(h.get("content-type") ?? ""))
    expect(h.get("cache-control"), `${opts.what}: Cache-Control`).toBe("no-store");
}
