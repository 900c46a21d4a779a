import { screen, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { RosterEntry, WorkdayInfo, WorkdayRoster } from "../lib/workday";
import {
  apiError,
  coordinatorMe,
  findAlert,
  hoursFromNow,
  memberMe,
  mockApi,
  ok,
  renderApp,
  workday,
} from "../test-utils";
import type { Reply } from "../test-utils";

const entry = (personID: string, name: string, status: RosterEntry["status"], position: number): RosterEntry => ({
  personID,
  name,
  householdID: `hh_${personID}`,
  status,
  position,
  present: false,
  hours: null,
});

/** Three confirmed, two waiting (listed out of order, as the line is by position). */
function roster(day: WorkdayInfo): WorkdayRoster {
  return {
    workday: { ...day, confirmed: 3, waitlisted: 2 },
    entries: [
      entry("person_anna", "Anna de Vries", "confirmed", 1),
      entry("person_bas", "Bas Bakker", "confirmed", 2),
      entry("person_cor", "Cor Visser", "confirmed", 4),
      entry("person_eva", "Eva Smit", "waitlisted", 6),
      entry("person_dirk", "Dirk Dekker", "waitlisted", 5),
    ],
  };
}

const walkIns = [
  { personID: "person_fatma", name: "Fatma Öztürk", household: "Öztürk" },
  { personID: "person_eva", name: "Eva Smit", household: "Smit" },
];

function rosterApi(day: WorkdayInfo, attendance?: (present: string[]) => Reply | undefined) {
  let stored = roster(day);
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(coordinatorMe);
    if (call.path === `/api/workdays/${day.id}/roster`) return ok(stored);
    if (call.path === `/api/workdays/${day.id}/walk-ins`) return ok({ people: walkIns });
    if (call.path === `/api/workdays/${day.id}/attendance` && call.method === "POST") {
      const { present, hours = {} } = call.body as { present: string[]; hours?: Record<string, number> };
      const answered = attendance?.(present);
      if (answered) return answered;
      const known = new Set(stored.entries.map((e) => e.personID));
      const added = walkIns.filter((p) => present.includes(p.personID) && !known.has(p.personID));
      const entries = [...stored.entries, ...added.map((p) => entry(p.personID, p.name, "walk-in", 0))];
      stored = {
        ...stored,
        entries: entries.map((e) => ({ ...e, present: present.includes(e.personID), hours: present.includes(e.personID) ? (hours[e.personID] ?? 3) : null })),
      };
      return ok(stored);
    }
    return undefined;
  });
}

