import type { EntityItem } from "electrodb";
import * as z from "zod/mini";
import { assertRole, hasRole, useFarmID, usePerson } from "../actor";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Household } from "../household/household";
import { createID } from "../id";
import { Mailing } from "../mail/mailing";
import { isDate } from "../week";
import type { PollEntity } from "./entities";
import { tally, type PollOption, type Values } from "./results";

/**
 * Open polls for the lighter questions: dates to pick (yes / maybe / no per
 * day), items to rate 1–5 (the teeltenquête), or one choice. Not secret:
 * the board and the farmer see what each household answered, members the
 * counts and the comments without names.
 *
 * One answer per household: the answer's key is the poll and the household,
 * so a second answer replaces the first. It is written in one transaction
 * with a check that the poll is open and its closing time not passed, so an
 * answer racing the close is either in before it or refused.
 *
 * The board or the farmer may keep a poll as a draft, and change its title,
 * question and options until the first household answers: that answer marks
 * the poll in its own transaction, on the revision it read, so an edit and
 * a first answer never both hold. Opening can mail the members once: the
 * "poll" mailing (mail.ts) runs in the mail worker deployed, and is
 * registered by the local app, so its mail stays out of the election
 * function, at its 400 kB.
 */
export namespace Poll {
  const kinds = ["dates", "rating", "choice"] as const;
  export type Kind = (typeof kinds)[number];
  const staff = ["board", "farmer"] as const;

  const OptionID = z.string().check(z.minLength(1), z.maxLength(10));
  const Option = z.object({
    label: z.string().check(z.trim(), z.maxLength(100)),
    date: z.optional(z.string().check(z.refine(isDate, { message: "A date as YYYY-MM-DD." }))),
  });

  const title = z.string().check(z.trim(), z.minLength(1), z.maxLength(160));
  const description = z.string().check(z.trim(), z.maxLength(2000));
  const options = z.array(Option).check(z.minLength(1), z.maxLength(60));
  const closesAt = z.iso.datetime({ offset: true });

  /** What is wrong with options for a poll of `kind`, if anything. */
  function optionsProblem(kind: Kind, list: z.output<typeof options>) {
    if (kind === "dates" && !list.every((o) => o.date)) return "Every option of a dates poll has a date.";
    if (kind !== "dates" && !list.every((o) => o.label)) return "Every option needs a label.";
    if (kind === "choice" && list.length < 2) return "A choice needs at least two options.";
  }

  export const CreateInput = z
    .object({
      kind: z.enum(kinds),
      title,
      description: z.optional(description),
      options,
      closesAt: z.optional(closesAt),
      /** Keep it to change first; open it later. */
      draft: z.optional(z.boolean()),
      /** Mail the members when it opens (those who keep news mail on). */
      mail: z.optional(z.boolean()),
    })
    .check(z.refine((p) => !optionsProblem(p.kind, p.options), { path: ["options"], error: (iss) => optionsProblem((iss.input as Created).kind, (iss.input as Created).options) }));
  type Created = { kind: Kind; options: z.output<typeof options> };

  export const UpdateInput = z
    .object({ title: z.optional(title), description: z.optional(description), options: z.optional(options), closesAt: z.optional(z.nullable(closesAt)) })
    .check(z.refine((o) => Object.values(o).some((v) => v !== undefined), { message: "Change the title, the question, the options or the closing time." }));

  export const OpenInput = z.object({ mail: z._default(z.boolean(), false) });

  export const AnswerInput = z.object({
    dates: z.optional(z.array(z.object({ option: OptionID, answer: z.enum(["yes", "maybe", "no"]) })).check(z.maxLength(60))),
    ratings: z.optional(z.array(z.object({ option: OptionID, stars: z.int().check(z.minimum(1), z.maximum(5)) })).check(z.maxLength(60))),
    choice: z.optional(OptionID),
    comment: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
  });
  export type AnswerInput = z.output<typeof AnswerInput>;

  const OptionInfo = z.object({ id: z.string(), label: z.string(), date: z.optional(z.string()) });
  const Answer = z.extend(AnswerInput, { updatedAt: z.string() });

  export const Info = z.object({
    id: z.string(),
    kind: z.enum(kinds),
    title: z.string(),
    description: z.string(),
    options: z.array(OptionInfo),
    /** Closed once closed by hand or past closesAt; a draft is seen by the board and the farmer only. */
    status: z.enum(["draft", "open", "closed"]),
    /** Title, question and options may still change: nobody answered and it is not closed (for the board and the farmer). */
    editable: z.boolean(),
    /** The members are (being) mailed that it opened. */
    mail: z.boolean(),
    closesAt: z.nullable(z.string()),
    createdAt: z.string(),
    /** The caller's household's answer, if it gave one. */
    mine: z.nullable(Answer),
  });
  export type Info = z.infer<typeof Info>;

