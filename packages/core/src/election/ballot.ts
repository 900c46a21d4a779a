import { randomBytes } from "node:crypto";
import type * as z from "zod/mini";
import { hasRole, useFarmID, usePerson } from "../actor";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { dateOf } from "../week";
import type { Election } from "./election";
import { actsFor, assertVoting, candidatesOf, joinedLate, load, notFound, votingAt, type Stored } from "./stored";

/* Casting a secret ballot: the transaction of three writes the Election namespace describes. */

type BallotInput = z.infer<typeof Election.BallotInput>;

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 60 random bits in Crockford base32, grouped for reading aloud: `7K2M-QX9D-3FTR`. */
function newTracker() {
  const bytes = randomBytes(12);
  let out = "";
  for (let i = 0; i < 12; i++) out += alphabet[bytes[i]! & 31];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/** Casts the household's ballot (or, with onBehalfOf, the ballot of a household whose proxy it holds). */
export async function cast(electionID: string, input: BallotInput) {
  const farmID = useFarmID();
  const person = usePerson();
  if (!person.householdID || !hasRole("member"))
    throw new VisibleError("forbidden", "election.not_eligible", "Only member households vote.");
  const now = Clock.now();
  const at = new Date(now).toISOString();
  const e = await load(electionID);
  if (!e || e.status === "draft") throw notFound();
  assertVoting(e, at);
  const ballot = validBallot(e, input);
  const own = person.householdID;
  const voter = input.onBehalfOf ?? own;
  const rollOf = async (householdID: string) => (await useDB().entities.roll.get({ farmID, electionID, householdID }).go({ consistent: true })).data;
  const [entry, otherOwn] = await Promise.all([rollOf(voter), voter === own ? undefined : rollOf(own)]);
  const ownEntry = voter === own ? entry : otherOwn;
  if (!entry) throw new VisibleError("forbidden", "election.not_eligible", "This household is not on the voter roll.");
  if (!ownEntry) throw new VisibleError("forbidden", "election.not_eligible", "Your household is not on the voter roll.");
  // a proxy held by a household is used by its people of the opening, like its own vote
  if (!(await actsFor(ownEntry, e, person.personID))) throw joinedLate();
  if (entry.voted) throw new VisibleError("conflict", "election.already_voted", "This household has already voted.");
  if (input.onBehalfOf) {
    if (entry.proxyTo !== own) throw new VisibleError("forbidden", "election.no_proxy", "You hold no proxy for this household.");
  } else if (entry.proxyTo)
    throw new VisibleError("conflict", "election.proxy_given", "Your household gave its vote by proxy; withdraw the proxy to vote yourself.");

  const tracker = newTracker();
  const day = dateOf(now);
  const res = await useDB()
    .transaction.write(({ roll: rollEntity, ballot: ballotEntity, election, proxy }) => [
      votingAt(election, electionID, at),
      rollEntity
        .patch({ farmID, electionID, householdID: voter })
        .set({ voted: true, via: input.onBehalfOf ? "proxy" : "self" })
        .where((a, op) =>
          input.onBehalfOf
            ? `${op.eq(a.voted, false)} AND ${op.eq(a.proxyTo, own)}`
            : `${op.eq(a.voted, false)} AND ${op.notExists(a.proxyTo)} AND (${op.notExists(a.voters)} OR ${op.contains(a.voters, person.personID)})`,
        )
        .commit(),
      ...(input.onBehalfOf
        ? [
            rollEntity
              .check({ farmID, electionID, householdID: own })
              .where((a, op) => `${op.notExists(a.voters)} OR ${op.contains(a.voters, person.personID)}`)
              .commit(),
          ]
        : []),
      ballotEntity.create({ farmID, electionID, tracker, day, ...ballot }).commit(),
      ...(input.onBehalfOf
        ? [
            proxy
              .patch({ farmID, electionID, fromHouseholdID: voter })
              .set({ status: "used" })
              .where((a, op) => `${op.eq(a.status, "active")} AND ${op.eq(a.toHouseholdID, own)}`)
              .commit(),
          ]
        : []),
    ])
    .go();
  if (res.canceled) {
    const latest = await load(electionID);
    if (latest) assertVoting(latest, at);
    throw new VisibleError("conflict", "election.already_voted", "This household has already voted.");
  }
  return { tracker };
}

function validBallot(e: Stored, input: BallotInput) {
  if (e.kind === "motion") {
    if (!input.vote) throw new VisibleError("input", "input.invalid", "Vote yes, no or abstain.", [{ path: "vote", message: "Required for a motion." }]);
    return { vote: input.vote };
  }
  const ids = new Set(candidatesOf(e).map((c) => c.id));
  const choices = [...new Set(input.choices ?? [])];
  if (!input.choices) throw new VisibleError("input", "input.invalid", "Choose candidates.", [{ path: "choices", message: "Required for a board election." }]);
  if (choices.some((c) => !ids.has(c)))
    throw new VisibleError("input", "input.invalid", "Unknown candidate.", [{ path: "choices", message: "Choose from the candidates." }]);
  if (choices.length > (e.seats ?? 1))
    throw new VisibleError("input", "input.invalid", `Choose at most ${e.seats ?? 1}.`, [{ path: "choices", message: `At most ${e.seats ?? 1} candidates.` }]);
  return { choices };
}
