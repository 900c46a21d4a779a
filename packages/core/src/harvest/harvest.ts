import * as z from "zod/mini";
import { hasRole, useActor, useFarmID, usePerson } from "../actor";
import { Audit } from "../audit/audit";
import { writeAll } from "../batch-write";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { Household } from "../household/household";
import { amsterdamISO, deadlineBefore, isWeek } from "../week";
import { Handover } from "./handover";
import { allocate, Item, type Participant } from "./allocate";
import { balancesBefore } from "./balances";
import { Mailing } from "../mail/mailing";
import { mailingProgress, mailUnsent as mailUnsentShares, previousLines } from "./share-mail";
import { backoff } from "../backoff";
import { randomUUID } from "node:crypto";
import { hold, release } from "./publish-hold";

export namespace Harvest {
  export const Week = z.string().check(z.refine(isWeek, { message: "Not an ISO week such as 2027-W14." }));

  export const LineInfo = z.object({ crop: z.string(), unit: z.enum(["kg", "piece", "bunch"]), quantity: z.number() });

  export const SaveInput = z.object({
    items: z.array(Item).check(z.minLength(1), z.maxLength(200)),
    note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  });

  /** Herenburen: another household collects the share (an accepted handover), for the pick list. */
  const collectedBy = z.optional(z.nullable(z.object({ householdID: z.string(), name: z.string() })));
  export const Overview = z.object({
    week: z.string(),
    status: z.enum(["draft", "published"]),
    version: z.number(),
    /** Edited since publishing: the members still see the last published split. */
    dirty: z.boolean(),
    note: z.nullable(z.string()),
    publishedAt: z.nullable(z.string()),
    optOutDeadline: z.string(),
    items: z.array(Item),
    participants: z.number(),
    mouths: z.number(),
    optedOut: z.number(),
    allocations: z.array(
      z.object({ householdID: z.string(), name: z.string(), mouths: z.number(), vegetarian: z.boolean(), lines: z.array(LineInfo), collectedBy }),
    ),
    leftovers: z.array(LineInfo),
  });
  export type Overview = z.infer<typeof Overview>;

  /** A published week, with the caller's own lines (null without a share in it). */
  export const Published = z.object({
    week: z.string(),
    publishedAt: z.nullable(z.string()),
    changed: z.boolean(),
    note: z.nullable(z.string()),
    lines: z.nullable(z.array(LineInfo)),
  });
  export type Published = z.infer<typeof Published>;

  export const Mine = z.object({
    week: z.string(),
    /** `pending` until the farmer publishes the week. */
    status: z.enum(["pending", "published"]),
    optedOut: z.boolean(),
    optOutDeadline: z.string(),
    canOptOut: z.boolean(),
    /** Published more than once: something was corrected. */
    changed: z.boolean(),
    publishedAt: z.nullable(z.string()),
    note: z.nullable(z.string()),
    lines: z.array(LineInfo),
  });
  export type Mine = z.infer<typeof Mine>;

  const notFound = () => new VisibleError("not_found", "harvest.not_found", "This week has no harvest yet.");

  async function deadline(week: string) {
    const farm = await Farm.current();
    return deadlineBefore(week, { daysBefore: farm.optOutDaysBefore, time: farm.optOutTime });
  }

  async function getWeek(week: string, consistent = false) {
    return (await useDB().entities.harvestWeek.get({ farmID: useFarmID(), week }).go({ consistent })).data ?? undefined;
  }

  async function optOuts(week: string) {
    // consistent: a publish reads them after the week's revision, and must see every opt-out before it
    const res = await useDB().entities.harvestOptOut.query.byWeek({ farmID: useFarmID(), week }).go({ pages: "all", consistent: true });
    return new Set(res.data.map((o) => o.householdID));
  }

  /** Active households that have not opted out of the week, with their names for overviews (`all`: every household). */
  async function participants(week: string) {
    const [all, out] = await Promise.all([Household.list(), optOuts(week)]);
    const taking = all.filter((h) => h.status === "active" && !out.has(h.id));
    return { all, households: taking, optedOut: out.size };
  }