  export const Results = z.object({
    poll: Info,
    answered: z.number(),
    options: z.array(
      z.extend(OptionInfo, {
        count: z.number(),
        maybe: z.optional(z.number()),
        no: z.optional(z.number()),
        average: z.optional(z.nullable(z.number())),
        distribution: z.optional(z.array(z.number())),
      }),
    ),
    comments: z.array(z.string()),
  });

  export const HouseholdAnswer = z.extend(Answer, { householdID: z.string(), name: z.string() });

  type Stored = EntityItem<typeof PollEntity>;
  type StoredAnswer = { values: Values; comment?: string; updatedAt: string };

  const polls = () => useDB().entities.poll;
  const answersDB = () => useDB().entities.pollAnswer;

  function isOpen(p: Stored, now = Clock.now()) {
    return p.status === "open" && (!p.closesAt || Date.parse(p.closesAt) > now);
  }

  /** The answer as the API gives and takes it. */
  function answerOf(p: Stored, a: StoredAnswer): z.infer<typeof Answer> {
    const entries = Object.entries(a.values);
    const base = { ...(a.comment ? { comment: a.comment } : {}), updatedAt: a.updatedAt };
    if (p.kind === "dates") return { ...base, dates: entries.map(([option, v]) => ({ option, answer: v as "yes" | "maybe" | "no" })) };
    if (p.kind === "rating") return { ...base, ratings: entries.map(([option, v]) => ({ option, stars: Number(v) })) };
    return { ...base, choice: entries.find(([, v]) => v === "chosen")?.[0] };
  }

  function infoOf(p: Stored, mine: StoredAnswer | null): Info {
    return {
      id: p.pollID,
      kind: p.kind,
      title: p.title,
      description: p.description ?? "",
      options: (p.options ?? []).map((o) => ({ id: o.id, label: o.label, ...(o.date ? { date: o.date } : {}) })),
      status: p.status === "draft" ? "draft" : isOpen(p) ? "open" : "closed",
      editable: isStaff() && p.status !== "closed" && !p.answered && (p.status === "draft" || isOpen(p)),
      mail: !!p.mail,
      closesAt: p.closesAt ?? null,
      createdAt: p.createdAt,
      mine: mine ? answerOf(p, mine) : null,
    };
  }

  function ownHousehold() {
    const person = usePerson();
    if (!person.householdID || !hasRole("member"))
      throw new VisibleError("forbidden", "poll.no_household", "Only member households answer polls.");
    return { householdID: person.householdID, personID: person.personID };
  }

  /** The caller's household, if it is a member household: staff without one see polls but do not answer. */
  function householdOrNone() {
    const person = usePerson();
    return person.householdID && hasRole("member") ? person.householdID : null;
  }

  const isStaff = () => hasRole(...staff);

  async function load(pollID: string): Promise<Stored> {
    const p = (await polls().get({ farmID: useFarmID(), pollID }).go({ consistent: true })).data;
    // a draft answers as unknown to members, as an unknown poll does
    if (!p || (p.status === "draft" && !isStaff())) throw new VisibleError("not_found", "poll.not_found", "No such poll.");
    return p;
  }

  async function mineOf(pollID: string, householdID: string | null) {
    if (!householdID) return null;
    return (await answersDB().get({ farmID: useFarmID(), pollID, householdID }).go({ consistent: true })).data as StoredAnswer | null;
  }

  /** A closing time as stored (UTC), refused when it has passed. */
  function closingTime(at: string) {
    const closesAt = new Date(at).toISOString();
    if (Date.parse(closesAt) <= Clock.now())
      throw new VisibleError("input", "poll.closes_in_past", "The closing time has passed already.", [{ path: "closesAt", message: "Choose a moment to come." }]);
    return closesAt;
  }

  /** Numbered o1, o2, … as answers name them. */
  const numbered = (kind: Kind, list: z.output<typeof options>) =>
    list.map((o, i) => ({ id: `o${i + 1}`, label: o.label, ...(kind === "dates" && o.date ? { date: o.date } : {}) }));

  /** Starts a poll (board and farmer): open at once, or a draft to open later; with `mail`, the members are told when it opens. */
  export async function create(input: z.output<typeof CreateInput>): Promise<Info> {
    const person = assertRole(...staff);
    const closesAt = input.closesAt ? closingTime(input.closesAt) : undefined;
    const options = numbered(input.kind, input.options);
    const created = await polls()
      .create({
        farmID: useFarmID(),
        pollID: createID("poll"),
        kind: input.kind,
        title: input.title,
        description: input.description || undefined,
        options,
        closesAt,
        status: input.draft ? "draft" : "open",
        mail: input.mail || undefined,
        createdBy: person.type === "person" ? person.personID : "system",
      })
      .go();
    if (input.mail && !input.draft) await Mailing.start("poll", created.data.pollID);
    return infoOf(created.data as Stored, null);
  }

