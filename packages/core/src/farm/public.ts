import * as z from "zod/mini";
import { useFarmID } from "../actor";
import { Clock } from "../clock";
import { versionOn } from "../contribution/rules";
import { useDB } from "../entities";
import { mouths } from "../household/mouths";
import { all as applications } from "../membership/waitlist";
import { dateOf } from "../week";
import { Farm } from "./farm";

/**
 * What anyone may know about the farm before logging in: the public farm
 * page. Only the farm's own facts and totals, never a person or a household.
 */
export namespace FarmPublic {
  export const Info = z.object({
    name: z.string(),
    pickup: z.array(Farm.PickupMoment),
    depositFullCents: z.number(),
    depositHalfCents: z.number(),
    depositInstalments: z.number(),
    minimumTermYears: z.number(),
    capacityMouths: z.number(),
    /** The confirmed price per mouth per week in effect today (or of next year, when this one has none). */
    price: z.nullable(z.object({ year: z.int(), rateCents: z.number(), vegetarianRateCents: z.number() })),
    /** The confirmed applications waiting for a place, and their mouths. */
    waiting: z.object({ applications: z.int(), mouths: z.number() }),
  });
  export type Info = z.infer<typeof Info>;

  // Read before every login and on every share: a minute old is recent enough.
  const cache = new Map<string, { at: number; info: Info }>();
  const cacheMs = 60_000;

  // the season's item read directly: the contribution module would weigh 6 kB on the core Lambda
  async function price(today: string): Promise<Info["price"]> {
    const year = Number(today.slice(0, 4));
    for (const y of [year, year + 1]) {
      const season = (await useDB().entities.season.get({ farmID: useFarmID(), year: y }).go()).data;
      const version = season && versionOn(season.versions ?? [], y === year ? today : `${y}-01-01`);
      if (version) return { year: y, rateCents: version.rateCents, vegetarianRateCents: version.vegetarianRateCents };
    }
    return null;
  }

  export async function get(): Promise<Info> {
    const farmID = useFarmID();
    const hit = cache.get(farmID);
    if (hit && Date.now() - hit.at < cacheMs) return hit.info;
    const [farm, list, current] = await Promise.all([Farm.current(), applications(), price(dateOf(Clock.now()))]);
    const waiting = list.filter((a) => a.status === "waiting");
    const info: Info = {
      name: farm.name,
      pickup: farm.pickup,
      depositFullCents: farm.depositFullCents,
      depositHalfCents: farm.depositHalfCents,
      depositInstalments: farm.depositInstalments,
      minimumTermYears: farm.minimumTermYears,
      capacityMouths: farm.capacityMouths,
      price: current,
      waiting: {
        applications: waiting.length,
        mouths: Math.round(waiting.reduce((n, a) => n + mouths(a.adults, a.children, farm.childFactor), 0) * 1000) / 1000,
      },
    };
    cache.set(farmID, { at: Date.now(), info });
    return info;
  }

  /** After the board changed the settings: this process shows them at once. */
  export function forget(farmID: string) {
    cache.delete(farmID);
  }
}
