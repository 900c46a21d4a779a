import * as z from "zod/mini";
import { useFarmID, usePerson } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { amsterdamISO } from "../week";
import { cropKey, units } from "./crop";
import { Handover } from "./handover";

/*
 * The pickup: at the farm the pick list is ticked off on a phone, one item
 * per household collected, so a tap is idempotent and two phones ticking at
 * once lose nothing. What nobody collected counts by itself once the week's
 * last pickup moment is over (on read, no scheduler); closing the pickup by
 * hand counts it then and keeps where it went.
 */

export namespace Pickup {
  const Line = z.object({ crop: z.string(), unit: z.enum(units), quantity: z.number() });

  export const destinations = ["free_table", "food_bank", "counted"] as const;
  export const Destination = z.enum(destinations);

  export const Uncollected = z.object({
    week: z.string(),
    /** Where it went: the free table, the food bank, or only counted. */
    destination: Destination,
    /** Households with a share in the published split, and how many did not collect it. */
    shares: z.number(),
    households: z.number(),
    lines: z.array(Line),
    /** When the farmer closed the pickup, or, counted by itself, when its last moment ended. */
    closedAt: z.string(),
    /** Counted by itself at the end of the pickup: the farmer has not closed it. */
    automatic: z.boolean(),
  });
  export type Uncollected = z.infer<typeof Uncollected>;

  export const Week = z.object({
    week: z.string(),
    collected: z.array(z.object({ householdID: z.string(), at: z.string() })),
    closed: z.nullable(Uncollected),
  });
  export type Week = z.infer<typeof Week>;

  const notPublished = () =>
    new VisibleError("not_found", "harvest.not_published", "This week's split is not published, so there is nothing to pick up.");

  /** The published week and its shares of the current version. */
  async function published(week: string) {
    const farmID = useFarmID();
    const stored = (await useDB().entities.harvestWeek.get({ farmID, week }).go()).data;
    if (!stored || stored.status !== "published") throw notPublished();
    return stored;
  }

  function toUncollected(u: { week: string; destination: Uncollected["destination"]; shares: number; households: number; lines: Uncollected["lines"]; updatedAt: string }): Uncollected {
    return { week: u.week, destination: u.destination, shares: u.shares, households: u.households, lines: u.lines, closedAt: u.updatedAt, automatic: false };
  }

  /** The shares of the published version nobody ticked off, summed per crop. */
  async function left(week: string, version: number) {
    const farmID = useFarmID();
    const db = useDB().entities;
    const [shares, ticks] = await Promise.all([
      db.harvestShare.query.byWeek({ farmID, week }).go({ pages: "all" }),
      // consistent: a tick just made on another phone must be seen
      db.harvestPickup.query.byWeek({ farmID, week }).go({ pages: "all", consistent: true }),
    ]);
    const current = shares.data.filter((s) => s.version === version);
    const collected = new Set(ticks.data.map((t) => t.householdID));
    const missed = current.filter((s) => !collected.has(s.householdID));
    return { shares: current.length, households: missed.length, lines: sumLines(missed.flatMap((s) => s.lines)) };
  }

  /** A published week whose last pickup moment is over and that nobody closed: counted now, from the ticks. */
  async function counted(week: string, version: number, pickup: readonly Farm.PickupMoment[]): Promise<Uncollected | null> {
    const end = Handover.closesAt(week, pickup);
    if (Clock.now() < end) return null;
    return { week, destination: "counted", ...(await left(week, version)), closedAt: amsterdamISO(end), automatic: true };
  }

  /** Who collected their share of the week so far, and the count once the pickup is closed or over. */
  export async function week(week: string): Promise<Week> {
    const farmID = useFarmID();
    const db = useDB().entities;
    const [ticks, closed, stored, farm] = await Promise.all([
      db.harvestPickup.query.byWeek({ farmID, week }).go({ pages: "all" }),
      db.harvestUncollected.get({ farmID, week }).go(),
      db.harvestWeek.get({ farmID, week }).go(),
      Farm.current(),
    ]);
    const published = stored.data?.status === "published" ? stored.data : null;
    return {
      week,
      collected: ticks.data.map((p) => ({ householdID: p.householdID, at: p.createdAt })),
      closed: closed.data ? toUncollected(closed.data) : published ? await counted(week, published.version, farm.pickup) : null,
    };
  }

