import * as z from "zod/mini";
import { useFarmID, usePerson } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { amsterdamISO } from "../week";
import { assertOwnOrTreasurer } from "./access";
import { Composition } from "./composition";
import { dateOf, potShare } from "./rules";
import { Season } from "./season";
import { Statement } from "./statement";
import { backoff } from "../backoff";

/**
 * Solidarity: a household may pay more (supporter) or ask to pay less
 * (reduced, with a reason only the treasurer reads). The year's pot holds
 * what the supporters add and what the reductions take; a reduction is
 * granted only while the supporters' extra covers it. Every change is one
 * transaction of the household's choice and the pot, on the condition that
 * the pot did not change meanwhile, so simultaneous requests cannot both
 * take its last euros.
 *
 * The amounts are fixed when a choice is made (the year's contribution
 * before solidarity × percent); a later price version or composition change
 * moves the statement, not the pot, until the household chooses again.
 *
 * The pot never promises more than it holds: a reduction granted stands for
 * the year, so a supporter can lower or withdraw their extra only as far as
 * the pot still covers what it granted (409 `solidarity.pot_promised`, with
 * the lowest percentage still possible); a reduction given back, a smaller
 * one, or more support is always allowed.
 */
export namespace Solidarity {
  export const choices = ["standard", "supporter", "reduced"] as const;
  export const Input = z
    .object({
      choice: z.enum(choices),
      /** Supporters: 5–100% more (10 by default); reductions: 5–75% less (25 by default). */
      percent: z.optional(z.int().check(z.minimum(5), z.maximum(100))),
      reason: z.optional(z.string().check(z.trim(), z.maxLength(500))),
      year: z.optional(z.int().check(z.minimum(2000), z.maximum(2200))),
    })
    .check(z.refine((v) => v.choice !== "reduced" || (v.percent ?? 25) <= 75, { message: "A reduction is at most 75%.", path: ["percent"] }));

  export const Mine = z.object({
    year: z.number(),
    choice: z.enum(choices),
    percent: z.number(),
    reason: z.nullable(z.string()),
  });
  export type Mine = z.infer<typeof Mine>;

  export const Totals = z.object({
    year: z.number(),
    supporters: z.number(),
    supporterMouths: z.number(),
    reduced: z.number(),
    /** "The pot carries N mouths": the mouths of the households with a reduction. */
    carriesMouths: z.number(),
    supportCents: z.number(),
    grantedCents: z.number(),
    availableCents: z.number(),
  });
  export type Totals = z.infer<typeof Totals>;

  export const Entry = z.object({
    householdID: z.string(),
    name: z.string(),
    choice: z.enum(["supporter", "reduced"]),
    percent: z.number(),
    reason: z.nullable(z.string()),
    potCents: z.number(),
    mouths: z.number(),
    updatedAt: z.string(),
  });

  const currentYear = () => Number(dateOf(Clock.now()).slice(0, 4));
  const notFound = () => new VisibleError("not_found", "household.not_found", "No such household.");

  /** The caller's own household's choice (standard when none was made). */
  export async function mine(householdID: string, year = currentYear()): Promise<Mine> {
    assertOwnOrTreasurer(householdID);
    const res = await useDB().entities.solidarityChoice.get({ farmID: useFarmID(), year, householdID }).go({ consistent: true });
    const c = res.data;
    return { year, choice: c?.choice ?? "standard", percent: c?.percent ?? 0, reason: c?.reason ?? null };
  }

  const zeroPot = { supportCents: 0, grantedCents: 0, supporters: 0, supporterMouths: 0, reduced: 0, reducedMouths: 0, version: 0 };
  type Pot = typeof zeroPot;
  const potOf = (p: Pot): Pot => ({
    supportCents: p.supportCents,
    grantedCents: p.grantedCents,
    supporters: p.supporters,
    supporterMouths: p.supporterMouths,
    reduced: p.reduced,
    reducedMouths: p.reducedMouths,
    version: p.version,
  });

  /** The pot with a household's old choice taken out and its new one put in. */
  function apply(pot: Pot, sign: 1 | -1, c: { choice: string; potCents: number; mouths: number } | undefined): Pot {
    if (!c || c.choice === "standard") return pot;
    const round = (n: number) => Math.round(n * 1000) / 1000;
    return c.choice === "supporter"
      ? { ...pot, supportCents: pot.supportCents + sign * c.potCents, supporters: pot.supporters + sign, supporterMouths: round(pot.supporterMouths + sign * c.mouths) }
      : { ...pot, grantedCents: pot.grantedCents + sign * c.potCents, reduced: pot.reduced + sign, reducedMouths: round(pot.reducedMouths + sign * c.mouths) };
  }

  /** The lowest supporter percentage (5–100) that keeps the pot covering what it granted, with the household's old choice taken out. */
  function lowestSupport(pot: Pot, old: { choice: string; potCents: number; mouths: number } | undefined, baseYearlyCents: number) {
    const without = apply(pot, -1, old);
    for (let percent = 5; percent < 100; percent++)
      if (without.supportCents + potShare(baseYearlyCents, percent) >= without.grantedCents) return percent;
    return 100;
  }

