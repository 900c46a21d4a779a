import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { boardElection, electionApi, motionElection } from "../test-elections";
import { boardMe, renderApp } from "../test-utils";

describe("deleting a draft vote", () => {
  it("asks first, deletes it and goes back to the list without it", async () => {
    const user = userEvent.setup();
    const api = electionApi({ me: boardMe, elections: [motionElection({ status: "draft" }), boardElection()] });
    renderApp("/elections/el_budget");

    const manage = await screen.findByRole("region", { name: "Beheer" }, { timeout: 10_000 });
    await user.click(within(manage).getByRole("button", { name: "Concept verwijderen" }));
    const yes = within(manage).getByRole("button", { name: "Ja, verwijderen" });
    expect(yes).toHaveAccessibleDescription(/^Het concept wordt helemaal verwijderd\. Dat kan niet ongedaan worden gemaakt\./);
    await user.click(within(manage).getByRole("button", { name: "Annuleren" }));
    expect(api.find("DELETE", "/api/elections/el_budget")).toHaveLength(0);

    await user.click(within(manage).getByRole("button", { name: "Concept verwijderen" }));
    await user.click(within(manage).getByRole("button", { name: "Ja, verwijderen" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Stemmen" }, { timeout: 10_000 })).toBeInTheDocument();
    await waitFor(() => expect(window.location.pathname).toBe("/elections"));
    expect(await screen.findByText("Bestuursverkiezing 2099")).toBeInTheDocument();
    expect(screen.queryByText("Begroting 2099")).not.toBeInTheDocument();
    expect(api.find("DELETE", "/api/elections/el_budget")).toHaveLength(1);
  }, 20_000);

  it("is not offered once the vote opened", async () => {
    electionApi({ me: boardMe, elections: [boardElection()] });
    renderApp("/elections/el_board");
    const manage = await screen.findByRole("region", { name: "Beheer" }, { timeout: 10_000 });
    expect(within(manage).queryByRole("button", { name: "Concept verwijderen" })).not.toBeInTheDocument();
  });
});

describe("closing a vote against its quorum", () => {
  it("says before closing that the quorum is missed and there will be no valid result", async () => {
    const user = userEvent.setup();
    // 12 of 40 voted; a quorum of 50% takes 20
    electionApi({ me: boardMe, elections: [boardElection()] });
    renderApp("/elections/el_board");
    const manage = await screen.findByRole("region", { name: "Beheer" }, { timeout: 10_000 });
    await user.click(within(manage).getByRole("button", { name: "Nu sluiten" }));
    const yes = within(manage).getByRole("button", { name: "Ja, sluiten zonder geldige uitslag" });
    expect(yes).toHaveAccessibleDescription(
      /^Het quorum van 50% is niet gehaald: daarvoor zijn 20 stemmen nodig, er zijn er 12\. Sluit je nu, dan is er geen geldige uitslag\. Nu hebben 12 van de 40/,
    );
  });

  it("says so when the quorum is met", async () => {
    const user = userEvent.setup();
    electionApi({ me: boardMe, elections: [boardElection({ turnout: { eligible: 40, voted: 20, byProxy: 0 } })] });
    renderApp("/elections/el_board");
    const manage = await screen.findByRole("region", { name: "Beheer" }, { timeout: 10_000 });
    await user.click(within(manage).getByRole("button", { name: "Nu sluiten" }));
    expect(within(manage).getByRole("button", { name: "Ja, nu sluiten" })).toHaveAccessibleDescription(
      /^Het quorum van 50% \(20 huishoudens\) is gehaald\. Nu hebben 20 van de 40/,
    );
  });
});
