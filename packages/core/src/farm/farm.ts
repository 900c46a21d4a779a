import * as z from "zod/mini";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { useFarmID } from "../actor";
import { decimal } from "../schema";

const time = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Expected a time, HH:MM." }));

export namespace Farm {
  /** One weekly moment to collect the share: weekday (ISO, 1 Monday … 7 Sunday), from–to in Amsterdam, and where. */
  export const PickupMoment = z.object({
    weekday: z.int().check(z.minimum(1), z.maximum(7)),
    from: time,
    to: time,
    place: z.string().check(z.trim(), z.minLength(1, { message: "Say where to pick up." }), z.maxLength(100)),
  }).check(z.refine((m) => m.from < m.to, { message: "A pickup ends after it starts.", path: ["to"] }));
  export type PickupMoment = z.infer<typeof PickupMoment>;

  export const Settings = z.object({
    /** How much a child counts as a mouth; two children make one mouth by default. */
    childFactor: decimal(0, 1),
    defaultLocale: z.enum(["nl", "en"]),
    /** Opting out of a harvest week closes `optOutDaysBefore` days before its Monday at `optOutTime` (Amsterdam). */
    optOutDaysBefore: z.int().check(z.minimum(0), z.maximum(14)),
    optOutTime: time,
    /** When and where the share is collected, in week order; more than one a week is common. */
    pickup: z.array(PickupMoment).check(z.maxLength(14)),
    /** Hours of help per household per season, shown as progress. */
    targetHours: decimal(0, 1000),
    /** Proxies (volmachten) one household may hold in an election. */
    maxProxies: z.int().check(z.minimum(0), z.maximum(10)),
    /** Deposit (inleg) of a full and a half certificate, in cents. */
    depositFullCents: z.int().check(z.minimum(0), z.maximum(10_000_000)),
    depositHalfCents: z.int().check(z.minimum(0), z.maximum(10_000_000)),
    /** A deposit may be paid at once or in this many instalments. */
    depositInstalments: z.int().check(z.minimum(1), z.maximum(60)),
    /** Membership runs at least this many calendar years, counting the year it starts. */
    minimumTermYears: z.int().check(z.minimum(1), z.maximum(10)),
    /** How many mouths the farm feeds: the waiting list offers places up to this. */
    capacityMouths: z.int().check(z.minimum(1), z.maximum(10_000)),
    /** Days an applicant has to accept an offered place. */
    offerDays: z.int().check(z.minimum(1), z.maximum(90)),
    /** Contribution: the vegetarian price per mouth per week is the price less this (the meat part). */
    vegetarianDiscountCents: z.int().check(z.minimum(0), z.maximum(100_000)),
    /** The farm as SEPA creditor; direct-debit files need all but the BIC. */
    creditorName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(70))),
    creditorIBAN: z.optional(z.string().check(z.trim(), z.maxLength(34))),
    creditorBIC: z.optional(z.string().check(z.trim(), z.maxLength(11))),
    creditorID: z.optional(z.string().check(z.trim(), z.maxLength(35))),
  });

  export const Info = z.extend(z.object({ id: z.string(), name: z.string() }), Settings.shape);
  export type Info = z.infer<typeof Info>;

  export const defaults: z.infer<typeof Settings> = {
    childFactor: 0.5,
    defaultLocale: "nl",
    optOutDaysBefore: 4,
    optOutTime: "18:00",
    pickup: [],
    targetHours: 20,
    maxProxies: 1,
    depositFullCents: 200_000,
    depositHalfCents: 100_000,
    depositInstalments: 8,
    minimumTermYears: 3,
    capacityMouths: 500,
    offerDays: 14,
    vegetarianDiscountCents: 0,
  };

  type Setting = keyof z.infer<typeof Settings>;
  const settingKeys = Object.keys(Settings.shape) as Setting[];

  /** The farm as the API shows it; a setting stored before it existed takes its default. */
  function serialize(item: { farmID: string; name: string } & Partial<Record<Setting, unknown>>): Info {
    const info: Record<string, unknown> = { id: item.farmID, name: item.name };
    for (const key of settingKeys) info[key] = item[key] ?? defaults[key];
    return info as Info;
  }

  // Farm settings are read on most requests and change a few times a year.
  const cache = new Map<string, { at: number; info: Info }>();
  const cacheMs = 10_000;

  export async function get(farmID: string): Promise<Info | undefined> {
    const hit = cache.get(farmID);
    if (hit && Date.now() - hit.at < cacheMs) return hit.info;
    const res = await useDB().entities.farm.get({ farmID }).go();
    if (!res.data) return undefined;
    const info = serialize(res.data);
    cache.set(farmID, { at: Date.now(), info });
    return info;
  }

  /** The farm of the current request. */
  export async function current(): Promise<Info> {
    const farm = await get(useFarmID());
    if (!farm) throw new VisibleError("not_found", "farm.not_found", "This farm does not exist.");
    return farm;
  }

  export async function create(input: { id: string; name: string } & Partial<z.infer<typeof Settings>>) {
    const settings = Settings.parse({ ...defaults, ...input });
    await useDB()
      .entities.farm.create({ farmID: input.id, name: input.name, ...settings })
      .go();
    cache.delete(input.id);
    return (await get(input.id))!;
  }

  /** Changes settings of the current farm; this process sees them at once, others within the cache time. */
  export async function update(changes: Partial<z.infer<typeof Settings>>) {
    const farmID = useFarmID();
    const valid = z.partial(Settings).parse(changes);
    await useDB().entities.farm.patch({ farmID }).set(valid).go();
    cache.delete(farmID);
    return (await get(farmID))!;
  }

  /** After a caller wrote the farm's settings in its own transaction: this process sees them at once. */
  export function forget(farmID: string) {
    cache.delete(farmID);
  }

  export function forgetCache() {
    cache.clear();
  }
}
