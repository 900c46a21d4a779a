import * as z from "zod/mini";
import { hasRole, useFarmID, usePerson } from "../actor";
import { Audit } from "../audit/audit";
import { backoff } from "../backoff";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Household } from "../household/household";
import { createID, ID } from "../id";
import { amsterdamISO } from "../week";
import * as Ballot from "./ballot";
import { removeDraft } from "./draft";
import * as Proxies from "./proxy";
import { mailingProgress, remind, startMail } from "./roll-mail";
import { actsFor, candidatesOf, load, notFound, proxies, roll, type Stored } from "./stored";
import { tallyBoard, tallyMotion, type Result } from "./tally";

/**
 * Board elections and ALV votes: one household, one vote, secret ballot.
 *
 * A vote is one transaction of three writes: the household's roll entry is
 * marked voted (on the condition it was not), the ballot is stored under a
 * random tracker with the choices and the day only, and the election is
 * checked to be open. So a ballot never exists without its mark or the
 * other way round, and a second ballot of a household cannot get in, however
 * many arrive at once.
 *
 * A vote counts only while opensAt ≤ now < closesAt, checked in that same
 * transaction against the request's clock, so nothing gets in between the
 * closing time and the job that closes the vote. And only the people a
 * household had when the vote opened act for it (its roll entry's voters):
 * someone added to a household later, by the board say, cannot cast its
 * ballot, nor give, withdraw or use a proxy for it.
 */
export namespace Election {
  /** Candidates as stored: numbered c1, c2, … in the order given; ballots name them so. */
  function numbered(candidates: readonly { name: string; statement?: string }[]) {
    return candidates.map((c, i) => ({ id: `c${i + 1}`, name: c.name, statement: c.statement }));
  }

  const instant = z.iso.datetime({ offset: true });

  const Candidate = z.object({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    statement: z._default(z.string().check(z.trim(), z.maxLength(2000)), ""),
  });

  const fields = {
    title: z.string().check(z.trim(), z.minLength(1), z.maxLength(160)),
    description: z.optional(z.string().check(z.trim(), z.maxLength(4000))),
    seats: z.optional(z.int().check(z.minimum(1), z.maximum(20))),
    candidates: z.optional(z.array(Candidate).check(z.maxLength(40))),
    opensAt: instant,
    closesAt: instant,
    quorumPercent: z.optional(z.int().check(z.minimum(0), z.maximum(100))),
    majority: z.optional(z.enum(["simple", "two-thirds"])),
  };

  export const CreateInput = z.object({ kind: z.enum(["board", "motion"]), ...fields }).check(
    z.refine((e) => Date.parse(e.closesAt) > Date.parse(e.opensAt), { message: "Closing must be after opening.", path: ["closesAt"] }),
    z.refine((e) => e.kind !== "board" || (e.candidates?.length ?? 0) >= 1, { message: "A board election needs candidates.", path: ["candidates"] }),
    z.refine((e) => e.kind !== "board" || (e.seats ?? 1) <= (e.candidates?.length ?? 0), { message: "More seats than candidates.", path: ["seats"] }),
  );

  export const UpdateInput = z
    .partial(z.object(fields))
    .check(z.refine((v) => Object.keys(v).length > 0, { message: "Nothing to change." }));

  export const BallotInput = z
    .object({
      choices: z.optional(z.array(z.string().check(z.maxLength(20))).check(z.maxLength(40))),
      vote: z.optional(z.enum(["yes", "no", "abstain"])),
      onBehalfOf: z.optional(ID),
    })
    .check(z.refine((b) => (b.choices === undefined) !== (b.vote === undefined), { message: "Give either choices or a vote." }));

