import { screen, waitFor } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ApplicationStatus } from "../lib/membership";
import { apiError, findAlert, mockApi, ok, renderApp } from "../test-utils";

function status(changes: Partial<ApplicationStatus> = {}): ApplicationStatus {
  return {
    id: "application_01",
    name: "Familie Bakker",
    adults: 2,
    children: 1,
    mouths: 2.5,
    certificate: "full",
    status: "waiting",
    position: 3,
    waiting: 12,
    appliedAt: "2027-03-01T09:30:00.000Z",
    offerExpiresAt: null,
    ...changes,
  };
}

describe("joining the waiting list", () => {
  it("applies without logging in, and asks to confirm with the link in the mail", async () => {
    const user = userEvent.setup();
    const api = mockApi((call) => {
      if (call.path === "/api/applications" && call.method === "POST") return { status: 202, body: { mailed: true } };
      return undefined;
    });
    renderApp("/apply");

    expect(await screen.findByRole("heading", { level: 1, name: "Aanmelden voor de wachtlijst" })).toBeInTheDocument();
    await user.type(screen.getByLabelText("Naam"), "Familie Bakker");
    await user.type(screen.getByLabelText("E-mailadres"), "bakker@voorbeeld.nl");
    const children = screen.getByLabelText("Kinderen");
    await user.clear(children);
    await user.type(children, "2");
    await user.click(screen.getByLabelText("Vegetarisch: geen vlees in het oogstaandeel"));
    await user.click(screen.getByRole("button", { name: "Aanmelden" }));

    const mailed = await screen.findByText("Kijk in je mail: we hebben een link gestuurd naar bakker@voorbeeld.nl.");
    expect(mailed.closest('[role="status"]')).not.toBeNull();
    expect(screen.getByText(/Bevestig je aanmelding met die link binnen 48 uur\. Pas dan sta je op de wachtlijst/)).toBeInTheDocument();
    expect(api.find("POST", "/api/applications")[0]?.body).toEqual({
      name: "Familie Bakker",
      email: "bakker@voorbeeld.nl",
      adults: 2,
      children: 2,
      vegetarian: true,
      locale: "nl",
    });
    // no place and no link on the screen: those go to the address only
    expect(screen.queryByText(/plek \d/)).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /aanmelding/i })).not.toBeInTheDocument();
    // Nobody is logged in: the screen never asks who is.
    expect(api.find("GET", "/api/me")).toHaveLength(0);
  });

  it("tells at the field what is wrong, and sends the chosen certificate", async () => {
    const user = userEvent.setup();
    const api = mockApi((call) => {
      if (call.path === "/api/applications")
        return apiError(400, "household.composition", [{ path: "certificate", message: "Half is for one mouth." }]);
      return undefined;
    });
    renderApp("/apply");

    await user.type(await screen.findByLabelText("Naam"), "Bakker");
    await user.type(screen.getByLabelText("E-mailadres"), "bakker@voorbeeld.nl");
    await user.click(screen.getByLabelText(/Half certificaat/));
    await user.click(screen.getByRole("button", { name: "Aanmelden" }));

    await findAlert("Het certificaat past niet bij het aantal monden.");
    expect(screen.getByRole("radio", { name: /Half certificaat/ })).toHaveAccessibleDescription(
      expect.stringContaining("Een half certificaat is voor precies 1 mond"),
    );
    expect((api.find("POST", "/api/applications")[0]?.body as { certificate: string }).certificate).toBe("half");
  });

  it("says at the name what a name may hold", async () => {
    const user = userEvent.setup();
    mockApi((call) =>
      call.path === "/api/applications"
        ? apiError(400, "input.invalid", [{ path: "name", message: "A name holds no web or mail address (put a space after a full stop)." }])
        : undefined,
    );
    renderApp("/apply");

    await user.type(await screen.findByLabelText("Naam"), "Bakker www.example.nl");
    await user.type(screen.getByLabelText("E-mailadres"), "bakker@voorbeeld.nl");
    await user.click(screen.getByRole("button", { name: "Aanmelden" }));

    await waitFor(() =>
      expect(screen.getByLabelText("Naam")).toHaveAccessibleDescription(expect.stringContaining("zonder webadres of e-mailadres")),
    );
    expect(screen.queryByText(/Kijk in je mail/)).not.toBeInTheDocument();
  });

  it("is linked from the login screen", async () => {
    mockApi((call) => (call.path === "/api/me" ? apiError(401, "auth.required") : undefined));
    renderApp("/login");

    expect(
      await screen.findByRole("link", { name: "Nog geen lid? Aanmelden voor de wachtlijst" }),
    ).toHaveAttribute("href", "/apply");
  });
});

