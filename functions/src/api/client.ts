import { isIPv4, isIPv6 } from "node:net";

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
  const groups = ipv6Groups(ip);
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join(".");
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` filled in, a dotted IPv4 tail as two groups). */
function ipv6Groups(ip: string): number[] {
  const part = (s: string) =>
    s === ""
      ? []
      : s.split(":").flatMap((g) => {
          if (!g.includes(".")) return [parseInt(g, 16)];
          const [a, b, c, d] = g.split(".").map(Number) as [number, number, number, number];
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head, tail] = ip.split("::") as [string, string | undefined];
  if (tail === undefined) return part(head);
  const h = part(head);
  const t = part(tail);
  return [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
}
