import { describe, expect, it } from "vitest";
import { clientKey } from "./client";

describe("clientKey", () => {
  it("counts IPv4 by the address", () => {
    expect(clientKey("198.51.100.7")).toBe("198.51.100.7");
    expect(clientKey("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(clientKey("::ffff:c633:6407")).toBe("198.51.100.7");
  });

  it("counts IPv6 by its /64, however it is written", () => {
    const key = "2001:db8:7:42::/64";
    expect(clientKey("2001:db8:7:42::1")).toBe(key);
    expect(clientKey("2001:0db8:0007:0042:ffff:1:2:3")).toBe(key);
    expect(clientKey("2001:DB8:7:42:a::")).toBe(key);
    expect(clientKey("[2001:db8:7:42::9]")).toBe(key);
    expect(clientKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey("2001:db8:7:43::1")).not.toBe(key);
  });

  it("anything else is one client, unknown", () => {
    expect(clientKey(undefined)).toBe("unknown");
    expect(clientKey("203.0.113.1, 10.0.0.1")).toBe("unknown");
    expect(clientKey("not an address")).toBe("unknown");
  });
});
