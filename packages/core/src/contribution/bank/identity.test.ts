import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineKeys } from "./identity";
import { parseBankFile } from "./index";
import { fixtureBytes, fixtureNames } from "./test-files";
import type { ParsedLine } from "./types";

const fixtures = fixtureNames;
const raw = fixtureBytes;
const keysOf = (bytes: Uint8Array) => parseBankFile(bytes).lines.map((l) => l.key);
const lines = (text: string) => text.split("\r\n").filter(Boolean);
const bytes = (s: string) => new TextEncoder().encode(s);

describe("a bank line's identity", () => {
  it("is the same when the same file is read twice, and unique within a file", () => {
    for (const name of fixtures) {
      const first = keysOf(raw(name));
      expect(keysOf(raw(name)), name).toEqual(first);
      expect(new Set(first).size, name).toBe(first.length);
    }
  });

  it("tells apart two households paying with the same description, and a standing order in two months", () => {
    const ing = parseBankFile(raw("bank/ing-2026-11-12-semicolon.csv")).lines;
    const same = ing.filter((l) => l.description === "Bijdrage Herenboeren december");
    expect(same).toHaveLength(2);
    expect(same[0]!.key).not.toBe(same[1]!.key);
    const standing = ing.filter((l) => l.description === "Maandbijdrage Herenboeren");
    expect(standing.map((l) => l.bookingDate)).toEqual(["2026-12-01", "2026-11-02"]);
    expect(standing[0]!.key).not.toBe(standing[1]!.key);
    const abn = parseBankFile(raw("bank/abnamro-2026-11-12.TAB")).lines.filter((l) => l.counterName === "J.P. Jansen");
    expect(abn[0]!.key).not.toBe(abn[1]!.key);
  });

  it("counts identical lines: the second is occurrence 2, and a later overlapping export gives the same keys", () => {
    const file = lines(new TextDecoder("windows-1252").decode(raw("bank/abnamro-2026-11-12.TAB")));
    const twice = [...file.slice(0, 3), file[2]!, ...file.slice(3)];
    const keys = keysOf(bytes(twice.join("\r\n")));
    expect(keys[3]).not.toBe(keys[2]);
    expect(keys.filter((k) => k === keys[2])).toHaveLength(1);
    // November and early December, then all of December: the lines in both keep their keys
    const early = keysOf(bytes(twice.slice(0, 5).join("\r\n")));
    const late = keysOf(bytes(twice.slice(1).join("\r\n")));
    expect(late.slice(0, 4)).toEqual(early.slice(1, 5));
  });

  it("uses the bank's reference where there is one: order in the file does not matter", () => {
    const [header, ...rows] = lines(new TextDecoder().decode(raw("bank/rabobank-2026-11-12.csv")));
    const keys = keysOf(bytes([header, ...rows].join("\r\n")));
    const reversed = keysOf(bytes([header, ...rows.reverse()].join("\r\n")));
    expect(reversed.reverse()).toEqual(keys);
    expect(keys.every((k) => k.startsWith("r"))).toBe(true);
  });

  it("does not trust a bank reference that comes back with other content", () => {
    const line = (amountCents: number): ParsedLine => ({ line: 1, bookingDate: "2026-12-01", amountCents, currency: "EUR", description: "x", bankRef: "42" });
    const [a, b, c] = lineKeys("camt053", [line(100), line(200), line(100)], "NL71RABO6627312220");
    expect(b).not.toBe(a);
    expect(c).toBe(a); // the same movement listed twice is one movement
    expect(lineKeys("camt053", [line(100)], "NL77INGB0816834955")[0]).not.toBe(a); // another account
  });

  it("gives distinct keys to every line of any file, and the same keys again (property)", () => {
    const arbitraryLine = fc.record({
      line: fc.nat(),
      bookingDate: fc.constantFrom("2026-11-01", "2026-12-01"),
      amountCents: fc.constantFrom(4334, -4334, 8668),
      currency: fc.constant("EUR"),
      counterIBAN: fc.constantFrom(undefined, "NL72INGB0598096747", "NL80ABNA0185427715"),
      description: fc.constantFrom("Bijdrage Herenboeren december", "Maandbijdrage", ""),
    });
    fc.assert(
      fc.property(fc.array(arbitraryLine, { maxLength: 40 }), (file) => {
        const keys = lineKeys("ing-csv", file, "NL77INGB0816834955");
        expect(new Set(keys).size).toBe(file.length);
        expect(lineKeys("ing-csv", structuredClone(file), "NL77INGB0816834955")).toEqual(keys);
      }),
    );
  });
});
