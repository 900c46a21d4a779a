import { createHash } from "node:crypto";
import * as z from "zod/mini";
import { ulid } from "ulid";
import { assertRole, useActor, useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { writeAll } from "../batch-write";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { amsterdamISO, dateOf } from "../week";
import { CollectionAgain } from "./collection-again";
import { bicFitsIBAN, electronicFormatIBAN, isValidBIC, isValidIBAN, mod97 } from "./iban";
import { Mail } from "../mail/mail";
import { Mailing } from "../mail/mailing";
import { Mandate } from "./mandate";
import { notify, pendingNotices } from "./sepa-notice";
import { sepaText } from "./sepa-text";
import { collectionProblem, directDebitXML, type Collection, type Creditor } from "./sepa-xml";
import { Statement } from "./statement";
import { collectionDate } from "./target2";

/*
 * The month's direct debit as a collection run: the treasurer creates it
 * (who is collected, how much, on which day, under which message and
 * end-to-end IDs, all frozen), every household is told before (sepa-notice.ts),
 * and its pain.008 file (sepa-xml.ts) is made from the frozen run, the same
 * bytes at every download. A later step books the bank statement on it:
 * `findItem` by EndToEndId, `findRun` by MsgId or PmtInfId.
 */

/**
 * Days between the pre-notification and the collection: the SEPA Core
 * rulebook's 14 calendar days, as the mandates the platform records agree
 * no shorter period.
 */
export const noticeDays = 14;

const monthNames = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

export namespace Sepa {
  export const Reason = z.enum(["mandate_reference", "account_holder", "iban", "bic", "signature_date", "amount"]);
  export const Summary = z.object({
    month: z.string(),
    /** `preview`: what a run made now would hold; `created`: the frozen run. */
    status: z.enum(["preview", "created"]),
    collectionDate: z.string(),
    noticeDays: z.number(),
    messageID: z.nullable(z.string()),
    /** The file's creation time (CreDtTm), with its zone. */
    created: z.nullable(z.string()),
    count: z.number(),
    totalCents: z.number(),
    first: z.number(),
    recurring: z.number(),
    /** Households told of their collection so far (a run only). */
    notified: z.nullable(z.number()),
    collections: z.array(
      z.object({
        householdID: z.string(),
        household: z.string(),
        name: z.string(),
        amountCents: z.number(),
        sequence: z.enum(["FRST", "RCUR"]),
        mandateID: z.string(),
        endToEndID: z.nullable(z.string()),
      }),
    ),
    /** Active mandates whose collection no bank would take, with why: the rest of the run goes ahead. */
    leftOut: z.array(z.object({ householdID: z.string(), household: z.string(), amountCents: z.number(), reason: Reason })),
    /** A run only: its collections the bank statement booked, and those that came back (collection-booking.ts). */
    booked: z.optional(z.object({ collected: z.number(), collectedCents: z.number(), returned: z.number(), returnedCents: z.number() })),
  });
  export type Summary = z.infer<typeof Summary>;
  type Planned = Collection & { household: string; previousYearCents?: number };
  type LeftOut = Summary["leftOut"][number];

  const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}`;
  const digestOf = (xml: string) => createHash("sha256").update(xml).digest("hex");

  async function creditor(): Promise<Creditor> {
    const farm = await Farm.current();
    const iban = electronicFormatIBAN(farm.creditorIBAN ?? "");
    const cid = (farm.creditorID ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "");
    const bic = farm.creditorBIC ?? "";
    if (!farm.creditorName || !isValidIBAN(iban) || cid.length < 8 || mod97(cid.slice(7) + cid.slice(0, 4)) !== 1 || (bic && !(isValidBIC(bic) && bicFitsIBAN(bic, iban))))
      throw new VisibleError("conflict", "sepa.not_configured", "Set the farm's creditor name, IBAN and creditor ID first.");
    return { name: farm.creditorName, iban, bic: farm.creditorBIC || undefined, creditorID: farm.creditorID! };
  }

  /**
   * What a month's run would collect now: for each household with an active
   * mandate, what is open of that month's instalment. A mandate never
   * collected before (or first collected in this very month) is FRST, later
   * ones RCUR. A mandate no bank would take is left out, with its reason.
   */
  async function plan(year: number, month: number) {
    const key = monthKey(year, month);
    const [statements, mandates, farm, again] = await Promise.all([Statement.all(year), Mandate.all(), Farm.current(), CollectionAgain.due(key)]);
    const before = CollectionAgain.reachesBack(again, year) ? await Statement.all(year - 1) : [];
    const lastYear = new Map(before.map((s) => [s.household.householdID, s.result.instalments]));
    const active = new Map(mandates.filter((m) => m.status === "active").map((m) => [m.householdID, m]));
    const collections: Planned[] = [];
    const leftOut: LeftOut[] = [];
    for (const s of statements) {
      const mandate = active.get(s.household.householdID);
      const instalment = s.result.instalments[month - 1]!;
      // and what came back from earlier runs, collected again (collection-again.ts)
      const id = s.household.householdID;
      // a return of last year's runs is counted against last year's instalments, and booked there
      const previousYearCents = CollectionAgain.cents(again, id, lastYear.get(id) ?? [], year - 1);
      const open = instalment.amountCents - instalment.paidCents + CollectionAgain.cents(again, id, s.result.instalments.slice(0, month - 1), year) + previousYearCents;
      if (!mandate || open <= 0) continue;
      const c: Planned = {
        householdID: s.household.householdID,
        household: s.household.name,
        name: sepaText(mandate.accountHolder, 70),
        iban: mandate.iban,
        bic: mandate.bic,
        mandateID: mandate.mandateID,
        signedOn: mandate.signedOn,
        amountCents: open,
        ...(previousYearCents > 0 ? { previousYearCents } : {}),
        sequence: !mandate.firstCollection || mandate.firstCollection >= key ? "FRST" : "RCUR",
        // the month and the household: unique for the farm, and found again from the bank statement
        endToEndID: `${key.replace("-", "")}-${s.household.householdID.slice(3).toUpperCase()}`,
        remittance: sepaText(`Bijdrage ${monthNames[month - 1]} ${year} ${farm.name}`, 140),
      };
      const reason = collectionProblem(c);
      if (reason) leftOut.push({ householdID: c.householdID, household: c.household, amountCents: open, reason });
      else collections.push(c);
    }
    const byID = (a: { householdID: string }, b: { householdID: string }) => a.householdID.localeCompare(b.householdID);
    return { key, collections: collections.sort(byID), leftOut: leftOut.sort(byID), again };
  }

  function summarize(
    base: Pick<Summary, "month" | "status" | "collectionDate" | "messageID" | "created" | "notified" | "leftOut">,
    list: (Planned & { notified?: boolean })[],
    withIDs: boolean,
  ): Summary {
    return {
      ...base,
      noticeDays,
      count: list.length,
      totalCents: list.reduce((n, c) => n + c.amountCents, 0),
      first: list.filter((c) => c.sequence === "FRST").length,
      recurring: list.filter((c) => c.sequence === "RCUR").length,
      collections: list.map((c) => ({
        householdID: c.householdID,
        household: c.household,
        name: c.name,
        amountCents: c.amountCents,
        sequence: c.sequence,
        mandateID: c.mandateID,
        endToEndID: withIDs ? c.endToEndID : null,
      })),
    };
  }

  async function load(month: string) {
    return (await useDB().entities.sepaRun.get({ farmID: useFarmID(), month }).go({ consistent: true })).data ?? undefined;
  }
  type Run = NonNullable<Awaited<ReturnType<typeof load>>>;

  async function itemsOf(run: Run) {
    const { data } = await useDB().entities.sepaRunItem.query.byRun({ farmID: useFarmID(), runID: run.runID }).go({ pages: "all", consistent: true });
    return data.sort((a, b) => a.householdID.localeCompare(b.householdID));
  }

  function fileOf(run: Run, items: Collection[]) {
    return directDebitXML({ messageID: run.messageID, created: run.created, collectionDate: run.collectionDate, creditor: run.creditor, collections: items });
  }

  async function runSummary(run: Run) {
    const items = await itemsOf(run);
    const summary = summarize(
      { month: run.month, status: "created", collectionDate: run.collectionDate, messageID: run.messageID, created: run.created, notified: items.filter((i) => i.notified).length, leftOut: run.leftOut as LeftOut[] },
      items,
      true,
    );
    const [collected, returned] = [items.filter((i) => i.collectedEntry), items.filter((i) => i.returnedEntry)];
    const cents = (list: typeof items) => list.reduce((n, i) => n + i.amountCents, 0);
    return { ...summary, booked: { collected: collected.length, collectedCents: cents(collected), returned: returned.length, returnedCents: cents(returned) } };
  }

  const runExists = (month: string) => new VisibleError("conflict", "sepa.run_exists", `The collection run for ${month} exists already; download it.`);

  /**
   * Creates the month's run (freeze) and answers; every household is told
   * after the answer (sepa-notice.ts, a mailing): the summary's `notified`
   * shows how far, and the file waits for it (409 sepa.notice_pending).
   */
  export async function create(year: number, month: number): Promise<Summary> {
    const stored = await freeze(year, month);
    await Mailing.start("sepa", stored.month);
    return runSummary(stored);
  }

  /** A run's notices may still be on their way from its create for this long; after it, a look finishes them. */
  const settling = (run: { created: string }) => Clock.now() - Date.parse(run.created) < Mail.keptMs;

  Mailing.register("sepa", async (key) => {
    const run = await load(key);
    if (run) await notify(run, await itemsOf(run));
  });

  /**
   * Freezes the month's run. Its items are written first under a fresh run
   * ID, then the run itself on the condition that the month has none: of two
   * creates at once one wins (the other gets 409 `sepa.run_exists` and its
   * items go), and a create that dies halfway leaves no run. Nobody is told
   * yet: `create` does that, and any look at the run (`preview`, `file`)
   * finishes it, so no file leaves before every household is told.
   */
  export async function freeze(year: number, month: number) {
    assertRole("treasurer");
    const key = monthKey(year, month);
    if (await load(key)) throw runExists(key);
    const cred = await creditor();
    const { collections, leftOut, again } = await plan(year, month);
    if (!collections.length) throw new VisibleError("conflict", "sepa.nothing_to_collect", `Nothing to collect for ${key}.`);
    await CollectionAgain.mark(key, again, collections.map((c) => c.householdID));
    const now = Clock.now();
    const runID = ulid(now);
    const run = {
      farmID: useFarmID(),
      month: key,
      runID,
      // the month and the run's time and chance: never the same twice for the farm's creditor ID
      messageID: `AKKER-${key.replace("-", "")}-${runID.slice(0, 14)}`,
      created: amsterdamISO(now),
      collectionDate: collectionDate(`${key}-01`, dateOf(now), noticeDays),
      creditor: cred,
      count: collections.length,
      totalCents: collections.reduce((n, c) => n + c.amountCents, 0),
      leftOut,
      createdBy: useActor().type === "person" ? (useActor() as { personID: string }).personID : "system",
    };
    const digest = digestOf(fileOf({ ...run, digest: "", createdAt: "" }, collections));
    const db = useDB().entities;
    const items = collections.map((c) => ({ ...c, farmID: run.farmID, runID, month: key }));
    await writeAll((batch) => db.sepaRunItem.put(batch).go(), items);
    try {
      await db.sepaRun.create({ ...run, digest }).go();
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      await writeAll((batch) => db.sepaRunItem.delete(batch).go(), items.map((i) => ({ farmID: i.farmID, runID, householdID: i.householdID })));
      throw runExists(key);
    }
    await Audit.record("sepa.run", key, { messageID: run.messageID, count: run.count, totalCents: run.totalCents, leftOut: leftOut.length });
    return (await load(key))!;
  }

  /** The month's run, or what a run made now would hold. Looking at a run finishes its pre-notification, should a create have died before. */
  export async function preview(year: number, month: number): Promise<Summary> {
    const run = await load(monthKey(year, month));
    if (run) {
      if (!settling(run)) await notify(run, await itemsOf(run));
      return runSummary(run);
    }
    const { key, collections, leftOut } = await plan(year, month);
    const date = collectionDate(`${key}-01`, dateOf(Clock.now()), noticeDays);
    return summarize({ month: key, status: "preview", collectionDate: date, messageID: null, created: null, notified: null, leftOut }, collections, false);
  }

  /**
   * The run's pain.008 file, the same bytes every time (checked against the
   * digest taken at its creation). Never before every household was told:
   * what a create left untold is told first.
   */
  export async function file(year: number, month: number): Promise<{ xml: string; summary: Summary }> {
    assertRole("treasurer");
    const key = monthKey(year, month);
    const run = await load(key);
    if (!run) throw new VisibleError("conflict", "sepa.no_run", `There is no collection run for ${key} yet; create it first.`);
    let items = await itemsOf(run);
    if (pendingNotices(items)) {
      // the create's mailing is at it: no file before it is done, and no second sender beside it
      if (settling(run))
        throw new VisibleError("conflict", "sepa.notice_pending", "The households are being told of their collection; download the file in a moment.");
      await notify(run, items);
      items = await itemsOf(run);
      if (pendingNotices(items))
        throw new VisibleError("conflict", "sepa.notice_pending", "Not every household has been told of its collection yet; try again in a moment.");
    }
    const xml = fileOf(run, items);
    if (digestOf(xml) !== run.digest) throw new Error(`SEPA run ${key}: the file made now differs from the one made at its creation`);
    await Audit.record("sepa.file", key, { messageID: run.messageID });
    return { xml, summary: await runSummary(run) };
  }

  /** A run's collection by the EndToEndId the bank statement reports, with its run; undefined when no run holds it. */
  export async function findItem(endToEndID: string) {
    const m = /^(\d{4})(\d{2})-/.exec(endToEndID);
    const run = m ? await load(`${m[1]}-${m[2]}`) : undefined;
    const item = run && (await itemsOf(run)).find((i) => i.endToEndID === endToEndID);
    return item && { run, item };
  }

  /** A run by its MsgId or one of its PmtInfIds (`{MsgId}.0`, `{MsgId}.1`); undefined when none. */
  export async function findRun(id: string) {
    const m = /^AKKER-(\d{4})(\d{2})-/.exec(id);
    const run = m ? await load(`${m[1]}-${m[2]}`) : undefined;
    return run && (id === run.messageID || /^\.[01]$/.test(id.slice(run.messageID.length)) && id.startsWith(run.messageID)) ? run : undefined;
  }
}
