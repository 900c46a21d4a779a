import { screen, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { currentWeek, weekLabel } from "../lib/week";
import {
  apiError,
  boardMe,
  farmerMe,
  findAlert,
  harvestOverview,
  memberMe,
  mockApi,
  ok,
  renderApp,
} from "../test-utils";

const week = currentWeek();
const n = weekLabel(week, "nl");

// The screen loads lazily: load its code once, so the first test does not wait for it on a busy machine.
beforeAll(() => import("./pick-list"), 30_000);

/** The rows of a table as text, header row first. */
const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole("row")
    .map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent));

describe("pick list", () => {
  it("adds up per crop what was harvested, handed out and left, and lists every household", async () => {
    mockApi((call) => {
      if (call.path === "/api/me") return ok(farmerMe);
      if (call.path === `/api/harvests/${week}`)
        return ok(
          harvestOverview(week, {
            // The same crop twice counts as one.
            items: [
              { crop: "Spinazie", unit: "kg", quantity: 10 },
              { crop: "Courgette", unit: "piece", quantity: 40 },
              { crop: "Gehakt", unit: "kg", quantity: 5, step: 0.5, meat: true },
              { crop: "spinazie ", unit: "kg", quantity: 2.37 },
            ],
            leftovers: [
              { crop: "Spinazie", unit: "kg", quantity: 0 },
              { crop: "Courgette", unit: "piece", quantity: 0 },
              { crop: "Gehakt", unit: "kg", quantity: 0 },
              { crop: "spinazie ", unit: "kg", quantity: 0.02 },
            ],
            status: "published",
            version: 1,
            publishedAt: "2027-04-09T10:00:00.000Z",
          }),
        );
      return undefined;
    });
    renderApp(`/harvest/${week}/picklist`);

    expect(await screen.findByRole("heading", { level: 1, name: `Paklijst ${n}` })).toBeInTheDocument();
    expect(rowsOf(await screen.findByRole("table", { name: "Per gewas" }))).toEqual([
      ["Gewas", "Geoogst", "Uitgedeeld", "Over"],
      ["Spinazie", "12,37 kg", "12,35 kg", "0,02 kg"],
      ["Courgette", "40 stuks", "40 stuks", "0 stuks"],
      ["Gehakt", "5 kg", "5 kg", "0 kg"],
    ]);
    // A grid of households × crops, the unit in the heading, totals below: a few landscape pages for 200.
    expect(rowsOf(screen.getByRole("table", { name: "Per huishouden en gewas" }))).toEqual([
      ["Huishouden", "Monden", "Spinazie (kg)", "Courgette (stuks)", "Gehakt (kg)", "Opgehaald"],
      ["Familie De Vries", "2,5", "4,75", "15", "2,5", ""],
      ["Familie Jansen · vegetarisch", "1", "1,9", "6", "", ""],
      ["Öztürk", "3", "5,7", "19", "2,5", ""],
      ["Totaal", "6,5", "12,35", "40", "5", ""],
    ]);
    // Published and unchanged: no warning on the paper.
    expect(screen.queryByText(/Concept/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Gewijzigd na publiceren/)).not.toBeInTheDocument();
  });

  it("prints, and marks a split that members do not see yet", async () => {
    const user = userEvent.setup();
    const print = vi.fn();
    vi.stubGlobal("print", print);
    mockApi((call) => {
      if (call.path === "/api/me") return ok(boardMe);
      if (call.path === `/api/harvests/${week}`)
        return ok(harvestOverview(week, { status: "published", dirty: true, version: 1 }));
      return undefined;
    });
    renderApp(`/harvest/${week}/picklist`);

    expect(await screen.findByText(/^Gewijzigd na publiceren: deze lijst volgt de nieuwe verdeling/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Afdrukken" }));
    expect(print).toHaveBeenCalledOnce();
    // The controls are left off the paper.
    expect(screen.getByRole("button", { name: "Afdrukken" }).closest(".no-print")).not.toBeNull();
    expect(screen.getByRole("link", { name: `Terug naar ${n}` }).closest(".no-print")).not.toBeNull();
  });

  it("is not for members", async () => {
    mockApi((call) => {
      if (call.path === "/api/me") return ok(memberMe);
      if (call.path === `/api/harvests/${week}`) return apiError(403, "auth.forbidden");
      return undefined;
    });
    renderApp(`/harvest/${week}/picklist`);

    await findAlert("Je hebt geen toegang tot deze pagina.");
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("names the household that collects a share for another (Herenburen) in a column of its own", async () => {
    const split = harvestOverview(week, { status: "published", version: 1 });
    // the handover's field, as the split names it; the column shows only when a share is handed over
    const handed = split.allocations.map((a) =>
      a.householdID === "hh_ozturk" ? { ...a, collectedBy: { householdID: "hh_jansen", name: "Familie Jansen" } } : a,
    );
    mockApi((call) => {
      if (call.path === "/api/me") return ok(farmerMe);
      if (call.path === `/api/harvests/${week}`) return ok({ ...split, allocations: handed });
      return undefined;
    });
    renderApp(`/harvest/${week}/picklist`);
    const grid = await screen.findByRole("table", { name: "Per huishouden en gewas" });
    const rows = rowsOf(grid);
    expect(rows[0]).toContain("Haalt op");
    expect(rows.find((r) => r[0] === "Öztürk")).toContain("Familie Jansen");
  });
});
