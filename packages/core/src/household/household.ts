import * as z from "zod/mini";
import { useActor } from "../actor";
import { Audit } from "../audit/audit";
import { useDB } from "../entities";
import { certificates, householdStatuses } from "./entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { createID } from "../id";
import { Mail } from "../mail/mail";
import { householdPersonAdded } from "./mail";
import { identityChanged } from "../person/changes";
import { Person } from "../person/person";
import { checkComposition, mouths } from "./mouths";

export namespace Household {
  const count = z.int().check(z.minimum(0), z.maximum(20));

  export const Info = z.object({
    id: z.string(),
    name: z.string(),
    adults: z.int(),
    children: z.int(),
    mouths: z.number(),
    vegetarian: z.boolean(),
    certificate: z.enum(certificates),
    status: z.enum(householdStatuses),
  });
  export type Info = z.infer<typeof Info>;

  export const WithPeople = z.extend(Info, { people: z.array(Person.Info) });
  export type WithPeople = z.infer<typeof WithPeople>;

  export const CreateInput = z.object({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    adults: count.check(z.minimum(1)),
    children: z._default(count, 0),
    vegetarian: z._default(z.boolean(), false),
    certificate: z.enum(certificates),
    status: z._default(z.enum(householdStatuses), "active"),
    people: z
      ._default(z.array(z.omit(Person.CreateInput, { householdID: true })).check(z.maxLength(10)), [])
      .check(
        z.superRefine((people, ctx) =>
          people.forEach((p, i) => {
            if (people.findIndex((q) => q.email === p.email) < i)
              ctx.addIssue({ code: "custom", path: [i, "email"], message: "Each person needs an address of their own." });
          }),
        ),
      ),
  });

  export const UpdateInput = z
    .partial(
      z.object({
        name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
        adults: count.check(z.minimum(1)),
        children: count,
        vegetarian: z.boolean(),
        certificate: z.enum(certificates),
        status: z.enum(householdStatuses),
      }),
    )
    .check(z.refine((v) => Object.keys(v).length > 0, { message: "Nothing to change." }));

  type Item = {
    householdID: string;
    name: string;
    adults: number;
    children: number;
    vegetarian: boolean;
    certificate: Info["certificate"];
    status: Info["status"];
  };

  function serialize(item: Item, childFactor: number): Info {
    return {
      id: item.householdID,
      name: item.name,
      adults: item.adults,
      children: item.children,
      mouths: mouths(item.adults, item.children, childFactor),
      vegetarian: item.vegetarian,
      certificate: item.certificate,
      status: item.status,
    };
  }

  function assertComposition(input: Pick<Item, "adults" | "children" | "certificate">, childFactor: number) {
    const issues = checkComposition(input, childFactor);
    if (issues.length)
      throw new VisibleError("input", "household.composition", issues[0]!.message, issues);
  }

  export async function create(input: z.output<typeof CreateInput>) {
    const farm = await Farm.current();
    assertComposition(input, farm.childFactor);
    const householdID = createID("household");
    const people = input.people.map((p) => Person.newItems({ ...p, householdID }));
    // one transaction: an address already in use leaves no household without its people behind
    const res = await useDB()
      .transaction.write(({ household, person, emailClaim, audit }) => [
        household
          .create({
            farmID: farm.id,
            householdID,
            name: input.name,
            adults: input.adults,
            children: input.children,
            vegetarian: input.vegetarian,
            certificate: input.certificate,
            status: input.status,
          })
          .commit(),
        audit.create(Audit.event("household.created", householdID, { name: input.name })).commit(),
        ...people.map((p) => emailClaim.create(p.claim).commit()),
        ...people.map((p) => person.create(p.person).commit()),
      ])
      .go();
    if (res.canceled) throw Person.emailTaken();
    if (people.length) identityChanged();
    return (await get(householdID))!;
  }

  export async function get(householdID: string): Promise<Info | undefined> {
    const farm = await Farm.current();
    const res = await useDB().entities.household.get({ farmID: farm.id, householdID }).go();
    return res.data ? serialize(res.data, farm.childFactor) : undefined;
  }

  export async function withPeople(householdID: string): Promise<WithPeople | undefined> {
    const [household, people] = await Promise.all([get(householdID), Person.byHousehold(householdID)]);
    return household ? { ...household, people } : undefined;
  }

