import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { AuditEvent } from "../lib/election";
import { boardElection, electionApi, motionElection } from "../test-elections";
import { apiError, boardMe, findAlert, memberMe, renderApp } from "../test-utils";

/** Date and time fields take their value as the browser would set it. */
function set(field: HTMLElement, value: string) {
  fireEvent.input(field, { target: { value } });
}

function when(legend: string) {
  const group = screen.getByRole("group", { name: legend });
  return { date: within(group).getByLabelText("Datum"), time: within(group).getByLabelText("Tijd") };
}

describe("making a vote", () => {
  it("tells the API's issues at their fields: closing before opening, a candidate without a name", async () => {
    const user = userEvent.setup();
    const api = electionApi({
      me: boardMe,
      create: () =>
        apiError(400, "input.invalid", [
          { path: "closesAt", message: "Closing must be after opening." },
          { path: "candidates.1.name", message: "Too small" },
        ]),
    });
    renderApp("/elections");

    await user.click(await screen.findByRole("link", { name: "Nieuwe stemming" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Nieuwe stemming" })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: /^Bestuursverkiezing/ })).toBeChecked();
    await user.type(screen.getByLabelText("Titel"), "Bestuursverkiezing 2099");
    set(when("Opent").date, "2099-05-01");
    set(when("Opent").time, "09:00");
    set(when("Sluit").date, "2099-04-20");
    set(when("Sluit").time, "20:00");
    await user.clear(screen.getByLabelText("Aantal zetels"));
    await user.type(screen.getByLabelText("Aantal zetels"), "2");
    const first = screen.getByRole("group", { name: "Kandidaat 1" });
    await user.type(within(first).getByLabelText("Naam"), "Anne de Vries");
    await user.type(within(first).getByLabelText("Verklaring"), "Ik wil de boerderij gezond houden.");
    await user.click(screen.getByRole("button", { name: "Concept opslaan" }));

    await findAlert("Niet alles is goed ingevuld. Kijk bij de velden wat er moet veranderen.");
    const closes = when("Sluit").date;
    expect(closes).toHaveAttribute("aria-invalid", "true");
    expect(closes).toHaveAccessibleDescription("Kies een datum en tijd voor het sluiten, na de opening.");
    expect(when("Opent").date).not.toHaveAttribute("aria-invalid");
    const second = within(screen.getByRole("group", { name: "Kandidaat 2" })).getByLabelText("Naam");
    expect(second).toHaveAttribute("aria-invalid", "true");
    expect(second).toHaveAccessibleDescription("Vul de naam van de kandidaat in, hoogstens 100 tekens.");
    // The times are read on the Amsterdam clock, with that day's offset.
    expect(api.find("POST", "/api/elections").map((c) => c.body)).toEqual([
      {
        kind: "board",
        title: "Bestuursverkiezing 2099",
        opensAt: "2099-05-01T09:00:00+02:00",
        closesAt: "2099-04-20T20:00:00+02:00",
        seats: 2,
        candidates: [
          { name: "Anne de Vries", statement: "Ik wil de boerderij gezond houden." },
          { name: "", statement: "" },
        ],
      },
    ]);
  });

  it("makes a motion with its majority and quorum, and opens the draft", async () => {
    const user = userEvent.setup();
    const api = electionApi({ me: boardMe, elections: [] });
    renderApp("/elections/new");

    await user.click(await screen.findByRole("radio", { name: /^Voorstel/ }));
    expect(screen.queryByLabelText("Aantal zetels")).not.toBeInTheDocument();
    expect(screen.queryByRole("group", { name: "Kandidaten" })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText("Titel"), "Begroting 2099");
    await user.type(screen.getByLabelText("Toelichting"), "De stukken staan in de mail.");
    await user.click(screen.getByRole("radio", { name: /^Twee derde/ }));
    await user.type(screen.getByLabelText("Quorum (procent van de huishoudens)"), "50");
    set(when("Opent").date, "2099-01-10");
    set(when("Opent").time, "09:00");
    set(when("Sluit").date, "2099-01-24");
    set(when("Sluit").time, "21:00");
    await user.click(screen.getByRole("button", { name: "Concept opslaan" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Begroting 2099" })).toBeInTheDocument();
    expect(screen.getByText("Concept: de leden zien deze stemming nog niet.")).toBeInTheDocument();
    expect(api.find("POST", "/api/elections").map((c) => c.body)).toEqual([
      {
        kind: "motion",
        title: "Begroting 2099",
        description: "De stukken staan in de mail.",
        opensAt: "2099-01-10T09:00:00+01:00",
        closesAt: "2099-01-24T21:00:00+01:00",
        quorumPercent: 50,
        majority: "two-thirds",
      },
    ]);
  });

  it("is not there for members", async () => {
    electionApi({ me: memberMe });
    renderApp("/elections/new");
    expect(await screen.findByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeInTheDocument();
  });
});

describe("editing a draft", () => {
  it("sends only what changed, candidates as a whole", async () => {
    const user = userEvent.setup();
    const api = electionApi({ me: boardMe, elections: [boardElection({ status: "draft" })] });
    renderApp("/elections/el_board/edit");

    const title = await screen.findByLabelText("Titel");
    expect(title).toHaveValue("Bestuursverkiezing 2099");
    expect(when("Sluit").date).toHaveValue("2099-05-15");
    expect(when("Sluit").time).toHaveValue("20:00");
    expect(screen.queryByRole("radio", { name: /^Voorstel/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Opslaan" }));
    expect(await screen.findByText("Er is niets gewijzigd.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Kandidaat 3 weghalen" }));
    set(when("Sluit").time, "21:00");
    await user.click(screen.getByRole("button", { name: "Opslaan" }));
    expect(await screen.findByText("De wijzigingen zijn opgeslagen.")).toBeInTheDocument();
    expect(api.find("PATCH", "/api/elections/el_board").map((c) => c.body)).toEqual([
      {
        closesAt: "2099-05-15T21:00:00+02:00",
        candidates: [
          { name: "Anne de Vries", statement: "Ik wil de boerderij <b>financieel</b> gezond houden." },
          { name: "Bram Jansen", statement: "Meer meewerkdagen voor gezinnen." },
        ],
      },
    ]);
  });

  it("says an opened vote can no longer change", async () => {
    electionApi({ me: boardMe });
    renderApp("/elections/el_board/edit");
    expect(await screen.findByText("Deze stemming is al geopend en kan niet meer worden gewijzigd.")).toBeInTheDocument();
    expect(screen.queryByLabelText("Titel")).not.toBeInTheDocument();
  });
});

describe("opening and closing", () => {
  it("opens a draft and closes it only after saying what follows, and then shows the result", async () => {
    const user = userEvent.setup();
    const api = electionApi({
      me: boardMe,
      elections: [motionElection({ status: "draft" })],
      results: {
        eligible: 40,
        voted: 0,
        turnoutPercent: 0,
        quorumPercent: null,
        quorumMet: true,
        tally: [
          { option: "yes", name: "yes", votes: 0 },
          { option: "no", name: "no", votes: 0 },
          { option: "abstain", name: "abstain", votes: 0 },
        ],
        winners: ["no"],
        tied: [],
        passed: false,
      },
    });
    renderApp("/elections/el_budget");

    const manage = await screen.findByRole("region", { name: "Beheer" });
    expect(within(manage).getByRole("link", { name: "Bewerken" })).toHaveAttribute("href", "/elections/el_budget/edit");
    expect(within(manage).getByRole("link", { name: "Logboek" })).toHaveAttribute("href", "/elections/el_budget/audit");
    await user.click(within(manage).getByRole("button", { name: "Nu openen" }));
    const yes = within(manage).getByRole("button", { name: "Ja, nu openen" });
    expect(yes).toHaveFocus();
    expect(yes).toHaveAccessibleDescription(/^Bij het openen wordt de kiezerslijst vastgelegd/);
    await user.click(within(manage).getByRole("button", { name: "Annuleren" }));
    expect(within(manage).getByRole("button", { name: "Nu openen" })).toHaveFocus();
    expect(api.find("POST", "/api/elections/el_budget/open")).toHaveLength(0);

    await user.click(within(manage).getByRole("button", { name: "Nu openen" }));
    await user.click(within(manage).getByRole("button", { name: "Ja, nu openen" }));
    expect(await within(manage).findByText("De stemming is open. De leden krijgen een mail.")).toBeInTheDocument();
    expect(within(manage).queryByRole("link", { name: "Bewerken" })).not.toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Opkomst" })).toHaveTextContent("0 van 40 huishoudens hebben gestemd (0%)");
    // The board member's own household votes like any other.
    expect(screen.getByRole("region", { name: "Jullie stem" })).toBeInTheDocument();

    await user.click(within(manage).getByRole("button", { name: "Nu sluiten" }));
    expect(within(manage).getByRole("button", { name: "Ja, nu sluiten" })).toHaveAccessibleDescription(
      /^Nu hebben 0 van de 40 huishoudens gestemd\. Na het sluiten kan niemand meer stemmen/,
    );
    await user.click(within(manage).getByRole("button", { name: "Ja, nu sluiten" }));

    expect(await within(manage).findByText("De stemming is gesloten en de uitslag is gepubliceerd.")).toBeInTheDocument();
    await waitFor(() => expect(within(manage).getByRole("heading", { name: "Beheer" })).toHaveFocus());
    expect(await screen.findByText("Verworpen")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Opkomst" })).not.toBeInTheDocument();
    expect(api.find("POST", "/api/elections/el_budget/close")).toHaveLength(1);
  });

  it("is not offered to members", async () => {
    electionApi({ me: memberMe });
    renderApp("/elections/el_board");
    await screen.findByRole("region", { name: "Jullie stem" });
    expect(screen.queryByRole("region", { name: "Beheer" })).not.toBeInTheDocument();
  });
});

describe("the log", () => {
  it("lists what happened, when and by whom, with households by name and no ballot contents", async () => {
    const audit: AuditEvent[] = [
      { id: "ev_3", actorID: "person_anna", action: "election.proxy_granted", data: { from: "hh_devries", to: "hh_jansen" }, at: "2099-05-02T10:15:00.000Z" },
      { id: "ev_1", actorID: "person_bert", action: "election.created", data: { title: "Bestuursverkiezing 2099", kind: "board" }, at: "2099-04-20T08:00:00.000Z" },
      { id: "ev_2", actorID: "person_other", action: "election.edited", data: { fields: ["closesAt", "candidates"] }, at: "2099-04-21T08:00:00.000Z" },
      { id: "ev_4", actorID: "system", action: "election.opened", data: { eligible: 40 }, at: "2099-05-01T07:00:00.000Z" },
      { id: "ev_5", actorID: "system", action: "election.closed", data: { voted: 30, eligible: 40 }, at: "2099-05-15T18:00:00.000Z" },
    ];
    electionApi({ me: boardMe, elections: [boardElection({ status: "closed" })], audit });
    renderApp("/elections/el_board/audit");

    const table = await screen.findByRole("table", { name: "Logboek" });
    await within(table).findByText("Volmacht van Familie De Vries aan Familie Jansen");
    expect(within(table).getAllByRole("row").map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ["Wanneer", "Wie", "Wat"],
      ["ma 20 april 10:00", "Jij", "Aangemaakt: ‘Bestuursverkiezing 2099’"],
      ["di 21 april 10:00", "Iemand van het bestuurperson_other", "Bewerkt: sluiting, kandidaten"],
      ["vr 1 mei 09:00", "Automatisch, op de ingestelde tijd", "Geopend; op de kiezerslijst: 40 huishoudens"],
      ["za 2 mei 12:15", "Iemand van Familie De Vries", "Volmacht van Familie De Vries aan Familie Jansen"],
      ["vr 15 mei 20:00", "Automatisch, op de ingestelde tijd", "Gesloten; 30 van 40 huishoudens stemden"],
    ]);
  });

  it("is not there for members", async () => {
    electionApi({ me: memberMe });
    renderApp("/elections/el_board/audit");
    expect(await screen.findByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeInTheDocument();
  });
});
