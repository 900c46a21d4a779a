import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it } from "vitest";
import type { PickupWeek } from "../lib/harvest-farmer";
import { currentWeek, weekLabel } from "../lib/week";
import { apiError, farmerMe, harvestOverview, mockApi, ok, renderApp } from "../test-utils";

const week = currentWeek();

// The screen loads lazily: load its code once, so the first test does not wait for it on a busy machine.
beforeAll(() => import("./harvest-pickup"), 30_000);

describe("ticking off the pickup", () => {
  it("ticks a household collected, takes in the other phones' ticks, closes and counts", async () => {
    const user = userEvent.setup();
    let state: PickupWeek = { week, collected: [{ householdID: "hh_ozturk", at: "2027-04-09T16:00:00Z" }], closed: null };
    const api = mockApi((call) => {
      if (call.path === "/api/me") return ok(farmerMe);
      if (call.path === `/api/harvests/${week}`)
        return ok(harvestOverview(week, { status: "published", version: 1, publishedAt: "2027-04-09T10:00:00.000Z" }));
      if (call.path === `/api/harvests/${week}/pickups`) return ok(state);
      if (call.path === `/api/harvests/${week}/pickups/hh_jansen` && call.method === "PUT") {
        // meanwhile another phone ticked De Vries
        state = { ...state, collected: [...state.collected, { householdID: "hh_jansen", at: "x" }, { householdID: "hh_devries", at: "y" }] };
        return ok(state);
      }
      if (call.path === `/api/harvests/${week}/uncollected` && call.method === "PUT") {
        state = { ...state, closed: { week, destination: "food_bank", shares: 3, households: 0, lines: [], closedAt: "z", automatic: false } };
        return ok(state);
      }
      if (call.path.startsWith("/api/harvests/uncollected"))
        return ok({
          year: 2027,
          weeks: [
            { week: "2027-W14", destination: "free_table", shares: 200, households: 7, lines: [{ crop: "Prei", unit: "piece", quantity: 9 }], closedAt: "z", automatic: false },
            { week: "2027-W15", destination: "counted", shares: 200, households: 4, lines: [{ crop: "Prei", unit: "piece", quantity: 5 }], closedAt: "z", automatic: true },
          ],
        });
      return apiError(404, "not_found");
    });
    renderApp(`/harvest/${week}/pickup`);

    expect(await screen.findByRole("heading", { level: 1, name: `Ophalen ${weekLabel(week, "nl")}` })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { level: 2, name: "1 van 3 opgehaald" })).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Öztürk" })).toBeChecked();
    await user.click(screen.getByRole("checkbox", { name: "Familie Jansen" }));
    await waitFor(() => expect(screen.getByRole("heading", { level: 2, name: "3 van 3 opgehaald" })).toBeInTheDocument());
    expect(screen.getByRole("checkbox", { name: "Familie De Vries" })).toBeChecked();
    expect(api.find("PUT", `/api/harvests/${week}/pickups/hh_jansen`).map((c) => c.body)).toEqual([{ collected: true }]);

    await user.type(screen.getByRole("searchbox", { name: "Huishouden zoeken" }), "jans");
    expect(screen.getAllByRole("checkbox").map((c) => c.getAttribute("id") && (c as HTMLInputElement).labels?.[0]?.textContent)).toEqual(["Familie Jansen"]);

    await user.click(screen.getByRole("radio", { name: "Voedselbank" }));
    await user.click(screen.getByRole("button", { name: "Afsluiten en tellen" }));
    expect(await screen.findByText("0 aandelen zijn niet opgehaald (Voedselbank).")).toBeInTheDocument();
    expect(api.find("PUT", `/api/harvests/${week}/uncollected`).map((c) => c.body)).toEqual([{ destination: "food_bank" }]);

    const season = screen.getByRole("table", { name: "Niet opgehaald dit seizoen" });
    expect(within(season).getAllByRole("row")[1]).toHaveTextContent(`${weekLabel("2027-W14", "nl")}7 / 200Weggeeftafel9 stuks Prei`);
    // a week nobody closed, counted at the end of its pickup
    expect(within(season).getAllByRole("row")[2]).toHaveTextContent(`${weekLabel("2027-W15", "nl")}4 / 200Vanzelf geteld5 stuks Prei`);
  }, 20_000);

  it("says there is nothing to collect before the week is published", async () => {
    mockApi((call) => {
      if (call.path === "/api/me") return ok(farmerMe);
      if (call.path === `/api/harvests/${week}`) return ok(harvestOverview(week));
      if (call.path === `/api/harvests/${week}/pickups`) return ok({ week, collected: [], closed: null });
      if (call.path.startsWith("/api/harvests/uncollected")) return ok({ year: 2027, weeks: [] });
      return apiError(404, "not_found");
    });
    renderApp(`/harvest/${week}/pickup`);
    expect(await screen.findByText("Deze week is nog niet gepubliceerd; er is nog niets op te halen.")).toBeInTheDocument();
    expect(screen.getByText("Nog geen week van dit seizoen is afgesloten of voorbij.")).toBeInTheDocument();
  });

  it("says a pickup that is over was counted by itself, and opens at the season's table from the farmer's home", async () => {
    const counted = { week, destination: "counted", shares: 3, households: 2, lines: [], closedAt: "z", automatic: true } as const;
    mockApi((call) => {
      if (call.path === "/api/me") return ok(farmerMe);
      if (call.path === `/api/harvests/${week}`)
        return ok(harvestOverview(week, { status: "published", version: 1, publishedAt: "2027-04-09T10:00:00.000Z" }));
      if (call.path === `/api/harvests/${week}/pickups`) return ok({ week, collected: [], closed: counted });
      if (call.path.startsWith("/api/harvests/uncollected")) return ok({ year: 2027, weeks: [counted] });
      return apiError(404, "not_found");
    });
    renderApp(`/harvest/${week}/pickup#season`);
    const heading = await screen.findByRole("heading", { level: 2, name: "Niet opgehaald dit seizoen" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(
      screen.getByText("Het ophalen is voorbij: 2 aandelen zijn niet opgehaald, vanzelf geteld. Sluit af om te zeggen waar het heen ging."),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Afsluiten en tellen" })).toBeInTheDocument();
  });
});
