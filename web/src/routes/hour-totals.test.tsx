import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { HourTotals } from "../lib/workday";
import { currentSeason } from "../lib/week";
import { boardMe, memberMe, mockApi, ok, renderApp } from "../test-utils";

const now = currentSeason();
const before = String(Number(now) - 1);

function totals(season: string, hours: number): HourTotals {
  return {
    season,
    targetHours: 20,
    households: [
      { householdID: "hh_jansen", name: "Familie Jansen", hours: 0 },
      { householdID: "hh_devries", name: "Familie De Vries", hours },
      { householdID: "hh_ozturk", name: "Öztürk", hours: 4.5 },
    ],
    tasks: [
      { task: "harvest", hours },
      { task: "weeding", hours: 4.5 },
      { task: "cleaning", hours: 0 },
      { task: "tour", hours: 0 },
      { task: "workshop", hours: 0 },
      { task: "other", hours: 0 },
    ],
    total: hours + 4.5,
  };
}

function totalsApi(me = boardMe) {
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(me);
    const m = /^\/api\/hours\/totals\?season=(\d{4})$/.exec(call.path);
    if (m) return ok(totals(m[1]!, m[1] === now ? 12 : 30));
    return undefined;
  });
}

const rows = (name: string) =>
  within(screen.getByRole("table", { name }))
    .getAllByRole("row")
    .slice(1)
    .map((r) => [...r.children].map((c) => c.textContent));

describe("the hours overview", () => {
  it("shows a season's approved hours per household and per kind of work, with a CSV download", async () => {
    const user = userEvent.setup();
    const api = totalsApi();
    renderApp("/hours/totals");

    expect(await screen.findByRole("heading", { level: 1, name: "Urenoverzicht" })).toBeInTheDocument();
    expect(await screen.findByRole("table", { name: "Per huishouden" })).toBeInTheDocument();
    expect(screen.getByText(`Seizoen ${now}`)).toBeInTheDocument();
    expect(rows("Per huishouden")).toEqual([
      ["Familie De Vries", "12"],
      ["Familie Jansen", "0"],
      ["Öztürk", "4,5"],
    ]);
    expect(rows("Per soort werk")).toEqual([
      ["Oogsten", "12"],
      ["Wieden", "4,5"],
      ["Schoonmaken", "0"],
      ["Rondleiding", "0"],
      ["Workshop", "0"],
      ["Anders", "0"],
    ]);
    expect(screen.getByText("Totaal", { selector: "dt" }).nextElementSibling).toHaveTextContent("16,5 uur");
    expect(screen.getByText("Huishoudens die meehielpen", { selector: "dt" }).nextElementSibling).toHaveTextContent(
      "2 / 3",
    );
    const csv = screen.getByRole("link", { name: "Download als CSV (voor een spreadsheet)" });
    expect(csv).toHaveAttribute("href", `/api/hours/totals.csv?season=${now}`);
    expect(csv).toHaveAttribute("download");
    // No season after this one yet.
    expect(screen.queryByRole("link", { name: /^Volgend seizoen/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole("link", { name: `Vorig seizoen (${before})` }));

    expect(await screen.findByText(`Seizoen ${before}`)).toBeInTheDocument();
    await waitFor(() => expect(rows("Per huishouden")[0]).toEqual(["Familie De Vries", "30"]));
    expect(window.location.search).toBe(`?season=${before}`);
    expect(screen.getByRole("link", { name: "Download als CSV (voor een spreadsheet)" })).toHaveAttribute(
      "href",
      `/api/hours/totals.csv?season=${before}`,
    );
    expect(screen.getByRole("link", { name: `Volgend seizoen (${now})` })).toBeInTheDocument();
    expect(api.find("GET", `/api/hours/totals?season=${before}`)).toHaveLength(1);
  });

  it("is not for members", async () => {
    totalsApi(memberMe);
    renderApp("/hours/totals");

    expect(await screen.findByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeInTheDocument();
  });
});
