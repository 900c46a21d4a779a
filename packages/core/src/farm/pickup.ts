import type { Locale } from "../mail/format";
import type { Farm } from "./farm";

/** A date in a week with the ISO weekday `weekday` (1 Monday … 7 Sunday): 1 January 2024 was a Monday. */
const dayOf = (weekday: number) => new Date(Date.UTC(2024, 0, weekday, 12));

/**
 * The farm's pickup moments as lines of a mail, under a heading:
 * "- vrijdag 16:00–19:00, De schuur". None when the farm has none.
 */
export function pickupLines(pickup: readonly Farm.PickupMoment[] | undefined, locale: Locale): string[] {
  if (!pickup?.length) return [];
  const day = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { weekday: "long", timeZone: "UTC" });
  return ["", locale === "nl" ? "Ophalen:" : "Pick it up:", ...pickup.map((m) => `- ${day.format(dayOf(m.weekday))} ${m.from}–${m.to}, ${m.place}`)];
}
