import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { farmToday } from "../lib/workday-view";
import { getMyHours, type HoursEntry, type MyHours } from "../lib/workday";
import { myHoursKey } from "./workday-routes";
import { apiError, coordinatorMe, findAlert, memberMe, mockApi, ok, renderApp, type Reply } from "../test-utils";

const hoursEntry = (changes: Partial<HoursEntry>): HoursEntry => ({
  id: "hours_1",
  householdID: "hh_devries",
  personID: "person_anna",
  workdayID: null,
  task: "other",
  date: "2027-04-10",
  hours: 1,
  note: null,
  status: "approved",
  ...changes,
});

const season: MyHours = {
  season: "2027",
  targetHours: 20,
  confirmedHours: 12,
  pendingHours: 2,
  entries: [
    hoursEntry({ id: "hours_3", task: "tour", date: "2027-05-02", hours: 2, status: "pending", note: "Buurtschool rondgeleid" }),
    hoursEntry({ id: "att_wd_1", workdayID: "wd_1", task: "weeding", date: "2027-04-24", hours: 3 }),
    hoursEntry({ id: "hours_2", task: "harvest", date: "2027-04-17", hours: 9 }),
    hoursEntry({ id: "hours_1", task: "cleaning", date: "2027-04-10", hours: 1.5, status: "declined" }),
  ],
};

function hoursApi(opts: { hours?: MyHours; report?: (body: unknown) => Reply | undefined } = {}) {
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(memberMe);
    if (call.path === "/api/me/hours" && call.method === "GET") return ok(opts.hours ?? season);
    if (call.path === "/api/me/hours" && call.method === "POST") {
      const answered = opts.report?.(call.body);
      if (answered) return answered;
      const body = call.body as Pick<HoursEntry, "date" | "hours" | "task"> & { note?: string };
      return { status: 201, body: { entry: hoursEntry({ id: "hours_9", ...body, note: body.note ?? null, status: "pending" }) } };
    }
    return undefined;
  });
}

describe("my hours", () => {
  it("thanks the household for its hours this season, toward the target, with what still waits", async () => {
    hoursApi();
    renderApp("/hours");

    const progress = await screen.findByRole("region", { name: "Seizoen 2027" });
    expect(progress).toHaveTextContent("Dank je wel! Jullie huishouden hielp dit seizoen 12 uur mee op de boerderij.");
    const bar = within(progress).getByRole("progressbar", { name: "Uren dit seizoen" });
    expect(bar).toHaveAttribute("max", "20");
    expect(bar).toHaveAttribute("value", "12");
    expect(bar).toHaveAttribute("aria-valuetext", "12 van 20 uur");
    expect(progress).toHaveTextContent("Uren dit seizoen 12 van 20 uur");
    expect(progress).toHaveTextContent("Het is een richtlijn, geen verplichting: elk uur helpt.");
    expect(progress).toHaveTextContent("2 uur wacht nog op goedkeuring.");

    const table = screen.getByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell").map((c) => c.textContent))).toEqual([
      ["zo 2 mei", "RondleidingBuurtschool rondgeleid", "2", "Wacht op goedkeuring"],
      ["za 24 apr", "Wieden · meewerkdag", "3", "Meegeteld"],
      ["za 17 apr", "Oogsten", "9", "Meegeteld"],
      ["za 10 apr", "Schoonmaken", "1,5", "Niet meegeteld"],
    ]);
  });

  it("invites, without reproach, when there are no hours yet", async () => {
    hoursApi({ hours: { ...season, confirmedHours: 0, pendingHours: 0, entries: [] } });
    renderApp("/hours");

    expect(
      await screen.findByText(/^Dit seizoen staan er nog geen uren bij jullie huishouden\. Meehelpen kan op veel manieren/),
    ).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toHaveAttribute("value", "0");
    expect(screen.getByText("Nog niets dit seizoen.")).toBeInTheDocument();
  });

  it("says the target was reached, with the bar full", async () => {
    hoursApi({ hours: { ...season, confirmedHours: 23.5, pendingHours: 0 } });
    renderApp("/hours");

    expect(
      await screen.findByText(
        "Dank je wel! Jullie huishouden hielp dit seizoen 23,5 uur mee, en daarmee de 20 uur waar de boerderij per huishouden op rekent.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toHaveAttribute("value", "20");
  });

  it("opens with the hours asked afresh: the route drops what another screen fetched before", () => {
    expect(getMyHours.keyFor()).toBe(myHoursKey);
  });

  it("reports hours of flexible work: they wait for approval, shown at once", async () => {
    const user = userEvent.setup();
    const now = farmToday().slice(0, 4);
    const api = hoursApi({ hours: { ...season, season: now } });
    renderApp("/hours");

    const form = await screen.findByRole("region", { name: "Uren doorgeven" });
    const date = within(form).getByLabelText("Datum");
    expect(date).toHaveValue(farmToday());
    expect(date).toHaveAttribute("max", farmToday());
    await user.type(within(form).getByLabelText("Aantal uur"), "1,5");
    await user.selectOptions(within(form).getByLabelText("Soort werk"), "workshop");
    await user.type(within(form).getByLabelText("Wat deed je?"), "Workshop inmaken gegeven");
    await user.click(within(form).getByRole("button", { name: "Uren doorgeven" }));

    expect(
      await within(form).findByText(
        "Bedankt! 1,5 uur doorgegeven. Ze tellen mee zodra een coördinator ze heeft goedgekeurd.",
      ),
    ).toBeInTheDocument();
    expect(api.find("POST", "/api/me/hours").map((c) => c.body)).toEqual([
      { date: farmToday(), hours: 1.5, task: "workshop", note: "Workshop inmaken gegeven" },
    ]);
    expect(within(form).getByLabelText("Aantal uur")).toHaveValue("");
    // The answer joins the season at once; nothing is fetched again.
    const progress = screen.getByRole("region", { name: `Seizoen ${now}` });
    await waitFor(() => expect(progress).toHaveTextContent("3,5 uur wacht nog op goedkeuring."));
    const added = within(screen.getByRole("table"))
      .getAllByRole("row")
      .find((r) => r.textContent?.includes("Workshop inmaken gegeven"));
    expect(added).toHaveTextContent(/Workshop.*1,5Wacht op goedkeuring$/);
    expect(api.find("GET", "/api/me/hours")).toHaveLength(1);
  });

  it("tells the API's issues at the fields", async () => {
    const user = userEvent.setup();
    hoursApi({
      report: () =>
        apiError(400, "input.invalid", [
          { path: "hours", message: "Number must be a multiple of 0.25" },
          { path: "date", message: "The date cannot be in the future." },
        ]),
    });
    renderApp("/hours");

    await user.type(await screen.findByLabelText("Aantal uur"), "1,3");
    await user.click(screen.getByRole("button", { name: "Uren doorgeven" }));

    await findAlert("Niet alles is goed ingevuld.");
    expect(screen.getByLabelText("Aantal uur")).toHaveAccessibleDescription(
      "In kwartieren, zoals 1,5 of 2,25 Vul een aantal uur in van 0,25 tot 24, in kwartieren (zoals 1,5).",
    );
    expect(screen.getByLabelText("Datum")).toHaveAccessibleDescription("Kies een datum, vandaag of eerder.");
  });
});

