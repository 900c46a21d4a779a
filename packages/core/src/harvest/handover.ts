import * as z from "zod/mini";
import { hasRole, useFarmID, usePerson } from "../actor";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { Household } from "../household/household";
import { RateLimit } from "../ratelimit/ratelimit";
import { addWeeks, amsterdamISO, amsterdamTime, mondayOf, weekOf } from "../week";

/*
 * Herenburen: a household hands a week's share to another household to
 * collect, which accepts in the app. Every step is a conditional write on
 * the one handover item of the giving household and week, so a share is
 * offered to one household at a time, withdrawn only before it is
 * accepted, and accepted only by the household it was offered to.
 */
export namespace Handover {
  /** Handing over is possible this far ahead. */
  const weeksAhead = 8;

  const Party = z.object({ householdID: z.string(), name: z.string(), status: z.enum(["offered", "accepted"]) });

  export const Info = z.object({
    week: z.string(),
    /** Whom the caller's household handed its share to, if anyone. */
    given: z.nullable(Party),
    /** Households that handed their share to the caller's household. */
    received: z.array(Party),
    /** Until when handing over, withdrawing and accepting are possible. */
    closes: z.string(),
    open: z.boolean(),
  });
  export type Info = z.infer<typeof Info>;

  export const OfferInput = z.object({ toHouseholdID: z.string().check(z.minLength(1), z.maxLength(100)) });
  export const FromInput = z.object({ fromHouseholdID: z.string().check(z.minLength(1), z.maxLength(100)) });

  /**
   * The end of a week's pickup on the farm's clock: the end of the last of
   * the farm's pickup moments that week, or of its Sunday while it has none.
   */
  export function closesAt(week: string, pickup: readonly Farm.PickupMoment[]): number {
    const last = [...pickup].sort((a, b) => a.weekday - b.weekday || a.to.localeCompare(b.to)).at(-1);
    const day = mondayOf(week);
    day.setUTCDate(day.getUTCDate() + (last ? last.weekday - 1 : 7));
    const [hour, minute] = last ? last.to.split(":").map(Number) : [0, 0];
    return amsterdamTime(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour, minute);
  }

  async function closes(week: string) {
    return closesAt(week, (await Farm.current()).pickup);
  }

  function ownHousehold() {
    const person = usePerson();
    if (!person.householdID || !hasRole("member"))
      throw new VisibleError("forbidden", "harvest.no_household", "Only member households have a harvest share.");
    return { householdID: person.householdID, personID: person.personID };
  }

  async function assertOpen(week: string) {
    if (Clock.now() >= (await closes(week)))
      throw new VisibleError("conflict", "handover.closed", "This week's pickup is over: its share can no longer be handed over.");
    if (week > addWeeks(weekOf(Clock.now()), weeksAhead))
      throw new VisibleError("input", "handover.too_far", `A share can be handed over at most ${weeksAhead} weeks ahead.`);
  }

  const db = () => useDB().entities.harvestHandover;

  async function ofWeek(week: string) {
    return (await db().query.byWeek({ farmID: useFarmID(), week }).go({ pages: "all", consistent: true })).data;
  }

  /** The caller's household's handovers of a week, given and received. */
  export async function get(week: string): Promise<Info> {
    const { householdID } = ownHousehold();
    const [offers, households, end, out] = await Promise.all([
      ofWeek(week),
      Household.list(),
      closes(week),
      useDB().entities.harvestOptOut.query.byWeek({ farmID: useFarmID(), week }).go({ pages: "all" }),
    ]);
    // a household that opted out after handing over has no share left to collect
    const skipping = new Set(out.data.map((o) => o.householdID));
    const all = offers.filter((h) => !skipping.has(h.householdID));
    const name = (id: string) => households.find((h) => h.id === id)?.name ?? "?";
    const given = all.find((h) => h.householdID === householdID);
    return {
      week,
      given: given ? { householdID: given.toHouseholdID, name: name(given.toHouseholdID), status: given.status } : null,
      received: all
        .filter((h) => h.toHouseholdID === householdID)
        .map((h) => ({ householdID: h.householdID, name: name(h.householdID), status: h.status })),
      closes: amsterdamISO(end),
      open: Clock.now() < end,
    };
  }

