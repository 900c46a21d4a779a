import * as z from "zod/mini";
import { useFarmID } from "../actor";
import { useDB } from "../entities";
import { Person } from "../person/person";

/*
 * Whom a member writes to about the share: the farmer's and the board's own
 * addresses, for a mail link (the member's own mail program sends it, so the
 * farm relays no text of anyone's).
 */
export namespace HarvestContact {
  export const Info = z.object({ farmer: z.array(z.string()), board: z.array(z.string()) });
  export type Info = z.infer<typeof Info>;

  export async function addresses(): Promise<Info> {
    const grants = await useDB().entities.roleGrant.query.byPerson({ farmID: useFarmID() }).go({ pages: "all" });
    const wanted = grants.data.filter((g) => g.role === "farmer" || g.role === "board");
    const people = new Map(
      (await Promise.all([...new Set(wanted.map((g) => g.personID))].map((id) => Person.get(id)))).flatMap((p) => (p ? [[p.id, p]] : [])),
    );
    const of = (role: "farmer" | "board") =>
      [...new Set(wanted.filter((g) => g.role === role).flatMap((g) => people.get(g.personID)?.email ?? []))].sort();
    return { farmer: of("farmer"), board: of("board") };
  }
}
