import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasLatin, isSepaReference, sepaText } from "./sepa-text";

describe("text in the SEPA character set", () => {
  it("writes names as the banks convert them", () => {
    const cases: [string, string][] = [
      ["Straße", "Strasse"],
      ["Ærø Æbelø", "AEro AEbelo"],
      ["Ĳsselmeer ĳs", "IJsselmeer ijs"],
      ["Øystein Sørensen", "Oystein Sorensen"],
      ["Łukasz Wałęsa", "Lukasz Walesa"],
      ["José Müller-Lüdenscheidt", "Jose Muller-Ludenscheidt"],
      ["François Œuvre", "Francois OEuvre"],
      ["Þórður Guðmundsson", "THordur Gudmundsson"],
      ["Đorđe Dragić", "Dorde Dragic"],
      ["Ğülşen Çelik İnan", "Gulsen Celik Inan"],
      ["Jansen-Ötzi & Zn.", "Jansen-Otzi + Zn."],
      ["Müller & Søn — ‘t Hof", "Muller + Son - 't Hof"],
      [`<Smit> "Zn" 'x'`, "Smit Zn 'x'"],
      ["ﬁnn  \t van\u0001 Dijk", "finn van Dijk"],
    ];
    for (const [name, expected] of cases) expect(sepaText(name, 70), name).toBe(expected);
    expect(sepaText("x".repeat(80), 70)).toHaveLength(70);
    expect(sepaText("ab " + "c".repeat(70), 3)).toBe("ab");
  });

  it("keeps any text within the EPC's Latin set and the length, trimmed, and converts it once", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 90 }), fc.integer({ min: 1, max: 140 }), (text, max) => {
        const out = sepaText(text, max);
        expect(out).toMatch(/^([A-Za-z0-9/?:().,'+-]([A-Za-z0-9/?:().,'+ -]*[A-Za-z0-9/?:().,'+-])?)?$/);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(sepaText(out, max)).toBe(out);
      }),
    );
  });

  it("keeps only the EPC's Latin set", () => {
    const sample = "Ñandú Åsa Ævar Œdipe Øre Łódź Ĳzer ß ŉ ſ Ŋ ħ ı ĸ ŧ ð þ ƒ “quoted” «x» ½ € ™ 王小明 Иван Γιώργος";
    expect(sepaText(sample, 200)).toMatch(/^[A-Za-z0-9/?:().,'+ -]*$/);
  });

  it("finds nothing Latin in a name of another script", () => {
    const names = { 王小明: false, "Иван Петров": false, "  ?? ": false, "Łukasz 王": true, É: true };
    expect(Object.keys(names).map(hasLatin)).toEqual(Object.values(names));
  });

  it("accepts references as the EPC does", () => {
    const good = ["AKKER-01J0000000000000000000000", "A/B", "O'BRIEN/1", "x".repeat(35), "A (1).2"];
    const bad = ["/X", "X/", "A//B", "", "x".repeat(36), " A", "A ", "A_B", "Ä1"];
    expect([...good, ...bad].map(isSepaReference)).toEqual([...good.map(() => true), ...bad.map(() => false)]);
  });
});
