import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { quorum, tallyBoard, tallyMotion } from "./tally";

const roll = (eligible: number, quorumPercent: number | null = null) => ({ eligible, quorumPercent });

describe("board elections (approval)", () => {
  it("elects the most approved, and reports a tie for the last seat", () => {
    const c = ["an", "bo", "cor", "dirk"];
    const r = tallyBoard(c, 2, [{ choices: ["an", "bo"] }, { choices: ["an", "cor"] }, { choices: ["an"] }, { choices: ["bo", "cor"] }], roll(10));
    expect(r.tally).toEqual([
      { option: "an", votes: 3 },
      { option: "bo", votes: 2 },
      { option: "cor", votes: 2 },
      { option: "dirk", votes: 0 },
    ]);
    expect(r.winners).toEqual(["an"]);
    expect(r.tied).toEqual(["bo", "cor"]);
  });

  it("counts a candidate once per ballot and ignores unknown ones", () => {
    const r = tallyBoard(["an", "bo"], 1, [{ choices: ["an", "an", "zz"] }], roll(3));
    expect(r.tally[0]).toEqual({ option: "an", votes: 1 });
    expect(r.winners).toEqual(["an"]);
  });

  it("holds for random ballots: counts, winners, ties", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            seats: fc.integer({ min: 1, max: n }),
            ballots: fc.array(fc.subarray(Array.from({ length: n }, (_, i) => `c${i}`)), { maxLength: 60 }),
          }),
        ),
        ({ n, seats, ballots }) => {
          const candidates = Array.from({ length: n }, (_, i) => `c${i}`);
          const r = tallyBoard(candidates, seats, ballots.map((choices) => ({ choices })), roll(100));
          // counts are the number of ballots naming the candidate
          for (const row of r.tally) expect(row.votes).toBe(ballots.filter((b) => b.includes(row.option)).length);
          expect(r.winners.length + r.tied.length).toBeGreaterThanOrEqual(Math.min(seats, r.tally.filter((x) => x.votes > 0).length));
          expect(r.winners.length).toBeLessThanOrEqual(seats);
          const votes = (c: string) => r.tally.find((x) => x.option === c)!.votes;
          // every winner has more votes than every non-winner, non-tied candidate
          for (const w of r.winners) for (const o of candidates.filter((c) => !r.winners.includes(c))) expect(votes(w)).toBeGreaterThanOrEqual(votes(o));
          // tied candidates all have the same count, and electing all of them would exceed the seats
          if (r.tied.length) {
            expect(new Set(r.tied.map(votes)).size).toBe(1);
            expect(r.winners.length + r.tied.length).toBeGreaterThan(seats);
          }
          expect(r.voted).toBe(ballots.length);
        },
      ),
    );
  });
});

describe("motions", () => {
  it("simple majority: more yes than no; abstentions do not count", () => {
    expect(tallyMotion([{ vote: "yes" }, { vote: "no" }, { vote: "abstain" }], "simple", roll(3)).passed).toBe(false);
    expect(tallyMotion([{ vote: "yes" }, { vote: "yes" }, { vote: "no" }, { vote: "abstain" }], "simple", roll(4)).passed).toBe(true);
  });

  it("two thirds of yes + no", () => {
    const v = (yes: number, no: number) => [...Array(yes).fill({ vote: "yes" }), ...Array(no).fill({ vote: "no" })];
    expect(tallyMotion(v(2, 1), "two-thirds", roll(3)).passed).toBe(true);
    expect(tallyMotion(v(65, 35), "two-thirds", roll(100)).passed).toBe(false);
    expect(tallyMotion(v(67, 33), "two-thirds", roll(100)).passed).toBe(true);
    expect(tallyMotion([], "two-thirds", roll(3)).passed).toBe(false);
  });

  it("a motion without quorum does not pass", () => {
    const r = tallyMotion([{ vote: "yes" }], "simple", roll(10, 50));
    expect(r.quorumMet).toBe(false);
    expect(r.passed).toBe(false);
  });

  it("holds for random ballots: counts, majority and quorum", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("yes" as const, "no" as const, "abstain" as const), { maxLength: 300 }),
        fc.constantFrom("simple" as const, "two-thirds" as const),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 200 }),
        (votes, majority, q, extra) => {
          const eligible = votes.length + extra;
          const r = tallyMotion(votes.map((vote) => ({ vote })), majority, roll(eligible, q));
          const yes = votes.filter((v) => v === "yes").length;
          const no = votes.filter((v) => v === "no").length;
          expect(r.tally).toEqual([
            { option: "yes", votes: yes },
            { option: "no", votes: no },
            { option: "abstain", votes: votes.length - yes - no },
          ]);
          const majorityMet = majority === "simple" ? yes > no : yes + no > 0 && yes / (yes + no) >= 2 / 3 - 1e-12;
          const quorumMet = q === 0 || (eligible > 0 && votes.length / eligible >= q / 100 - 1e-12);
          expect(r.quorumMet).toBe(quorumMet);
          expect(r.passed).toBe(majorityMet && quorumMet);
        },
      ),
    );
  });

  it("quorum is exact in integers", () => {
    expect(quorum(300, 100, 33)).toBe(true);
    expect(quorum(300, 98, 33)).toBe(false);
    expect(quorum(3, 1, 34)).toBe(false);
    expect(quorum(0, 0, null)).toBe(true);
  });
});