  export const Info = z.object({
    id: z.string(),
    title: z.string(),
    description: z.nullable(z.string()),
    kind: z.enum(["board", "motion"]),
    seats: z.nullable(z.number()),
    candidates: z.array(z.object({ id: z.string(), name: z.string(), statement: z.string() })),
    majority: z.nullable(z.enum(["simple", "two-thirds"])),
    quorumPercent: z.nullable(z.number()),
    opensAt: z.string(),
    closesAt: z.string(),
    status: z.enum(["draft", "open", "closed"]),
    turnout: z.object({ eligible: z.number(), voted: z.number(), byProxy: z.number() }),
    me: z.object({
      /** The caller may act for their household in this vote: it is on the roll, and they were in it when the vote opened. */
      eligible: z.boolean(),
      /** The household is on the roll, but the caller joined it after the vote opened. */
      joinedAfterOpening: z.boolean(),
      voted: z.boolean(),
      canVoteFor: z.array(z.string()),
      proxyTo: z.nullable(z.string()),
    }),
  });
  export type Info = z.infer<typeof Info>;

  type Entry = Pick<Awaited<ReturnType<typeof roll>>[number], "householdID" | "voted" | "via" | "proxyTo" | "voters">;

  /** The election for the caller; `opened`: the roll a just-opened vote wrote, so it is not read back (no proxies yet). */
  async function info(e: Stored, opened?: Entry[]): Promise<Info> {
    const person = usePerson();
    const [entries, given] = opened ? [opened, []] : e.status === "draft" ? [[], []] : await Promise.all([roll(e.electionID), proxies(e.electionID)]);
    const own = entries.find((r) => r.householdID === person.householdID);
    const acting = !!own && (await actsFor(own, e, person.personID));
    return {
      id: e.electionID,
      title: e.title,
      description: e.description || null,
      kind: e.kind,
      seats: e.kind === "board" ? (e.seats ?? 1) : null,
      candidates: candidatesOf(e),
      majority: e.kind === "motion" ? (e.majority ?? "simple") : null,
      quorumPercent: e.quorumPercent ?? null,
      opensAt: amsterdamISO(Date.parse(e.opensAt)),
      closesAt: amsterdamISO(Date.parse(e.closesAt)),
      status: e.status,
      turnout: {
        eligible: e.status === "draft" ? 0 : e.eligible,
        voted: entries.filter((r) => r.voted).length,
        byProxy: entries.filter((r) => r.voted && r.via === "proxy").length,
      },
      me: {
        eligible: acting,
        joinedAfterOpening: !!own && !acting,
        voted: !!own?.voted,
        canVoteFor: acting
          ? given.filter((p) => p.toHouseholdID === person.householdID && p.status === "active").map((p) => p.fromHouseholdID)
          : [],
        proxyTo: own?.proxyTo ?? null,
      },
    };
  }

  /** `assemblyID`: a vote item of that ALV, whose mail the meeting sends (assembly/ only). */
  export async function create(input: z.infer<typeof CreateInput>, assemblyID?: string) {
    const farmID = useFarmID();
    const electionID = createID("election");
    const res = await useDB()
      .transaction.write(({ election, audit }) => [
        election
          .create({
            farmID,
            electionID,
            title: input.title,
            description: input.description,
            kind: input.kind,
            seats: input.kind === "board" ? (input.seats ?? 1) : undefined,
            candidates: input.kind === "board" ? numbered(input.candidates ?? []) : undefined,
            majority: input.kind === "motion" ? (input.majority ?? "simple") : undefined,
            quorumPercent: input.quorumPercent,
            opensAt: new Date(input.opensAt).toISOString(),
            closesAt: new Date(input.closesAt).toISOString(),
            assemblyID,
          })
          .commit(),
        audit.create(Audit.event("election.created", electionID, { title: input.title, kind: input.kind })).commit(),
      ])
      .go();
    // only a collision of fresh IDs could refuse it
    if (res.canceled) throw new Error("election not created");
    return get(electionID);
  }

  export async function get(electionID: string) {
    const e = await load(electionID);
    if (!e) throw notFound();
    // Drafts are the board's work in progress.
    if (e.status === "draft" && !hasRole("board")) throw notFound();
    return info(e);
  }

  export async function list() {
    const res = await useDB().entities.election.query.byID({ farmID: useFarmID() }).go({ pages: "all" });
    // an ALV's vote items belong to its meeting's screen, not the list of votes
    const visible = res.data.filter((e) => !e.assemblyID && (e.status !== "draft" || hasRole("board")));
    const all = await Promise.all(visible.map((e) => info(e)));
    return all.sort((a, b) => b.opensAt.localeCompare(a.opensAt));
  }

