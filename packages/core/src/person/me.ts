import * as z from "zod/mini";
import { roles as allRoles, usePerson } from "../actor";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { Household } from "../household/household";
import { Person } from "./person";

export namespace Me {
  export const Info = z.object({
    person: z.object({ id: z.string(), name: z.string(), email: z.string(), locale: z.enum(["nl", "en"]) }),
    household: z.nullable(z.object({ id: z.string(), name: z.string(), mouths: z.number(), status: z.string() })),
    roles: z.array(z.enum(allRoles)),
    farm: z.object({ id: z.string(), name: z.string() }),
  });
  export type Info = z.infer<typeof Info>;

  /**
   * Who a person is on this farm: the answer of GET /api/me. With `known`, the
   * household and roles the request's actor already carries (from the
   * identity cache), person, household and farm are read in one round trip.
   */
  export async function get(personID: string, known?: { householdID: string | null; roles: Info["roles"] }): Promise<Info> {
    const [person, knownHousehold, farm] = await Promise.all([
      Person.get(personID),
      known?.householdID ? Household.get(known.householdID) : undefined,
      Farm.current(),
    ]);
    if (!person) throw new VisibleError("unauthenticated", "auth.required", "Log in first.");
    // the actor may be a few seconds behind a move to another household: then read afresh
    const current = known !== undefined && known.householdID === person.householdID;
    const household = current ? knownHousehold : person.householdID ? await Household.get(person.householdID) : undefined;
    return {
      person: { id: person.id, name: person.name, email: person.email, locale: person.locale },
      household: household
        ? { id: household.id, name: household.name, mouths: household.mouths, status: household.status }
        : null,
      roles: current ? known.roles : await Person.roles(person, household?.status === "active"),
      farm: { id: farm.id, name: farm.name },
    };
  }

  export const UpdateInput = z.object({ locale: z.enum(["nl", "en"]) });

  /** The caller's own settings: the language of screens and mails. */
  export async function update(input: z.infer<typeof UpdateInput>) {
    const person = usePerson();
    await Person.setLocale(person.personID, input.locale);
    return get(person.personID, person);
  }
}