  /**
   * Sets the caller's household's choice for the year (by default this
   * year). Only its own members may; 409 `solidarity.pot_exhausted` when a
   * reduction would take more than the supporters put in, and
   * `solidarity.pot_promised` when a supporter's step back would leave the
   * pot short of the reductions it granted.
   */
  export async function choose(householdID: string, input: z.infer<typeof Input>): Promise<Mine> {
    if (usePerson().householdID !== householdID) throw notFound();
    const farmID = useFarmID();
    const year = input.year ?? currentYear();
    const household = await Composition.household(householdID);
    if (!household) throw notFound();
    const season = await Season.confirmed(year);
    const percent = input.choice === "standard" ? 0 : (input.percent ?? (input.choice === "supporter" ? 10 : 25));
    const periods = (await Composition.sync([household], new Map([[householdID, await Composition.of(householdID)]]))).get(householdID) ?? [];
    const base = Statement.compute(season, periods, { choice: "standard", percent: 0 }, 0);
    const next = {
      choice: input.choice,
      percent,
      potCents: potShare(base.yearlyCents, percent),
      mouths: base.mouths,
      reason: input.choice === "reduced" ? input.reason || undefined : undefined,
    };
    for (let attempt = 0; attempt < 100; attempt++) {
      const [potRes, oldRes] = await Promise.all([
        useDB().entities.solidarityPot.get({ farmID, year }).go({ consistent: true }),
        useDB().entities.solidarityChoice.get({ farmID, year, householdID }).go({ consistent: true }),
      ]);
      const pot = potRes.data ?? undefined;
      const old = oldRes.data ?? undefined;
      const before: Pot = pot ? potOf(pot) : zeroPot;
      const after = apply(apply(before, -1, old), 1, next);
      // Refuse what makes the pot carry more than it holds, or more short than it was (a pot
      // overdrawn before this rule only recovers); checked on the version this transaction holds.
      if (after.grantedCents > after.supportCents && after.supportCents - after.grantedCents < before.supportCents - before.grantedCents) {
        if (after.grantedCents > before.grantedCents)
          throw new VisibleError("conflict", "solidarity.pot_exhausted", "The solidarity pot cannot carry this reduction now.");
        const lowest = lowestSupport(before, old, base.yearlyCents);
        throw new VisibleError(
          "conflict",
          "solidarity.pot_promised",
          `The solidarity pot has promised this year's reductions from the supporters' extra: you can lower yours to ${lowest}% at the least.`,
          undefined,
          { lowestPercent: lowest },
        );
      }
      const res = await useDB()
        .transaction.write(({ solidarityPot, solidarityChoice, audit }) => [
          pot
            ? solidarityPot
                .patch({ farmID, year })
                .set({ ...after, version: pot.version + 1 })
                .where((a, op) => op.eq(a.version, pot.version))
                .commit()
            : solidarityPot.create({ farmID, year, ...after, version: 1 }).commit(),
          solidarityChoice.put({ farmID, year, householdID, ...next }).commit(),
          // what was chosen stays out of the audit log: that is for the treasurer's list only
          audit.create(Audit.event("solidarity.changed", householdID, { year })).commit(),
        ])
        .go();
      if (!res.canceled) return { year, choice: next.choice, percent, reason: next.reason ?? null };
      await backoff(attempt, 100);
    }
    throw new VisibleError("conflict", "solidarity.busy", "Too many changes at once; try again.");
  }

  /** Only totals: never which household chose what. */
  export async function totals(year = currentYear()): Promise<Totals> {
    const res = await useDB().entities.solidarityPot.get({ farmID: useFarmID(), year }).go();
    const p = res.data ? potOf(res.data) : zeroPot;
    return {
      year,
      supporters: p.supporters,
      supporterMouths: p.supporterMouths,
      reduced: p.reduced,
      carriesMouths: p.reducedMouths,
      supportCents: p.supportCents,
      grantedCents: p.grantedCents,
      availableCents: p.supportCents - p.grantedCents,
    };
  }

  /** The treasurer's list: who supports, who has a reduction and why. */
  export async function list(year = currentYear()) {
    const [res, households] = await Promise.all([
      useDB().entities.solidarityChoice.query.byYear({ farmID: useFarmID(), year }).go({ pages: "all" }),
      Composition.households(),
    ]);
    const names = new Map(households.map((h) => [h.householdID, h.name]));
    return res.data
      .filter((c) => c.choice !== "standard")
      .map((c) => ({
        householdID: c.householdID,
        name: names.get(c.householdID) ?? "",
        choice: c.choice as "supporter" | "reduced",
        percent: c.percent,
        reason: c.reason ?? null,
        potCents: c.potCents,
        mouths: c.mouths,
        updatedAt: amsterdamISO(Date.parse(c.updatedAt)),
      }))
      .sort((a, b) => a.choice.localeCompare(b.choice) || a.name.localeCompare(b.name, "nl"));
  }
}