  export async function list(): Promise<Info[]> {
    const farm = await Farm.current();
    const res = await useDB()
      .entities.household.query.byID({ farmID: farm.id })
      .go({ pages: "all" });
    return res.data
      .map((h) => serialize(h, farm.childFactor))
      .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  }

  /** Who a household's people are, as the board's list searches them: by name and address. */
  export const Listed = z.extend(Info, { people: z.array(z.object({ name: z.string(), email: z.string() })) });

  /** Every household with its people's names and addresses: one query for all people, not one per household. */
  export async function listWithPeople(): Promise<z.infer<typeof Listed>[]> {
    const [households, people] = await Promise.all([
      list(),
      useDB().entities.person.query.byID({ farmID: useActor().farmID }).go({ pages: "all" }),
    ]);
    const byHousehold = new Map<string, { name: string; email: string }[]>();
    for (const p of people.data) byHousehold.set(p.householdID, [...(byHousehold.get(p.householdID) ?? []), { name: p.name, email: p.email }]);
    return households.map((h) => ({ ...h, people: (byHousehold.get(h.id) ?? []).sort((a, b) => a.name.localeCompare(b.name, "nl")) }));
  }

  export async function update({ id, changes }: { id: string; changes: z.output<typeof UpdateInput> }) {
    const farm = await Farm.current();
    const current = await get(id);
    if (!current) throw new VisibleError("not_found", "household.not_found", "No such household.");
    const next = { ...current, ...changes };
    assertComposition(next, farm.childFactor);
    // Guard the composition check against a concurrent edit of the same household. The audit
    // event is in the same transaction: the contribution dates a composition change by it.
    const res = await useDB()
      .transaction.write(({ household, audit }) => [
        household
          .patch({ farmID: farm.id, householdID: id })
          .set(changes)
          .where(
            (a, op) =>
              `${op.eq(a.adults, current.adults)} AND ${op.eq(a.children, current.children)} AND ${op.eq(a.certificate, current.certificate)}`,
          )
          .commit(),
        audit.create(Audit.event("household.updated", id, changes)).commit(),
      ])
      .go();
    if (res.canceled) throw new VisibleError("conflict", "household.changed", "The household was changed meanwhile; try again.");
    identityChanged();
    return (await get(id))!;
  }

  export const AddPersonInput = z.omit(Person.CreateInput, { householdID: true });

  /**
   * Adds a person, who can then log in and see all of the household (its
   * statement, its mandate). Never silently: the person, the claim on their
   * address, the audit event and a mail to each person the household had
   * are one transaction. In a vote already open they do not act for the
   * household (election/election.ts).
   */
  export async function addPerson(householdID: string, input: z.output<typeof AddPersonInput>) {
    const actor = useActor();
    const [farm, household, existing, by] = await Promise.all([
      Farm.current(),
      get(householdID),
      Person.byHousehold(householdID),
      actor.type === "person" ? Person.get(actor.personID) : undefined,
    ]);
    if (!household) throw new VisibleError("not_found", "household.not_found", "No such household.");
    const made = Person.newItems({ ...input, householdID });
    const mails = existing.map((p) =>
      Mail.compose(householdPersonAdded, p.email, p.locale, {
        farm: farm.name,
        household: household.name,
        name: input.name,
        email: input.email,
        by: by?.name ?? farm.name,
        link: `/households/${householdID}`,
      }),
    );
    const added = await Mail.commitWith(mails, ({ household: h, person, emailClaim, audit }) => [
      h.check({ farmID: farm.id, householdID }).where((a, op) => op.exists(a.name)).commit(),
      emailClaim.create(made.claim).commit(),
      person.create(made.person).commit(),
      // the person by ID only: their name and address live on the person, erased with it
      audit.create(Audit.event("household.person_added", householdID, { personID: made.personID })).commit(),
    ]);
    if (!added) {
      if (!(await get(householdID))) throw new VisibleError("not_found", "household.not_found", "No such household.");
      throw Person.emailTaken();
    }
    identityChanged();
    return (await Person.get(made.personID))!;
  }

  export function mustExist<T>(value: T | undefined): T {
    if (!value) throw new VisibleError("not_found", "household.not_found", "No such household.");
    return value;
  }
}
