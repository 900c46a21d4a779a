import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { HarvestMine } from "../lib/harvest";
import { addWeeks, currentWeek, weekLabel, weekNumber } from "../lib/week";
import { apiError, farmerMe, findAlert, harvestMine, memberMe, mockApi, ok, renderApp } from "../test-utils";
import type { Reply } from "../test-utils";

const week = currentWeek();
const next = addWeeks(week, 1);
const n = weekLabel(week, "nl");
const nextN = weekLabel(next, "nl");

/** This week is published and its opt-out has closed; next week is open. */
function memberApi(opts: { optOut?: (body: unknown) => Reply; afterOptOut?: Partial<HarvestMine> } = {}) {
  let nextWeek = harvestMine(next, { optOutDeadline: "2027-04-15T18:00:00+02:00" });
  const thisWeek = harvestMine(week, {
    status: "published",
    canOptOut: false,
    changed: true,
    publishedAt: "2027-04-09T10:00:00.000Z",
    note: "De eerste courgettes!\nSpinazie graag snel eten.",
    lines: [
      { crop: "spinazie", unit: "kg", quantity: 2.35 },
      { crop: "courgette", unit: "piece", quantity: 4 },
      { crop: "radijs", unit: "bunch", quantity: 1 },
    ],
  });
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(memberMe);
    if (call.path === `/api/harvests/${week}/mine`) return ok(thisWeek);
    if (call.path === `/api/harvests/${next}/mine`) return ok(nextWeek);
    if (call.path === `/api/harvests/${week}/handover` && call.method === "PUT")
      return ok({ week, given: { householdID: "hh_2", name: "Visser", status: "offered" }, received: [], closes: "2027-04-11T00:00:00+02:00", open: true });
    if (call.path === `/api/harvests/${week}/handover`)
      return ok({ week, given: null, received: [], closes: "2027-04-11T00:00:00+02:00", open: true });
    if (call.path === "/api/harvests/mine/neighbours?q=vi") return ok({ households: [{ id: "hh_2", name: "Visser" }] });
    if (call.path === "/api/harvests/mine/contact") return ok({ farmer: ["boer@example.nl"], board: ["bestuur@example.nl"] });
    if (call.path === `/api/harvests/${next}/opt-out` && call.method === "PUT") {
      const { optedOut } = call.body as { optedOut: boolean };
      const reply = opts.optOut?.(call.body) ?? ok({ ...nextWeek, optedOut });
      nextWeek = { ...nextWeek, ...(reply.status === 200 ? (reply.body as HarvestMine) : opts.afterOptOut) };
      return reply;
    }
    if (call.path === "/api/harvests")
      return ok({
        harvests: [
          { week: next, publishedAt: null, changed: false, note: null, lines: null },
          { week, publishedAt: "2027-04-09T10:00:00.000Z", changed: true, note: null, lines: thisWeek.lines },
          {
            week: addWeeks(week, -1),
            publishedAt: "2027-04-02T10:00:00.000Z",
            changed: false,
            note: "Nog weinig dit jaar.",
            lines: [{ crop: "prei", unit: "piece", quantity: 3 }],
          },
          {
            week: addWeeks(week, -2),
            publishedAt: "2027-03-26T10:00:00.000Z",
            changed: false,
            note: null,
            lines: null,
          },
        ],
      });
    return undefined;
  });
}

const card = (name: string | RegExp) => screen.findByRole("region", { name });