  async function split(week: string, items: Item[]) {
    const taking = participants(week);
    // the balances are read beside the households: they need only their IDs at the end
    const [{ all, households, optedOut }, balances] = await Promise.all([
      taking,
      balancesBefore(week, taking.then((p) => p.households.map((h) => h.id))),
    ]);
    const list: Participant[] = households.map((h) => ({ id: h.id, mouths: h.mouths, vegetarian: h.vegetarian }));
    return { all, households, optedOut, result: allocate(items, list, balances) };
  }

  function toItems(stored: { crop: string; unit: Item["unit"]; quantity: number; step?: number; meat?: boolean }[]): Item[] {
    return stored.map((i) => ({
      crop: i.crop,
      unit: i.unit,
      quantity: i.quantity,
      ...(i.step !== undefined ? { step: i.step } : {}),
      ...(i.meat ? { meat: true } : {}),
    }));
  }

  /**
   * Creates or edits a week's items. A published week stays visible as
   * published until it is published again. An edit is conditional on the
   * publish it read (so it is never taken for part of a publish that had
   * read the items before), and adds to the week's revision (so a publish
   * under way splits again).
   */
  export async function save(week: string, input: z.infer<typeof SaveInput>): Promise<Overview> {
    const farmID = useFarmID();
    const current = await getWeek(week, true);
    const items = input.items;
    const res = await useDB()
      .transaction.write(({ harvestWeek, audit }) => [
        current
          ? harvestWeek
              .patch({ farmID, week })
              .set({ items, note: input.note ?? "", dirty: current.status === "published" })
              .add({ revision: 1 })
              .where((a, op) => op.eq(a.version, current.version))
              .commit()
          : harvestWeek.create({ farmID, week, status: "draft", items, note: input.note, version: 0, dirty: false, revision: 0 }).commit(),
        audit.create(Audit.event("harvest.saved", week, { items: items.length })).commit(),
      ])
      .go();
    if (res.canceled) throw new VisibleError("conflict", "harvest.changed", "Someone saved this week meanwhile; try again.");
    return overview(week);
  }

  /** The whole week for the farmer and the board: items, the split per household, leftovers. */
  export const Standing = z.object({
    week: z.string(),
    /** `none` while the farmer has entered nothing for the week. */
    status: z.enum(["none", "draft", "published"]),
    dirty: z.boolean(),
    /** Households taking part (active, not opted out), and those that opted out. */
    participants: z.number(),
    optedOut: z.number(),
  });
  export type Standing = z.infer<typeof Standing>;

  /** Where a week stands, entered or not: for the farmer's home, without the split. */
  export async function standing(week: string): Promise<Standing> {
    const [stored, { households, optedOut }] = await Promise.all([getWeek(week), participants(week)]);
    return { week, status: stored?.status ?? "none", dirty: stored?.dirty ?? false, participants: households.length, optedOut };
  }

  /** The week with its split, and who collects which share (Herenburen). */
  export async function overview(week: string): Promise<Overview> {
    const [view, collectors] = await Promise.all([splitOverview(week), Handover.collectors(week)]);
    return withCollectors(view, collectors);
  }

  type Stored = NonNullable<Awaited<ReturnType<typeof getWeek>>>;
  type Row = Omit<Overview["allocations"][number], "collectedBy">;
  type Shares = Pick<Row, "householdID" | "lines">[];

  function withCollectors(view: Omit<Overview, "allocations"> & { allocations: Row[] }, collectors: Awaited<ReturnType<typeof Handover.collectors>>): Overview {
    return { ...view, allocations: view.allocations.map((a) => ({ ...a, collectedBy: collectors.get(a.householdID) ?? null })) };
  }

