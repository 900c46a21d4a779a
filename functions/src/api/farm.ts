/**
 * Which farm a request is for. One deployment can host several farms: a
 * host name maps to its farm via FARM_DOMAINS (`{"akker.voorbeeld.nl":"farm_x"}`);
 * every other host gets DEFAULT_FARM_ID.
 */
export function farmForHost(host: string | undefined): string {
  const domains = parseDomains(process.env.FARM_DOMAINS);
  const name = (host ?? "").split(":")[0]!.toLowerCase();
  return domains[name] ?? process.env.DEFAULT_FARM_ID ?? "demo";
}

let cachedRaw: string | undefined;
let cached: Record<string, string> = {};
function parseDomains(raw: string | undefined): Record<string, string> {
  if (raw === cachedRaw) return cached;
  cachedRaw = raw;
  try {
    cached = raw ? (JSON.parse(raw) as Record<string, string>) : {};
  } catch {
    cached = {};
  }
  return cached;
}
