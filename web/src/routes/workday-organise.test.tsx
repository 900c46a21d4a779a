import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { WorkdayCreateInput, WorkdayInfo, WorkdayUpdateInput } from "../lib/workday";
import {
  apiError,
  coordinatorMe,
  farmerMe,
  findAlert,
  households,
  memberMe,
  mockApi,
  ok,
  renderApp,
  workday,
  type Reply,
} from "../test-utils";

/** The organisers' side of the work-day API; `create` and `update` can answer themselves (an error). */
function organiserApi(
  opts: {
    me?: typeof coordinatorMe;
    day?: WorkdayInfo;
    create?: (body: WorkdayCreateInput) => Reply | undefined;
    update?: (body: WorkdayUpdateInput) => Reply | undefined;
  } = {},
) {
  let day = opts.day ?? workday();
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(opts.me ?? coordinatorMe);
    if (call.path === "/api/households/hh_klus")
      return ok({ household: { ...households[0]!, id: "hh_klus", name: "Huishouden Klus", people: [] } });
    if (call.path === "/api/workdays" && call.method === "GET") return ok({ workdays: [day] });
    if (call.path === "/api/workdays" && call.method === "POST") {
      const body = call.body as WorkdayCreateInput;
      const answered = opts.create?.(body);
      if (answered) return answered;
      // as the API: a day without its fields is refused
      if (!body.title || !body.start) return apiError(400, "input.invalid", [{ path: "title", message: "Required" }]);
      const weeks = body.repeatWeeks ?? 1;
      const days = Array.from({ length: weeks }, (_, i) =>
        workday({
          ...body,
          id: `wd_new${i}`,
          start: body.start.replace("09", String(9 + 7 * i).padStart(2, "0")),
          location: body.location ?? null,
          description: body.description ?? null,
          confirmed: 0,
        }),
      );
      return { status: 201, body: { workday: days[0], workdays: days } };
    }
    if (call.path === `/api/workdays/${day.id}` && call.method === "GET") return ok({ workday: day });
    if (call.path === `/api/workdays/${day.id}` && call.method === "PATCH") {
      const body = call.body as WorkdayUpdateInput;
      const answered = opts.update?.(body);
      if (answered) return answered;
      day = { ...day, ...body };
      return ok({ workday: day });
    }
    if (call.path === `/api/workdays/${day.id}/cancel` && call.method === "POST") {
      day = { ...day, status: "cancelled" };
      return ok({ workday: day });
    }
    return undefined;
  });
}

