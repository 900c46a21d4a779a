import { useFarmID } from "../actor";
import { mailRoll, when } from "../election/roll-mail";
import { load as loadElection, roll } from "../election/stored";
import { useDB } from "../entities";
import { Mailing } from "../mail/mailing";
import { applyBudgets } from "./budget";
import { assemblyOpened, assemblyReminder, assemblyResults, type Outcome } from "./mail";
import { itemResults } from "./results";
import { closeBallot, load, loadItems } from "./stored";

/*
 * The ALV's mail: one mail per household when its ballot opens, naming
 * every vote item, and one with every item's outcome when it closes, sent
 * by whichever of its votes asks last (Election.open/close or the tick,
 * through election/roll-mail.ts `startMail`). The households are those on
 * the roll of the meeting's first vote, each marked on that roll entry in
 * the transaction that keeps its mail, so a run again, at once or after a
 * crash mails nobody twice; once all are marked, every vote of the meeting
 * is flagged mailed, which stops the tick asking.
 */

async function votesOf(assemblyID: string) {
  const items = (await loadItems(assemblyID)).flatMap((i) => (i.electionID ? [{ title: i.title, electionID: i.electionID }] : []));
  const all = await Promise.all(items.map(async (i) => ({ ...i, e: await loadElection(i.electionID) })));
  return all.flatMap((v) => (v.e ? [{ ...v, e: v.e }] : []));
}

type Votes = Awaited<ReturnType<typeof votesOf>>;

async function flag(votes: Votes, set: { openedMailSent: true } | { resultsMailSent: true }) {
  const farmID = useFarmID();
  await Promise.all(votes.map((v) => useDB().entities.election.patch({ farmID, electionID: v.electionID }).set(set).go()));
}

export async function mailOpened(assemblyID: string) {
  const a = await load(assemblyID);
  const votes = await votesOf(assemblyID);
  const lead = votes[0]?.e;
  // the last vote to open sends it, so the mail names them all
  if (!a || !lead || votes.some((v) => v.e.status === "draft") || votes.every((v) => v.e.openedMailSent)) return;
  const done = await mailRoll(lead.electionID, "openedMailed", (p) => ({
    template: assemblyOpened,
    data: {
      title: a.title,
      when: when(a.startsAt, p.locale),
      place: a.place,
      items: votes.map((v) => v.title),
      closes: when(lead.closesAt, p.locale),
      link: `/assemblies/${assemblyID}`,
    },
  }));
  if (done) await flag(votes, { openedMailSent: true });
}

export async function mailResults(assemblyID: string) {
  const a = await load(assemblyID);
  // a vote an interrupted opening never reached has nothing to count
  const votes = (await votesOf(assemblyID)).filter((v) => v.e.status !== "draft");
  const lead = votes[0]?.e;
  if (!a || !lead || votes.some((v) => v.e.status !== "closed" || !v.e.result) || votes.every((v) => v.e.resultsMailSent)) return;
  // votes closed on time close the door too: the room's count mailed is the one the screen keeps
  await closeBallot(assemblyID);
  await applyBudgets(assemblyID);
  const items = (await itemResults(assemblyID)).items.flatMap(({ title, kind, inRoom, result: r }): Outcome[] =>
    r && kind
      ? [
          {
            title,
            kind,
            passed: r.passed,
            elected: r.winners.map((w) => r.tally.find((t) => t.option === w)?.name ?? w),
            quorumPercent: r.quorumPercent,
            quorumMet: r.quorumMet,
            taking: r.attending ?? r.voted,
            eligible: r.eligible,
            inRoom,
          },
        ]
      : [],
  );
  const done = await mailRoll(lead.electionID, "resultsMailed", () => ({
    template: assemblyResults,
    data: { title: a.title, items, link: `/assemblies/${assemblyID}` },
  }));
  if (done) await flag(votes, { resultsMailSent: true });
}

/**
 * The reminder the board sends while the ballot is open: to the households
 * that have voted on none of its items and gave no proxy, once each (the
 * mark on the first vote's roll entry, kept with its mail, as the opening's).
 */
export async function mailReminder(assemblyID: string) {
  const a = await load(assemblyID);
  const votes = (await votesOf(assemblyID)).filter((v) => v.e.status === "open");
  const lead = votes[0]?.e;
  if (!a || a.status !== "open" || !lead) return false;
  const rolls = await Promise.all(votes.map((v) => roll(v.electionID)));
  const voted = new Set(rolls.flat().flatMap((r) => (r.voted ? [r.householdID] : [])));
  return mailRoll(
    lead.electionID,
    "reminded",
    (p) => ({ template: assemblyReminder, data: { title: a.title, items: votes.map((v) => v.title), closes: when(lead.closesAt, p.locale), link: `/assemblies/${assemblyID}` } }),
    (r) => !r.voted && !r.proxyTo && !voted.has((r as typeof r & { householdID: string }).householdID),
  );
}

const day = 24 * 3600_000;

/**
 * The tick's part: a ballot open for a day or more reminds by itself a day
 * before it closes (one that opens at the meeting is short enough not to),
 * through the same marks as the board's reminder, so nobody gets two.
 */
export async function remindDue(now: Date) {
  const farmID = useFarmID();
  const open = (await useDB().entities.assembly.query.byID({ farmID }).go({ pages: "all" })).data.filter((a) => a.status === "open" && !a.reminderSent);
  for (const a of open) {
    const lead = (await votesOf(a.assemblyID)).find((v) => v.e.status === "open")?.e;
    if (!lead || now.getTime() < Date.parse(lead.closesAt) - day || now.getTime() - Date.parse(lead.opensAt) < day) continue;
    if (await mailReminder(a.assemblyID)) await useDB().entities.assembly.patch({ farmID, assemblyID: a.assemblyID }).set({ reminderSent: true }).go();
  }
}

Mailing.register("assembly-opened", mailOpened);
Mailing.register("assembly-reminder", async (id) => void (await mailReminder(id)));
Mailing.register("assembly-results", mailResults);