  /**
   * Ticks a household's share collected (or not). Only a share of the
   * published split can be ticked; ticking twice, from one phone or two, is
   * one tick, and untick after untick is nothing.
   */
  export async function mark(week: string, householdID: string, collected: boolean): Promise<Week> {
    const farmID = useFarmID();
    const db = useDB().entities;
    const stored = await published(week);
    const share = (await db.harvestShare.get({ farmID, week, householdID }).go()).data;
    if (!share || share.version !== stored.version)
      throw new VisibleError("not_found", "harvest.no_share", "This household has no share in the week's published split.");
    if (collected) {
      try {
        await db.harvestPickup.create({ farmID, week, householdID, personID: usePerson().personID }).go();
      } catch (e) {
        // already ticked, by this phone or another: the first tick stands
        if (!isConditionFailure(e)) throw e;
      }
    } else {
      await db.harvestPickup.delete({ farmID, week, householdID }).go();
    }
    return Pickup.week(week);
  }

  /**
   * Closes the week's pickup: counts the shares of the published split that
   * nobody ticked off, sums them per crop, and keeps where they went. Closing
   * again (a late tick, another destination) counts again from the ticks.
   */
  export async function close(week: string, destination: Uncollected["destination"]): Promise<Week> {
    const farmID = useFarmID();
    const stored = await published(week);
    const count = { farmID, week, destination, ...(await left(week, stored.version)), personID: usePerson().personID };
    await useDB()
      .transaction.write(({ harvestUncollected, audit }) => [
        harvestUncollected.put(count).commit(),
        audit.create(Audit.event("harvest.pickup_closed", week, { destination, households: count.households })).commit(),
      ])
      .go();
    return Pickup.week(week);
  }

  /** Lines summed per crop and unit, in the order crops first appear, to a thousandth. */
  export function sumLines(lines: z.infer<typeof Line>[]): z.infer<typeof Line>[] {
    const byCrop = new Map<string, z.infer<typeof Line>>();
    for (const l of lines) {
      const key = cropKey(l);
      const found = byCrop.get(key);
      if (found) found.quantity = Math.round((found.quantity + l.quantity) * 1000) / 1000;
      else byCrop.set(key, { crop: l.crop, unit: l.unit, quantity: l.quantity });
    }
    return [...byCrop.values()];
  }

  /**
   * The weeks of a season (ISO week year) whose pickup was closed by hand
   * or is over, oldest first: a published week nobody closed counts by
   * itself once its last pickup moment has passed.
   */
  export async function season(year: number): Promise<Uncollected[]> {
    const farmID = useFarmID();
    const db = useDB().entities;
    const range = [{ week: `${year}-W00` }, { week: `${year}-W99` }] as const;
    const [closed, weeks, farm] = await Promise.all([
      db.harvestUncollected.query.byWeek({ farmID }).between(...range).go({ pages: "all" }),
      db.harvestWeek.query.byWeek({ farmID }).between(...range).go({ pages: "all" }),
      Farm.current(),
    ]);
    const done = new Set(closed.data.map((c) => c.week));
    const open = weeks.data.filter((w) => w.status === "published" && !done.has(w.week));
    const counts: Uncollected[] = closed.data.map(toUncollected);
    // a few weeks at a time: each reads its shares and ticks
    for (let i = 0; i < open.length; i += 8) {
      const batch = await Promise.all(open.slice(i, i + 8).map((w) => counted(w.week, w.version, farm.pickup)));
      counts.push(...batch.filter((c) => c !== null));
    }
    return counts.sort((a, b) => a.week.localeCompare(b.week));
  }
}