  /** The overview of a stored week from its shares, whichever way they were come by. */
  async function shaped(stored: Stored, shares: Shares, households: Household.Info[], optedOut: number, leftovers: Overview["leftovers"]) {
    const byID = new Map(households.map((h) => [h.id, h]));
    const allocations = shares.map((s) => {
      const h = byID.get(s.householdID);
      return { householdID: s.householdID, name: h?.name ?? "?", mouths: h?.mouths ?? 0, vegetarian: h?.vegetarian ?? false, lines: s.lines };
    });
    return {
      week: stored.week,
      status: stored.status,
      version: stored.version,
      dirty: stored.dirty,
      note: stored.note || null,
      publishedAt: stored.publishedAt ?? null,
      optOutDeadline: amsterdamISO(await deadline(stored.week)),
      items: toItems(stored.items),
      participants: allocations.length,
      mouths: sumMouths(allocations),
      optedOut,
      allocations,
      leftovers,
    };
  }

  async function splitOverview(week: string) {
    const stored = await getWeek(week);
    if (!stored) throw notFound();
    if (stored.status === "published" && !stored.dirty) {
      const [households, shares, out] = await Promise.all([
        Household.list(),
        useDB().entities.harvestShare.query.byWeek({ farmID: useFarmID(), week }).go({ pages: "all" }),
        optOuts(week),
      ]);
      const current = shares.data.filter((s) => s.version === stored.version);
      return shaped(stored, current, households, out.size, stored.leftovers ?? []);
    }
    const { households, optedOut, result } = await split(week, toItems(stored.items));
    return shaped(stored, result.allocations, households, optedOut, result.leftovers);
  }

  function sumMouths(list: { mouths: number }[]) {
    return Math.round(list.reduce((n, a) => n + a.mouths, 0) * 1000) / 1000;
  }

  /**
   * Freezes the split, makes it visible and mails every participating household
   * its share, after the answer. Publishing again after an edit (a crop came in
   * short) replaces the split and mails the households whose share changed.
   *
   * The week turns published only at the revision it was read at, before
   * the opt-outs: a household that opts out or in meanwhile makes the
   * publish split again, so the published split holds every opt-out that
   * answered before it, and one after it marks the week changed (setOptOut).
   * Two publishes at once: one writes the shares, the other waits for it.
   */
  export async function publish(week: string): Promise<Overview> {
    const claim = randomUUID();
    try {
      for (let attempt = 0, waited = 0; attempt < 10; ) {
        const done = await tryPublish(week, claim);
        if (done && done !== "held") return done;
        // held by another publish of the week: its answer will be this one's (a request lives 20 s at most)
        if (done === "held" && ++waited > 150) throw new VisibleError("conflict", "harvest.publishing", "This week is being published; look again in a minute.");
        await new Promise((r) => setTimeout(r, done === "held" ? 100 : Math.random() * 20 * ++attempt));
      }
      throw new VisibleError("conflict", "harvest.busy", "Households keep opting in or out right now; publish again in a moment.");
    } catch (e) {
      // a publish that fails lets go of the week at once; one that dies holds it a minute (publish-hold.ts)
      await release(week, claim);
      throw e;
    }
  }

