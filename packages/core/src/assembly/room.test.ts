import { describe, expect, it } from "vitest";
import { tallyMotion } from "../election/tally";
import { attending, withRoomQuorum } from "./room";

describe("an item voted in the room", () => {
  const roll = [
    { householdID: "a", voted: true }, // voted online from home
    { householdID: "b", voted: false }, // present, left the item blank
    { householdID: "c", voted: false, proxyTo: "b" }, // gave its proxy to b, who is present
    { householdID: "d", voted: false, proxyTo: "e" }, // gave its proxy to e, who stayed home
    { householdID: "e", voted: false },
    { householdID: "f", voted: true, proxyTo: "b" }, // voted by proxy and its holder is present: counted once
  ];

  it("counts each household once: present, represented by a present holder, or voted", () => {
    expect(attending(roll, new Set(["b"]))).toBe(4);
    expect(attending(roll, new Set())).toBe(2);
    expect(attending(roll, new Set(["b", "e", "not-on-roll"]))).toBe(6);
  });

  it("meets the quorum with the room where the ballots alone would not, and the motion passes on its majority", () => {
    const ballots = [{ vote: "yes" as const }, { vote: "yes" as const }];
    const result = tallyMotion(ballots, "simple", { eligible: 6, quorumPercent: 50 });
    expect([result.quorumMet, result.passed]).toEqual([false, false]);
    const room = withRoomQuorum(result, "simple", attending(roll, new Set(["b"])));
    expect([room.quorumMet, room.passed, room.winners, room.attending]).toEqual([true, true, ["yes"], 4]);
  });

  it("still needs the majority, and two thirds where asked", () => {
    const result = tallyMotion([{ vote: "yes" }, { vote: "no" }], "two-thirds", { eligible: 4, quorumPercent: 50 });
    expect(withRoomQuorum(result, "two-thirds", 4).passed).toBe(false);
    const three = tallyMotion([{ vote: "yes" }, { vote: "yes" }, { vote: "no" }, { vote: "abstain" }], "two-thirds", { eligible: 10, quorumPercent: 60 });
    expect(withRoomQuorum(three, "two-thirds", 5).passed).toBe(false);
    expect(withRoomQuorum(three, "two-thirds", 6).passed).toBe(true);
  });
});
