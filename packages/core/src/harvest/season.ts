import * as z from "zod/mini";
import { hasRole, useFarmID, usePerson } from "../actor";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Household } from "../household/household";
import type { Balances } from "./allocate";
import { cropKey, type Unit } from "./crop";

/*
 * My share over the season: per crop, what the household received against
 * its exact share (from the balances the split carries: received minus exact
 * share, so exact = received − the balance's change over the year), and what
 * the farm handed out per mouth that took part.
 */
export namespace HarvestSeason {
  export const Crop = z.object({
    crop: z.string(),
    unit: z.enum(["kg", "piece", "bunch"]),
    /** What the household received this year. */
    received: z.number(),
    /** Its exact share by mouths in the weeks it took part: received minus what its balance moved. */
    exact: z.number(),
    /** What the farm handed out per eligible mouth over the year's weeks. */
    perMouth: z.number(),
    /** What the household received per mouth. */
    receivedPerMouth: z.number(),
  });

  export const Info = z.object({
    year: z.string(),
    mouths: z.number(),
    /** Published weeks this year, and how many of them the household had a share in. */
    weeks: z.number(),
    weeksTaken: z.number(),
    crops: z.array(Crop),
  });
  export type Info = z.infer<typeof Info>;

  export const Year = z.string().check(z.regex(/^20\d\d$/, { message: "Expected a year such as 2027." }));

  const round = (n: number) => Math.round(n * 1000) / 1000 + 0;

  /** The caller's household's year of harvest, crop by crop. */
  export async function mine(year: string): Promise<Info> {
    const person = usePerson();
    if (!person.householdID || !hasRole("member"))
      throw new VisibleError("forbidden", "harvest.no_household", "Only member households have a harvest share.");
    const householdID = person.householdID;
    const farmID = useFarmID();
    const db = useDB().entities;
    const [from, to] = [`${year}-W01`, `${year}-W53`];
    const [weeks, own, before, households] = await Promise.all([
      db.harvestWeek.query.byWeek({ farmID }).between({ week: from }, { week: to }).go({ pages: "all" }),
      db.harvestShare.query.byHousehold({ farmID, householdID }).between({ week: from }, { week: to }).go({ pages: "all" }),
      db.harvestShare.query.byHousehold({ farmID, householdID }).lt({ week: from }).go({ order: "desc", limit: 1 }),
      Household.list(),
    ]);
    const published = new Map(weeks.data.filter((w) => w.status === "published" && w.version > 0).map((w) => [w.week, w]));
    const current = (s: { week: string; version: number }) => published.get(s.week)?.version === s.version;
    const shares = own.data.filter(current).sort((a, b) => a.week.localeCompare(b.week));

    // every household's mouths, and whether it eats meat, for the farm's per-mouth figure
    const byID = new Map(households.map((h) => [h.id, h]));
    const farmPerMouth = new Map<string, number>();
    const weekList = [...published.keys()];
    for (let i = 0; i < weekList.length; i += 8) {
      const all = await Promise.all(
        weekList.slice(i, i + 8).map((week) => db.harvestShare.query.byWeek({ farmID, week }).go({ pages: "all" })),
      );
      for (const res of all) {
        const valid = res.data.filter(current);
        const meatItems = new Set((published.get(valid[0]?.week ?? "")?.items ?? []).filter((it) => it.meat).map((it) => cropKey(it)));
        const handed = new Map<string, number>();
        for (const s of valid) for (const l of s.lines) handed.set(cropKey(l), (handed.get(cropKey(l)) ?? 0) + l.quantity);
        for (const [key, quantity] of handed) {
          const eligible = valid.reduce((n, s) => {
            const h = byID.get(s.householdID);
            return n + (h && !(meatItems.has(key) && h.vegetarian) ? h.mouths : 0);
          }, 0);
          if (eligible > 0) farmPerMouth.set(key, (farmPerMouth.get(key) ?? 0) + quantity / eligible);
        }
      }
    }

    const received = new Map<string, { crop: string; unit: Unit; quantity: number }>();
    for (const s of shares)
      for (const l of s.lines) {
        const key = cropKey(l);
        const had = received.get(key);
        received.set(key, { crop: had?.crop ?? l.crop, unit: l.unit, quantity: (had?.quantity ?? 0) + l.quantity });
      }
    const start = (before.data[0]?.balances ?? {}) as Balances[string];
    const end = (shares.at(-1)?.balances ?? start) as Balances[string];
    const mouths = byID.get(householdID)?.mouths ?? 0;
    const crops = [...received.entries()].map(([key, r]) => ({
      crop: r.crop,
      unit: r.unit,
      received: round(r.quantity),
      exact: round(r.quantity - ((end[key] ?? 0) - (start[key] ?? 0))),
      perMouth: round(farmPerMouth.get(key) ?? 0),
      receivedPerMouth: mouths > 0 ? round(r.quantity / mouths) : 0,
    }));
    crops.sort((a, b) => a.crop.localeCompare(b.crop, "nl"));
    return { year, mouths, weeks: published.size, weeksTaken: shares.length, crops };
  }
}