  /** Edits a draft; an election that opened cannot change. */
  export async function update(electionID: string, changes: z.infer<typeof UpdateInput>) {
    const e = await load(electionID);
    if (!e) throw notFound();
    if (e.status !== "draft") throw new VisibleError("conflict", "election.not_draft", "Only a draft can be changed.");
    const next = { ...e, ...changes };
    if (Date.parse(next.closesAt) <= Date.parse(next.opensAt))
      throw new VisibleError("input", "input.invalid", "Closing must be after opening.", [{ path: "closesAt", message: "Closing must be after opening." }]);
    const { candidates, opensAt, closesAt, ...rest } = changes;
    const res = await useDB()
      .transaction.write(({ election, audit }) => [
        election
          .patch({ farmID: useFarmID(), electionID })
          .set({
            ...rest,
            ...(opensAt ? { opensAt: new Date(opensAt).toISOString() } : {}),
            ...(closesAt ? { closesAt: new Date(closesAt).toISOString() } : {}),
            ...(candidates && e.kind === "board"
              ? { candidates: numbered(candidates) }
              : {}),
          })
          .where((a, op) => op.eq(a.status, "draft"))
          .commit(),
        audit.create(Audit.event("election.edited", electionID, { fields: Object.keys(changes) })).commit(),
      ])
      .go();
    // opened meanwhile
    if (res.canceled) throw new VisibleError("conflict", "election.not_draft", "Only a draft can be changed.");
    return get(electionID);
  }

  /** Deletes a draft; a vote that opened stays, with its roll and ballots (409 `election.not_draft`). */
  export const remove = removeDraft;

  /**
   * Opens voting and freezes the voter roll: the households active now, each
   * with its people now (only they act for it in this vote). Opening before
   * the planned time moves opensAt to now; a vote whose closing time has
   * passed cannot open (change it first). Safe to run twice, also at once,
   * and to run again after a crash: the roll is written while the vote is
   * a draft, its last part (up to 98 households: all of a small farm's) in
   * one transaction with the status flip and its audit event, and the
   * opening mail goes out once, also when the run that opened the election
   * died before sending it.
   */
  export async function open(electionID: string) {
    const opened = await start(electionID);
    return opened ? info(opened.e, opened.entries) : get(electionID);
  }

  /** Opening without the answer: the tick runs as the system, which has no household to show. */
  async function start(electionID: string, now = Clock.now(), attempt = 0): Promise<{ e: Stored; entries: Entry[] } | undefined> {
    const farmID = useFarmID();
    const e = await load(electionID);
    if (!e) throw notFound();
    if (e.status !== "draft") {
      if (e.status === "open" && !e.openedMailSent) await startMail(e, "opened");
      return undefined;
    }
    const at = new Date(now).toISOString();
    if (e.closesAt <= at) throw new VisibleError("conflict", "election.closes_in_past", "The closing time has passed; set a later one first.");
    const [households, people] = await Promise.all([
      Household.list().then((all) => all.filter((h) => h.status === "active")),
      peopleByHousehold(),
    ]);
    const entries = households.map((h) => ({ farmID, electionID, householdID: h.id, voted: false, proxiesHeld: 0, voters: people.get(h.id) ?? [] }));
    // Written only while the vote is a draft: a second opening (the tick and the board at once) that
    // read it as a draft just before the first opened it must not reset the marks of households that voted since.
    // The roll past the last transaction's room goes first, all at once; the rest goes in with the status flip.
    const first = entries.slice(0, Math.max(0, entries.length - 98));
    const chunks = Array.from({ length: Math.ceil(first.length / 99) }, (_, i) => first.slice(i * 99, i * 99 + 99));
    const written = await Promise.all(
      chunks.map((chunk) =>
        useDB()
          .transaction.write(({ election, roll }) => [
            election.check({ farmID, electionID }).where((a, op) => op.eq(a.status, "draft")).commit(),
            ...chunk.map((r) => roll.put(r).commit()),
          ])
          .go(),
      ),
    );
    const refused =
      written.some((w) => w.canceled) ||
      (
        await useDB()
          .transaction.write(({ election, roll, audit }) => [
            election
              .patch({ farmID, electionID })
              .set({ status: "open", eligible: households.length, ...(at < e.opensAt ? { opensAt: at } : {}) })
              .where((a, op) => op.eq(a.status, "draft"))
              .commit(),
            ...entries.slice(first.length).map((r) => roll.put(r).commit()),
            audit.create(Audit.event("election.opened", electionID, { eligible: households.length })).commit(),
          ])
          .go()
      ).canceled;
    if (refused) {
      // opened meanwhile (then the next call only finishes its mail), or a concurrent opening's roll
      if (attempt >= 4) throw new VisibleError("conflict", "election.busy", "The vote is being opened; try again.");
      await backoff(attempt + 3, 800);
      return start(electionID, now, attempt + 1);
    }
    // mailed after the answer (mail/mailing.ts); GET …/mailing shows how far it got
    await startMail(e, "opened");
    return { e: { ...e, status: "open", eligible: households.length, opensAt: at < e.opensAt ? at : e.opensAt }, entries };
  }

