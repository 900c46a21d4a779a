/**
 * Counting votes: plain functions, no I/O, so they can be checked for every
 * input. One household, one ballot; the ballots carry no voter.
 */
export type Majority = "simple" | "two-thirds";

export interface BoardBallot {
  choices: string[];
}
export interface MotionBallot {
  vote: "yes" | "no" | "abstain";
}

export interface TallyRow {
  option: string;
  votes: number;
}

export interface Result {
  eligible: number;
  voted: number;
  /** Turnout in percent of the eligible households, one decimal. */
  turnoutPercent: number;
  quorumPercent: number | null;
  quorumMet: boolean;
  tally: TallyRow[];
  /** Board: the elected candidates. Motion: ["yes"] when it passed, ["no"] when not. */
  winners: string[];
  /** Board: candidates tied for the last seat(s), who cannot all be elected. */
  tied: string[];
  /** Motion only. */
  passed?: boolean;
}

export function quorum(eligible: number, voted: number, quorumPercent: number | null) {
  // voted/eligible ≥ q/100, in integers so 1/3 of 300 is exactly 100
  if (quorumPercent === null || quorumPercent <= 0) return true;
  return eligible > 0 && voted * 100 >= quorumPercent * eligible;
}

function turnout(eligible: number, voted: number) {
  return eligible === 0 ? 0 : Math.round((voted / eligible) * 1000) / 10;
}

/**
 * Approval voting for `seats` seats: the most-approved win. Where candidates
 * tie across the last seat, none of the tied is declared elected and the tie
 * is reported, so the assembly can decide (a run-off or lot).
 */
export function tallyBoard(
  candidates: string[],
  seats: number,
  ballots: BoardBallot[],
  roll: { eligible: number; quorumPercent: number | null },
): Result {
  const counts = new Map(candidates.map((c) => [c, 0]));
  for (const b of ballots) for (const c of new Set(b.choices)) if (counts.has(c)) counts.set(c, counts.get(c)! + 1);
  const tally = candidates.map((option) => ({ option, votes: counts.get(option)! })).sort((a, b) => b.votes - a.votes || candidates.indexOf(a.option) - candidates.indexOf(b.option));
  const winners: string[] = [];
  const tied: string[] = [];
  if (seats >= tally.length) winners.push(...tally.filter((r) => r.votes > 0).map((r) => r.option));
  else {
    const cutoff = tally[seats - 1]!.votes;
    const next = tally[seats]!.votes;
    for (const r of tally) {
      if (r.votes > cutoff || (r.votes === cutoff && cutoff > next)) winners.push(r.option);
      else if (r.votes === cutoff && cutoff === next && cutoff > 0) tied.push(r.option);
    }
  }
  const voted = ballots.length;
  return {
    eligible: roll.eligible,
    voted,
    turnoutPercent: turnout(roll.eligible, voted),
    quorumPercent: roll.quorumPercent,
    quorumMet: quorum(roll.eligible, voted, roll.quorumPercent),
    tally,
    winners,
    tied,
  };
}

/**
 * Yes / no / abstain. Abstentions count for turnout but not for the
 * majority: `simple` passes with more yes than no, `two-thirds` with at
 * least two thirds of yes + no.
 */
export function tallyMotion(ballots: MotionBallot[], majority: Majority, roll: { eligible: number; quorumPercent: number | null }): Result {
  const count = { yes: 0, no: 0, abstain: 0 };
  for (const b of ballots) count[b.vote]++;
  const cast = count.yes + count.no;
  const majorityMet = majority === "simple" ? count.yes > count.no : cast > 0 && count.yes * 3 >= cast * 2;
  const quorumMet = quorum(roll.eligible, ballots.length, roll.quorumPercent);
  const passed = majorityMet && quorumMet;
  return {
    eligible: roll.eligible,
    voted: ballots.length,
    turnoutPercent: turnout(roll.eligible, ballots.length),
    quorumPercent: roll.quorumPercent,
    quorumMet,
    tally: (["yes", "no", "abstain"] as const).map((option) => ({ option, votes: count[option] })),
    winners: [passed ? "yes" : "no"],
    tied: [],
    passed,
  };
}
