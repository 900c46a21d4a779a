import { screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { boardMe, coordinatorMe, memberMe, mockApi, ok, renderApp } from "../test-utils";

/** The screens answer nothing: only the menu and the tabs are looked at. */
function as(me: typeof memberMe) {
  mockApi((call) => (call.path === "/api/me" ? ok(me) : undefined));
}

const treasurerMe = { ...boardMe, household: null, roles: ["treasurer" as const] };

describe("the main menu and the Beheer tabs", () => {
  it("puts the members' screens first and the board's under one Beheer, with its tabs on its screens", async () => {
    as(boardMe);
    renderApp("/waitlist");
    const tabs = await screen.findByRole("navigation", { name: "Beheer" }, { timeout: 10_000 });
    expect(tabs).toHaveClass("wrap");
    expect(within(tabs).getAllByRole("link").map((a) => a.textContent)).toEqual([
      "Huishoudens",
      "Wachtlijst",
      "Certificaten",
      "Seizoen en prijs",
      "Oogstverdeling",
      "Urentotalen",
      "Boerderij",
      "ALV",
      "Mail aan leden",
      "Peiling starten",
    ]);
    expect(within(tabs).getByRole("link", { name: "Wachtlijst" })).toHaveAttribute("aria-current", "page");
    const menu = screen.getByRole("navigation", { name: "Hoofdmenu" });
    expect(within(menu).getByRole("link", { name: "Beheer" })).toHaveAttribute("aria-current", "page");
  });

  it("gives the treasurer without a household Beheer with the money's tabs, and no Lidmaatschap", async () => {
    as(treasurerMe);
    renderApp("/contribution/import");
    const tabs = await screen.findByRole("navigation", { name: "Beheer" }, { timeout: 10_000 });
    expect(within(tabs).getAllByRole("link").map((a) => a.textContent)).toEqual([
      "Certificaten",
      "Bijdragen",
      "Bankafschrift",
      "Seizoen en prijs",
      "Mail aan leden",
    ]);
    const menu = screen.getByRole("navigation", { name: "Hoofdmenu" });
    expect(within(menu).getAllByRole("link").map((a) => a.textContent)).toEqual(["Start", "Documenten", "Beheer"]);
    expect(within(menu).getByRole("link", { name: "Beheer" })).toHaveAttribute("href", "/certificates");
  });

  it("gives the coordinator the work days' tabs; a member has no Beheer", async () => {
    as(coordinatorMe);
    renderApp("/hours/pending");
    const tabs = await screen.findByRole("navigation", { name: "Beheer" }, { timeout: 10_000 });
    expect(within(tabs).getAllByRole("link").map((a) => a.textContent)).toEqual(["Meewerkdag plannen", "Uren goedkeuren", "Urentotalen"]);
  });

  it("has no Beheer for a member", async () => {
    as(memberMe);
    renderApp("/");
    const menu = await screen.findByRole("navigation", { name: "Hoofdmenu" }, { timeout: 10_000 });
    expect(within(menu).queryByRole("link", { name: "Beheer" })).not.toBeInTheDocument();
  });
});
