import { fireEvent, screen, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { MeInfo } from "../lib/person";
import { type SepaSummary, thisYear } from "../lib/contribution";
import { apiError, boardMe, mockApi, ok, renderApp } from "../test-utils";

const year = thisYear();
const treasurerMe: MeInfo = { ...boardMe, roles: ["member", "treasurer"] };

function summary(month: string, changes: Partial<SepaSummary> = {}): SepaSummary {
  return {
    month,
    status: "preview",
    collectionDate: `${month}-08`,
    noticeDays: 14,
    messageID: null,
    created: null,
    count: 2,
    totalCents: 8676,
    first: 1,
    recurring: 1,
    notified: null,
    collections: [
      { householdID: "hh_devries", household: "Familie De Vries", name: "K. de Vries", amountCents: 4338, sequence: "FRST", mandateID: "AKKER-1", endToEndID: null },
      { householdID: "hh_jansen", household: "Familie Jansen", name: "J. Jansen", amountCents: 4338, sequence: "RCUR", mandateID: "AKKER-2", endToEndID: null },
    ],
    leftOut: [{ householdID: "hh_wang", household: "Familie Wang", amountCents: 4338, reason: "account_holder" }],
    ...changes,
  };
}

/** The treasurer's API: March can be collected (and is, once created), February has nothing open. */
function runApi() {
  let created = false;
  const march = `${year}-03`;
  // the households are told after the create answers: none at first, one at the next look, then both
  let looks = 0;
  const made = (notified: number) =>
    summary(march, { status: "created", messageID: "AKKER-202703-01J", created: `${year}-02-20T11:00:00+01:00`, notified });
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(treasurerMe);
    if (call.path === `/api/contribution/overview?year=${year}`) return apiError(409, "season.not_confirmed");
    if (call.path.startsWith("/api/contribution/solidarity/households")) return ok({ year, households: [] });
    if (call.path === `/api/sepa/${year}-02.json`) return ok(summary(`${year}-02`, { count: 0, totalCents: 0, first: 0, recurring: 0, collections: [], leftOut: [] }));
    if (call.path === `/api/sepa/${march}.json`) return ok(created ? made(Math.min(2, ++looks)) : summary(march));
    if (call.path === `/api/sepa/${march}` && call.method === "POST") {
      if (created) return apiError(409, "sepa.run_exists");
      created = true;
      return { status: 201, body: made(0) };
    }
    return undefined;
  });
}

describe("the month's collection run", () => {
  it("shows what a run would collect and who is left out, creates it after asking, then offers its file", async () => {
    const user = userEvent.setup();
    const api = runApi();
    renderApp("/contribution/overview");
    const card = await screen.findByRole("region", { name: "Incassorun" }, { timeout: 5000 });
    const month = within(card).getByLabelText("Maand");
    fireEvent.input(month, { target: { value: `${year}-02` } });
    expect(await within(card).findByText("Voor deze maand valt niets te incasseren.")).toBeInTheDocument();
    expect(within(card).queryByRole("button", { name: "Incassorun aanmaken" })).not.toBeInTheDocument();

    fireEvent.input(month, { target: { value: `${year}-03` } });
    expect(
      await within(card).findByText(/^2 huishoudens, samen € 86,76, af te schrijven op 8 maart \d{4}\. 1 voor het eerst \(FRST\), 1 herhaald \(RCUR\)\.$/),
    ).toBeInTheDocument();
    expect(within(card).getByText("Niet in de run (1)")).toBeInTheDocument();
    expect(within(card).getByText("Familie Wang, € 43,38: de naam van de rekeninghouder heeft geen Latijnse letters.")).toBeInTheDocument();
    expect(within(card).getByRole("table", { name: "Wie er in staan (2)" })).toBeInTheDocument();
    expect(within(card).queryByRole("link")).not.toBeInTheDocument();

    await user.click(within(card).getByRole("button", { name: "Incassorun aanmaken" }));
    expect(within(card).getByText(/^De incassorun voor maart \d{4} aanmaken\? 2 huishoudens krijgen nu een mail/)).toBeInTheDocument();
    await user.click(within(card).getByRole("button", { name: "Ja, aanmaken en mailen" }));
    // no file before every household is told: the card reads the run again until then
    expect(await within(card).findByText("1 van 2 huishoudens hebben een mail met bedrag en datum gehad.")).toBeInTheDocument();
    expect(within(card).queryByRole("link")).not.toBeInTheDocument();
    const link = await within(card).findByRole("link", { name: `Download het incassobestand voor maart ${year}` }, { timeout: 4000 });
    expect(link).toHaveAttribute("href", `/api/sepa/${year}-03.xml`);
    expect(within(card).getByText("2 van 2 huishoudens hebben een mail met bedrag en datum gehad.")).toBeInTheDocument();
    expect(within(card).getByText(/^Aangemaakt op 20 februari \d{4} (om )?11:00 \(kenmerk AKKER-202703-01J\)\.$/)).toBeInTheDocument();
    expect(within(card).queryByRole("button", { name: "Incassorun aanmaken" })).not.toBeInTheDocument();
    expect(api.find("POST", `/api/sepa/${year}-03`)).toHaveLength(1);
  }, 15_000);
});