describe("the member's share on the home screen", () => {
  it("shows this week's lines in words, the farmer's note and that the split changed", async () => {
    memberApi();
    renderApp("/");

    const thisWeek = await card(`Deze week: ${n}`);
    const lines = await within(thisWeek).findByRole("list", { name: "Jullie aandeel" });
    expect(within(lines).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "2,35 kg spinazie",
      "4 stuks courgette",
      "1 bos radijs",
    ]);
    expect(thisWeek).toHaveTextContent("Van de boer");
    expect(thisWeek).toHaveTextContent("De eerste courgettes!");
    expect(thisWeek).toHaveTextContent("de boer heeft de verdeling aangepast");
    expect(within(thisWeek).getByRole("link", { name: "Alle weken bekijken" })).toHaveAttribute("href", "/harvest");
  });

  it("hands the share to a neighbour found by a few letters, asking the server only for matches", async () => {
    const user = userEvent.setup();
    const api = memberApi();
    renderApp("/");

    const picker = await screen.findByRole("combobox", { name: "Huishouden dat ophaalt" }, { timeout: 5000 });
    await user.type(picker, "v");
    await user.type(picker, "i");
    await user.click(await screen.findByRole("option", { name: "Visser" }, { timeout: 5000 }));
    await user.click(screen.getByRole("button", { name: "Vragen" }));
    expect(await screen.findByText(/^Gevraagd aan Visser\./, { selector: ".notice" }, { timeout: 5000 })).toBeInTheDocument();
    expect(api.find("PUT", `/api/harvests/${week}/handover`).map((c) => c.body)).toEqual([{ toHouseholdID: "hh_2" }]);
    // one letter asks nothing; the whole list is never asked for
    expect(api.calls.filter((c) => c.path.startsWith("/api/harvests/mine/neighbours")).map((c) => c.path)).toEqual(["/api/harvests/mine/neighbours?q=vi"]);
  });

  it("explains why opting out of this week is closed, and keeps next week open until its deadline", async () => {
    memberApi();
    renderApp("/");

    const thisWeek = await card(`Deze week: ${n}`);
    const closed = await within(thisWeek).findByRole("checkbox", { name: `Afmelden voor ${n}` });
    expect(closed).toBeDisabled();
    expect(closed).toHaveAccessibleDescription(/^Afmelden kon tot donderdag 8 april 18:00; dat kan nu niet meer\./);

    const nextWeek = await card(`Volgende week: ${nextN}`);
    await waitFor(() => expect(nextWeek).toHaveTextContent("De boer heeft het oogstaandeel voor deze week nog niet gepubliceerd."));
    const open = await within(nextWeek).findByRole("checkbox", { name: `Afmelden voor ${nextN}` });
    expect(open).toBeEnabled();
    expect(open).not.toBeChecked();
    expect(open).toHaveAccessibleDescription("Afmelden kan tot donderdag 15 april 18:00.");
  });

  it("opts out of next week and back in", async () => {
    const user = userEvent.setup();
    const api = memberApi();
    renderApp("/");

    const nextWeek = await card(`Volgende week: ${nextN}`);
    const box = await within(nextWeek).findByRole("checkbox", { name: `Afmelden voor ${nextN}` });
    await user.click(box);

    expect(await within(nextWeek).findByText(`Jullie zijn afgemeld voor ${nextN}.`)).toBeInTheDocument();
    expect(box).toBeChecked();
    await user.click(box);
    expect(await within(nextWeek).findByText(`Jullie zijn weer aangemeld voor ${nextN}.`)).toBeInTheDocument();
    expect(box).not.toBeChecked();
    expect(api.find("PUT", `/api/harvests/${next}/opt-out`).map((c) => c.body)).toEqual([
      { optedOut: true },
      { optedOut: false },
    ]);
    // The answer is the new state: it is not fetched again.
    expect(api.find("GET", `/api/harvests/${next}/mine`)).toHaveLength(1);
  });

  it("says so when the deadline passed while the screen was open, and closes the box", async () => {
    const user = userEvent.setup();
    memberApi({
      optOut: () => apiError(409, "harvest.deadline_passed"),
      afterOptOut: { canOptOut: false },
    });
    renderApp("/");

    const nextWeek = await card(`Volgende week: ${nextN}`);
    const box = await within(nextWeek).findByRole("checkbox", { name: `Afmelden voor ${nextN}` });
    await user.click(box);

    await findAlert("De tijd om af te melden voor deze week is voorbij.");
    await waitFor(() => expect(box).toBeDisabled());
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(/^Afmelden kon tot donderdag 15 april 18:00/);
  });

  it("says amounts and times the English way", async () => {
    localStorage.setItem("akker.locale", "en");
    mockApi((call) => {
      if (call.path === "/api/me") return ok({ ...memberMe, person: { ...memberMe.person, locale: "en" } });
      if (call.path.endsWith("/mine"))
        return ok(
          harvestMine(call.path.split("/")[3]!, {
            status: "published",
            lines: [
              { crop: "spinach", unit: "kg", quantity: 2.35 },
              { crop: "courgette", unit: "piece", quantity: 1 },
              { crop: "radish", unit: "bunch", quantity: 2 },
            ],
          }),
        );
      return undefined;
    });
    renderApp("/");

    const thisWeek = await card(`This week: ${weekLabel(week, "en")}`);
    const lines = await within(thisWeek).findByRole("list", { name: "Your share" });
    expect(within(lines).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "2.35 kg of spinach",
      "1 piece of courgette",
      "2 bunches of radish",
    ]);
    expect(within(thisWeek).getByRole("checkbox")).toHaveAccessibleDescription(
      "You can opt out until 18:00 on Thursday 8 April.",
    );
  });

  it("is not shown to the farmer, who has no household", async () => {
    const farmer = { ...memberMe, household: null, roles: ["farmer" as const] };
    const api = mockApi((call) => (call.path === "/api/me" ? ok(farmer) : undefined));
    renderApp("/");

    await screen.findByRole("region", { name: "Boer" });
    expect(screen.queryByRole("region", { name: /Deze week/ })).not.toBeInTheDocument();
    expect(api.calls.filter((c) => c.path.includes("/mine"))).toHaveLength(0);
  });
});

