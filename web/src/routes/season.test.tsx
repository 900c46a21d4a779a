import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { MeInfo } from "../lib/person";
import { type SeasonInfo, thisYear } from "../lib/contribution";
import { apiError, boardMe, findAlert, memberMe, mockApi, ok, renderApp } from "../test-utils";

const year = thisYear();
const treasurerMe: MeInfo = { ...boardMe, roles: ["member", "treasurer"] };

function season(changes: Partial<SeasonInfo> = {}): SeasonInfo {
  return {
    year,
    budgetCents: 26_000_000,
    weeks: 52,
    vegetarianDiscountCents: 150,
    childFactor: 0.5,
    depositFullCents: 200_000,
    depositHalfCents: 100_000,
    optOutDaysBefore: 2,
    optOutTime: "18:00",
    targetHours: 20,
    status: "proposed",
    proposal: { rateCents: 1003, vegetarianRateCents: 853, averageCents: 1000, mouths: 500, vegetarianMouths: 40, households: 200 },
    rateCents: null,
    vegetarianRateCents: null,
    versions: [],
    ...changes,
  };
}

function seasonApi(me: MeInfo, opts: { entered?: boolean } = {}) {
  let current: SeasonInfo | null = opts.entered === false ? null : season();
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(me);
    if (call.path === `/api/seasons/${year}` && call.method === "GET")
      return current ? ok({ season: current }) : apiError(404, "season.not_found");
    if (call.path === `/api/seasons/${year}` && call.method === "PUT") {
      const body = call.body as { budgetCents: number; weeks: number };
      if (!Number.isFinite(body.budgetCents))
        return apiError(400, "input.invalid", [{ path: "budgetCents", message: "Expected a number." }]);
      current = season({ budgetCents: body.budgetCents, weeks: body.weeks });
      return ok({ season: current });
    }
    if (call.path === `/api/seasons/${year}/confirm`) {
      const body = call.body as { rateCents?: number };
      const rate = body.rateCents ?? 1003;
      current = season({
        status: "confirmed",
        rateCents: rate,
        vegetarianRateCents: rate - 150,
        versions: [
          { version: 1, rateCents: rate, vegetarianRateCents: rate - 150, effectiveFrom: `${year}-01-01`, confirmedAt: "x", confirmedBy: "t" },
        ],
      });
      return ok({ season: current });
    }
    return undefined;
  });
}

describe("season and price", () => {
  it("lets the board enter the budget and see the proposed price, which only the treasurer confirms", async () => {
    const user = userEvent.setup();
    const api = seasonApi(boardMe, { entered: false });
    renderApp("/contribution/season");

    expect(await screen.findByRole("heading", { level: 1, name: "Seizoen en prijs" })).toBeInTheDocument();
    expect(await screen.findByText(`Voor ${year} is nog niets ingevoerd.`)).toBeInTheDocument();
    const figures = screen.getByRole("region", { name: "Begroting" });
    const budget = within(figures).getByLabelText("Begroting in euro");
    await user.type(budget, "veel");
    await user.click(within(figures).getByRole("button", { name: "Opslaan en prijs voorstellen" }));
    await findAlert("Niet alles is goed ingevuld.");
    expect(budget).toHaveAccessibleDescription(expect.stringContaining("Vul een bedrag in van 0 of meer"));

    await user.clear(budget);
    await user.type(budget, "260.000");
    await user.click(within(figures).getByRole("button", { name: "Opslaan en prijs voorstellen" }));

    const proposal = await screen.findByRole("region", { name: "Voorstel" });
    expect(within(proposal).getByText("Per mond per week").nextElementSibling?.textContent?.replace(/\s/g, " ")).toBe("€ 10,03");
    expect(api.find("PUT", `/api/seasons/${year}`)[1]?.body).toEqual({ budgetCents: 26_000_000, weeks: 52 });
    expect(screen.getByText("Alleen de penningmeester stelt de prijs vast.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Prijs vaststellen" })).not.toBeInTheDocument();
  });

  it("lets the treasurer confirm a rounded price after asking", async () => {
    const user = userEvent.setup();
    const api = seasonApi(treasurerMe);
    renderApp("/contribution/season");

    const region = await screen.findByRole("region", { name: "Prijs vaststellen" });
    await user.type(within(region).getByLabelText("Andere prijs per mond per week, in euro"), "10,05");
    await user.click(within(region).getByRole("button", { name: "Prijs vaststellen" }));
    await user.click(within(region).getByRole("button", { name: "Ja, vaststellen" }));

    expect(await within(region).findByText("De prijs is vastgesteld.")).toBeInTheDocument();
    expect(api.find("POST", `/api/seasons/${year}/confirm`)[0]?.body).toEqual({ rateCents: 1005 });
    const versions = await screen.findByRole("table", { name: "Vastgestelde prijzen" });
    await waitFor(() => expect(within(versions).getAllByRole("row")).toHaveLength(2));
    expect(within(versions).getAllByRole("row")[1]?.children[1]?.textContent?.replace(/\s/g, " ")).toBe("€ 10,05");
    expect(screen.getByText("Vastgesteld")).toBeInTheDocument();
  });

  it("is not for members", async () => {
    seasonApi(memberMe);
    renderApp("/contribution/season");

    expect(await screen.findByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeInTheDocument();
  });
});
