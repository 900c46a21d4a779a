import { describe, expect, it } from "vitest";
import { Catalogue } from "./catalogue";

describe("the crop catalogue", () => {
  it("remembers each crop as last entered, most used first", () => {
    const crops = Catalogue.build([
      { week: "2027-W16", items: [{ crop: "Spinazie ", unit: "kg", step: 0.1 }, { crop: "gehakt", unit: "kg", step: 0.5, meat: true }] },
      { week: "2027-W15", items: [{ crop: "spinazie", unit: "kg", step: 0.05 }, { crop: "courgette", unit: "piece" }] },
      { week: "2027-W14", items: [{ crop: "spinazie", unit: "bunch" }] },
    ]);
    expect(crops).toEqual([
      { crop: "Spinazie", unit: "kg", step: 0.1, meat: false, weeks: 3, lastWeek: "2027-W16" },
      { crop: "courgette", unit: "piece", meat: false, weeks: 1, lastWeek: "2027-W15" },
      { crop: "gehakt", unit: "kg", step: 0.5, meat: true, weeks: 1, lastWeek: "2027-W16" },
    ]);
  });

  it("counts a crop entered twice in one week once", () => {
    const crops = Catalogue.build([{ week: "2027-W15", items: [{ crop: "ui", unit: "kg" }, { crop: "Ui", unit: "piece" }] }]);
    expect(crops).toEqual([{ crop: "Ui", unit: "piece", meat: false, weeks: 1, lastWeek: "2027-W15" }]);
  });
});
