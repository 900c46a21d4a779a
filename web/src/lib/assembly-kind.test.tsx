import { describe, expect, it } from "vitest";
import { itemKind, type AgendaItem } from "./assembly";

const item = (over: Partial<AgendaItem>) => ({ kind: "discussion", election: null, budget: null, ...over }) as AgendaItem;

describe("an agenda item's kind as shown", () => {
  it("names a vote item as one before members may see its draft vote", () => {
    expect(itemKind(item({ kind: "vote" }))).toBe("vote");
    expect(itemKind(item({ kind: "vote", budget: { year: 2028 } as AgendaItem["budget"] }))).toBe("motion");
    expect(itemKind(item({ kind: "vote", election: { kind: "board" } as AgendaItem["election"] }))).toBe("board");
    expect(itemKind(item({}))).toBe("discussion");
  });
});
