import * as z from "zod/mini";
import { useFarmID, usePerson } from "../actor";
import { Audit } from "../audit/audit";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { createID, ID } from "../id";
import { load, loadItems, notFound } from "./stored";

/*
 * A meeting's papers: documents in the farm's library that carry the
 * meeting's ID, each on an agenda item or on the meeting as a whole. A
 * paper added while the meeting is a draft is kept board-only and listed
 * on the meeting (`heldPapers`); announcing the meeting shows them to the
 * members. The document is written here rather than through Document, so
 * the election function does not carry the library's file handling.
 */

export const PaperInput = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(150)),
  /** The agenda item it belongs to; without one, a paper of the whole meeting. */
  itemID: z.optional(ID),
});

export const Paper = z.object({ id: z.string(), audience: z.enum(["members", "board"]) });

export const itemNotFound = () => new VisibleError("not_found", "assembly.item_not_found", "No such agenda item.");

/** Adds a paper's document (its file is uploaded as any document's version) and puts it on its item. */
export async function addPaper(assemblyID: string, input: z.infer<typeof PaperInput>): Promise<z.infer<typeof Paper>> {
  const person = usePerson();
  const farmID = useFarmID();
  const a = await load(assemblyID);
  if (!a) throw notFound();
  if (input.itemID && !(await loadItems(assemblyID)).some((i) => i.itemID === input.itemID)) throw itemNotFound();
  const documentID = createID("document");
  const write = (held: boolean) =>
    useDB()
      .transaction.write(({ document, assembly, assemblyItem, audit }) => [
        document
          .create({ farmID, documentID, title: input.title, category: "alv", audience: held ? "board" : "members", assemblyID, versions: [], createdBy: person.personID })
          .commit(),
        held
          ? assembly.patch({ farmID, assemblyID }).append({ heldPapers: [documentID] }).where((x, op) => op.eq(x.status, "draft")).commit()
          : assembly.check({ farmID, assemblyID }).where((x, op) => op.ne(x.status, "draft")).commit(),
        ...(input.itemID ? [assemblyItem.patch({ farmID, assemblyID, itemID: input.itemID }).append({ papers: [documentID] }).commit()] : []),
        audit.create(Audit.event("assembly.paper_added", assemblyID, { documentID, title: input.title, itemID: input.itemID })).commit(),
      ])
      .go();
  let held = a.status === "draft";
  // announced meanwhile: the paper is for the members at once
  if ((await write(held)).canceled && (await write((held = !held))).canceled)
    throw new VisibleError("conflict", "assembly.changed", "The meeting or its agenda changed meanwhile; look again.");
  return { id: documentID, audience: held ? "board" : "members" };
}

/**
 * Shows the papers held while the meeting was a draft to the members, once
 * it is announced; run again (after a crash, or on opening) it finishes the
 * rest. No paper is held after the announcement, so clearing the list loses none.
 */
export async function releasePapers(assemblyID: string) {
  const farmID = useFarmID();
  const a = await load(assemblyID);
  if (!a || a.status === "draft" || !a.heldPapers?.length) return;
  for (const documentID of a.heldPapers)
    await useDB()
      .entities.document.patch({ farmID, documentID })
      .set({ audience: "members" })
      // a board edit made on the revision it read then asks to look again, as for any change
      .add({ revision: 1 })
      .go()
      .catch((e: unknown) => {
        // removed by the board meanwhile
        if (!isConditionFailure(e)) throw e;
      });
  await useDB().entities.assembly.patch({ farmID, assemblyID }).set({ heldPapers: [] }).go();
}