describe("the roster", () => {
  it("before the day starts: who comes and the waiting list in order, and that ticking comes later", async () => {
    rosterApi(workday());
    renderApp("/workdays/wd_weeding/roster");

    expect(await screen.findByRole("heading", { level: 1, name: "Deelnemerslijst" }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText("Wieden in de kas, za 9 mei 09:00–12:00, Kas 2")).toBeInTheDocument();
    const confirmed = screen.getByRole("region", { name: "Aangemeld (3 van 3)" });
    expect(confirmed).toHaveTextContent(
      "Wie er was, kun je aanvinken zodra de meewerkdag begonnen is: za 9 mei 09:00.",
    );
    expect(within(confirmed).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Anna de Vries",
      "Bas Bakker",
      "Cor Visser",
    ]);
    expect(within(confirmed).queryByRole("checkbox")).not.toBeInTheDocument();
    const waiting = screen.getByRole("region", { name: "Wachtlijst (2)" });
    expect(within(waiting).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Dirk Dekker", "Eva Smit"]);
  });

  it("once the day has started: ticks who came and saves it, crediting the hours", async () => {
    const user = userEvent.setup();
    const day = workday({ start: hoursFromNow(-2), end: hoursFromNow(1) });
    const api = rosterApi(day);
    renderApp("/workdays/wd_weeding/roster");

    const form = await screen.findByRole("group", { name: "Wie was er?" }, { timeout: 10_000 });
    expect(within(form).getAllByRole("checkbox")).toHaveLength(3);
    expect(screen.getByText("0 van 3 aangevinkt")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Iedereen aanvinken" }));
    expect(screen.getByText("3 van 3 aangevinkt")).toBeInTheDocument();
    await user.click(within(form).getByRole("checkbox", { name: "Bas Bakker" }));
    expect(within(form).getByRole("checkbox", { name: "Bas Bakker" })).not.toBeChecked();
    await user.click(screen.getByRole("button", { name: "Aanwezigheid opslaan" }));

    expect(
      await screen.findByText("Opgeslagen: 2 personen aanwezig, samen 6 uur, bijgeschreven bij hun eigen huishouden."),
    ).toBeInTheDocument();
    expect(api.find("POST", "/api/workdays/wd_weeding/attendance").map((c) => c.body)).toEqual([
      { present: ["person_anna", "person_cor"] },
    ]);
    expect(within(form).getByRole("checkbox", { name: "Anna de Vries" })).toBeChecked();
    // The answer is the new roster: it is not fetched again.
    expect(api.find("GET", "/api/workdays/wd_weeding/roster")).toHaveLength(1);
  });

  it("takes each person's own hours and someone who came without signing up", async () => {
    const user = userEvent.setup();
    const api = rosterApi(workday({ start: hoursFromNow(-2), end: hoursFromNow(1) }));
    renderApp("/workdays/wd_weeding/roster");

    const form = await screen.findByRole("group", { name: "Wie was er?" }, { timeout: 10_000 });
    await user.click(within(form).getByRole("checkbox", { name: "Anna de Vries" }));
    const hours = within(form).getByRole("spinbutton", { name: "Uren van Anna de Vries" });
    expect(hours).toHaveValue(3);
    await user.clear(hours);
    await user.type(hours, "1.5");
    await user.tab();

    await user.click(screen.getByText("Kwam er iemand zonder aanmelding?"));
    await user.type(await screen.findByRole("combobox", { name: "Zoek op naam" }), "öztürk");
    await user.click(await screen.findByRole("option", { name: /Fatma Öztürk/ }));
    const walkIn = within(form).getByRole("checkbox", { name: "Fatma Öztürk (zonder aanmelding)" });
    expect(walkIn).toBeChecked();
    await user.click(screen.getByRole("button", { name: "Aanwezigheid opslaan" }));

    expect(await screen.findByText("Opgeslagen: 2 personen aanwezig, samen 4,5 uur, bijgeschreven bij hun eigen huishouden.")).toBeInTheDocument();
    expect(api.find("POST", "/api/workdays/wd_weeding/attendance").map((c) => c.body)).toEqual([
      { present: ["person_anna", "person_fatma"], hours: { person_anna: 1.5 } },
    ]);
  }, 20_000);

  it("prints as a list to fill in: everyone expected, and lines for who comes unannounced", async () => {
    rosterApi(workday());
    renderApp("/workdays/wd_weeding/roster");
    const paper = (await screen.findByRole("columnheader", { name: "Aanwezig" }, { timeout: 5000 })).closest("table")!;
    expect(paper).toHaveClass("print-only");
    expect([...paper.querySelectorAll("tbody tr")].map((r) => r.textContent)).toEqual([
      "Anna de Vries",
      "Bas Bakker",
      "Cor Visser",
      "Zonder aanmelding",
      "", "", "", "", "", "",
    ]);
  });

  it("says so when the server finds the day has not started yet", async () => {
    const user = userEvent.setup();
    rosterApi(workday({ start: hoursFromNow(-1), end: hoursFromNow(2) }), () => apiError(409, "workday.not_started"));
    renderApp("/workdays/wd_weeding/roster");

    await user.click(await screen.findByRole("checkbox", { name: "Anna de Vries" }));
    await user.click(screen.getByRole("button", { name: "Aanwezigheid opslaan" }));

    await findAlert("Aanwezigheid aangeven kan pas als de meewerkdag begonnen is.");
  });

  it("is not for members", async () => {
    mockApi((call) => (call.path === "/api/me" ? ok(memberMe) : apiError(403, "auth.forbidden")));
    renderApp("/workdays/wd_weeding/roster");

    expect(await screen.findByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeInTheDocument();
  });
});
