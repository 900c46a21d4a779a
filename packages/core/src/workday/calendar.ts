import { createHash, randomBytes } from "node:crypto";
import { useFarmID, usePerson } from "../actor";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { Farm } from "../farm/farm";
import { Person } from "../person/person";
import { Ics } from "./ics";

/**
 * Each person's secret iCalendar link with their work days, for phone
 * calendars. Renewing the link kills the old one at once.
 */
export namespace Calendar {
  function hash(token: string) {
    return createHash("sha256").update(token).digest("base64url");
  }

  /** The caller's link token, made on first use. */
  export async function token(): Promise<string> {
    const farmID = useFarmID();
    const personID = usePerson().personID;
    const link = await useDB().entities.calendarLink.get({ farmID, personID }).go();
    return link.data?.token ?? renew();
  }

  /** A new token for the caller; the old link answers 404 from now on. */
  export async function renew(): Promise<string> {
    const farmID = useFarmID();
    const personID = usePerson().personID;
    const old = (await useDB().entities.calendarLink.get({ farmID, personID }).go()).data;
    const fresh = randomBytes(24).toString("base64url");
    const res = await useDB()
      .transaction.write(({ calendarLink, calendarToken }) => [
        ...(old ? [calendarToken.delete({ farmID, tokenHash: old.tokenHash }).commit()] : []),
        calendarToken.create({ farmID, tokenHash: hash(fresh), personID }).commit(),
        calendarLink.put({ farmID, personID, token: fresh, tokenHash: hash(fresh) }).commit(),
      ])
      .go();
    if (res.canceled) throw new Error("calendar link not renewed");
    return fresh;
  }

  /** The iCalendar text for a link token, or undefined for an unknown (or renewed) token. */
  export async function feed(token: string): Promise<string | undefined> {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
    const farmID = useFarmID();
    const found = (await useDB().entities.calendarToken.get({ farmID, tokenHash: hash(token) }).go()).data;
    if (!found) return undefined;
    const [person, farm, signups] = await Promise.all([
      Person.get(found.personID),
      Farm.current(),
      useDB().entities.signup.query.byPerson({ farmID, personID: found.personID }).go({ pages: "all" }),
    ]);
    const nl = (person?.locale ?? "nl") === "nl";
    const days = await Promise.all(
      signups.data.map((s) => useDB().entities.workday.get({ farmID, workdayID: s.workdayID }).go()),
    );
    const events: Ics.Event[] = [];
    signups.data.forEach((s, i) => {
      const w = days[i]?.data;
      if (!w || w.status === "cancelled") return;
      const waiting = s.status === "waitlisted";
      events.push({
        uid: `${w.workdayID}@akker`,
        // instants in UTC: every calendar shows them on its own clock, summer or winter
        start: new Date(w.start),
        end: new Date(w.end),
        summary: waiting ? `${w.title} (${nl ? "wachtlijst" : "waiting list"})` : w.title,
        description: w.description ?? undefined,
        location: w.location ?? undefined,
      });
    });
    return Ics.calendar({
      prodId: `-//Akker//meewerkdagen//${nl ? "NL" : "EN"}`,
      name: nl ? `Meewerkdagen ${farm.name}` : `Work days ${farm.name}`,
      timezone: "Europe/Amsterdam",
      refreshSeconds: 3600,
      stamp: new Date(Clock.now()),
      events,
    });
  }
}
