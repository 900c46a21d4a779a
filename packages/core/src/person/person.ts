import * as z from "zod/mini";
import { roles as allRoles, useFarmID, type Role } from "../actor";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { createID } from "../id";
import { identityChanged } from "./changes";

const noHousehold = "none";

export namespace Person {
  export const Info = z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    householdID: z.nullable(z.string()),
    locale: z.enum(["nl", "en"]),
  });
  export type Info = z.infer<typeof Info>;

  export const email = z.pipe(
    z.pipe(z.string().check(z.trim(), z.maxLength(254)), z.email()),
    z.transform((e: string) => e.toLowerCase()),
  );

  export const CreateInput = z.object({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    email,
    householdID: z.optional(z.string()),
    locale: z._default(z.enum(["nl", "en"]), "nl"),
  });

  type Item = {
    personID: string;
    name: string;
    email: string;
    householdID: string;
    locale: "nl" | "en";
  };

  function serialize(item: Item): Info {
    return {
      id: item.personID,
      name: item.name,
      email: item.email,
      householdID: item.householdID === noHousehold ? null : item.householdID,
      locale: item.locale,
    };
  }

  /**
   * The items that make a person: the person, and the claim on the email
   * address that keeps it unique per farm. Written in one transaction, with
   * whatever else is made along (a household with its people).
   */
  export function newItems(input: z.output<typeof CreateInput>) {
    const farmID = useFarmID();
    const personID = createID("person");
    return {
      personID,
      claim: { farmID, email: input.email, personID },
      person: { farmID, personID, name: input.name, email: input.email, householdID: input.householdID ?? noHousehold, locale: input.locale },
    };
  }

  export const emailTaken = () => new VisibleError("conflict", "person.email_taken", "This email address is already in use.");

  /** Creates a person; the email address is claimed in the same transaction so it stays unique per farm. */
  export async function create(input: z.output<typeof CreateInput>) {
    const made = newItems(input);
    const res = await useDB()
      .transaction.write(({ person, emailClaim }) => [emailClaim.create(made.claim).commit(), person.create(made.person).commit()])
      .go();
    if (res.canceled) throw emailTaken();
    identityChanged();
    return (await get(made.personID))!;
  }

  export async function get(personID: string) {
    const res = await useDB().entities.person.get({ farmID: useFarmID(), personID }).go();
    return res.data ? serialize(res.data) : undefined;
  }

  export async function byEmail(address: string) {
    const res = await useDB()
      .entities.person.query.byEmail({ farmID: useFarmID(), email: address.toLowerCase() })
      .go();
    const item = res.data[0];
    return item ? serialize(item) : undefined;
  }

  export async function byHousehold(householdID: string) {
    const res = await useDB()
      .entities.person.query.byHousehold({ farmID: useFarmID(), householdID })
      .go({ pages: "all" });
    return res.data.map(serialize).sort((a, b) => a.name.localeCompare(b.name, "nl"));
  }

  export async function setLocale(personID: string, locale: "nl" | "en") {
    await useDB().entities.person.patch({ farmID: useFarmID(), personID }).set({ locale }).go();
    identityChanged();
  }

  /**
   * A person's roles: the granted ones, plus `member` for everyone who
   * belongs to an active household.
   */
  export async function roles(person: { id: string; householdID: string | null }, householdActive: boolean): Promise<Role[]> {
    const res = await useDB()
      .entities.roleGrant.query.byPerson({ farmID: useFarmID(), personID: person.id })
      .go();
    const granted = new Set<Role>(res.data.map((g) => g.role));
    if (person.householdID && householdActive) granted.add("member");
    return allRoles.filter((r) => granted.has(r));
  }

  export async function grantRole(personID: string, role: Exclude<Role, "member">) {
    await useDB().entities.roleGrant.put({ farmID: useFarmID(), personID, role }).go();
    identityChanged();
  }
}
