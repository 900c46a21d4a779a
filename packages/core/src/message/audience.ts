import * as z from "zod/mini";
import { useFarmID } from "../actor";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { ID } from "../id";

/*
 * Who a group mail goes to: each kind of audience turns into the people it
 * holds, once each. Kept apart from message.ts so the arrears audience,
 * which needs the contribution rules, can be added by the function that has
 * them (message/arrears.ts) without the core function carrying them.
 */

/** The roles a mail can go to. */
export const mailRoles = ["board", "treasurer", "farmer", "coordinator"] as const;

export const Audience = z.union([
  /** Every person of every active household. */
  z.object({ kind: z.literal("members") }),
  /** The households with someone signed up (or waiting) for a work day. */
  z.object({ kind: z.literal("workday"), workdayID: ID }),
  /** The households on an open vote's roll that have neither voted nor given a proxy: the people who can cast its vote. */
  z.object({ kind: z.literal("notVoted"), electionID: ID }),
  /** People holding one of the roles. */
  z.object({ kind: z.literal("roles"), roles: z.array(z.enum(mailRoles)).check(z.minLength(1), z.maxLength(mailRoles.length)) }),
]);
export type Audience = z.infer<typeof Audience>;

/** Households in arrears in the payments overview of this year: the treasurer's alone. */
export const ArrearsAudience = z.object({ kind: z.literal("arrears") });
export type AnyAudience = Audience | z.infer<typeof ArrearsAudience>;

/** A person an audience holds; the person item is read anyway, so it comes along. */
export interface Target {
  personID: string;
  householdID: string | null;
  newsOff: boolean;
}

type PersonItem = { personID: string; householdID: string; newsOff?: boolean };
const target = (p: PersonItem): Target => ({ personID: p.personID, householdID: p.householdID === "none" ? null : p.householdID, newsOff: !!p.newsOff });

async function everyone() {
  return (await useDB().entities.person.query.byID({ farmID: useFarmID() }).go({ pages: "all" })).data;
}

/** The people of these households, in one read of the farm's people. */
export async function peopleOf(householdIDs: Iterable<string>): Promise<Target[]> {
  const wanted = new Set(householdIDs);
  return (await everyone()).filter((p) => wanted.has(p.householdID)).map(target);
}

const notFound = (what: string) => new VisibleError("not_found", `message.${what}_not_found`, `No such ${what}.`);

export const resolvers: Record<Audience["kind"], (a: never) => Promise<Target[]>> = {
  members: async () => {
    const households = (await useDB().entities.household.query.byID({ farmID: useFarmID() }).go({ pages: "all" })).data;
    return peopleOf(households.filter((h) => h.status === "active").map((h) => h.householdID));
  },
  workday: async (a: Extract<Audience, { kind: "workday" }>) => {
    const farmID = useFarmID();
    const db = useDB().entities;
    const [day, signups] = await Promise.all([
      db.workday.get({ farmID, workdayID: a.workdayID }).go(),
      db.signup.query.byWorkday({ farmID, workdayID: a.workdayID }).go({ pages: "all" }),
    ]);
    if (!day.data) throw notFound("workday");
    return peopleOf(signups.data.map((s) => s.householdID));
  },
  notVoted: async (a: Extract<Audience, { kind: "notVoted" }>) => {
    const farmID = useFarmID();
    const db = useDB().entities;
    const [vote, roll, people] = await Promise.all([
      db.election.get({ farmID, electionID: a.electionID }).go(),
      db.roll.query.byElection({ farmID, electionID: a.electionID }).go({ pages: "all" }),
      everyone(),
    ]);
    if (!vote.data) throw notFound("election");
    if (vote.data.status !== "open") throw new VisibleError("conflict", "message.vote_not_open", "Only an open vote has households that have not voted yet.");
    const open = roll.data.filter((r) => !r.voted && !r.proxyTo);
    // as the vote's own reminder: the people frozen on the roll, who alone can cast it
    const voters = new Set(open.flatMap((r) => r.voters ?? []));
    const households = new Set(open.filter((r) => !r.voters).map((r) => r.householdID));
    return people.filter((p) => voters.has(p.personID) || households.has(p.householdID)).map(target);
  },
  roles: async (a: Extract<Audience, { kind: "roles" }>) => {
    const farmID = useFarmID();
    const [grants, people] = await Promise.all([useDB().entities.roleGrant.query.byPerson({ farmID }).go({ pages: "all" }), everyone()]);
    const held = new Set(grants.data.filter((g) => (a.roles as string[]).includes(g.role)).map((g) => g.personID));
    return people.filter((p) => held.has(p.personID)).map(target);
  },
};
