import { query } from "@solidjs/router";
import type { z } from "zod/mini";
import type { Farm } from "@akker/core/farm/farm";
import type { FarmPublic } from "@akker/core/farm/public";
import type { FarmSettings } from "@akker/core/farm/settings";
import { loggedIn, request } from "./api";

/* The farm: its public facts (pickup moments, costs, the waiting list) and the board's settings. */

export type PickupMoment = Farm.PickupMoment;
export type PublicFarm = FarmPublic.Info;
export type FarmSettingsInfo = FarmSettings.Info;
export type FarmSettingsInput = z.input<typeof FarmSettings.Input>;

export const farmApi = {
  public: () => request<{ farm: PublicFarm }>("GET", "/farm/public").then((r) => r.farm),
  settings: () => request<{ settings: FarmSettingsInfo }>("GET", "/farm/settings").then((r) => r.settings),
  save: (input: FarmSettingsInput) =>
    request<{ settings: FarmSettingsInfo }>("PUT", "/farm/settings", input).then((r) => r.settings),
};

/** No login needed: the public page and every share read it. */
export const getPublicFarm = query(() => farmApi.public(), "farm-public");

export const getFarmSettings = query(() => loggedIn(() => farmApi.settings()), "farm-settings");

/** A date in a week with the ISO weekday `weekday` (1 Monday … 7 Sunday): 1 January 2024 was a Monday. */
const dayOf = (weekday: number) => new Date(Date.UTC(2024, 0, weekday, 12));

/** "vrijdag", "Friday". */
export function weekdayName(weekday: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(dayOf(weekday));
}

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
