import type { EntityItem } from "electrodb";
import * as z from "zod/mini";
import { assertRole, hasRole, useFarmID, usePerson } from "../actor";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Household } from "../household/household";
import { createID } from "../id";
import { isDate } from "../week";
import { PollEntity } from "./entities";
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

  export const CreateInput = z
    .object({
      kind: z.enum(kinds),
      title: z.string().check(z.trim(), z.minLength(1), z.maxLength(160)),
      description: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
      options: z.array(Option).check(z.minLength(1), z.maxLength(60)),
      closesAt: z.optional(z.iso.datetime({ offset: true })),
    })
    .check(
      z.refine((p) => p.kind !== "dates" || p.options.every((o) => o.date), { message: "Every option of a dates poll has a date.", path: ["options"] }),
      z.refine((p) => p.kind === "dates" || p.options.every((o) => o.label), { message: "Every option needs a label.", path: ["options"] }),
      z.refine((p) => p.kind !== "choice" || p.options.length >= 2, { message: "A choice needs at least two options.", path: ["options"] }),
    );

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
    /** Closed once closed by hand or past closesAt. */
    status: z.enum(["open", "closed"]),
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
      status: isOpen(p) ? "open" : "closed",
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

  async function load(pollID: string): Promise<Stored> {
    const p = (await polls().get({ farmID: useFarmID(), pollID }).go({ consistent: true })).data;
    if (!p) throw new VisibleError("not_found", "poll.not_found", "No such poll.");
    return p;
  }

  async function mineOf(pollID: string, householdID: string | null) {
    if (!householdID) return null;
    return (await answersDB().get({ farmID: useFarmID(), pollID, householdID }).go({ consistent: true })).data as StoredAnswer | null;
  }

  /** Starts a poll, open at once (board and farmer). */
  export async function create(input: z.output<typeof CreateInput>): Promise<Info> {
    const person = assertRole(...staff);
    const closesAt = input.closesAt ? new Date(input.closesAt).toISOString() : undefined;
    if (closesAt && Date.parse(closesAt) <= Clock.now())
      throw new VisibleError("input", "poll.closes_in_past", "The closing time has passed already.", [{ path: "closesAt", message: "Choose a moment to come." }]);
    const options = input.options.map((o, i) => ({ id: `o${i + 1}`, label: o.label, ...(input.kind === "dates" && o.date ? { date: o.date } : {}) }));
    const created = await polls()
      .create({
        farmID: useFarmID(),
        pollID: createID("poll"),
        kind: input.kind,
        title: input.title,
        description: input.description || undefined,
        options,
        closesAt,
        createdBy: person.type === "person" ? person.personID : "system",
      })
      .go();
    return infoOf(created.data as Stored, null);
  }

  /** Every poll, open ones first (closing soonest on top), then closed ones, newest first. */
  export async function list(): Promise<Info[]> {
    assertRole("member", ...staff);
    const householdID = householdOrNone();
    const farmID = useFarmID();
    const all = (await polls().query.byID({ farmID }).go({ pages: "all" })).data;
    // one read each, sent together as one BatchGetItem (batch-get.ts)
    const mine = householdID ? await Promise.all(all.map((p) => answersDB().get({ farmID, pollID: p.pollID, householdID }).go())) : [];
    const byPoll = new Map(mine.flatMap((r) => (r.data ? [[r.data.pollID, r.data as StoredAnswer] as const] : [])));
    const infos = all.map((p) => infoOf(p, byPoll.get(p.pollID) ?? null));
    const closing = (i: Info) => (i.closesAt ? Date.parse(i.closesAt) : Infinity);
    return [
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

  /** The caller's household answers, or changes its answer, while the poll is open. */
  export async function answer(pollID: string, input: AnswerInput): Promise<Info> {
    const { householdID, personID } = ownHousehold();
    const farmID = useFarmID();
    const p = await load(pollID);
    const values = valuesOf(p, input);
    const closed = () => new VisibleError("conflict", "poll.closed", "This poll is closed: answers can no longer be given or changed.");
    if (!isOpen(p)) throw closed();
    const now = Clock.iso();
    const res = await useDB()
      .transaction.write(({ poll, pollAnswer }) => [
        poll
          .check({ farmID, pollID })
          .where((a, op) => `${op.eq(a.status, "open")} AND (${op.notExists(a.closesAt)} OR ${op.gt(a.closesAt, now)})`)
          .commit(),
        pollAnswer.put({ farmID, pollID, householdID, personID, values, comment: input.comment || undefined }).commit(),
      ])
      .go();
    if (res.canceled) throw closed();
    return get(pollID);
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