  const changedMeanwhile = () => new VisibleError("conflict", "poll.changed", "Someone changed this poll meanwhile; look again.");

  /** Changes title, question, options or closing time (board and farmer) while nobody has answered and it is not closed. */
  export async function update(pollID: string, input: z.output<typeof UpdateInput>): Promise<Info> {
    assertRole(...staff);
    const p = await load(pollID);
    if (p.status !== "draft" && !isOpen(p)) throw new VisibleError("conflict", "poll.closed", "This poll is closed: it can no longer be changed.");
    if (p.answered) throw new VisibleError("conflict", "poll.answered", "Households have answered this poll: it can no longer be changed.");
    const problem = input.options && optionsProblem(p.kind, input.options);
    if (problem) throw new VisibleError("input", "input.invalid", problem, [{ path: "options", message: problem }]);
    const closesAt = input.closesAt ? closingTime(input.closesAt) : input.closesAt;
    try {
      const change = polls()
        .patch({ farmID: useFarmID(), pollID })
        .set({
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.options ? { options: numbered(p.kind, input.options) } : {}),
          ...(closesAt ? { closesAt } : {}),
          revision: p.revision + 1,
        });
      // on the revision read, before any answer, and not closed meanwhile
      await (closesAt === null ? change.remove(["closesAt"]) : change)
        .where((a, op) => `${op.eq(a.revision, p.revision)} AND ${op.notExists(a.answered)} AND ${op.ne(a.status, "closed")}`)
        .go();
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      const now = await load(pollID);
      if (now.answered) throw new VisibleError("conflict", "poll.answered", "Households have answered this poll: it can no longer be changed.");
      throw changedMeanwhile();
    }
    return get(pollID);
  }

  /** Opens a draft (board and farmer); with `mail`, the members are mailed once that it is open. */
  export async function open(pollID: string, input: z.output<typeof OpenInput>): Promise<Info> {
    assertRole(...staff);
    const p = await load(pollID);
    if (p.status !== "draft") throw new VisibleError("conflict", "poll.not_draft", "This poll is open or closed already.");
    if (p.closesAt && Date.parse(p.closesAt) <= Clock.now())
      throw new VisibleError("conflict", "poll.closes_in_past", "Its closing time has passed: change it before opening.");
    try {
      await polls()
        .patch({ farmID: useFarmID(), pollID })
        .set({ status: "open", ...(input.mail ? { mail: true } : {}), revision: p.revision + 1 })
        .where((a, op) => `${op.eq(a.status, "draft")} AND ${op.eq(a.revision, p.revision)}`)
        .go();
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      throw changedMeanwhile();
    }
    if (input.mail) await Mailing.start("poll", pollID);
    return get(pollID);
  }

  /** Every poll, open ones first (closing soonest on top), then closed ones, newest first. */
  export async function list(): Promise<Info[]> {
    assertRole("member", ...staff);
    const householdID = householdOrNone();
    const farmID = useFarmID();
    const all = (await polls().query.byID({ farmID }).go({ pages: "all" })).data.filter((p) => p.status !== "draft" || isStaff());
    // one read each, sent together as one BatchGetItem (batch-get.ts)
    const mine = householdID ? await Promise.all(all.map((p) => answersDB().get({ farmID, pollID: p.pollID, householdID }).go())) : [];
    const byPoll = new Map(mine.flatMap((r) => (r.data ? [[r.data.pollID, r.data as StoredAnswer] as const] : [])));
    const infos = all.map((p) => infoOf(p, byPoll.get(p.pollID) ?? null));
    const closing = (i: Info) => (i.closesAt ? Date.parse(i.closesAt) : Infinity);
    return [
      ...infos.filter((i) => i.status === "draft").sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      ...infos.filter((i) => i.status === "open").sort((a, b) => closing(a) - closing(b) || b.createdAt.localeCompare(a.createdAt)),
      ...infos.filter((i) => i.status === "closed").sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    ];
  }

  export async function get(pollID: string): Promise<Info> {
    assertRole("member", ...staff);
    const p = await load(pollID);
    return infoOf(p, await mineOf(pollID, householdOrNone()));
  }

  /** Checks an answer against the poll's kind and options; what a household answered per option. */
  function valuesOf(p: Stored, input: AnswerInput): Values {
    const ids = new Set((p.options ?? []).map((o) => o.id));
    const wrong = (path: string, message: string) => new VisibleError("input", "input.invalid", "The answer does not fit this poll.", [{ path, message }]);
    const given = { dates: input.dates, rating: input.ratings, choice: input.choice };
    for (const kind of kinds)
      if (kind !== p.kind && given[kind] !== undefined) throw wrong(kind === "rating" ? "ratings" : kind, `Not for a ${p.kind} poll.`);
    const check = (path: string, options: string[]) => {
      if (!options.length) throw wrong(path, "Answer at least one option.");
      if (options.some((o) => !ids.has(o))) throw wrong(path, "Choose from the poll's options.");
      if (new Set(options).size !== options.length) throw wrong(path, "Each option once.");
    };
    if (p.kind === "dates") {
      check("dates", (input.dates ?? []).map((d) => d.option));
      return Object.fromEntries(input.dates!.map((d) => [d.option, d.answer]));
    }
    if (p.kind === "rating") {
      check("ratings", (input.ratings ?? []).map((r) => r.option));
      return Object.fromEntries(input.ratings!.map((r) => [r.option, r.stars]));
    }
    check("choice", input.choice === undefined ? [] : [input.choice]);
    return { [input.choice!]: "chosen" };
  }

  /**
   * The caller's household answers, or changes its answer, while the poll is
   * open. The first answer marks the poll answered, on the revision whose
   * options it was checked against: an edit in between makes it check again.
   */
  export async function answer(pollID: string, input: AnswerInput): Promise<Info> {
    const { householdID, personID } = ownHousehold();
    const farmID = useFarmID();
    const closed = () => new VisibleError("conflict", "poll.closed", "This poll is closed: answers can no longer be given or changed.");
    for (let attempt = 0; attempt < 4; attempt++) {
      const p = await load(pollID);
      if (p.status === "draft") throw new VisibleError("conflict", "poll.not_open", "This poll is not open yet.");
      const values = valuesOf(p, input);
      if (!isOpen(p)) throw closed();
      const now = Clock.iso();
      const openNow = (a: { status: string; closesAt: string }, op: { eq: (x: unknown, v: unknown) => string; notExists: (x: unknown) => string; gt: (x: unknown, v: unknown) => string }) =>
        `${op.eq(a.status, "open")} AND (${op.notExists(a.closesAt)} OR ${op.gt(a.closesAt, now)})`;
      const res = await useDB()
        .transaction.write(({ poll, pollAnswer }) => [
          // the first answer also marks the poll answered, on the revision it read; later ones only check it is open
          p.answered
            ? poll.check({ farmID, pollID }).where((a, op) => openNow(a, op)).commit()
            : poll
                .patch({ farmID, pollID })
                .set({ answered: true })
                .where((a, op) => `${openNow(a, op)} AND ${op.eq(a.revision, p.revision)}`)
                .commit(),
          pollAnswer.put({ farmID, pollID, householdID, personID, values, comment: input.comment || undefined }).commit(),
        ])
        .go();
      if (!res.canceled) return get(pollID);
      // closed meanwhile, or edited or marked by another first answer: look again
      if (!isOpen(await load(pollID))) throw closed();
    }
    throw new VisibleError("conflict", "poll.changed", "The poll changed while you answered; look again.");
  }

  /** Closes a poll now (board and farmer); its answers stand as given. */
  export async function close(pollID: string): Promise<Info> {
    assertRole(...staff);
    await load(pollID);
    try {
      await polls()
        .patch({ farmID: useFarmID(), pollID })
        .set({ status: "closed", closedAt: Clock.iso() })
        .where((a, op) => op.eq(a.status, "open"))
        .go();
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      throw new VisibleError("conflict", "poll.closed", "This poll is closed already.");
    }
    return get(pollID);
  }

  async function answersOf(pollID: string) {
    return (await answersDB().query.byPoll({ farmID: useFarmID(), pollID }).go({ pages: "all", consistent: true })).data;
  }

  /** The counts per option and the comments, without who gave them: for everyone who sees the poll. */
  export async function results(pollID: string): Promise<z.infer<typeof Results>> {
    assertRole("member", ...staff);
    const [p, all] = await Promise.all([load(pollID), answersOf(pollID)]);
    const householdID = householdOrNone();
    const mine = all.find((a) => a.householdID === householdID) ?? null;
    const counted = tally(p.kind, (p.options ?? []) as PollOption[], all.map((a) => ({ values: a.values as Values, comment: a.comment })));
    return { poll: infoOf(p, mine as StoredAnswer | null), ...counted };
  }

  /** What each household answered, by name (the poll is open, not secret): for the board and the farmer. */
  export async function answers(pollID: string): Promise<z.infer<typeof HouseholdAnswer>[]> {
    assertRole(...staff);
    const [p, all, households] = await Promise.all([load(pollID), answersOf(pollID), Household.list()]);
    const names = new Map(households.map((h) => [h.id, h.name]));
    return all
      .map((a) => ({ ...answerOf(p, a as StoredAnswer), householdID: a.householdID, name: names.get(a.householdID) ?? "?" }))
      .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  }
}
