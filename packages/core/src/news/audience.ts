import { useFarmID } from "../actor";
import { useDB } from "../entities";
import { MailPreferences } from "../message/preferences";

/*
 * Who gets a news mail, and a poll's opening: the people of active
 * households (or the board's people), less those who turned news mail off.
 */

export type PersonItem = { personID: string; householdID: string; email: string; locale: "nl" | "en"; name: string; newsOff?: boolean };

/** The people to mail news to: every member, or the board only; each who keeps news mail on. */
export async function audienceOf(audience: "members" | "board"): Promise<PersonItem[]> {
  const farmID = useFarmID();
  const db = useDB().entities;
  const [people, households, grants] = await Promise.all([
    db.person.query.byID({ farmID }).go({ pages: "all" }),
    db.household.query.byID({ farmID }).go({ pages: "all" }),
    audience === "board" ? db.roleGrant.query.byPerson({ farmID }).go({ pages: "all" }) : Promise.resolve(undefined),
  ]);
  const active = new Set(households.data.filter((h) => h.status === "active").map((h) => h.householdID));
  const board = grants ? new Set(grants.data.filter((g) => g.role === "board" || g.role === "admin").map((g) => g.personID)) : undefined;
  return (people.data as PersonItem[]).filter((p) => (board ? board.has(p.personID) : active.has(p.householdID)) && MailPreferences.of(p).news);
}
