import * as z from "zod/mini";
import { hasRole, useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { Election } from "../election/election";
import { VisibleError } from "../error";
import { createID } from "../id";
import { Mailing } from "../mail/mailing";
import { amsterdamISO } from "../week";
import { applyBudgets, BudgetInfo, budgetInfo, BudgetInput } from "./budget";
import "./mail-run";
import { releasePapers } from "./papers";
import { closeBallot, load, loadItems, notFound, type StoredItem } from "./stored";

/**
 * The general assembly (ALV): a meeting with an agenda, and one ballot that
 * holds every vote item of it. A vote item is an election of its own
 * (../election/), created and run through the Election namespace, so each
 * item keeps its secret ballots, trackers, roll, proxies, quorum and tally;
 * this module only groups them, opens and closes them together, mails each
 * household once for all of them (mail-run.ts), and adds the attendance at
 * the door (attendance.ts).
 *
 * A vote item's election opens at the meeting's start and closes a day
 * later unless the board opens or closes the ballot sooner (the election
 * tick keeps those times, as for any vote).
 */
export namespace Assembly {
  const instant = z.iso.datetime({ offset: true });
  const text = (max: number) => z.string().check(z.trim(), z.maxLength(max));

  const fields = {
    title: z.string().check(z.trim(), z.minLength(1), z.maxLength(160)),
    startsAt: instant,
    place: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    description: z.optional(text(4000)),
  };

  export const CreateInput = z.object(fields);
  export const UpdateInput = z
    .partial(z.object(fields))
    .check(z.refine((v) => Object.keys(v).length > 0, { message: "Nothing to change." }));

  const Candidate = z.object({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    statement: z.optional(text(2000)),
  });

  /** A discussion point, a motion (yes/no/abstain) or the board seats (approval voting among candidates). */
  export const ItemInput = z
    .object({
      kind: z.enum(["discussion", "motion", "board"]),
      title: z.string().check(z.trim(), z.minLength(1), z.maxLength(160)),
      description: z.optional(text(4000)),
      inRoom: z.optional(z.boolean()),
      majority: z.optional(z.enum(["simple", "two-thirds"])),
      quorumPercent: z.optional(z.int().check(z.minimum(0), z.maximum(100))),
      seats: z.optional(z.int().check(z.minimum(1), z.maximum(20))),
      candidates: z.optional(z.array(Candidate).check(z.maxLength(40))),
      /** The budget motion: next season's figures; adopted, they become the season's price for the treasurer to confirm. */
      budget: z.optional(BudgetInput),
    })
    .check(
      z.refine((i) => !i.budget || i.kind === "motion", { message: "Only a motion carries a budget.", path: ["budget"] }),
      z.refine((i) => i.kind !== "board" || (i.candidates?.length ?? 0) >= 1, { message: "A board election needs candidates.", path: ["candidates"] }),
      z.refine((i) => i.kind !== "board" || (i.seats ?? 1) <= (i.candidates?.length ?? 0), { message: "More seats than candidates.", path: ["seats"] }),
    );

  export const Item = z.object({
    id: z.string(),
    kind: z.enum(["discussion", "vote"]),
    title: z.string(),
    description: z.nullable(z.string()),
    inRoom: z.boolean(),
    /** Document IDs of the item's papers in the library (papers.ts). */
    papers: z.array(z.string()),
    /** A budget motion's figures and what they cost per mouth and for the reader's household. */
    budget: z.nullable(BudgetInfo),
    /** The vote, with the caller's own position; null for a discussion point, and for members before the ballot opens. */
    election: z.nullable(Election.Info),
  });

  export const Info = z.object({
    id: z.string(),
    title: z.string(),
    startsAt: z.string(),
    place: z.string(),
    description: z.nullable(z.string()),
    status: z.enum(["draft", "announced", "open", "closed"]),
    items: z.array(Item),
  });
  export type Info = z.infer<typeof Info>;
  export type Item = z.infer<typeof Item>;

  const dayLater = (iso: string) => new Date(Date.parse(iso) + 24 * 3600_000).toISOString();

  async function itemInfo(i: StoredItem): Promise<Item> {
    const [election, budget] = await Promise.all([
      i.electionID
        ? Election.get(i.electionID).catch((err: unknown) => {
            // a draft vote is the board's work in progress: members see the item, not yet its vote
            if (err instanceof VisibleError && err.code === "election.not_found") return null;
            throw err;
          })
        : null,
      budgetInfo(i),
    ]);
    return {
      id: i.itemID,
      kind: i.kind,
      title: i.title,
      description: i.description || null,
      inRoom: !!i.inRoom,
      papers: i.papers ?? [],
      budget,
      election,
    };
  }

  /**
   * The status shown: the stored one, moved on by the votes themselves, which
   * the election tick opens at the meeting's start and closes on time even
   * when the board did not press the button.
   */
  function shownStatus(stored: Info["status"], items: Item[]): Info["status"] {
    const votes = items.flatMap((i) => (i.election ? [i.election.status] : []));
    if (stored === "closed" || (stored === "open" && votes.length > 0 && votes.every((s) => s === "closed"))) return "closed";
    if (stored === "open" || votes.some((s) => s === "open")) return "open";
    return stored;
  }

  async function info(a: NonNullable<Awaited<ReturnType<typeof load>>>): Promise<Info> {
    const items = await Promise.all((await loadItems(a.assemblyID)).map(itemInfo));
    return {
      id: a.assemblyID,
      title: a.title,
      startsAt: amsterdamISO(Date.parse(a.startsAt)),
      place: a.place,
      description: a.description || null,
      status: shownStatus(a.status, items),
      items,
    };
  }

  /** A meeting the caller may see: drafts are the board's. */
  export async function visible(assemblyID: string) {
    const a = await load(assemblyID);
    if (!a || (a.status === "draft" && !hasRole("board"))) throw notFound();
    return a;
  }

  export async function create(input: z.infer<typeof CreateInput>) {
    const farmID = useFarmID();
    const assemblyID = createID("assembly");
    await useDB()
      .transaction.write(({ assembly, audit }) => [
        assembly.create({ farmID, assemblyID, ...input, startsAt: new Date(input.startsAt).toISOString() }).commit(),
        audit.create(Audit.event("assembly.created", assemblyID, { title: input.title })).commit(),
      ])
      .go();
    return get(assemblyID);
  }

  export async function get(assemblyID: string) {
    return info(await visible(assemblyID));
  }

  /** Newest first; drafts only for the board. */
  export async function list() {
    const all = (await useDB().entities.assembly.query.byID({ farmID: useFarmID() }).go({ pages: "all" })).data;
    const shown = all.filter((a) => a.status !== "draft" || hasRole("board"));
    return (await Promise.all(shown.map(info))).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  }

  const notEditable = () => new VisibleError("conflict", "assembly.ballot_opened", "The ballot has opened; the meeting and its agenda can no longer change.");

  /** Edits the meeting until its ballot opens; a new start moves the planned opening of its votes with it. */
  export async function update(assemblyID: string, changes: z.infer<typeof UpdateInput>) {
    const farmID = useFarmID();
    const a = await load(assemblyID);
    if (!a) throw notFound();
    const startsAt = changes.startsAt ? new Date(changes.startsAt).toISOString() : undefined;
    const res = await useDB()
      .transaction.write(({ assembly, audit }) => [
        assembly
          .patch({ farmID, assemblyID })
          .set({ ...changes, ...(startsAt ? { startsAt } : {}) })
          .where((x, op) => `${op.eq(x.status, "draft")} OR ${op.eq(x.status, "announced")}`)
          .commit(),
        audit.create(Audit.event("assembly.edited", assemblyID, { fields: Object.keys(changes) })).commit(),
      ])
      .go();
    if (res.canceled) throw notEditable();
    if (startsAt)
      for (const i of await loadItems(assemblyID))
        if (i.electionID) await Election.update(i.electionID, { opensAt: startsAt, closesAt: dayLater(startsAt) }).catch(() => undefined);
    return get(assemblyID);
  }

  /** Shows the meeting, its agenda and its papers to the members. */
  export async function announce(assemblyID: string) {
    const farmID = useFarmID();
    if (!(await load(assemblyID))) throw notFound();
    await useDB()
      .transaction.write(({ assembly, audit }) => [
        assembly.patch({ farmID, assemblyID }).set({ status: "announced" }).where((x, op) => op.eq(x.status, "draft")).commit(),
        audit.create(Audit.event("assembly.announced", assemblyID)).commit(),
      ])
      .go();
    // announced already (or further): only papers a crash left held
    await releasePapers(assemblyID);
    return get(assemblyID);
  }

  /**
   * Adds an agenda item at the end. A vote item's election is made first, as
   * a draft; the item naming it is written on the condition that the ballot
   * has not opened, else the draft is deleted again. A crash between leaves a
   * draft election only the board sees, never an item without its vote.
   */
  export async function addItem(assemblyID: string, input: z.infer<typeof ItemInput>) {
    const farmID = useFarmID();
    const a = await load(assemblyID);
    if (!a) throw notFound();
    if (a.status !== "draft" && a.status !== "announced") throw notEditable();
    const { kind, title, description, inRoom } = input;
    const election =
      kind === "discussion"
        ? undefined
        : await Election.create(
            {
              kind,
              title,
              description,
              opensAt: a.startsAt,
              closesAt: dayLater(a.startsAt),
              quorumPercent: input.quorumPercent,
              ...(kind === "motion"
                ? { majority: input.majority }
                : { seats: input.seats, candidates: (input.candidates ?? []).map((c) => ({ name: c.name, statement: c.statement ?? "" })) }),
            },
            assemblyID,
          );
    const itemID = createID("agendaItem");
    const res = await useDB()
      .transaction.write(({ assembly, assemblyItem, audit }) => [
        assembly.check({ farmID, assemblyID }).where((x, op) => `${op.eq(x.status, "draft")} OR ${op.eq(x.status, "announced")}`).commit(),
        assemblyItem
          .create({ farmID, assemblyID, itemID, kind: election ? "vote" : "discussion", title, description, electionID: election?.id, inRoom: !!election && !!inRoom, budget: input.budget })
          .commit(),
        audit.create(Audit.event("assembly.item_added", assemblyID, { itemID, title, electionID: election?.id })).commit(),
      ])
      .go();
    if (res.canceled) {
      if (election) await Election.remove(election.id);
      throw notEditable();
    }
    return get(assemblyID);
  }

  /** Takes an item off the agenda until the ballot opens, with its draft election. */
  export async function removeItem(assemblyID: string, itemID: string) {
    const farmID = useFarmID();
    const item = (await loadItems(assemblyID)).find((i) => i.itemID === itemID);
    if (!item) throw new VisibleError("not_found", "assembly.item_not_found", "No such agenda item.");
    const res = await useDB()
      .transaction.write(({ assembly, assemblyItem, audit }) => [
        assembly.check({ farmID, assemblyID }).where((x, op) => `${op.eq(x.status, "draft")} OR ${op.eq(x.status, "announced")}`).commit(),
        assemblyItem.delete({ farmID, assemblyID, itemID }).commit(),
        audit.create(Audit.event("assembly.item_removed", assemblyID, { itemID, title: item.title })).commit(),
      ])
      .go();
    if (res.canceled) throw notEditable();
    if (item.electionID) await Election.remove(item.electionID).catch(() => undefined);
    return get(assemblyID);
  }

  /**
   * Opens the one ballot: every vote item's election opens (its roll frozen,
   * as any vote); one mail names them all (mail-run.ts). The meeting turns open first, so no
   * item can be added after; safe to run again after a crash, which opens
   * the votes that were not yet.
   */
  export async function open(assemblyID: string) {
    const farmID = useFarmID();
    const a = await load(assemblyID);
    if (!a) throw notFound();
    if (a.status === "closed") throw new VisibleError("conflict", "assembly.closed", "The ballot has closed.");
    if (a.status === "draft") throw new VisibleError("conflict", "assembly.not_announced", "Announce the meeting before opening its ballot.");
    const votes = (await loadItems(assemblyID)).flatMap((i) => (i.electionID ? [i.electionID] : []));
    if (!votes.length) throw new VisibleError("conflict", "assembly.no_votes", "The agenda has no vote items.");
    // checked before anything changes: a vote that cannot open would leave the meeting open without it
    const planned = await Promise.all(votes.map((electionID) => Election.get(electionID)));
    if (planned.some((e) => e.status === "draft" && Date.parse(e.closesAt) <= Clock.now()))
      throw new VisibleError("conflict", "election.closes_in_past", "The meeting's votes would close in the past; move its start first.");
    if (a.status === "announced")
      await useDB()
        .transaction.write(({ assembly, audit }) => [
          assembly.patch({ farmID, assemblyID }).set({ status: "open" }).where((x, op) => op.eq(x.status, "announced")).commit(),
          audit.create(Audit.event("assembly.opened", assemblyID, { votes: votes.length })).commit(),
        ])
        .go();
    for (const electionID of votes) await Election.open(electionID);
    return get(assemblyID);
  }

  /** Reminds the households that have voted on nothing yet, once each, while the ballot is open (mail-run.ts). */
  export async function remind(assemblyID: string) {
    const a = await load(assemblyID);
    if (!a) throw notFound();
    if (a.status !== "open") throw new VisibleError("conflict", "assembly.not_open", "The ballot is not open.");
    await Mailing.start("assembly-reminder", assemblyID);
    return get(assemblyID);
  }

  /** Closes the one ballot: every vote item is counted, one mail gives every outcome (mail-run.ts), an adopted budget goes to the treasurer. Safe to run again. */
  export async function close(assemblyID: string) {
    const a = await load(assemblyID);
    if (!a) throw notFound();
    if (a.status === "draft" || a.status === "announced") throw new VisibleError("conflict", "assembly.not_open", "The ballot has not opened.");
    if (a.status === "open") await closeBallot(assemblyID);
    for (const i of await loadItems(assemblyID))
      if (i.electionID)
        await Election.close(i.electionID).catch((err: unknown) => {
          // a vote an interrupted opening never reached stays a draft: nothing to count
          if (!(err instanceof VisibleError && err.code === "election.not_open")) throw err;
        });
    await applyBudgets(assemblyID);
    return get(assemblyID);
  }
}
