import * as z from "zod/mini";
import { useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { decimal } from "../schema";
import { amsterdamISO } from "../week";
import { addDays, dateOf, isDate, versionOn, type PriceVersion } from "./rules";
import { SeasonDraft } from "./season-draft";

/**
 * A year's contribution. The board enters the budget the ALV adopted and the
 * number of harvest weeks; the platform proposes the price per mouth per week
 * from the mouths of the active households (see `proposeRate`); the treasurer
 * confirms it, which adds a price version. Changing the price later adds a
 * version with an effective date: statements follow, month by month.
 */
export namespace Season {
  export const year = z.coerce.number().check(z.int(), z.minimum(2000), z.maximum(2200));
  const cents = (max: number) => z.int().check(z.minimum(0), z.maximum(max));
  const date = z.string().check(z.refine(isDate, { message: "Expected a date, YYYY-MM-DD." }));

  /** The board's input; the farm settings among it (child factor, deposits, opt-out, hours) are saved on the farm. */
  export const Input = z.object({
    budgetCents: cents(10_000_000_000),
    weeks: z.int().check(z.minimum(1), z.maximum(53)),
    vegetarianDiscountCents: z.optional(cents(100_000)),
    childFactor: z.optional(decimal(0, 1)),
    depositFullCents: z.optional(cents(10_000_000)),
    depositHalfCents: z.optional(cents(10_000_000)),
    optOutDaysBefore: z.optional(z.int().check(z.minimum(0), z.maximum(14))),
    optOutTime: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
    targetHours: z.optional(decimal(0, 1000)),
  });

  /** The treasurer may confirm another (e.g. rounded) price than proposed, and date a change. */
  export const ConfirmInput = z.object({
    rateCents: z.optional(cents(100_000)),
    vegetarianRateCents: z.optional(cents(100_000)),
    effectiveFrom: z.optional(date),
  });

  const Version = z.object({
    version: z.number(),
    rateCents: z.number(),
    vegetarianRateCents: z.number(),
    effectiveFrom: z.string(),
    confirmedAt: z.string(),
    confirmedBy: z.string(),
  });

  export const Info = z.object({
    year: z.number(),
    budgetCents: z.number(),
    weeks: z.number(),
    vegetarianDiscountCents: z.number(),
    childFactor: z.number(),
    depositFullCents: z.number(),
    depositHalfCents: z.number(),
    optOutDaysBefore: z.number(),
    optOutTime: z.string(),
    targetHours: z.number(),
    /** `proposed` until the first confirmation; `changed` when saved again since the last one. */
    status: z.enum(["proposed", "confirmed", "changed"]),
    proposal: z.object({
      rateCents: z.nullable(z.number()),
      vegetarianRateCents: z.nullable(z.number()),
      averageCents: z.nullable(z.number()),
      mouths: z.number(),
      vegetarianMouths: z.number(),
      households: z.number(),
    }),
    /** The confirmed price in effect today (within the year), per mouth per week. */
    rateCents: z.nullable(z.number()),
    vegetarianRateCents: z.nullable(z.number()),
    versions: z.array(Version),
  });
  export type Info = z.infer<typeof Info>;

  export type Stored = NonNullable<Awaited<ReturnType<typeof load>>>;

  export const notFound = () => new VisibleError("not_found", "season.not_found", "No contribution has been entered for this year.");
  export const notConfirmed = () =>
    new VisibleError("conflict", "season.not_confirmed", "The contribution for this year has not been confirmed yet.");

  export async function load(y: number) {
    const res = await useDB().entities.season.get({ farmID: useFarmID(), year: y }).go({ consistent: true });
    return res.data ?? undefined;
  }

  /** A season with a confirmed price, or 404/409. */
  export async function confirmed(y: number): Promise<Stored> {
    const s = await load(y);
    if (!s) throw notFound();
    if (!s.versions.length) throw notConfirmed();
    return s;
  }

  /** Today, or the nearest day of the year when the year is not now. */
  export function dayWithin(y: number, today = dateOf(Clock.now())) {
    return today < `${y}-01-01` ? `${y}-01-01` : today > `${y}-12-31` ? `${y}-12-31` : today;
  }

  async function info(s: Stored): Promise<Info> {
    const farm = await Farm.current();
    const current = versionOn(s.versions, dayWithin(s.year));
    return {
      year: s.year,
      budgetCents: s.budgetCents,
      weeks: s.weeks,
      vegetarianDiscountCents: s.vegetarianDiscountCents,
      childFactor: s.childFactor,
      depositFullCents: farm.depositFullCents,
      depositHalfCents: farm.depositHalfCents,
      optOutDaysBefore: farm.optOutDaysBefore,
      optOutTime: farm.optOutTime,
      targetHours: farm.targetHours,
      status: !s.versions.length ? "proposed" : s.pending ? "changed" : "confirmed",
      proposal: {
        rateCents: s.proposal.rateCents ?? null,
        vegetarianRateCents: s.proposal.vegetarianRateCents ?? null,
        averageCents: s.proposal.averageCents ?? null,
        mouths: s.proposal.mouths,
        vegetarianMouths: s.proposal.vegetarianMouths,
        households: s.proposal.households,
      },
      rateCents: current?.rateCents ?? null,
      vegetarianRateCents: current?.vegetarianRateCents ?? null,
      versions: [...s.versions]
        .sort((a, b) => a.version - b.version)
        .map((v) => ({ ...v, confirmedAt: amsterdamISO(Date.parse(v.confirmedAt)) })),
    };
  }

  export async function get(y: number): Promise<Info> {
    const s = await load(y);
    if (!s) throw notFound();
    return info(s);
  }

  const changed = () => new VisibleError("conflict", "season.changed", "The season was changed meanwhile; try again.");

  /**
   * Saves the board's figures and proposes the price; the farm settings among
   * them go to the farm in the same transaction as the season and its audit
   * event, so a save refused for a concurrent edit (or cut short by a crash)
   * changes nothing.
   */
  export async function save(y: number, input: z.infer<typeof Input>): Promise<Info> {
    if (!(await SeasonDraft.write(y, input))) throw changed();
    return get(y);
  }

  /** An ALV's adopted budget as the year's draft, and what a budget would cost: season-draft.ts, which the ALV's function loads alone. */
  export const draftFromBudget = SeasonDraft.fromBudget;
  export const preview = SeasonDraft.preview;

  /**
   * Confirms the proposed price (or the one given) as a new version. The
   * first version applies from 1 January; a later one from `effectiveFrom`,
   * by default the first of next month, and always after the last one.
   */
  export async function confirm(y: number, input: z.infer<typeof ConfirmInput>): Promise<Info> {
    const s = await load(y);
    if (!s) throw notFound();
    if (!s.pending && input.rateCents === undefined)
      throw new VisibleError("conflict", "season.nothing_to_confirm", "The proposal is already confirmed; save new figures or give a price.");
    const rateCents = input.rateCents ?? s.proposal.rateCents;
    if (rateCents === undefined)
      throw new VisibleError("conflict", "season.no_proposal", "There is no price to confirm: the farm has no active mouths yet.");
    const vegetarianRateCents =
      input.vegetarianRateCents ??
      (input.rateCents === undefined ? s.proposal.vegetarianRateCents : undefined) ??
      Math.max(0, rateCents - s.vegetarianDiscountCents);
    const last = [...s.versions].sort((a, b) => a.version - b.version).at(-1);
    let effectiveFrom = `${y}-01-01`;
    if (last) {
      const today = dateOf(Clock.now());
      const nextMonth = addDays(`${today.slice(0, 7)}-01`, 32).slice(0, 7) + "-01";
      effectiveFrom = input.effectiveFrom ?? (nextMonth < `${y}-01-01` ? `${y}-01-01` : nextMonth);
      const issue = (message: string) => new VisibleError("input", "input.invalid", message, [{ path: "effectiveFrom", message }]);
      if (!effectiveFrom.startsWith(`${y}-`)) throw issue(`A price for ${y} takes effect within ${y}.`);
      if (effectiveFrom <= last.effectiveFrom) throw issue(`The new price must take effect after ${last.effectiveFrom}.`);
    }
    const version: PriceVersion & { version: number; confirmedAt: string; confirmedBy: string } = {
      version: (last?.version ?? 0) + 1,
      rateCents,
      vegetarianRateCents,
      effectiveFrom,
      confirmedAt: Clock.iso(),
      confirmedBy: SeasonDraft.actorName(),
    };
    const res = await useDB()
      .transaction.write(({ season, audit }) => [
        season
          .patch({ farmID: useFarmID(), year: y })
          .set({ versions: [...s.versions, version], pending: false, revision: s.revision + 1 })
          .where((a, op) => op.eq(a.revision, s.revision))
          .commit(),
        audit.create(Audit.event("season.confirmed", String(y), { version: version.version, rateCents, vegetarianRateCents, effectiveFrom })).commit(),
      ])
      .go();
    if (res.canceled) throw changed();
    return get(y);
  }
}
