import { useFarmID, type Role } from "../actor";
import { Household } from "../household/household";
import { identityGeneration } from "./changes";
import { Person } from "./person";

/**
 * Who a logged-in person is for authorisation: household and roles. Every
 * request needs it, and it changes a few times a year, so each process keeps
 * it for a few seconds. A change made in this process takes effect at once;
 * another process (another Lambda instance) sees it within `ttlMs`. The
 * session itself is never cached: logout is immediate everywhere.
 */
export namespace Identity {
  export const ttlMs = 10_000;

  export interface Info {
    personID: string;
    householdID: string | null;
    roles: Role[];
  }

  const cache = new Map<string, { at: number; generation: number; info: Info | undefined }>();

  export async function get(personID: string): Promise<Info | undefined> {
    const key = `${useFarmID()}/${personID}`;
    const hit = cache.get(key);
    const generation = identityGeneration();
    if (hit && hit.generation === generation && Date.now() - hit.at < ttlMs) return hit.info;
    const info = await load(personID);
    if (generation === identityGeneration()) cache.set(key, { at: Date.now(), generation, info });
    return info;
  }

  async function load(personID: string): Promise<Info | undefined> {
    const person = await Person.get(personID);
    if (!person) return undefined;
    const household = person.householdID ? await Household.get(person.householdID) : undefined;
    return {
      personID: person.id,
      householdID: household ? household.id : null,
      roles: await Person.roles(person, household?.status === "active"),
    };
  }
}