  async function tryPublish(week: string, claim: string): Promise<Overview | undefined | "held"> {
    const farmID = useFarmID();
    const stored = await getWeek(week, true);
    if (!stored) throw notFound();
    if (stored.status === "published" && !stored.dirty) return overview(week);
    const shares = useDB().entities.harvestShare;
    // read at once, each after the week's record (the revision before the opt-outs), and the week held meanwhile
    const [laterWeeks, { all, households, optedOut, result }, existing, held] = await Promise.all([
      // bounded above: a bare gt() walks every later key of the farm (its mail, its people) a page at a time
      useDB().entities.harvestWeek.query.byWeek({ farmID }).between({ week }, { week: "9999-W53" }).go({ pages: "all" }),
      split(week, toItems(stored.items)),
      // consistent: a share an attempt that split again wrote for a household now opted out must be seen, to be removed
      shares.query.byWeek({ farmID, week }).go({ pages: "all", consistent: true }),
      hold(week, stored.version, claim),
    ]);
    // Balances run forward from week to week: only the newest published week can be redone.
    const later = laterWeeks.data.find((w) => w.week > week && w.status === "published");
    if (later) throw new VisibleError("conflict", "harvest.not_latest", `A later week (${later.week}) is already published.`);
    const version = stored.version + 1;
    if (!held) return (await getWeek(week, true))?.version === stored.version ? "held" : undefined;
    const taking = new Set(result.allocations.map((a) => a.householdID));
    const before = new Map(existing.data.map((s) => [s.householdID, s]));
    await writeAll(
      // every batch of 25 at once
      (batch) => shares.put(batch).go({ concurrent: 10 }),
      result.allocations.map((a) => ({
        farmID,
        week,
        householdID: a.householdID,
        lines: a.lines,
        version,
        balances: result.balances[a.householdID] ?? {},
        // what a correction's mail compares with (share-mail.ts)
        previousLines: previousLines(before.get(a.householdID), stored.version, version),
      })),
    );
    const gone = existing.data.filter((s) => !taking.has(s.householdID));
    await writeAll((batch) => shares.delete(batch).go(), gone.map((s) => ({ farmID, week, householdID: s.householdID })));
    // The shares above are too many for one transaction (a share per household), and
    // are written again on a retry; the week turns published together with its audit event.
    const publishedAt = Clock.iso();
    const res = await useDB()
      .transaction.write(({ harvestWeek, audit }) => [
        harvestWeek
          .patch({ farmID, week })
          .set({ status: "published", version, dirty: false, publishedAt, leftovers: result.leftovers })
          .remove(["publishing", "publishingUntil"])
          // the revision read before the opt-outs: every change the split depends on adds one to it
          .where((a, op) => {
            const revision = stored.revision === undefined ? op.notExists(a.revision) : op.eq(a.revision, stored.revision);
            return `${op.eq(a.version, stored.version)} AND ${revision} AND ${op.eq(a.publishing, claim)}`;
          })
          .commit(),
        audit.create(Audit.event("harvest.published", week, { version, households: taking.size })).commit(),
      ])
      .go();
    if (res.canceled) {
      const now = await getWeek(week, true);
      if (now?.version !== stored.version) throw new VisibleError("conflict", "harvest.changed", "This week was published meanwhile.");
      // opted out or in, or edited, since it was read: the split is stale (its shares stay unseen: another version)
      return undefined;
    }
    // mailed after the answer (mail/mailing.ts); GET …/mailing shows how far it got
    await Mailing.start("harvest", week);
    // answered from what this publish holds, in the order a stored week lists its shares: no second read of them
    const byHousehold = [...result.allocations].sort((a, b) => (a.householdID < b.householdID ? -1 : 1));
    const view = await shaped({ ...stored, status: "published", version, dirty: false, publishedAt }, byHousehold, households, optedOut, result.leftovers);
    return withCollectors(view, await Handover.collectors(week, all));
  }

  /** The mail job's part: households of recently published weeks not mailed yet (a publish that died halfway). */
  export const mailUnsent = mailUnsentShares;

  /** How far the mail of the week's published version got. */
  export const mailing = mailingProgress;

  function ownHousehold() {
    const person = usePerson();
    if (!person.householdID || !hasRole("member"))
      throw new VisibleError("forbidden", "harvest.no_household", "Only member households have a harvest share.");
    return person.householdID;
  }

  /** The caller's household's share of a week, and whether it opted out. */
  export async function mine(week: string): Promise<Mine> {
    const householdID = ownHousehold();
    const farmID = useFarmID();
    const [stored, share, optOut, closes] = await Promise.all([
      getWeek(week),
      useDB().entities.harvestShare.get({ farmID, week, householdID }).go(),
      useDB().entities.harvestOptOut.get({ farmID, week, householdID }).go(),
      deadline(week),
    ]);
    const published = stored?.status === "published" && stored.version > 0;
    // opted out after the publish: no share to fetch, while the week waits to be published again
    const visible = published && !optOut.data && share.data && share.data.version === stored.version ? share.data.lines : [];
    return {
      week,
      status: published ? "published" : "pending",
      optedOut: !!optOut.data,
      optOutDeadline: amsterdamISO(closes),
      canOptOut: Clock.now() < closes,
      changed: published ? stored.version > 1 : false,
      publishedAt: published ? (stored.publishedAt ?? null) : null,
      note: published ? stored.note || null : null,
      lines: visible,
    };
  }