  /**
   * Every person of the farm by household, read strongly consistent: someone
   * added just before the opening is on the roll. Someone added while it
   * opens may be left off, never the other way round.
   */
  async function peopleByHousehold() {
    const all = (await useDB().entities.person.query.byID({ farmID: useFarmID() }).go({ pages: "all", consistent: true })).data;
    const out = new Map<string, string[]>();
    for (const p of all) out.set(p.householdID, [...(out.get(p.householdID) ?? []), p.personID]);
    return out;
  }

  /**
   * Closes voting, counts and stores the result, and mails it. Safe to run
   * twice, and to run again after a crash: voting stops first (no ballot can
   * get in after it), then the count is stored with its audit event in one
   * transaction, once; a close that died in between is finished by the next
   * call or tick.
   */
  export async function close(electionID: string) {
    await finish(electionID);
    return get(electionID);
  }

  async function finish(electionID: string, now = Clock.now()) {
    const farmID = useFarmID();
    const e = await load(electionID);
    if (!e) throw notFound();
    if (e.status === "draft") throw new VisibleError("conflict", "election.not_open", "This election has not opened.");
    if (e.status === "closed" && e.result) {
      // counted already: what a crash left of its mailing is finished here
      if (!e.resultsMailSent) await startMail(e, "results");
      return;
    }
    const at = new Date(now).toISOString();
    if (e.status === "open")
      await useDB()
        .entities.election.patch({ farmID, electionID })
        // closing early: the record says when voting really stopped
        .set({ status: "closed", ...(at < e.closesAt ? { closesAt: at } : {}) })
        .where((a, op) => op.eq(a.status, "open"))
        .go()
        .catch((err: unknown) => {
          // closed meanwhile by another call: count and store all the same, the store happens once
          if (!isConditionFailure(err)) throw err;
        });
    const result = await count({ ...e, status: "closed" });
    const res = await useDB()
      .transaction.write(({ election, audit }) => [
        election
          .patch({ farmID, electionID })
          .set({ result })
          .where((a, op) => `${op.eq(a.status, "closed")} AND ${op.notExists(a.result)}`)
          .commit(),
        audit.create(Audit.event("election.closed", electionID, { voted: result.voted, eligible: result.eligible })).commit(),
      ])
      .go();
    if (res.canceled) return;
    await startMail(e, "results");
  }

  /** Strongly consistent: a count right after closing must see the last ballot that got in. */
  async function ballots(electionID: string) {
    return (await useDB().entities.ballot.query.byElection({ farmID: useFarmID(), electionID }).go({ pages: "all", consistent: true })).data;
  }

  async function count(e: Stored): Promise<Result> {
    const all = await ballots(e.electionID);
    const rollInfo = { eligible: e.eligible, quorumPercent: e.quorumPercent ?? null };
    return e.kind === "board"
      ? tallyBoard(candidatesOf(e).map((c) => c.id), e.seats ?? 1, all.map((b) => ({ choices: b.choices ?? [] })), rollInfo)
      : tallyMotion(all.filter((b) => b.vote).map((b) => ({ vote: b.vote! })), e.majority ?? "simple", rollInfo);
  }

