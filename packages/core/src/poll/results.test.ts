import { describe, expect, it } from "vitest";
import { tally } from "./results";

const options = [
  { id: "o1", label: "Prei" },
  { id: "o2", label: "Pastinaak" },
];

describe("a poll's count", () => {
  it("rating: average to one decimal and the spread of 1–5, items left unrated not counted", () => {
    const t = tally("rating", options, [
      { values: { o1: 5, o2: 2 }, comment: "Meer prei!" },
      { values: { o1: 4 } },
      { values: { o1: 4 }, comment: "  " },
    ]);
    expect(t.answered).toBe(3);
    expect(t.options[0]).toMatchObject({ id: "o1", count: 3, average: 4.3, distribution: [0, 0, 0, 2, 1] });
    expect(t.options[1]).toMatchObject({ id: "o2", count: 1, average: 2, distribution: [0, 1, 0, 0, 0] });
    expect(t.comments).toEqual(["Meer prei!"]);
  });

  it("rating: nobody rated an item, its average is null", () => {
    expect(tally("rating", options, []).options[1]).toMatchObject({ count: 0, average: null, distribution: [0, 0, 0, 0, 0] });
  });

  it("dates: yes, maybe and no per day", () => {
    const days = [{ id: "o1", label: "avond", date: "2027-01-15" }];
    const t = tally("dates", days, [{ values: { o1: "yes" } }, { values: { o1: "maybe" } }, { values: { o1: "yes" } }, { values: {} }]);
    expect(t.options).toEqual([{ id: "o1", label: "avond", date: "2027-01-15", count: 2, maybe: 1, no: 0 }]);
    expect(t.answered).toBe(4);
  });

  it("choice: how many chose each option", () => {
    const t = tally("choice", options, [{ values: { o2: "chosen" } }, { values: { o2: "chosen" } }, { values: { o1: "chosen" } }]);
    expect(t.options.map((o) => o.count)).toEqual([1, 2]);
  });
});
