import { render, screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../i18n";
import { HouseholdPicker, matchHouseholds, type PickerHousehold } from "./household-picker";

const many: PickerHousehold[] = [
  { id: "hh_001", name: "Familie De Vries", detail: "RF47 1234" },
  { id: "hh_002", name: "Familie Jansen", detail: "RF12 0002" },
  { id: "hh_003", name: "Beléén", detail: "RF33 0003" },
  { id: "hh_004", name: "Vries-Bakker", detail: "RF44 0004" },
  ...Array.from({ length: 196 }, (_, i) => ({ id: `hh_x${i}`, name: `Huishouden ${i + 1}`, detail: `RF00 ${String(i).padStart(4, "0")}` })),
];

function form(onSubmit: (householdID: string) => void) {
  return render(() => (
    <I18nProvider>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(String(new FormData(e.currentTarget).get("householdID")));
        }}
      >
        <HouseholdPicker label="Huishouden" households={many} />
        <button type="submit">Boek</button>
      </form>
    </I18nProvider>
  ));
}

describe("matchHouseholds", () => {
  it("finds by a word's start, without accents, by reference or number, names that start with it first", () => {
    expect(matchHouseholds(many, "vries").map((h) => h.name)).toEqual(["Vries-Bakker", "Familie De Vries"]);
    expect(matchHouseholds(many, "belee").map((h) => h.id)).toEqual(["hh_003"]);
    expect(matchHouseholds(many, "rf121234").map((h) => h.id)).toEqual([]);
    expect(matchHouseholds(many, "RF12 0002").map((h) => h.id)).toEqual(["hh_002"]);
    expect(matchHouseholds(many, "hh_004").map((h) => h.id)).toEqual(["hh_004"]);
    expect(matchHouseholds(many, "  ")).toHaveLength(200);
  });
});

describe("HouseholdPicker", () => {
  it("is a combobox: typing narrows 200 households to a short list, the arrows and Enter choose, the form gets the ID", async () => {
    const user = userEvent.setup();
    const sent: string[] = [];
    form((id) => sent.push(id));
    const box = screen.getByRole("combobox", { name: "Huishouden" });
    expect(box.getAttribute("aria-expanded")).toBe("false");
    await user.type(box, "huis");
    expect(box.getAttribute("aria-expanded")).toBe("true");
    // 196 match; eight are listed and the rest announced
    expect(screen.getAllByRole("option")).toHaveLength(8);
    expect(screen.getByRole("status").textContent).toBe("196 gevonden, de eerste 8 staan in de lijst");
    await user.clear(box);
    await user.type(box, "vries");
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Vries-Bakker · RF44 0004", "Familie De Vries · RF47 1234"]);
    await user.keyboard("{ArrowDown}");
    expect(box.getAttribute("aria-activedescendant")).toBe(screen.getAllByRole("option")[1]!.id);
    // Enter chooses and does not send the form
    await user.keyboard("{Enter}");
    expect(sent).toEqual([]);
    expect((box as HTMLInputElement).value).toBe("Familie De Vries");
    expect(box.getAttribute("aria-expanded")).toBe("false");
    await user.click(screen.getByRole("button", { name: "Boek" }));
    expect(sent).toEqual(["hh_001"]);
  });

  it("chooses with a tap, says when nothing is found, and typing again undoes the choice", async () => {
    const user = userEvent.setup();
    const sent: string[] = [];
    form((id) => sent.push(id));
    const box = screen.getByRole("combobox", { name: "Huishouden" });
    await user.type(box, "zzz");
    expect(screen.queryAllByRole("option")).toHaveLength(0);
    expect(screen.getByRole("status").textContent).toBe("Geen huishouden gevonden.");
    await user.clear(box);
    await user.type(box, "jans");
    await user.click(screen.getByRole("option", { name: /Familie Jansen/ }));
    expect((box as HTMLInputElement).value).toBe("Familie Jansen");
    await user.type(box, "x");
    await user.click(screen.getByRole("button", { name: "Boek" }));
    expect(sent).toEqual([""]);
  });
});
