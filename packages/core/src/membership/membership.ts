import * as z from "zod/mini";
import { useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { Application } from "./application";
import { Certificate } from "./certificate";

/** Membership as a whole: its farm settings and its scheduled work. */
export namespace Membership {
  const keys = ["depositFullCents", "depositHalfCents", "depositInstalments", "minimumTermYears", "capacityMouths", "offerDays"] as const;

  export const Settings = z.pick(Farm.Settings, {
    depositFullCents: true,
    depositHalfCents: true,
    depositInstalments: true,
    minimumTermYears: true,
    capacityMouths: true,
    offerDays: true,
  });
  export type Settings = z.infer<typeof Settings>;

  export const UpdateInput = z.partial(Settings).check(z.refine((v) => Object.keys(v).length > 0, { message: "Nothing to change." }));

  function pick(farm: Farm.Info): Settings {
    return Object.fromEntries(keys.map((k) => [k, farm[k]])) as Settings;
  }

  export async function settings(): Promise<Settings> {
    return pick(await Farm.current());
  }

  /** Changes the membership settings; deposits already set on certificates stay as they are. */
  export async function updateSettings(changes: z.infer<typeof UpdateInput>): Promise<Settings> {
    const farmID = useFarmID();
    const valid = z.partial(Farm.Settings).parse(changes);
    const res = await useDB()
      .transaction.write(({ farm, audit }) => [
        farm.patch({ farmID }).set(valid).commit(),
        audit.create(Audit.event("membership.settings", farmID, changes)).commit(),
      ])
      .go();
    if (res.canceled) throw new VisibleError("conflict", "farm.changed", "The settings were changed meanwhile; try again.");
    Farm.forget(farmID);
    return pick(await Farm.current());
  }

  /** The scheduled job: expired offers move on to the next in line; ended memberships leave. */
  export async function tick(now: Date) {
    await Application.expireOverdue(now);
    await Certificate.endMemberships(now);
  }
}
