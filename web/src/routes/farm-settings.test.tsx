import { screen, waitFor } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { FarmSettingsInfo } from "../lib/farm";
import { apiError, boardMe, findAlert, memberMe, mockApi, ok, renderApp } from "../test-utils";

const stored: FarmSettingsInfo = {
  version: "v1",
  capacityMouths: 500,
  optOutDaysBefore: 4,
  optOutTime: "18:00",
  childFactor: 0.5,
  targetHours: 20,
  maxProxies: 1,
  pickup: [{ weekday: 5, from: "16:00", to: "19:00", place: "De schuur" }],
};

describe("farm settings", () => {
  it("saves every field with the version read, pickup moments included", async () => {
    const user = userEvent.setup();
    const api = mockApi((call) => {
      if (call.path === "/api/me") return ok(boardMe);
      if (call.path === "/api/farm/settings" && call.method === "GET") return ok({ settings: stored });
      if (call.path === "/api/farm/settings" && call.method === "PUT")
        return ok({ settings: { ...(call.body as FarmSettingsInfo), version: "v2" } });
      return undefined;
    });
    renderApp("/farm/settings");
    const capacity = await screen.findByLabelText("Capaciteit in monden");
    expect(screen.getByText("4 dagen betekent donderdag. Nu: donderdag 18:00.")).toBeInTheDocument();
    await user.clear(capacity);
    await user.type(capacity, "520");
    await user.clear(screen.getByLabelText("Kindfactor"));
    await user.type(screen.getByLabelText("Kindfactor"), "0,4");
    await user.click(screen.getByRole("button", { name: "Ophaalmoment toevoegen" }));
    const places = screen.getAllByLabelText("Plaats");
    await user.type(places[1]!, "Marktplein");
    await user.click(screen.getByRole("button", { name: "Instellingen opslaan" }));

    expect(await screen.findByText("De instellingen zijn opgeslagen.")).toBeInTheDocument();
    expect(api.find("PUT", "/api/farm/settings")[0]!.body).toEqual({
      ...stored,
      capacityMouths: 520,
      childFactor: 0.4,
      pickup: [...stored.pickup, { weekday: 5, from: "16:00", to: "19:00", place: "Marktplein" }],
    });
  });

  it("says so when another board member saved first, and loads their settings again", async () => {
    const user = userEvent.setup();
    let version = "v1";
    mockApi((call) => {
      if (call.path === "/api/me") return ok(boardMe);
      if (call.path === "/api/farm/settings" && call.method === "GET")
        return ok({ settings: { ...stored, version, capacityMouths: version === "v1" ? 500 : 510 } });
      if (call.path === "/api/farm/settings" && call.method === "PUT") {
        version = "v2";
        return apiError(409, "farm.changed");
      }
      return undefined;
    });
    renderApp("/farm/settings");
    await screen.findByLabelText("Capaciteit in monden");
    await user.click(screen.getByRole("button", { name: "Instellingen opslaan" }));
    expect(await findAlert("Iemand anders heeft de instellingen net gewijzigd.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Opnieuw laden" }));
    await waitFor(() => expect(screen.getByLabelText("Capaciteit in monden")).toHaveValue("510"));
    expect(screen.queryByRole("button", { name: "Opnieuw laden" })).toBeNull();
  });

  it("is not there for a member", async () => {
    mockApi((call) => (call.path === "/api/me" ? ok(memberMe) : undefined));
    renderApp("/farm/settings");
    expect(await screen.findByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeInTheDocument();
  });
});
