import { isIPv4, isIPv6 } from "node:net";
import {
  convertIPv4BinaryToString,
  convertIPv4MappedIPv6ToIPv4,
  convertIPv6ToBinary,
  isIPv4MappedIPv6,
} from "hono/utils/ipaddr";

/**
 * What the rate limits count a client by: an IPv4 address, or the /64 an
 * IPv6 address lies in. One subscriber gets a whole /64 (often more) and
 * can take a new address in it for every request, so counting single IPv6
 * addresses would count nothing. IPv4 written as IPv6 (`::ffff:a.b.c.d`,
 * as a dual-stack socket reports it) is counted as the IPv4 address.
 */
export function clientKey(address: string | undefined): string {
  const ip = address?.trim().replace(/^\[|\]$/g, "").replace(/%.*$/, "") ?? "";
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return "unknown";
  const bits = convertIPv6ToBinary(ip);
  if (isIPv4MappedIPv6(bits)) return convertIPv4BinaryToString(convertIPv4MappedIPv6ToIPv4(bits));
  const groups = [0, 1, 2, 3].map((i) => ((bits >> BigInt(16 * (7 - i))) & 0xffffn).toString(16));
  return `${groups.join(":")}::/64`;
}