describe("approving hours", () => {
  const pending = [
    { ...hoursEntry({ id: "hours_a", task: "tour", date: "2027-05-02", hours: 2, status: "pending", note: "Buurtschool" }), personName: "Eva de Vries", householdName: "De Vries", own: false },
    { ...hoursEntry({ id: "hours_own", task: "cleaning", date: "2027-05-02", hours: 3, status: "pending" }), personName: "Cor Coördinator", householdName: "Coördinator", own: true },
    { ...hoursEntry({ id: "hours_b", task: "workshop", date: "2027-05-03", hours: 1.5, status: "pending" }), personName: "Bram Bos", householdName: "Bos", own: false },
  ];

  function pendingApi() {
    let list = [...pending];
    return mockApi((call) => {
      if (call.path === "/api/me") return ok(coordinatorMe);
      if (call.path === "/api/hours/pending") return ok({ entries: list });
      const m = /^\/api\/hours\/([^/]+)\/decision$/.exec(call.path);
      if (m && call.method === "POST") {
        const found = list.find((e) => e.id === m[1]);
        if (!found) return apiError(404, "hours.not_found");
        list = list.filter((e) => e !== found);
        return ok({ entry: { ...found, status: (call.body as { decision: string }).decision } });
      }
      return undefined;
    });
  }

  it("approves or does not count each entry, and moves on to the next", async () => {
    const user = userEvent.setup();
    const api = pendingApi();
    renderApp("/hours/pending");

    expect(await screen.findByRole("heading", { level: 1, name: "Uren goedkeuren" })).toBeInTheDocument();
    const approve = await screen.findByRole("button", { name: "Goedkeuren · Rondleiding, zo 2 mei, 2 uur" });
    expect(screen.getByText("Buurtschool")).toBeInTheDocument();
    expect(screen.getByText(/Eva de Vries \(De Vries\)/)).toBeInTheDocument();
    await user.click(approve);

    expect(await screen.findByText("2 uur goedgekeurd.")).toBeInTheDocument();
    const next = screen.getByRole("button", { name: "Goedkeuren · Workshop, ma 3 mei, 1,5 uur" });
    await waitFor(() => expect(next).toHaveFocus());
    await user.click(screen.getByRole("button", { name: "Niet meetellen · Workshop, ma 3 mei, 1,5 uur" }));

    expect(await screen.findByText("1,5 uur niet meegeteld.")).toBeInTheDocument();
    // one's own (or one's household's) hours are offered to nobody but the others
    expect(screen.getByText("Jouw eigen uren of die van je huishouden: daarover beslist een andere coördinator.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Schoonmaken/ })).toBeNull();
    expect(screen.queryAllByRole("button", { name: /^(Goedkeuren|Niet meetellen)/ })).toEqual([]);
    expect(api.calls.filter((c) => c.method === "POST").map((c) => [c.path, c.body])).toEqual([
      ["/api/hours/hours_a/decision", { decision: "approved" }],
      ["/api/hours/hours_b/decision", { decision: "declined" }],
    ]);
    expect(api.find("GET", "/api/hours/pending")).toHaveLength(1);
    const section = screen.getByRole("navigation", { name: "Meewerken" });
    expect(within(section).getAllByRole("link").map((a) => a.textContent)).toEqual([
      "Meewerkdagen",
      "Mijn meewerkdagen",
      "Mijn uren",
      "Uren goedkeuren",
      "Urenoverzicht",
    ]);
  });
});
