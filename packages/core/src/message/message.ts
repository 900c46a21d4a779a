import * as z from "zod/mini";
import { hasRole, useFarmID, usePerson } from "../actor";
import { Audit } from "../audit/audit";
import { writeAll } from "../batch-write";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { createID } from "../id";
import { Mailing } from "../mail/mailing";
import { ArrearsAudience, Audience, resolvers, type AnyAudience, type Target } from "./audience";
import "./send";

/**
 * Mail to a group: the board (and the farmer, to all members) writes one
 * message to an audience. The audience is turned into its people when it is
 * sent, once each however many of its groups they are in, and that list is
 * frozen with it; the mailing (send.ts) then mails each of them once,
 * marked per person, after the answer. Why the board's mail always goes and
 * the farmer's is news a member may turn off: preferences.ts.
 */
export namespace Message {
  const subject = z.string().check(z.trim(), z.minLength(1), z.maxLength(150));
  const text = z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000));
  /**
   * Made by the compose screen when it opens: a send repeated after a lost
   * answer finds the message it made instead of mailing everyone again.
   */
  const key = z.optional(z.string().check(z.regex(/^[0-9a-z]{8,40}$/, "8 to 40 lowercase letters and digits.")));

  export const Input = z.object({ audience: Audience, subject, text, key });
  export type Input = z.output<typeof Input>;
  /** The treasurer's mail to the households in arrears: its audience is implied. */
  export const ArrearsInput = z.object({ subject, text, key });
  export type ArrearsInput = z.output<typeof ArrearsInput>;

  export const Preview = z.object({
    /** People it would go to, each once. */
    people: z.number(),
    households: z.number(),
    /** People in the audience left out because they turned news off (the farmer's mail only). */
    optedOut: z.number(),
  });
  export type Preview = z.infer<typeof Preview>;

  export const Info = z.object({
    id: z.string(),
    author: z.object({ name: z.string(), role: z.enum(["board", "treasurer", "farmer"]) }),
    audience: z.union([Audience, ArrearsAudience]),
    subject: z.string(),
    text: z.string(),
    createdAt: z.string(),
    total: z.number(),
    optedOut: z.number(),
    done: z.boolean(),
  });
  export type Info = z.infer<typeof Info>;

  export const Recipient = z.object({
    /** Null once the person is erased. */
    name: z.nullable(z.string()),
    email: z.nullable(z.string()),
    household: z.nullable(z.string()),
    sentAt: z.nullable(z.string()),
  });
  export const Detail = z.extend(Info, { recipients: z.array(Recipient) });
  export type Detail = z.infer<typeof Detail>;

  const extra = new Map<string, () => Promise<Target[]>>();

  /** The arrears audience lives with the contribution rules (arrears.ts), added by the function that carries them. */
  export function addArrearsAudience(resolve: () => Promise<Target[]>) {
    extra.set("arrears", resolve);
  }

  /** Who may write to an audience: the treasurer alone to arrears, the farmer only to all members, the board to any other. */
  function authorRole(audience: AnyAudience): Info["author"]["role"] {
    const forbidden = () => new VisibleError("forbidden", "message.audience_forbidden", "You may not mail this group.");
    if (audience.kind === "arrears") {
      if (!hasRole("treasurer")) throw forbidden();
      return "treasurer";
    }
    if (hasRole("board")) return "board";
    if (hasRole("treasurer")) return "treasurer";
    if (audience.kind === "members" && hasRole("farmer")) return "farmer";
    throw forbidden();
  }

  async function resolve(audience: AnyAudience) {
    const role = authorRole(audience);
    const find = audience.kind === "arrears" ? extra.get("arrears") : (resolvers[audience.kind] as (a: Audience) => Promise<Target[]>);
    if (!find) throw new Error(`The ${audience.kind} audience is not in this function`);
    const found = new Map((await find(audience as never)).map((t) => [t.personID, t]));
    const all = [...found.values()];
    // the farmer's notes are news; the board's and the treasurer's mail always goes
    const news = role === "farmer";
    const people = news ? all.filter((t) => !t.newsOff) : all;
    return { role, news, people, optedOut: all.length - people.length };
  }

  /** How many an audience would reach, shown before sending. */
  export async function preview(audience: AnyAudience): Promise<Preview> {
    const { people, optedOut } = await resolve(audience);
    return { people: people.length, households: new Set(people.map((p) => p.householdID).filter(Boolean)).size, optedOut };
  }

  type Stored = NonNullable<Awaited<ReturnType<typeof load>>>;

  async function load(messageID: string) {
    return (await useDB().entities.message.get({ farmID: useFarmID(), messageID }).go({ consistent: true })).data;
  }

  function info(m: Stored): Info {
    return {
      id: m.messageID,
      author: { name: m.authorName, role: m.authorRole },
      audience: m.audience as AnyAudience,
      subject: m.subject,
      text: m.text,
      createdAt: m.createdAt,
      total: m.total,
      optedOut: m.optedOut,
      done: m.done,
    };
  }

  /** The same send again (its key), by the same person: its message, not a second one; a mailing a crash stopped goes on. */
  async function again(m: Stored) {
    if (m.authorID !== usePerson().personID) throw new VisibleError("conflict", "message.key_taken", "This key belongs to another message.");
    if (!m.done) await Mailing.start("message", m.messageID);
    return { message: info(m), duplicate: true };
  }

  /**
   * Sends a message: freezes its people (written first, then the message
   * with its audit event as the one write that makes it real, so a crash
   * before leaves nothing that mails), then starts its mailing.
   */
  export async function send(audience: AnyAudience, input: ArrearsInput): Promise<{ message: Info; duplicate: boolean }> {
    const farmID = useFarmID();
    const db = useDB().entities;
    const messageID = input.key ? `msg_${input.key}` : createID("message");
    if (input.key) {
      const existing = await load(messageID);
      if (existing) return again(existing);
    }
    const { role, people, optedOut } = await resolve(audience);
    if (!people.length) throw new VisibleError("conflict", "message.no_recipients", "Nobody in this group gets this mail.");
    const author = usePerson();
    const authorName = (await db.person.get({ farmID, personID: author.personID }).go()).data?.name ?? "";
    if (input.key) await dropStale(messageID, new Set(people.map((p) => p.personID)));
    // two years: the log of who was mailed outlives a season; the mails themselves are not kept
    const expiresAtEpoch = Math.floor(Clock.now() / 1000) + 2 * 365 * 24 * 3600;
    await writeAll(
      (batch) => db.messageRecipient.put(batch).go(),
      people.map((p) => ({ farmID, messageID, personID: p.personID, ...(p.householdID ? { householdID: p.householdID } : {}), expiresAtEpoch })),
    );
    const item = { farmID, messageID, authorID: author.personID, authorName, authorRole: role, audience, subject: input.subject, text: input.text, total: people.length, optedOut };
    const res = await useDB()
      .transaction.write(({ message, audit }) => [
        message.create(item).commit(),
        audit.create(Audit.event("message.sent", messageID, { audience, total: people.length })).commit(),
      ])
      .go();
    const stored = await load(messageID);
    // the same key sent twice at once: the other one made it
    if (res.canceled) return again(stored!);
    await Mailing.start("message", messageID);
    return { message: info(stored!), duplicate: false };
  }

  /** A send tried again after a crash: people of the first try's list that the audience no longer holds go. */
  async function dropStale(messageID: string, keep: Set<string>) {
    const farmID = useFarmID();
    const { data } = await useDB().entities.messageRecipient.query.byMessage({ farmID, messageID }).go({ pages: "all" });
    const stale = data.filter((r) => !keep.has(r.personID)).map((r) => ({ farmID, messageID, personID: r.personID }));
    if (stale.length) await writeAll((batch) => useDB().entities.messageRecipient.delete(batch).go(), stale);
  }

  /** Whether the caller may read a message: the treasurer's mail to arrears only the treasurer; the farmer only mail to all members. */
  function visible(m: { audience: unknown; authorRole: string }) {
    const kind = (m.audience as AnyAudience).kind;
    if (kind === "arrears") return hasRole("treasurer");
    return hasRole("board", "treasurer") || (kind === "members" && hasRole("farmer"));
  }

  /** The messages sent, newest first, that the caller may read. */
  export async function list(): Promise<Info[]> {
    const { data } = await useDB().entities.message.query.byID({ farmID: useFarmID() }).go({ pages: "all" });
    // a key the compose screen made is no time order: sort by when
    return data.filter(visible).map(info).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async function readable(messageID: string) {
    const m = await load(messageID);
    if (!m || !visible(m)) throw new VisibleError("not_found", "message.not_found", "No such message.");
    return m;
  }

  /** A message with each of its people: who, and when mailed. */
  export async function get(messageID: string): Promise<Detail> {
    const farmID = useFarmID();
    const db = useDB().entities;
    const m = await readable(messageID);
    const [recipients, people, households] = await Promise.all([
      db.messageRecipient.query.byMessage({ farmID, messageID }).go({ pages: "all" }),
      db.person.query.byID({ farmID }).go({ pages: "all" }),
      db.household.query.byID({ farmID }).go({ pages: "all" }),
    ]);
    const person = new Map(people.data.map((p) => [p.personID, p]));
    const household = new Map(households.data.map((h) => [h.householdID, h.name]));
    const rows = recipients.data.map((r) => {
      const p = person.get(r.personID);
      return { name: p?.name ?? null, email: p?.email ?? null, household: (r.householdID && household.get(r.householdID)) || null, sentAt: r.sentAt ?? null };
    });
    rows.sort((a, b) => (a.household ?? "~").localeCompare(b.household ?? "~", "nl") || (a.name ?? "").localeCompare(b.name ?? "", "nl"));
    return { ...info(m), recipients: rows };
  }

  /** How far a message's mailing got: its people, and how many are mailed. */
  export async function progress(messageID: string): Promise<Mailing.Progress> {
    const m = await readable(messageID);
    const { data } = await useDB().entities.messageRecipient.query.byMessage({ farmID: useFarmID(), messageID }).go({ pages: "all", consistent: true });
    return { total: m.total, sent: data.filter((r) => r.sentAt).length, done: m.done };
  }
}