/** Date and time fields take their value as the browser would set it. */
function set(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe("creating work days", () => {
  it("tells the API's issues at their fields: the end before the start at the end time", async () => {
    const user = userEvent.setup();
    const api = organiserApi({
      create: () =>
        apiError(400, "input.invalid", [{ path: "end", message: "The end must be after the start." }]),
    });
    renderApp("/workdays/new");

    expect(await screen.findByRole("heading", { level: 1, name: "Nieuwe meewerkdag" })).toBeInTheDocument();
    await user.type(screen.getByLabelText("Titel"), "Aardappels rooien");
    await user.selectOptions(screen.getByLabelText("Soort werk"), "harvest");
    set("Datum", "2099-05-09");
    set("Begintijd", "09:00");
    set("Eindtijd", "08:00");
    await user.clear(screen.getByLabelText("Aantal plekken"));
    await user.type(screen.getByLabelText("Aantal plekken"), "6");
    await user.click(screen.getByRole("button", { name: "Meewerkdag aanmaken" }));

    await findAlert("Niet alles is goed ingevuld. Kijk bij de velden wat er moet veranderen.");
    const end = screen.getByLabelText("Eindtijd");
    expect(end).toHaveAttribute("aria-invalid", "true");
    expect(end).toHaveAccessibleDescription("Kies een eindtijd na de begintijd.");
    expect(screen.getByLabelText("Begintijd")).not.toHaveAttribute("aria-invalid");
    // The times are read on the Amsterdam clock, with that day's offset.
    expect(api.find("POST", "/api/workdays").map((c) => c.body)).toEqual([
      {
        title: "Aardappels rooien",
        task: "harvest",
        start: "2099-05-09T09:00:00+02:00",
        end: "2099-05-09T08:00:00+02:00",
        capacity: 6,
        repeatWeeks: 1,
      },
    ]);
  });

  it("tells a start in the past at the start time", async () => {
    const user = userEvent.setup();
    organiserApi({
      create: () =>
        apiError(400, "input.invalid", [{ path: "start", message: "The start must be in the future." }]),
    });
    renderApp("/workdays/new");

    await user.type(await screen.findByLabelText("Titel"), "Wieden");
    set("Datum", "2020-01-11");
    set("Begintijd", "09:00");
    set("Eindtijd", "12:00");
    await user.click(screen.getByRole("button", { name: "Meewerkdag aanmaken" }));

    await waitFor(() =>
      expect(screen.getByLabelText("Begintijd")).toHaveAccessibleDescription(
        "Kies een datum en begintijd in de toekomst.",
      ),
    );
  });

  it("makes a weekly series in winter time and links every day made", async () => {
    const user = userEvent.setup();
    const api = organiserApi();
    renderApp("/workdays/new");

    await user.type(await screen.findByLabelText("Titel"), "Kratten wassen");
    await user.selectOptions(screen.getByLabelText("Soort werk"), "cleaning");
    set("Datum", "2099-01-10");
    set("Begintijd", "09:00");
    set("Eindtijd", "11:30");
    await user.type(screen.getByLabelText("Plek op de boerderij"), "Schuur");
    await user.type(screen.getByLabelText("Beschrijving"), "Neem laarzen mee.");
    const repeat = screen.getByLabelText("Hoeveel weken achter elkaar?");
    expect(repeat).toHaveAccessibleDescription(/^1 is alleen deze dag\./);
    await user.clear(repeat);
    await user.type(repeat, "3");
    await user.click(screen.getByRole("button", { name: "Meewerkdag aanmaken" }));

    expect(await screen.findByText("Aangemaakt: 3 meewerkdagen.")).toBeInTheDocument();
    expect(api.find("POST", "/api/workdays").map((c) => c.body)).toEqual([
      {
        title: "Kratten wassen",
        task: "cleaning",
        start: "2099-01-10T09:00:00+01:00",
        end: "2099-01-10T11:30:00+01:00",
        capacity: 10,
        location: "Schuur",
        description: "Neem laarzen mee.",
        repeatWeeks: 3,
      },
    ]);
    const made = screen.getByRole("status").querySelectorAll("a");
    expect([...made].map((a) => a.getAttribute("href"))).toEqual(["/workdays/wd_new0", "/workdays/wd_new1", "/workdays/wd_new2"]);
    // The form starts afresh: a second tap asks for the fields, it does not make the same days again.
    expect(screen.getByLabelText("Titel")).toHaveValue("");
    expect(screen.getByLabelText("Datum")).toHaveValue("");
    expect(screen.getByLabelText("Aantal plekken")).toHaveValue(10);
    expect(screen.getByLabelText("Hoeveel weken achter elkaar?")).toHaveValue(1);
    await user.click(screen.getByRole("button", { name: "Meewerkdag aanmaken" }));
    expect(api.find("POST", "/api/workdays").filter((c) => (c.body as { title: string }).title === "Kratten wassen")).toHaveLength(1);
  });

  it("is there for the farmer", async () => {
    organiserApi({ me: farmerMe });
    renderApp("/workdays");
    await userEvent.setup().click(await screen.findByRole("link", { name: "Nieuwe meewerkdag" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Nieuwe meewerkdag" })).toBeInTheDocument();
  });

  it("is not there for members", async () => {
    organiserApi({ me: memberMe });
    renderApp("/workdays/new");
    expect(await screen.findByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeInTheDocument();
  });
});

describe("editing and cancelling a work day", () => {
  it("sends only what changed, and says when more people signed up than the new number of places", async () => {
    const user = userEvent.setup();
    const api = organiserApi({
      day: workday({ confirmed: 3, capacity: 4 }),
      update: (body) =>
        body.capacity !== undefined && body.capacity < 3 ? apiError(409, "workday.capacity_below_confirmed") : undefined,
    });
    renderApp("/workdays/wd_weeding/edit");

    const title = await screen.findByLabelText("Titel");
    expect(title).toHaveValue("Wieden in de kas");
    expect(screen.getByLabelText("Datum")).toHaveValue("2099-05-09");
    expect(screen.getByLabelText("Begintijd")).toHaveValue("09:00");
    expect(screen.getByLabelText("Eindtijd")).toHaveValue("12:00");
    expect(screen.getByText(/^3 mensen hebben zich al aangemeld\./)).toBeInTheDocument();
    expect(screen.queryByLabelText("Hoeveel weken achter elkaar?")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Opslaan" }));
    expect(await screen.findByText("Er is niets gewijzigd.")).toBeInTheDocument();

    await user.clear(screen.getByLabelText("Aantal plekken"));
    await user.type(screen.getByLabelText("Aantal plekken"), "2");
    await user.click(screen.getByRole("button", { name: "Opslaan" }));
    await findAlert("Er zijn al meer mensen aangemeld dan dit aantal plekken.");

    await user.clear(screen.getByLabelText("Aantal plekken"));
    await user.type(screen.getByLabelText("Aantal plekken"), "8");
    set("Eindtijd", "12:30");
    await user.click(screen.getByRole("button", { name: "Opslaan" }));
    expect(await screen.findByText("De wijzigingen zijn opgeslagen.")).toBeInTheDocument();
    expect(api.find("PATCH", "/api/workdays/wd_weeding").map((c) => c.body)).toEqual([
      { capacity: 2 },
      { end: "2099-05-09T12:30:00+02:00", capacity: 8 },
    ]);
  });

  it("cancels a day only after saying who will be mailed", async () => {
    const user = userEvent.setup();
    const api = organiserApi({ day: workday({ confirmed: 2, waitlisted: 1 }) });
    renderApp("/workdays/wd_weeding");

    const organise = await screen.findByRole("region", { name: "Organiseren" });
    expect(within(organise).getByRole("link", { name: "Deelnemerslijst" })).toHaveAttribute(
      "href",
      "/workdays/wd_weeding/roster",
    );
    expect(within(organise).getByRole("link", { name: "Bewerken" })).toHaveAttribute("href", "/workdays/wd_weeding/edit");
    await user.click(within(organise).getByRole("button", { name: "Meewerkdag annuleren" }));
    const yes = within(organise).getByRole("button", { name: "Ja, annuleren" });
    expect(yes).toHaveFocus();
    expect(yes).toHaveAccessibleDescription(
      "3 mensen krijgen een mail dat deze dag niet doorgaat. Wil je de meewerkdag annuleren?",
    );
    await user.click(within(organise).getByRole("button", { name: "Nee, laten staan" }));
    expect(within(organise).getByRole("button", { name: "Meewerkdag annuleren" })).toHaveFocus();
    expect(api.find("POST", "/api/workdays/wd_weeding/cancel")).toHaveLength(0);

    await user.click(within(organise).getByRole("button", { name: "Meewerkdag annuleren" }));
    await user.click(within(organise).getByRole("button", { name: "Ja, annuleren" }));

    expect(
      await within(organise).findByText("De meewerkdag is geannuleerd. Wie zich had aangemeld, krijgt een mail."),
    ).toBeInTheDocument();
    expect(screen.getByText("Deze meewerkdag is geannuleerd.")).toBeInTheDocument();
    expect(within(organise).queryByRole("link", { name: "Bewerken" })).not.toBeInTheDocument();
    expect(api.find("POST", "/api/workdays/wd_weeding/cancel")).toHaveLength(1);
  });
});