describe("the harvest page", () => {
  it("shows this week, next week and the earlier weeks with what the household got", async () => {
    memberApi();
    renderApp("/harvest");

    expect(await screen.findByRole("heading", { level: 1, name: "Oogst" })).toBeInTheDocument();
    expect(await within(await card(`Deze week: ${n}`)).findByText("2,35 kg spinazie")).toBeInTheDocument();
    expect(await card(`Volgende week: ${nextN}`)).toBeInTheDocument();
    const past = await card("Eerdere weken");
    const weeks = await within(past).findAllByRole("heading", { level: 3 });
    // Only weeks before this one, newest first.
    expect(weeks.map((h) => h.textContent)).toEqual([
      expect.stringMatching(new RegExp(`^Week ${weekNumber(addWeeks(week, -1))} · `)),
      expect.stringMatching(new RegExp(`^Week ${weekNumber(addWeeks(week, -2))} · `)),
    ]);
    const items = [...past.querySelectorAll(".past-weeks > li")];
    expect(items[0]).toHaveTextContent("3 stuks prei");
    expect(items[0]).toHaveTextContent("Nog weinig dit jaar.");
    expect(items[1]).toHaveTextContent("Geen aandeel: jullie waren afgemeld of nog geen lid.");
    const menu = screen.getByRole("navigation", { name: "Hoofdmenu" });
    expect(within(menu).getByRole("link", { name: "Oogst" })).toHaveAttribute("aria-current", "page");
  });
});

describe("the harvest page without a share", () => {
  it("is not there for the farmer, and asks for no share", async () => {
    const api = mockApi((call) => (call.path === "/api/me" ? ok(farmerMe) : call.path === "/api/harvests" ? ok({ harvests: [] }) : undefined));
    renderApp("/harvest");
    expect(await screen.findByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeInTheDocument();
    expect(api.find("GET", `/api/harvests/${week}/mine`)).toHaveLength(0);
    expect(api.find("GET", `/api/harvests/${next}/mine`)).toHaveLength(0);
  });
});

describe("weeks on the Amsterdam clock", () => {
  it("turns over at midnight in Amsterdam, not in UTC", () => {
    // Sunday 3 January 2027, 23:30 UTC is Monday 00:30 in Amsterdam.
    expect(currentWeek(Date.UTC(2027, 0, 3, 23, 30))).toBe("2027-W01");
    expect(currentWeek(Date.UTC(2027, 0, 3, 22, 59))).toBe("2026-W53");
    // Summer time: Sunday 11 April 22:30 UTC is Monday 00:30.
    expect(currentWeek(Date.UTC(2027, 3, 11, 22, 30))).toBe("2027-W15");
    expect(currentWeek(Date.UTC(2027, 3, 11, 21, 30))).toBe("2027-W14");
  });

  it("steps over the turn of the year", () => {
    expect(addWeeks("2026-W53", 1)).toBe("2027-W01");
    expect(addWeeks("2027-W01", -1)).toBe("2026-W53");
    expect(addWeeks("2027-W52", 1)).toBe("2028-W01");
  });
});
