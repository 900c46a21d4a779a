import { hasRole, useFarmID, usePerson } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { actsFor, assertVoting, joinedLate, load, notFound, votingAt } from "./stored";

/* Proxies (volmachten): a household hands its vote to another on the roll, and takes it back. */

/** Hands the caller's household's vote to another household on the roll. */
export async function grantProxy(electionID: string, toHouseholdID: string) {
  const farmID = useFarmID();
  const person = usePerson();
  const from = person.householdID;
  if (!from || !hasRole("member")) throw new VisibleError("forbidden", "election.not_eligible", "Only member households vote.");
  if (from === toHouseholdID) throw new VisibleError("input", "input.invalid", "A household cannot hold its own proxy.", [{ path: "toHouseholdID", message: "Choose another household." }]);
  const at = Clock.iso();
  const e = await load(electionID);
  if (!e || e.status === "draft") throw notFound();
  assertVoting(e, at, "Proxies can be given while voting is open.");
  const [farm, mine, theirs] = await Promise.all([
    Farm.current(),
    useDB().entities.roll.get({ farmID, electionID, householdID: from }).go({ consistent: true }),
    useDB().entities.roll.get({ farmID, electionID, householdID: toHouseholdID }).go({ consistent: true }),
  ]);
  if (!mine.data) throw new VisibleError("forbidden", "election.not_eligible", "Your household is not on the voter roll.");
  if (!(await actsFor(mine.data, e, person.personID))) throw joinedLate();
  if (!theirs.data) throw new VisibleError("not_found", "election.not_on_roll", "That household is not on the voter roll.");
  if (mine.data.voted) throw new VisibleError("conflict", "election.already_voted", "Your household has already voted.");
  if (mine.data.proxyTo) throw new VisibleError("conflict", "election.proxy_given", "Your household already gave a proxy.");
  if (theirs.data.proxiesHeld >= farm.maxProxies) throw new VisibleError("conflict", "election.proxy_limit", "That household already holds the maximum number of proxies.");
  const res = await useDB()
    .transaction.write(({ roll: r, proxy, election, audit }) => [
      votingAt(election, electionID, at),
      r
        .patch({ farmID, electionID, householdID: from })
        .set({ proxyTo: toHouseholdID })
        .where(
          (a, op) =>
            `${op.eq(a.voted, false)} AND ${op.notExists(a.proxyTo)} AND (${op.notExists(a.voters)} OR ${op.contains(a.voters, person.personID)})`,
        )
        .commit(),
      r.patch({ farmID, electionID, householdID: toHouseholdID }).add({ proxiesHeld: 1 }).where((a, op) => op.lt(a.proxiesHeld, farm.maxProxies)).commit(),
      proxy.put({ farmID, electionID, fromHouseholdID: from, toHouseholdID, status: "active" }).commit(),
      audit.create(Audit.event("election.proxy_granted", electionID, { from, to: toHouseholdID })).commit(),
    ])
    .go();
  if (res.canceled) {
    const latest = await load(electionID);
    if (latest) assertVoting(latest, at, "Proxies can be given while voting is open.");
    throw new VisibleError("conflict", "election.proxy_limit", "The proxy could not be given: the other household is full, or yours voted meanwhile.");
  }
}

/** Takes a proxy back, as long as it was not used. */
export async function withdrawProxy(electionID: string) {
  const farmID = useFarmID();
  const person = usePerson();
  const from = person.householdID;
  if (!from) throw new VisibleError("forbidden", "election.not_eligible", "Only member households vote.");
  const at = Clock.iso();
  const e = await load(electionID);
  if (!e || e.status === "draft") throw notFound();
  const [given, mine] = await Promise.all([
    useDB().entities.proxy.get({ farmID, electionID, fromHouseholdID: from }).go({ consistent: true }),
    useDB().entities.roll.get({ farmID, electionID, householdID: from }).go({ consistent: true }),
  ]).then(([p, r]) => [p.data, r.data] as const);
  if (!given || !mine) throw new VisibleError("not_found", "election.no_proxy", "Your household gave no proxy.");
  if (!(await actsFor(mine, e, person.personID))) throw joinedLate();
  if (given.status === "used") throw new VisibleError("conflict", "election.proxy_used", "The proxy has already been used.");
  assertVoting(e, at, "Proxies can be withdrawn while voting is open.");
  const res = await useDB()
    .transaction.write(({ roll: r, proxy, election, audit }) => [
      votingAt(election, electionID, at),
      proxy.delete({ farmID, electionID, fromHouseholdID: from }).where((a, op) => op.eq(a.status, "active")).commit(),
      r
        .patch({ farmID, electionID, householdID: from })
        .remove(["proxyTo"])
        .where((a, op) => `${op.notExists(a.voters)} OR ${op.contains(a.voters, person.personID)}`)
        .commit(),
      r.patch({ farmID, electionID, householdID: given.toHouseholdID }).subtract({ proxiesHeld: 1 }).commit(),
      audit.create(Audit.event("election.proxy_withdrawn", electionID, { from, to: given.toHouseholdID })).commit(),
    ])
    .go();
  if (res.canceled) {
    const latest = await load(electionID);
    if (latest) assertVoting(latest, at, "Proxies can be withdrawn while voting is open.");
    throw new VisibleError("conflict", "election.proxy_used", "The proxy has just been used.");
  }
}
