import { currentFarmID } from "../actor";

/**
 * Where each farm lives on the web. One deployment can host several farms:
 * FARM_DOMAINS maps host names to farms (`{"akker.voorbeeld.nl":"farm_x"}`),
 * every other host serves DEFAULT_FARM_ID. The API picks a request's farm by
 * its host, and a mail's links lead to its own farm's host, also when a job
 * (with no request) writes it.
 */
export namespace Site {
  let cachedRaw: string | undefined;
  let cached: ReadonlyMap<string, string> = new Map();

  /**
   * FARM_DOMAINS as host name → farm ID, in the order written. A Map, not a
   * plain object: a Host of `constructor` or `__proto__` is a name like any
   * other, not a property every object has. Unreadable settings map nothing
   * (the deploy refuses them: infra/settings.ts).
   */
  export function domains(raw = process.env.FARM_DOMAINS): ReadonlyMap<string, string> {
    if (raw === cachedRaw) return cached;
    const map = new Map<string, string>();
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
        for (const [host, farmID] of Object.entries(parsed))
          if (typeof farmID === "string" && farmID) map.set(host.toLowerCase(), farmID);
    } catch {
      map.clear();
    }
    cachedRaw = raw;
    cached = map;
    return map;
  }

  /**
   * The name in a Host header (`Akker.nl:443` → `akker.nl`, `[::1]:3000` →
   * `[::1]`): lowercase, without its port.
   */
  export function hostName(host: string | undefined): string {
    const h = (host ?? "").trim().toLowerCase();
    if (h.startsWith("[")) {
      const end = h.indexOf("]");
      return end > 0 ? h.slice(0, end + 1) : h;
    }
    return h.split(":")[0]!;
  }

  /** The farm a host serves: its own in FARM_DOMAINS, else DEFAULT_FARM_ID. */
  export function farmForHost(host: string | undefined): string {
    return domains().get(hostName(host)) ?? defaultFarmID();
  }

  export function defaultFarmID(): string {
    return process.env.DEFAULT_FARM_ID || "demo";
  }

  /** PUBLIC_URL when deployed; locally the local server. */
  function base(): URL {
    const local = `http://localhost:${process.env.PORT ?? 3000}`;
    try {
      return new URL(process.env.PUBLIC_URL?.trim() || local);
    } catch {
      return new URL(local);
    }
  }

  /**
   * The absolute link to a path of a farm's site (the farm in context by
   * default). PUBLIC_URL when its host serves this farm; else the farm's
   * first host in FARM_DOMAINS, with PUBLIC_URL's scheme and port; a farm
   * with no host of its own (a single-farm deployment) gets PUBLIC_URL.
   */
  export function url(path: string, farmID = currentFarmID()): string {
    const site = base();
    if (farmID !== undefined && farmForHost(site.host) !== farmID)
      for (const [host, farm] of domains())
        if (farm === farmID) {
          site.hostname = host;
          break;
        }
    return `${site.origin}${site.pathname.replace(/\/$/, "")}${path}`;
  }
}