  /**
   * Opt the caller's household out of a week (or back in), until the
   * deadline. The opt-out and the week's revision are one transaction on the
   * condition that the week is still as read: a publish that read the
   * opt-outs before it splits again, and a published week is marked changed
   * (the farmer publishes again). Never lost between the two.
   */
  export async function setOptOut(week: string, optedOut: boolean): Promise<Mine> {
    const householdID = ownHousehold();
    const farmID = useFarmID();
    const personID = usePerson().personID;
    if (Clock.now() >= (await deadline(week)))
      throw new VisibleError("conflict", "harvest.deadline_passed", "The deadline to opt out of this week has passed.");
    for (let attempt = 0; attempt < 50; attempt++) {
      const [stored, current] = await Promise.all([
        getWeek(week, true),
        useDB().entities.harvestOptOut.get({ farmID, week, householdID }).go({ consistent: true }),
      ]);
      if (!!current.data === optedOut) return mine(week);
      const res = await useDB()
        .transaction.write(({ harvestOptOut, harvestWeek }) => [
          optedOut
            ? harvestOptOut.create({ farmID, week, householdID, personID }).commit()
            : harvestOptOut
                .delete({ farmID, week, householdID })
                .where((a, op) => op.exists(a.personID))
                .commit(),
          stored
            ? harvestWeek
                .patch({ farmID, week })
                // a published split no longer matches: the farmer publishes again
                .set({ dirty: stored.status === "published" || stored.dirty })
                .add({ revision: 1 })
                .where((a, op) => op.eq(a.version, stored.version))
                .commit()
            : harvestWeek
                .check({ farmID, week })
                .where((a, op) => op.notExists(a.status))
                .commit(),
        ])
        .go();
      if (!res.canceled) return mine(week);
      // published, created or opted meanwhile: read again
      await backoff(attempt);
    }
    throw new VisibleError("conflict", "harvest.busy", "Too many changes to this week at once; try again.");
  }

  /** Published weeks, newest first, with the caller's own lines where it has a household. */
  export async function list(): Promise<Published[]> {
    const farmID = useFarmID();
    const actor = useActor();
    const householdID = actor.type === "person" ? actor.householdID : null;
    const [weeks, shares] = await Promise.all([
      useDB()
        .entities.harvestWeek.query.byWeek({ farmID })
        .where((a, op) => op.eq(a.status, "published"))
        .go({ order: "desc", pages: "all" }),
      householdID
        ? useDB().entities.harvestShare.query.byHousehold({ farmID, householdID }).go({ order: "desc", pages: "all" })
        : Promise.resolve({ data: [] }),
    ]);
    const mineByWeek = new Map(shares.data.map((s) => [s.week, s]));
    return weeks.data.map((w) => {
      const share = mineByWeek.get(w.week);
      return {
        week: w.week,
        publishedAt: w.publishedAt ?? null,
        changed: w.version > 1,
        note: w.note || null,
        lines: share && share.version === w.version ? share.lines : null,
      };
    });
  }

  /** One household's published share: for the farmer and board, or that household itself; 404 otherwise. */
  export async function householdShare(week: string, householdID: string) {
    const actor = usePerson();
    if (actor.householdID !== householdID && !hasRole("farmer", "board")) throw notFound();
    const [stored, share] = await Promise.all([
      getWeek(week),
      useDB().entities.harvestShare.get({ farmID: useFarmID(), week, householdID }).go(),
    ]);
    if (!stored || stored.status !== "published" || !share.data || share.data.version !== stored.version) throw notFound();
    return { week, householdID, lines: share.data.lines };
  }
}
