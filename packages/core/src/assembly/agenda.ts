import * as z from "zod/mini";
import { useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { Election } from "../election/election";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { ID } from "../id";
import { Assembly } from "./assembly";
import { BudgetInput } from "./budget";
import { itemNotFound } from "./papers";
import { loadItems } from "./stored";

/*
 * The agenda until the ballot opens: an item's text and vote settings
 * changed, and the items put in another order. Each change is one
 * transaction on the condition that the ballot has not opened; a vote
 * item's election (a draft until then) takes the same change first.
 */

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));

export const ItemUpdate = z
  .object({
    title: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(160))),
    description: z.optional(text(4000)),
    inRoom: z.optional(z.boolean()),
    majority: z.optional(z.enum(["simple", "two-thirds"])),
    quorumPercent: z.optional(z.int().check(z.minimum(0), z.maximum(100))),
    /** A budget motion's figures; null makes it an ordinary motion. */
    budget: z.optional(z.nullable(BudgetInput)),
  })
  .check(z.refine((v) => Object.keys(v).length > 0, { message: "Nothing to change." }));

export const OrderInput = z.object({
  /** Every item of the agenda once, in the new order. */
  items: z.array(ID).check(z.minLength(1), z.maxLength(90)),
});

const notEditable = () => new VisibleError("conflict", "assembly.ballot_opened", "The ballot has opened; the meeting and its agenda can no longer change.");
const invalid = (path: string, message: string) => new VisibleError("input", "input.invalid", message, [{ path, message }]);
const editable = <X extends { status: unknown }>(x: X, op: { eq: (a: X["status"], v: string) => string }) =>
  `${op.eq(x.status, "draft")} OR ${op.eq(x.status, "announced")}`;

/** Changes an agenda item until the ballot opens; vote settings only on a vote item, a budget only on a motion. */
export async function updateItem(assemblyID: string, itemID: string, changes: z.infer<typeof ItemUpdate>) {
  const farmID = useFarmID();
  await Assembly.visible(assemblyID);
  const item = (await loadItems(assemblyID)).find((i) => i.itemID === itemID);
  if (!item) throw itemNotFound();
  const { title, description, inRoom, majority, quorumPercent, budget } = changes;
  const election = item.electionID ? await Election.get(item.electionID) : undefined;
  const motionOnly = { majority, budget };
  for (const [key, v] of Object.entries({ inRoom, quorumPercent, ...motionOnly }))
    if (v !== undefined && (!election || (key in motionOnly && election.kind !== "motion"))) throw invalid(key, "Not for this kind of item.");
  const vote = Object.fromEntries(Object.entries({ title, description, majority, quorumPercent }).filter(([, v]) => v !== undefined));
  if (election && Object.keys(vote).length)
    await Election.update(election.id, vote).catch((err: unknown) => {
      throw err instanceof VisibleError && err.code === "election.not_draft" ? notEditable() : err;
    });
  const set = Object.fromEntries(Object.entries({ title, description, inRoom, budget }).filter(([, v]) => v !== undefined && v !== null));
  const res = await useDB()
    .transaction.write(({ assembly, assemblyItem, audit }) => [
      assembly.check({ farmID, assemblyID }).where(editable).commit(),
      (budget === null
        ? assemblyItem.patch({ farmID, assemblyID, itemID }).set(set).remove(["budget"])
        : assemblyItem.patch({ farmID, assemblyID, itemID }).set(set)
      ).commit(),
      audit.create(Audit.event("assembly.item_changed", assemblyID, { itemID, fields: Object.keys(changes) })).commit(),
    ])
    .go();
  if (res.canceled) throw notEditable();
  return Assembly.get(assemblyID);
}

/** Puts the agenda in the order given, which names every item once; an item added meanwhile goes last. */
export async function reorder(assemblyID: string, input: z.infer<typeof OrderInput>) {
  const farmID = useFarmID();
  await Assembly.visible(assemblyID);
  const known = new Set((await loadItems(assemblyID)).map((i) => i.itemID));
  if (new Set(input.items).size !== input.items.length || input.items.length !== known.size || input.items.some((id) => !known.has(id)))
    throw invalid("items", "Name every agenda item once.");
  const res = await useDB()
    .transaction.write(({ assembly, assemblyItem, audit }) => [
      assembly.check({ farmID, assemblyID }).where(editable).commit(),
      ...input.items.map((itemID, position) => assemblyItem.patch({ farmID, assemblyID, itemID }).set({ position }).commit()),
      audit.create(Audit.event("assembly.reordered", assemblyID, { items: input.items })).commit(),
    ])
    .go();
  // refused: the ballot opened, or an item was taken off meanwhile
  if (res.canceled) {
    const { status } = await Assembly.visible(assemblyID);
    throw status === "draft" || status === "announced" ? invalid("items", "Name every agenda item once.") : notEditable();
  }
  return Assembly.get(assemblyID);
}
