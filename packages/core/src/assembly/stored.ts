import { useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { useDB } from "../entities";
import { VisibleError } from "../error";

/* A meeting and its agenda as stored: shared by assembly.ts, ballot.ts and attendance.ts. */

export const notFound = () => new VisibleError("not_found", "assembly.not_found", "No such meeting.");

export async function load(assemblyID: string) {
  return (await useDB().entities.assembly.get({ farmID: useFarmID(), assemblyID }).go({ consistent: true })).data ?? undefined;
}

/** The agenda in order: the board's order once it reordered, items added since at the end in the order added (item IDs sort by creation). */
export async function loadItems(assemblyID: string) {
  const { data } = await useDB().entities.assemblyItem.query.byAssembly({ farmID: useFarmID(), assemblyID }).go({ pages: "all", consistent: true });
  const place = (i: (typeof data)[number]) => i.position ?? Number.MAX_SAFE_INTEGER;
  return data.sort((a, b) => place(a) - place(b) || a.itemID.localeCompare(b.itemID));
}

export type StoredItem = Awaited<ReturnType<typeof loadItems>>[number];

/** Closes the ballot, and the door with it; once, by the board or by the results mail after its votes closed on time. */
export async function closeBallot(assemblyID: string) {
  const farmID = useFarmID();
  await useDB()
    .transaction.write(({ assembly, audit }) => [
      assembly.patch({ farmID, assemblyID }).set({ status: "closed" }).where((x, op) => op.eq(x.status, "open")).commit(),
      audit.create(Audit.event("assembly.closed", assemblyID)).commit(),
    ])
    .go();
}
