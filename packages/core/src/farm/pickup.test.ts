import { describe, expect, it } from "vitest";
import { harvestPublished } from "../harvest/mail";
import { pickupLines } from "./pickup";

const moments = [
  { weekday: 5, from: "16:00", to: "19:00", place: "De schuur" },
  { weekday: 6, from: "10:00", to: "12:00", place: "De schuur" },
];

describe("pickup moments in a mail", () => {
  it("name the day in the reader's language, with times and place", () => {
    expect(pickupLines(moments, "nl")).toEqual(["", "Ophalen:", "- vrijdag 16:00–19:00, De schuur", "- zaterdag 10:00–12:00, De schuur"]);
    expect(pickupLines(moments, "en")).toEqual(["", "Pick it up:", "- Friday 16:00–19:00, De schuur", "- Saturday 10:00–12:00, De schuur"]);
    expect(pickupLines([{ weekday: 7, from: "09:00", to: "10:00", place: "x" }], "nl")[2]).toBe("- zondag 09:00–10:00, x");
  });

  it("are left out when the farm has none", () => {
    expect(pickupLines([], "nl")).toEqual([]);
    expect(pickupLines(undefined, "en")).toEqual([]);
  });

  it("stand in the share mail", () => {
    const data = { farm: "De Akker", week: "2026-W50", changed: false, note: null, lines: [{ crop: "prei", unit: "piece" as const, quantity: 2 }] };
    expect(harvestPublished.nl({ ...data, pickup: moments }).text).toContain("Ophalen:\n- vrijdag 16:00–19:00, De schuur\n- zaterdag");
    expect(harvestPublished.en({ ...data, pickup: moments }).text).toContain("Pick it up:\n- Friday 16:00–19:00, De schuur");
    expect(harvestPublished.nl(data).text).not.toContain("Ophalen");
  });
});
