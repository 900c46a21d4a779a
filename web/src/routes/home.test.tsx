import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { HarvestStanding } from "../lib/harvest";
import { addWeeks, currentWeek, weekNumber } from "../lib/week";
import { apiError, boardMe, farmerMe, memberMe, mockApi, ok, renderApp } from "../test-utils";

/** The main menu's links for anyone in a household with a harvest share. */
const memberMenu = ["Start", "Oogst", "Meewerken", "Stemmen", "Peilingen", "Mijn huishouden"];

/** The farmer's home: who they are, and where this week's and next week's harvest stand. */
function farmerHomeApi(thisWeek: HarvestStanding, nextWeek: HarvestStanding) {
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(farmerMe);
    for (const standing of [thisWeek, nextWeek]) if (call.path === `/api/harvests/${standing.week}/standing`) return ok(standing);
    return undefined;
  });
}

describe("home", () => {
  it("shows a member their household, and no board screens", async () => {
    mockApi((call) => (call.path === "/api/me" ? ok(memberMe) : undefined));
    renderApp("/");

    expect(await screen.findByRole("heading", { level: 1, name: "Hallo Anna de Vries" }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText("Welkom bij Herenboeren Het Zandpad.")).toBeInTheDocument();
    const menu = screen.getByRole("navigation", { name: "Hoofdmenu" });
    expect(within(menu).getAllByRole("link").map((a) => a.textContent)).toEqual([...memberMenu, "Lidmaatschap", "Documenten"]);
    expect(within(menu).getByRole("link", { name: "Start" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-controls", "site-menu");
    expect(document.getElementById("site-menu")).toContainElement(menu);
    expect(screen.queryByRole("link", { name: "Huishoudens beheren" })).not.toBeInTheDocument();
    expect(document.title).toBe("Start · Akker");
  });

  it("shows everything for someone with several roles", async () => {
    mockApi((call) => (call.path === "/api/me" ? ok(boardMe) : undefined));
    renderApp("/");

    expect(await screen.findByRole("region", { name: "Jouw huishouden" }, { timeout: 10_000 })).toBeInTheDocument();
    const board = screen.getByRole("region", { name: "Bestuur" });
    expect(within(board).getByRole("link", { name: "Huishoudens beheren" })).toHaveAttribute("href", "/households");
    expect(within(board).getByRole("link", { name: "Wachtlijst" })).toHaveAttribute("href", "/waitlist");
    const menu = screen.getByRole("navigation", { name: "Hoofdmenu" });
    expect(within(menu).getAllByRole("link").map((a) => a.textContent)).toEqual([
      ...memberMenu,
      "Lidmaatschap",
      "Documenten",
      "Beheer",
    ]);
    expect(within(menu).getByRole("link", { name: "Beheer" })).toHaveAttribute("href", "/households");
    // the tabs show on the screens under "Beheer", not at home
    expect(screen.queryByRole("navigation", { name: "Beheer" })).not.toBeInTheDocument();
  });

  it("shows someone whose household has left their household and membership, and nothing of taking part", async () => {
    const former = { ...memberMe, household: { ...memberMe.household!, status: "left" as const }, roles: [] };
    const api = mockApi((call) => (call.path === "/api/me" ? ok(former) : undefined));
    renderApp("/");

    const household = await screen.findByRole("region", { name: "Jouw huishouden" });
    expect(household).toHaveTextContent("Status: Vertrokken");
    const menu = screen.getByRole("navigation", { name: "Hoofdmenu" });
    expect(within(menu).getAllByRole("link").map((a) => a.textContent)).toEqual(["Start", "Mijn huishouden", "Lidmaatschap"]);
    // no card asks for what the API refuses a former member (harvest shares, work days)
    expect(api.calls.map((c) => c.path)).toEqual(["/api/me"]);
  });

  it("shows a farmer their role and farm, where this week's and next week's harvest stand, and no member screens", async () => {
    const week = currentWeek();
    const next = addWeeks(week, 1);
    const api = farmerHomeApi(
      { week, status: "published", dirty: false, participants: 187, optedOut: 13 },
      { week: next, status: "none", dirty: false, participants: 195, optedOut: 5 },
    );
    renderApp("/");

    const farmer = await screen.findByRole("region", { name: "Boer" });
    expect(farmer).toHaveTextContent("Je bent boer op Herenboeren Het Zandpad.");
    const thisWeek = await within(farmer).findByRole("link", { name: new RegExp(`^Deze week: week ${weekNumber(week)} \\(`) });
    expect(thisWeek).toHaveAttribute("href", `/harvest/${week}`);
    expect(thisWeek).toHaveTextContent("Gepubliceerd voor 187 huishoudens, 13 afgemeld.");
    const nextWeek = within(farmer).getByRole("link", { name: new RegExp(`^Volgende week: week ${weekNumber(next)} \\(`) });
    expect(nextWeek).toHaveAttribute("href", `/harvest/${next}`);
    expect(nextWeek).toHaveTextContent("Nog niet ingevoerd. 195 huishoudens doen mee, 5 afgemeld.");
    // the farmer's home asks where the weeks stand, never for a week that may not exist (and for the news)
    expect(api.calls.every((c) => c.path === "/api/me" || c.path === "/api/news" || c.path.endsWith("/standing"))).toBe(true);
    // on to the first week not published yet, which the screen works out
    expect(within(farmer).getByRole("link", { name: "Oogst invoeren" })).toHaveAttribute("href", "/harvest/next");
    // the season's figures: what was not collected, week by week
    expect(within(farmer).getByRole("link", { name: "Niet opgehaald dit seizoen" })).toHaveAttribute("href", `/harvest/${week}/pickup#season`);
    expect(screen.queryByRole("region", { name: "Jouw huishouden" })).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: /Deze week/ })).not.toBeInTheDocument();
    const menu = screen.getByRole("navigation", { name: "Hoofdmenu" });
    expect(within(menu).getAllByRole("link").map((a) => a.textContent)).toEqual(["Start", "Meewerken", "Peilingen", "Documenten", "Oogst invoeren", "Beheer"]);
  });

  it("tells the farmer a week is still a draft, or changed since it was published", async () => {
    const week = currentWeek();
    const next = addWeeks(week, 1);
    farmerHomeApi(
      { week, status: "published", dirty: true, participants: 1, optedOut: 0 },
      { week: next, status: "draft", dirty: false, participants: 1, optedOut: 0 },
    );
    renderApp("/");

    const farmer = await screen.findByRole("region", { name: "Boer" });
    expect(await within(farmer).findByText("Gewijzigd na publiceren: de leden zien nog de vorige verdeling.")).toBeInTheDocument();
    expect(within(farmer).getByText("Concept, nog niet gepubliceerd. 1 huishouden doet mee, 0 afgemeld.")).toBeInTheDocument();
  });

  it("moves focus to the heading of the next screen", async () => {
    const user = userEvent.setup();
    mockApi((call) => (call.path === "/api/me" ? ok(boardMe) : call.path === "/api/households" ? ok({ households: [] }) : undefined));
    renderApp("/");

    await user.click(await screen.findByRole("link", { name: "Huishoudens beheren" }, { timeout: 10_000 }));

    const heading = await screen.findByRole("heading", { level: 1, name: "Huishoudens" });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(await screen.findByText("Er zijn nog geen huishoudens.")).toBeInTheDocument();
  });

  it("has a skip link to the main content", async () => {
    const user = userEvent.setup();
    mockApi((call) => (call.path === "/api/me" ? ok(memberMe) : undefined));
    renderApp("/");
    await screen.findByRole("heading", { level: 1, name: "Hallo Anna de Vries" }, { timeout: 10_000 });
    // Start at the top of the document, as after a page load.
    (document.activeElement as HTMLElement | null)?.blur();

    await user.tab();
    const skip = screen.getByRole("link", { name: "Naar de inhoud" });
    expect(skip).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("main")).toHaveFocus();
    expect(window.location.pathname).toBe("/");
  });

  it("opens the menu with its button, closes it on Escape and on navigation", async () => {
    const user = userEvent.setup();
    mockApi((call) => (call.path === "/api/me" ? ok(memberMe) : undefined));
    renderApp("/");
    const button = await screen.findByRole("button", { name: "Menu" });
    const panel = document.getElementById("site-menu");
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(panel).not.toHaveClass("open");

    await user.click(button);
    expect(button).toHaveAttribute("aria-expanded", "true");
    expect(panel).toHaveClass("open");
    await user.tab();
    expect(screen.getByRole("link", { name: "Start" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(button).toHaveFocus();

    await user.keyboard("{Enter}");
    expect(button).toHaveAttribute("aria-expanded", "true");
    await user.click(screen.getByRole("link", { name: "Mijn huishouden" }));
    await waitFor(() => expect(window.location.pathname).toBe(`/households/${memberMe.household?.id}`));
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(panel).not.toHaveClass("open");
  });

  it("logs out and goes back to the login screen", async () => {
    const user = userEvent.setup();
    let session = true;
    const api = mockApi((call) => {
      if (call.path === "/api/me") return session ? ok(memberMe) : apiError(401, "auth.required");
      if (call.path === "/api/auth/logout") {
        session = false;
        return { status: 204 };
      }
      return undefined;
    });
    renderApp("/");

    await user.click(await screen.findByRole("button", { name: "Uitloggen" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Inloggen" })).toBeInTheDocument();
    expect(api.find("POST", "/api/auth/logout")).toHaveLength(1);
    expect(window.location.pathname).toBe("/login");
    expect(screen.queryByRole("navigation", { name: "Hoofdmenu" })).not.toBeInTheDocument();
  });
});
