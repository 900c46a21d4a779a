import { quorum, type Majority, type Result } from "../election/tally";

/*
 * The quorum of an item voted in the room: plain functions, no I/O.
 *
 * Chosen rule: a household on the item's roll takes part when it was checked
 * in at the door, when it gave its proxy to a household that was, or when
 * its ballot was cast (online, itself or by proxy, before or during the
 * meeting). Each household counts once, however many of these hold for it.
 * So being present makes the quorum as a raised hand would, even for a
 * household that leaves the item blank, and an online vote is never lost
 * for being cast from home. The tally itself is the ballots only.
 */

export interface RollMark {
  householdID: string;
  voted: boolean;
  proxyTo?: string;
}

/** How many households on the roll take part in the room: present, represented by a present proxy holder, or voted. */
export function attending(roll: readonly RollMark[], present: ReadonlySet<string>): number {
  return roll.filter((r) => r.voted || present.has(r.householdID) || (r.proxyTo !== undefined && present.has(r.proxyTo))).length;
}

function majorityMet(result: Result, majority: Majority) {
  const votes = (option: string) => result.tally.find((r) => r.option === option)?.votes ?? 0;
  const yes = votes("yes");
  const cast = yes + votes("no");
  return majority === "simple" ? yes > cast - yes : cast > 0 && yes * 3 >= cast * 2;
}

/** An item's result with the room's quorum in place of the ballots': a motion passes on its majority and that quorum. */
export function withRoomQuorum<R extends Result>(result: R, majority: Majority | null, taking: number): R & { attending: number } {
  const quorumMet = quorum(result.eligible, taking, result.quorumPercent);
  const passed = result.passed === undefined ? undefined : quorumMet && majorityMet(result, majority ?? "simple");
  return {
    ...result,
    quorumMet,
    attending: taking,
    ...(passed === undefined ? {} : { passed, winners: [passed ? "yes" : "no"] }),
  };
}