  /** Counts the stored ballots again from scratch: a check anyone on the board can run after closing. */
  export async function recount(electionID: string) {
    const e = await load(electionID);
    if (!e || e.status !== "closed") throw new VisibleError("conflict", "election.not_closed", "Only a closed election can be recounted.");
    return count(e);
  }

  /** After closing: the counts, winners, ties, majority and quorum. */
  export async function results(electionID: string) {
    const e = await load(electionID);
    if (!e || e.status === "draft") throw notFound();
    if (e.status !== "closed") throw new VisibleError("conflict", "election.not_closed", "Results are published when voting closes.");
    const result = (e.result as Result | undefined) ?? (await count(e));
    const names = new Map(candidatesOf(e).map((c) => [c.id, c.name]));
    return { ...result, tally: result.tally.map((r) => ({ ...r, name: names.get(r.option) ?? r.option })) };
  }

  /** After closing: every counted ballot as tracker and choices, so each voter can find their own. */
  export async function trackers(electionID: string) {
    const e = await load(electionID);
    if (!e || e.status === "draft") throw notFound();
    if (e.status !== "closed") throw new VisibleError("conflict", "election.not_closed", "Trackers are published when voting closes.");
    return (await ballots(electionID))
      .map((b) => ({ tracker: b.tracker, choices: b.choices ?? (b.vote ? [b.vote] : []) }))
      .sort((a, b) => a.tracker.localeCompare(b.tracker));
  }

  /** Casts the household's ballot (or, with onBehalfOf, the ballot of a household whose proxy it holds). */
  export const cast = Ballot.cast;

  /** Hands the caller's household's vote to another household on the roll. */
  export async function grantProxy(electionID: string, toHouseholdID: string) {
    await Proxies.grantProxy(electionID, toHouseholdID);
    return get(electionID);
  }

  /** Takes a proxy back, as long as it was not used. */
  export async function withdrawProxy(electionID: string) {
    await Proxies.withdrawProxy(electionID);
    return get(electionID);
  }

  /** The board's audit log of an election: who did what, never how anyone voted. */
  export async function audit(electionID: string) {
    if (!(await load(electionID))) throw notFound();
    return Audit.forSubject(electionID);
  }

  /**
   * The scheduled part: open and close on time, and remind the households
   * that have not voted 48 hours before closing (each once).
   */
  export async function tick(now: Date) {
    const t = now.getTime();
    const res = await useDB().entities.election.query.byID({ farmID: useFarmID() }).go({ pages: "all" });
    for (const e of res.data) {
      if (e.status === "draft" && Date.parse(e.opensAt) <= t && Date.parse(e.closesAt) > t) await start(e.electionID, t);
      else if (e.status === "open" && Date.parse(e.closesAt) <= t) await finish(e.electionID, t);
      // finish what a crash interrupted: an opening not yet mailed, a close not yet counted or mailed
      else if (e.status === "open" && !e.openedMailSent) await start(e.electionID);
      else if (e.status === "closed" && !e.result) await finish(e.electionID);
      else if (e.status === "closed" && !e.resultsMailSent) await startMail(e, "results");
      // an ALV's vote is held at the meeting, a day long: its opening mail is the call to vote
      else if (e.status === "open" && !e.assemblyID && Date.parse(e.closesAt) - 48 * 3600_000 <= t) await remind(e);
    }
  }

  /** How far the mail of the vote's opening (while open) or of its results (once closed) got. */
  export async function mailing(electionID: string) {
    if (!(await load(electionID))) throw notFound();
    return mailingProgress(electionID);
  }

  /** The households on the roll, by name: to choose whom to give a proxy. */
  export async function rollHouseholds(electionID: string) {
    const e = await load(electionID);
    if (!e || e.status === "draft") throw notFound();
    const [entries, households] = await Promise.all([roll(electionID), Household.list()]);
    const names = new Map(households.map((h) => [h.id, h.name]));
    return entries.map((r) => ({ id: r.householdID, name: names.get(r.householdID) ?? "?" })).sort((a, b) => a.name.localeCompare(b.name, "nl"));
  }
}