  /** Offers the caller's household's share of the week to another active household. */
  export async function offer(week: string, toHouseholdID: string): Promise<Info> {
    const { householdID, personID } = ownHousehold();
    await assertOpen(week);
    const farmID = useFarmID();
    if (toHouseholdID === householdID) throw new VisibleError("input", "handover.self", "A share cannot be handed to its own household.");
    const [to, optOut] = await Promise.all([
      Household.get(toHouseholdID),
      useDB().entities.harvestOptOut.get({ farmID, week, householdID }).go(),
    ]);
    if (!to || to.status !== "active") throw new VisibleError("not_found", "handover.unknown_household", "No such household.");
    if (optOut.data) throw new VisibleError("conflict", "handover.opted_out", "The household opted out of this week: there is no share to hand over.");
    const expiresAtEpoch = Math.floor(mondayOf(addWeeks(week, 1)).getTime() / 1000) + 60 * 86_400;
    try {
      await db().create({ farmID, week, householdID, toHouseholdID, status: "offered", personID, expiresAtEpoch }).go();
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      throw new VisibleError("conflict", "handover.taken", "This share is already handed to a household; withdraw that first.");
    }
    return get(week);
  }

  /** Takes an offer back, as long as it is not accepted. */
  export async function withdraw(week: string): Promise<Info> {
    const { householdID } = ownHousehold();
    await assertOpen(week);
    try {
      await db()
        .delete({ farmID: useFarmID(), week, householdID })
        .where((a, op) => op.eq(a.status, "offered"))
        .go();
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      const now = await get(week);
      if (now.given) throw new VisibleError("conflict", "handover.accepted", "The other household has accepted already; ask them to step back.");
    }
    return get(week);
  }

  /** The household a share was offered to accepts it (accepted: true) or declines it. */
  export async function answer(week: string, fromHouseholdID: string, accepted: boolean): Promise<Info> {
    const { householdID, personID } = ownHousehold();
    await assertOpen(week);
    const key = { farmID: useFarmID(), week, householdID: fromHouseholdID };
    try {
      if (accepted)
        await db()
          .patch(key)
          .set({ status: "accepted", acceptedBy: personID })
          .where((a, op) => `${op.eq(a.toHouseholdID, householdID)} AND ${op.eq(a.status, "offered")}`)
          .go();
      else
        await db()
          .delete(key)
          .where((a, op) => `${op.eq(a.toHouseholdID, householdID)} AND ${op.eq(a.status, "offered")}`)
          .go();
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      throw new VisibleError("not_found", "handover.not_found", "No share of that household waits for an answer from yours.");
    }
    return get(week);
  }

  /** Who collects whose share in a week (accepted handovers), for the farmer's pick list. */
  export async function collectors(week: string, known?: { id: string; name: string }[]): Promise<Map<string, { householdID: string; name: string }>> {
    const [all, households] = await Promise.all([ofWeek(week), known ?? Household.list()]);
    const names = new Map(households.map((h) => [h.id, h.name]));
    return new Map(
      all
        .filter((h) => h.status === "accepted")
        .map((h) => [h.householdID, { householdID: h.toHouseholdID, name: names.get(h.toHouseholdID) ?? "?" }]),
    );
  }

  export const Neighbour = z.object({ id: z.string(), name: z.string() });
  export const NeighbourQuery = z.object({
    q: z.string().check(z.trim(), z.minLength(2, { message: "Type at least 2 letters." }), z.maxLength(60)),
  });

  /** A member may search this often an hour: enough to find a few neighbours, too few to walk the farm's list. */
  export const searchBudget = { limit: 60, windowSeconds: 3600 };
  /** At most this many matches: type more to narrow them. */
  const matchLimit = 8;

  /** Lower case without accents, so "belen" finds "Beléén". */
  const fold = (s: string) => s.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();

  /**
   * The other active households whose name holds the typed text, those
   * whose name (or a word of it) starts with it first; names only, a few
   * at a time, so no member reads the farm's whole household list.
   */
  export async function neighbours(query: string): Promise<z.infer<typeof Neighbour>[]> {
    const { householdID, personID } = ownHousehold();
    const q = fold(query.trim());
    if (q.length < 2) throw new VisibleError("input", "handover.query_too_short", "Type at least 2 letters of the household's name.");
    await RateLimit.hit(`neighbours:${personID}`, searchBudget.limit, searchBudget.windowSeconds, "handover.rate_limited");
    const rank = (name: string) => {
      const f = fold(name);
      if (f.startsWith(q)) return 0;
      if (f.split(/[\s-]+/).some((w) => w.startsWith(q))) return 1;
      return f.includes(q) ? 2 : -1;
    };
    return (await Household.list())
      .filter((h) => h.status === "active" && h.id !== householdID)
      .map((h) => ({ id: h.id, name: h.name, rank: rank(h.name) }))
      .filter((h) => h.rank >= 0)
      .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, "nl"))
      .slice(0, matchLimit)
      .map(({ id, name }) => ({ id, name }));
  }
}