describe("the application's own page", () => {
  it("shows the place in the list and lets the applicant leave it", async () => {
    const user = userEvent.setup();
    let current = status();
    const api = mockApi((call) => {
      if (call.path === "/api/applications/status/tok_abc" && call.method === "GET") return ok({ application: current });
      if (call.path === "/api/applications/status/tok_abc/withdraw") {
        current = status({ status: "withdrawn", position: null });
        return ok({ application: { id: current.id, status: "withdrawn" } });
      }
      return undefined;
    });
    renderApp("/apply/status/tok_abc");

    expect(await screen.findByText("Je staat op plek 3 van 12 op de wachtlijst.")).toBeInTheDocument();
    expect(screen.getByText("Familie Bakker")).toBeInTheDocument();
    expect(screen.getByText("2,5 monden")).toBeInTheDocument();
    expect(screen.getByText("Heel certificaat")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Van de wachtlijst af" }));
    const yes = screen.getByRole("button", { name: "Ja, van de wachtlijst af" });
    expect(yes).toHaveAccessibleDescription("Weet je het zeker? Je plek op de wachtlijst ben je dan kwijt.");
    expect(yes).toHaveFocus();
    await user.click(yes);

    expect(await screen.findByText("Je staat niet meer op de wachtlijst.")).toBeInTheDocument();
    expect(api.find("POST", "/api/applications/status/tok_abc/withdraw")).toHaveLength(1);
    expect(screen.queryByRole("button", { name: "Van de wachtlijst af" })).not.toBeInTheDocument();
  });

  it("tells an applicant with an offer until when it stands", async () => {
    mockApi((call) =>
      call.path === "/api/applications/status/tok_abc"
        ? ok({ application: status({ status: "offered", position: null, offerExpiresAt: "2027-03-15T09:00:00.000Z" }) })
        : undefined,
    );
    renderApp("/apply/status/tok_abc");

    expect(await screen.findByText(/^Er is plek voor je! .* vóór 15 maart 2027.*10:00\.$/)).toBeInTheDocument();
  });

  it("says so when the link is unknown", async () => {
    mockApi((call) =>
      call.path === "/api/applications/status/nope" ? apiError(404, "application.not_found") : undefined,
    );
    renderApp("/apply/status/nope");

    await findAlert("Deze aanmelding bestaat niet (meer).");
  });
});

describe("confirming the address", () => {
  it("confirms with a click, not on opening, then shows the place", async () => {
    const user = userEvent.setup();
    const api = mockApi((call) => {
      if (call.path === "/api/applications/confirm")
        return ok({ application: { id: "application_01", position: 3, statusToken: "tok_abc" } });
      if (call.path === "/api/applications/status/tok_abc") return ok({ application: status() });
      return undefined;
    });
    renderApp("/apply/confirm/tok_confirm_1234567890");

    const button = await screen.findByRole("button", { name: "Ja, zet mij op de wachtlijst" });
    // a mail program that opens the link to check it puts nobody on the list
    expect(api.find("POST", "/api/applications/confirm")).toHaveLength(0);
    await user.click(button);

    expect(await screen.findByText("Je staat op plek 3 van 12 op de wachtlijst.")).toBeInTheDocument();
    expect(api.find("POST", "/api/applications/confirm")[0]?.body).toEqual({ token: "tok_confirm_1234567890" });
    expect(window.location.pathname).toBe("/apply/status/tok_abc");
  });

  it("says so when the link has lapsed", async () => {
    const user = userEvent.setup();
    mockApi((call) => (call.path === "/api/applications/confirm" ? apiError(404, "application.confirm_not_found") : undefined));
    renderApp("/apply/confirm/tok_old_1234567890");

    await user.click(await screen.findByRole("button", { name: "Ja, zet mij op de wachtlijst" }));
    await findAlert("Een link om te bevestigen werkt 48 uur");
  });
});

describe("accepting an offer", () => {
  it("accepts and goes to the login screen with the address filled in", async () => {
    const user = userEvent.setup();
    const api = mockApi((call) => {
      if (call.path === "/api/applications/accept")
        return ok({
          application: { id: "application_01", status: "accepted" },
          household: { id: "hh_bakker", name: "Familie Bakker" },
          email: "bakker@voorbeeld.nl",
        });
      if (call.path === "/api/me") return apiError(401, "auth.required");
      return undefined;
    });
    renderApp("/apply/accept/tok_offer_1234567890");

    await user.click(await screen.findByRole("button", { name: "Ja, ik neem de plek aan" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Inloggen" })).toBeInTheDocument();
    expect(api.find("POST", "/api/applications/accept")[0]?.body).toEqual({ token: "tok_offer_1234567890" });
    expect(window.location.pathname).toBe("/login");
    expect(screen.getByLabelText("E-mailadres")).toHaveValue("bakker@voorbeeld.nl");
    expect(screen.getByText(/Welkom als lid!/)).toBeInTheDocument();
  });

  it("declines after asking, and tells when an offer has expired", async () => {
    const user = userEvent.setup();
    const api = mockApi((call) => {
      if (call.path === "/api/applications/accept") return apiError(409, "application.offer_expired");
      if (call.path === "/api/applications/decline") return ok({ application: { id: "application_01", status: "declined" } });
      return undefined;
    });
    renderApp("/apply/accept/tok_offer_1234567890");

    await user.click(await screen.findByRole("button", { name: "Ja, ik neem de plek aan" }));
    await findAlert("Dit aanbod is verlopen.");

    await user.click(screen.getByRole("button", { name: "Nee, ik sla het aanbod af" }));
    await user.click(screen.getByRole("button", { name: "Ja, afslaan" }));

    const done = await screen.findByText(/Je hebt het aanbod afgeslagen/);
    expect(done.closest('[role="status"]')).not.toBeNull();
    expect(api.find("POST", "/api/applications/decline")[0]?.body).toEqual({ token: "tok_offer_1234567890" });
    await waitFor(() => expect(screen.queryByRole("button", { name: "Ja, ik neem de plek aan" })).not.toBeInTheDocument());
  });
});
