import { screen, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { CountedBallot, ElectionResults } from "../lib/election";
import { boardElection, electionApi, motionElection } from "../test-elections";
import { renderApp } from "../test-utils";

const closed = { status: "closed" as const, me: { eligible: true, joinedAfterOpening: false, voted: true, canVoteFor: [], proxyTo: null } };

const votes = (option: string, name: string, count: number) => ({ option, name, votes: count });

/** 30 of 40 voted for 2 seats: Anne elected, Bram and Cor tied for the second seat. */
const boardResults: ElectionResults = {
  eligible: 40,
  voted: 30,
  turnoutPercent: 75,
  quorumPercent: 50,
  quorumMet: true,
  tally: [votes("c1", "Anne de Vries", 21), votes("c2", "Bram Jansen", 12), votes("c3", "Cor Visser", 12)],
  winners: ["c1"],
  tied: ["c2", "c3"],
};

const ballots: CountedBallot[] = [
  { tracker: "0A1B-2C3D-4E5F", choices: ["c1", "c2"] },
  { tracker: "7K2M-QX9D-3FTR", choices: ["c1", "c3"] },
  { tracker: "7KZZ-0000-1111", choices: [] },
];

describe("the result of a board election", () => {
  it("names the elected, reports the tie as a tie, and shows the counts as bars with their numbers and as a table", async () => {
    const user = userEvent.setup();
    electionApi({ elections: [boardElection(closed)], results: boardResults, trackers: ballots });
    renderApp("/elections/el_board");

    const results = await screen.findByRole("region", { name: "Uitslag" });
    await within(results).findByRole("figure");
    expect(results.querySelector(".outcome")).toHaveTextContent(/^GekozenAnne de VriesGelijke stand:/);
    expect(results).toHaveTextContent(
      "Gelijke stand: Bram Jansen en Cor Visser kregen evenveel stemmen voor de laatste zetel. Zij zijn geen van allen gekozen",
    );
    expect(results).toHaveTextContent("Opkomst30 van 40 huishoudens (75%)");
    expect(results).toHaveTextContent("Quorum50% nodig: gehaald");

    const chart = within(results).getByRole("figure", { name: /Stemmen per kandidaat/ });
    const bars = within(chart).getAllByRole("listitem");
    expect(bars.map((b) => b.textContent)).toEqual([
      "Anne de VriesGekozen21 stemmen (70%)",
      "Bram JansenGelijke stand12 stemmen (40%)",
      "Cor VisserGelijke stand12 stemmen (40%)",
    ]);
    const meter = bars[0]!.querySelector("meter")!;
    expect(meter).toHaveAttribute("value", "21");
    expect(meter).toHaveAttribute("max", "30");
    // Nothing is styled inline: the CSP allows no style attributes.
    expect(document.querySelector("[style]")).toBeNull();

    await user.click(within(results).getByText("Als tabel"));
    const table = within(results).getByRole("table", { name: "Stemmen per kandidaat" });
    expect(within(table).getAllByRole("row").map((r) => r.textContent)).toEqual([
      "KandidaatStemmenDeelUitslag",
      "Anne de Vries2170%Gekozen",
      "Bram Jansen1240%Gelijke stand",
      "Cor Visser1240%Gelijke stand",
    ]);
    // Closed: no ballot, no proxy, no turnout-in-progress.
    expect(screen.queryByRole("region", { name: "Jullie stem" })).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Opkomst" })).not.toBeInTheDocument();
  });

  it("leads with no valid result when the quorum was not met, names nobody as elected, and says when it closed", async () => {
    electionApi({
      elections: [boardElection(closed)],
      results: { ...boardResults, voted: 10, turnoutPercent: 25, quorumMet: false, winners: ["c1", "c2"], tied: [] },
    });
    renderApp("/elections/el_board");

    const results = await screen.findByRole("region", { name: "Uitslag" });
    expect(await within(results).findByText("50% nodig: niet gehaald")).toBeInTheDocument();
    // The first thing said is that there is no result, before any count.
    const lead = results.querySelector(".outcome");
    expect(lead).toHaveTextContent(/^Geen geldige uitslagHet quorum is niet gehaald/);
    expect(within(results).queryByText("Gekozen", { selector: ".outcome-title" })).not.toBeInTheDocument();
    expect(results).toHaveTextContent("Geslotenvr 15 mei 20:00");
  });
});

describe("the result of a motion", () => {
  it("says whether it was carried, by which majority, and that abstentions do not count for it", async () => {
    electionApi({
      elections: [motionElection(closed)],
      results: {
        ...boardResults,
        quorumPercent: null,
        tally: [votes("yes", "yes", 18), votes("no", "no", 10), votes("abstain", "abstain", 2)],
        winners: ["no"],
        tied: [],
        passed: false,
      },
    });
    renderApp("/elections/el_budget");

    const results = await screen.findByRole("region", { name: "Uitslag" });
    expect(await within(results).findByText("Verworpen")).toBeInTheDocument();
    expect(results).toHaveTextContent("18 voor, 10 tegen: de meerderheid is niet gehaald.");
    expect(results).toHaveTextContent("Onthoudingen tellen mee voor de opkomst, niet voor de meerderheid.");
    expect(results).toHaveTextContent("QuorumGeen quorum");
    const bars = within(within(results).getByRole("figure", { name: /Stemmen per keuze/ })).getAllByRole("listitem");
    expect(bars.map((b) => b.textContent)).toEqual(["Voor18 stemmen (60%)", "Tegen10 stemmen (33,3%)", "Onthouding2 stemmen (6,7%)"]);
  });
});

describe("the published trackers", () => {
  it("finds the tracker however it was written down, marks it and says what was counted", async () => {
    const user = userEvent.setup();
    electionApi({ elections: [boardElection(closed)], results: boardResults, trackers: ballots });
    renderApp("/elections/el_board");

    const list = await screen.findByRole("region", { name: "Alle getelde stemmen" });
    const table = await within(list).findByRole("table", { name: "Getelde stemmen (3)" });
    expect(within(table).getAllByRole("row").map((r) => r.textContent)).toEqual([
      "ControlecodeOp de stem",
      "0A1B-2C3D-4E5FAnne de Vries, Bram Jansen",
      "7K2M-QX9D-3FTRAnne de Vries, Cor Visser",
      "7KZZ-0000-1111blanco (niemand gekozen)",
    ]);

    const search = within(list).getByLabelText("Zoek je controlecode");
    expect(search).toHaveAccessibleDescription("Zoals 7K2M-QX9D-3FTR. Streepjes en hoofdletters maken niet uit.");
    await user.type(search, "7k");
    expect(within(list).getByText("2 codes passen hierbij.")).toBeInTheDocument();
    expect(within(table).getAllByRole("row")).toHaveLength(3);

    // Lower case, no dashes, and an O for the zero.
    await user.clear(search);
    await user.type(search, "7k2mqx9d3ftr");
    expect(within(list).getByRole("status")).toHaveTextContent("Gevonden. Je stem is geteld als: Anne de Vries, Cor Visser");
    const row = within(table).getAllByRole("row")[1]!;
    expect(row).toHaveAttribute("aria-current", "true");
    expect(row).toHaveClass("match");
    expect(row.querySelector("mark")).toHaveTextContent("7K2M-QX9D-3FTR");

    await user.clear(search);
    await user.type(search, "0a1b 2c3d 4e5f");
    expect(within(list).getByRole("status")).toHaveTextContent("Je stem is geteld als: Anne de Vries, Bram Jansen");
    await user.clear(search);
    await user.type(search, "7KZZ-OOOO-IIII");
    expect(within(list).getByRole("status")).toHaveTextContent("Je stem is geteld als: blanco (niemand gekozen)");

    await user.clear(search);
    await user.type(search, "AAAA-BBBB-CCCC");
    expect(within(list).getByRole("status")).toHaveTextContent("Deze code staat niet in de lijst.");
  });
});
