import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { boardElection, electionApi, motionElection } from "../test-elections";
import { apiError, farmerMe, findAlert, renderApp } from "../test-utils";

describe("the list of votes", () => {
  it("shows open votes first, with their closing time and whether the household voted, then the finished ones", async () => {
    electionApi({
      elections: [
        boardElection({ id: "el_old", title: "Bestuursverkiezing 2098", status: "closed", closesAt: "2098-05-15T20:00:00+02:00" }),
        motionElection({ closesAt: "2099-05-20T20:00:00+02:00", me: { eligible: true, joinedAfterOpening: false, voted: true, canVoteFor: [], proxyTo: null } }),
        boardElection({ me: { eligible: true, joinedAfterOpening: false, voted: false, canVoteFor: ["hh_jansen"], proxyTo: null } }),
      ],
    });
    renderApp("/");

    const menu = await screen.findByRole("navigation", { name: "Hoofdmenu" });
    await userEvent.setup().click(within(menu).getByRole("link", { name: "Stemmen" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Stemmen" })).toBeInTheDocument();
    const open = await screen.findByRole("region", { name: "Nu open" });
    const items = within(open).getAllByRole("listitem");
    expect(items.map((li) => within(li).getByRole("heading").textContent)).toEqual([
      "Bestuursverkiezing 2099",
      "Begroting 2099",
    ]);
    expect(items[0]).toHaveTextContent("Bestuursverkiezing · Sluit vr 15 mei 20:00");
    expect(items[0]).toHaveTextContent("Nog niet gestemd");
    expect(items[0]).toHaveTextContent("Je kunt ook namens 1 ander huishouden stemmen");
    expect(items[0]).toHaveTextContent("12 van 40 huishoudens hebben gestemd");
    expect(items[1]).toHaveTextContent("Voorstel · Sluit wo 20 mei 20:00");
    expect(items[1]).toHaveTextContent("Jullie hebben gestemd");
    const finished = screen.getByRole("region", { name: "Afgelopen" });
    expect(within(finished).getByRole("link", { name: "Bekijk de uitslag" })).toHaveAttribute("href", "/elections/el_old");
    // Members make no votes.
    expect(screen.queryByRole("link", { name: "Nieuwe stemming" })).not.toBeInTheDocument();
    expect(within(menu).getByRole("link", { name: "Stemmen" })).toHaveAttribute("aria-current", "page");
  });

  it("is not in the farmer's menu", async () => {
    electionApi({ me: farmerMe });
    renderApp("/");
    const menu = await screen.findByRole("navigation", { name: "Hoofdmenu" });
    expect(within(menu).queryByRole("link", { name: "Stemmen" })).not.toBeInTheDocument();
  });
});

describe("the ballot of a board election", () => {
  it("takes at most `seats` ticks, shows the choice before casting, and then the tracker with what it is for", async () => {
    const user = userEvent.setup();
    const api = electionApi();
    renderApp("/elections/el_board");

    expect(await screen.findByRole("heading", { level: 1, name: "Bestuursverkiezing 2099" })).toBeInTheDocument();
    // Statements and the description are plain text: the markup shows as typed.
    expect(screen.getByText("Ik wil de boerderij <b>financieel</b> gezond houden.")).toBeInTheDocument();
    expect(document.querySelector(".description")?.textContent).toBe("Twee zetels zijn vrij.\n<b>Geen HTML</b>");
    expect(document.querySelector("b")).toBeNull();
    expect(screen.getByText("Geen verklaring.")).toBeInTheDocument();

    const vote = screen.getByRole("region", { name: "Jullie stem" });
    const group = within(vote).getByRole("group", { name: "Kies hoogstens 2" });
    expect(within(vote).getByText("0 van 2 gekozen")).toBeInTheDocument();
    await user.click(within(group).getByRole("checkbox", { name: "Anne de Vries" }));
    await user.click(within(group).getByRole("checkbox", { name: "Cor Visser" }));
    expect(within(vote).getByText("2 van 2 gekozen")).toBeInTheDocument();

    // A third tick is taken back, with the reason.
    const bram = within(group).getByRole("checkbox", { name: "Bram Jansen" });
    await user.click(bram);
    expect(bram).not.toBeChecked();
    expect(within(vote).getAllByRole("status")[0]).toHaveTextContent(
      "2 van 2 gekozenJe hebt er al 2 gekozen, het maximum. Haal eerst een vinkje weg om iemand anders te kiezen.",
    );
    await user.click(within(group).getByRole("checkbox", { name: "Cor Visser" }));
    await user.click(bram);
    expect(bram).toBeChecked();
    expect(within(vote).getByText("2 van 2 gekozen")).toBeInTheDocument();

    await user.click(within(vote).getByRole("button", { name: "Verder" }));
    const check = within(vote).getByRole("region", { name: "Controleer je stem" });
    expect(within(check).getByRole("heading", { name: "Controleer je stem" })).toHaveFocus();
    expect(within(check).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Anne de Vries", "Bram Jansen"]);
    const cast = within(check).getByRole("button", { name: "Stem uitbrengen" });
    expect(cast).toHaveAccessibleDescription("Je stem is geheim en kan daarna niet meer worden gewijzigd.");
    expect(api.find("POST", "/api/elections/el_board/ballots")).toHaveLength(0);

    // Back to change it: the ticks are still there.
    await user.click(within(check).getByRole("button", { name: "Terug, ik wil iets veranderen" }));
    expect(within(group).getByRole("checkbox", { name: "Anne de Vries" })).toBeChecked();
    await user.click(within(vote).getByRole("button", { name: "Verder" }));
    await user.click(within(check).getByRole("button", { name: "Stem uitbrengen" }));

    const code = await within(vote).findByLabelText("Je controlecode");
    expect(code).toHaveValue("7K2M-QX9D-3FTR");
    expect(code).toHaveAttribute("readonly");
    expect(within(vote).getByRole("heading", { name: "Je stem is geteld" })).toHaveFocus();
    expect(vote).toHaveTextContent("niet bij jou, je huishouden of het tijdstip");
    expect(vote).toHaveTextContent("Na het sluiten publiceren we de lijst met alle getelde stemmen");
    expect(vote).toHaveTextContent("Bewaar de code: kopieer hem of schrijf hem op.");
    expect(api.find("POST", "/api/elections/el_board/ballots").map((c) => c.body)).toEqual([{ choices: ["c1", "c2"] }]);

    await user.click(within(vote).getByRole("button", { name: "Code kopiëren" }));
    expect(await within(vote).findByText("De code is gekopieerd.")).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe("7K2M-QX9D-3FTR");
    // The turnout follows, without any choice; giving a proxy is no longer offered.
    expect(screen.getByRole("region", { name: "Opkomst" })).toHaveTextContent("13 van 40 huishoudens hebben gestemd (32,5%)");
    expect(screen.queryByText("Kun je niet stemmen? Geef een volmacht")).not.toBeInTheDocument();
  });

  it("says so when the household has voted meanwhile, and shows it as voted", async () => {
    const user = userEvent.setup();
    electionApi({ cast: () => apiError(409, "election.already_voted") });
    renderApp("/elections/el_board");

    const vote = await screen.findByRole("region", { name: "Jullie stem" });
    await user.click(within(vote).getByRole("checkbox", { name: "Bram Jansen" }));
    await user.click(within(vote).getByRole("button", { name: "Verder" }));
    await user.click(within(vote).getByRole("button", { name: "Stem uitbrengen" }));

    await findAlert("Voor dit huishouden is al gestemd, misschien door iemand anders van het huishouden.");
    expect(await within(vote).findByText("Jullie huishouden heeft gestemd.")).toBeInTheDocument();
    expect(within(vote).queryByRole("checkbox")).not.toBeInTheDocument();
    expect(within(vote).queryByLabelText("Je controlecode")).not.toBeInTheDocument();
  });

  it("says why when the household is not on the frozen roll", async () => {
    electionApi({ elections: [boardElection({ me: { eligible: false, joinedAfterOpening: false, voted: false, canVoteFor: [], proxyTo: null } })] });
    renderApp("/elections/el_board");

    const vote = await screen.findByRole("region", { name: "Jullie stem" });
    expect(vote).toHaveTextContent("Jullie huishouden staat niet op de kiezerslijst van deze stemming.");
    expect(within(vote).queryByRole("checkbox")).not.toBeInTheDocument();
  });

  it("says why someone who joined the household after the opening does not vote for it", async () => {
    electionApi({ elections: [boardElection({ me: { eligible: false, joinedAfterOpening: true, voted: false, canVoteFor: [], proxyTo: null } })] });
    renderApp("/elections/el_board");

    const vote = await screen.findByRole("region", { name: "Jullie stem" });
    expect(vote).toHaveTextContent("Je hoort pas sinds het openen van deze stemming bij jullie huishouden.");
    expect(within(vote).queryByRole("checkbox")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Volmacht geven/ })).not.toBeInTheDocument();
  });
});

describe("the ballot of a motion", () => {
  it("asks for, against or abstain, and sends the vote after the confirmation", async () => {
    const user = userEvent.setup();
    const api = electionApi({ elections: [motionElection()], tracker: "AB12-CD34-EF56" });
    renderApp("/elections/el_budget");

    expect(await screen.findByText("Twee derde: minstens twee derde van de stemmen voor en tegen is voor")).toBeInTheDocument();
    const vote = screen.getByRole("region", { name: "Jullie stem" });
    const options = within(vote).getByRole("group", { name: "Jouw stem" });
    expect(within(options).getAllByRole("radio").map((r) => r.nextSibling?.textContent)).toEqual(["Voor", "Tegen", "Onthouding"]);

    await user.click(within(vote).getByRole("button", { name: "Verder" }));
    expect(within(options).getByRole("radio", { name: "Voor" })).toHaveFocus();
    expect(within(options).getByRole("radio", { name: "Voor" })).toHaveAccessibleDescription("Kies voor, tegen of onthouden.");

    await user.click(within(options).getByRole("radio", { name: "Tegen" }));
    await user.click(within(vote).getByRole("button", { name: "Verder" }));
    expect(within(vote).getByText("Je stemt: Tegen.")).toBeInTheDocument();
    await user.click(within(vote).getByRole("button", { name: "Stem uitbrengen" }));

    expect(await within(vote).findByLabelText("Je controlecode")).toHaveValue("AB12-CD34-EF56");
    expect(api.find("POST", "/api/elections/el_budget/ballots").map((c) => c.body)).toEqual([{ vote: "no" }]);
  });
});

describe("proxies", () => {
  it("gives the household's vote to a household found by name, and withdraws it while unused", async () => {
    const user = userEvent.setup();
    const api = electionApi();
    renderApp("/elections/el_board");

    await screen.findByRole("region", { name: "Jullie stem" });
    await user.click(screen.getByText("Kun je niet stemmen? Geef een volmacht"));
    const search = await screen.findByLabelText("Zoek het huishouden op naam");
    const group = screen.getByRole("group", { name: "Aan welk huishouden?" });
    // The caller's own household is not offered.
    expect(within(group).queryByRole("radio", { name: "Familie De Vries" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Volmacht geven" }));
    expect(await screen.findByText("Kies eerst een huishouden.")).toBeInTheDocument();
    expect(api.find("POST", "/api/elections/el_board/proxies")).toHaveLength(0);

    await user.type(search, "jans");
    expect(within(group).getAllByRole("radio").map((r) => r.nextSibling?.textContent)).toEqual(["Familie Jansen", "Janssen"]);
    expect(screen.getByText("2 van 4 huishoudens")).toBeInTheDocument();
    await user.click(within(group).getByRole("radio", { name: "Familie Jansen" }));
    await user.click(screen.getByRole("button", { name: "Volmacht geven aan Familie Jansen" }));

    const vote = screen.getByRole("region", { name: "Jullie stem" });
    expect(await within(vote).findByText("Jullie hebben een volmacht gegeven aan Familie Jansen.")).toBeInTheDocument();
    expect(within(vote).getByRole("heading", { name: "Volmacht gegeven" })).toHaveFocus();
    expect(within(vote).queryByRole("checkbox")).not.toBeInTheDocument();
    expect(api.find("POST", "/api/elections/el_board/proxies").map((c) => c.body)).toEqual([{ toHouseholdID: "hh_jansen" }]);

    await user.click(within(vote).getByRole("button", { name: "Volmacht intrekken" }));
    expect(await within(vote).findByText("De volmacht is ingetrokken. Jullie kunnen nu zelf stemmen.")).toBeInTheDocument();
    expect(within(vote).getByRole("checkbox", { name: "Anne de Vries" })).toBeInTheDocument();
    await waitFor(() => expect(within(vote).getByRole("heading", { name: "Jullie stem" })).toHaveFocus());
    expect(api.find("DELETE", "/api/elections/el_board/proxies")).toHaveLength(1);
  });

  it("says so when the other household already holds the most proxies", async () => {
    const user = userEvent.setup();
    electionApi({ grant: () => apiError(409, "election.proxy_limit") });
    renderApp("/elections/el_board");

    await user.click(await screen.findByText("Kun je niet stemmen? Geef een volmacht"));
    await user.click(await screen.findByRole("radio", { name: "Bakker" }));
    await user.click(screen.getByRole("button", { name: "Volmacht geven aan Bakker" }));

    await findAlert("Dit huishouden heeft al het hoogste aantal volmachten dat mag. Kies een ander huishouden.");
  });

  it("says who voted with the proxy once it was used", async () => {
    electionApi({ elections: [boardElection({ me: { eligible: true, joinedAfterOpening: false, voted: true, canVoteFor: [], proxyTo: "hh_jansen" } })] });
    renderApp("/elections/el_board");

    const vote = await screen.findByRole("region", { name: "Jullie stem" });
    expect(await within(vote).findByText("Familie Jansen heeft met jullie volmacht namens jullie gestemd.")).toBeInTheDocument();
    expect(within(vote).queryByRole("button", { name: "Volmacht intrekken" })).not.toBeInTheDocument();
  });

  it("gives the holder of a proxy a second ballot on behalf of the other household", async () => {
    const user = userEvent.setup();
    const api = electionApi({
      elections: [boardElection({ me: { eligible: true, joinedAfterOpening: false, voted: true, canVoteFor: ["hh_jansen"], proxyTo: null } })],
      tracker: "ZZ99-YY88-XX77",
    });
    renderApp("/elections/el_board");

    expect(await screen.findByText("Jullie huishouden heeft gestemd.")).toBeInTheDocument();
    const behalf = await screen.findByRole("region", { name: "Namens Familie Jansen" });
    expect(behalf).toHaveTextContent("Familie Jansen heeft jullie een volmacht gegeven");
    await user.click(within(behalf).getByRole("checkbox", { name: "Cor Visser" }));
    await user.click(within(behalf).getByRole("button", { name: "Verder" }));
    expect(within(behalf).getByText("Namens Familie Jansen.")).toBeInTheDocument();
    await user.click(within(behalf).getByRole("button", { name: "Stem uitbrengen" }));

    expect(await within(behalf).findByLabelText("Je controlecode")).toHaveValue("ZZ99-YY88-XX77");
    expect(within(behalf).getByRole("heading", { name: "De stem namens Familie Jansen is geteld" })).toBeInTheDocument();
    expect(api.find("POST", "/api/elections/el_board/ballots").map((c) => c.body)).toEqual([
      { choices: ["c3"], onBehalfOf: "hh_jansen" },
    ]);
    expect(screen.getByRole("region", { name: "Opkomst" })).toHaveTextContent(
      "13 van 40 huishoudens hebben gestemd (32,5%), waarvan 3 met een volmacht",
    );
  });
});
