import { Site } from "@akker/core/farm/site";

/**
 * Which farm a request is for. One deployment can host several farms: a
 * host name maps to its farm via FARM_DOMAINS (`{"akker.voorbeeld.nl":"farm_x"}`);
 * every other host gets DEFAULT_FARM_ID. The map lives in core (farm/site.ts),
 * which also makes each farm's mail links.
 */
export function farmForHost(host: string | undefined): string {
  return Site.farmForHost(host);
}
