import { screen, waitFor } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { HouseholdWithPeople } from "../lib/household";
import { apiError, boardMe, devries, findAlert, mockApi, ok, renderApp, type Reply } from "../test-utils";

function editApi(replies: { patch?: (body: unknown) => Reply; person?: (body: unknown) => Reply } = {}) {
  let household: HouseholdWithPeople = devries;
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(boardMe);
    if (call.path === "/api/households/hh_devries" && call.method === "GET") return ok({ household });
    if (call.path === "/api/households/hh_devries" && call.method === "PATCH") {
      const reply = replies.patch?.(call.body) ?? ok({ household: { ...household, ...(call.body as object) } });
      if (reply.status === 200) household = (reply.body as { household: HouseholdWithPeople }).household;
      return reply;
    }
    if (call.path === "/api/households/hh_devries/people" && call.method === "POST")
      return replies.person?.(call.body) ?? apiError(500, "internal");
    return undefined;
  });
}

describe("edit household", () => {
  it("sends only what changed", async () => {
    const user = userEvent.setup();
    const api = editApi();
    renderApp("/households/hh_devries/edit");

    const adults = await screen.findByLabelText("Volwassenen");
    expect(adults).toHaveValue(2);
    expect(screen.getByLabelText("Naam van het huishouden")).toHaveValue("Familie De Vries");
    await user.clear(adults);
    await user.type(adults, "3");
    await user.selectOptions(screen.getByLabelText("Status"), "pending");
    await user.click(screen.getByRole("button", { name: "Opslaan" }));

    expect(await screen.findByText("De wijzigingen zijn opgeslagen.")).toBeInTheDocument();
    expect(api.find("PATCH", "/api/households/hh_devries").map((c) => c.body)).toEqual([
      { adults: 3, status: "pending" },
    ]);
  });

  it("does not call the server when nothing changed", async () => {
    const user = userEvent.setup();
    const api = editApi();
    renderApp("/households/hh_devries/edit");

    await user.click(await screen.findByRole("button", { name: "Opslaan" }));

    expect(await screen.findByText("Er is niets gewijzigd.")).toBeInTheDocument();
    expect(api.find("PATCH", "/api/households/hh_devries")).toHaveLength(0);
  });

  it("shows the composition error next to the certificate", async () => {
    const user = userEvent.setup();
    editApi({
      patch: () =>
        apiError(400, "household.composition", [
          { path: "certificate", message: "A half certificate holds exactly 1 mouth; this household has 2.5." },
        ]),
    });
    renderApp("/households/hh_devries/edit");

    await user.click(await screen.findByLabelText(/Half certificaat/));
    await user.click(screen.getByRole("button", { name: "Opslaan" }));

    await findAlert("Het certificaat past niet bij het aantal monden.");
    expect(screen.getByRole("group", { name: "Certificaat" })).toHaveTextContent(
      "Een half certificaat is voor precies 1 mond",
    );
  });

  it("shows a taken email address next to the email field", async () => {
    const user = userEvent.setup();
    const api = editApi({ person: () => apiError(409, "person.email_taken") });
    renderApp("/households/hh_devries/edit");

    await user.type(await screen.findByLabelText("Naam"), "Jet de Vries");
    await user.type(screen.getByLabelText("E-mailadres"), "lid002@demo.test");
    await user.click(screen.getByRole("button", { name: "Toevoegen" }));

    const email = screen.getByLabelText("E-mailadres");
    await waitFor(() => expect(email).toHaveAttribute("aria-invalid", "true"));
    expect(email).toHaveAccessibleDescription("Dit e-mailadres is al in gebruik.");
    await findAlert("Dit e-mailadres is al in gebruik.");
    expect(api.find("POST", "/api/households/hh_devries/people")[0]?.body).toEqual({
      name: "Jet de Vries",
      email: "lid002@demo.test",
      locale: "nl",
    });
  });

  it("adds a person and lists them", async () => {
    const user = userEvent.setup();
    let added = false;
    mockApi((call) => {
      if (call.path === "/api/me") return ok(boardMe);
      if (call.path === "/api/households/hh_devries" && call.method === "GET") {
        const jet = { id: "person_jet", name: "Jet de Vries", email: "jet@example.com", householdID: "hh_devries", locale: "en" };
        return ok({ household: { ...devries, people: added ? [...devries.people, jet] : devries.people } });
      }
      if (call.path === "/api/households/hh_devries/people" && call.method === "POST") {
        added = true;
        return { status: 201, body: { person: { id: "person_jet", householdID: "hh_devries", ...(call.body as object) } } };
      }
      return undefined;
    });
    renderApp("/households/hh_devries/edit");

    await user.type(await screen.findByLabelText("Naam"), "Jet de Vries");
    await user.type(screen.getByLabelText("E-mailadres"), "jet@example.com");
    await user.selectOptions(screen.getByLabelText("Taal van de e-mails"), "en");
    await user.click(screen.getByRole("button", { name: "Toevoegen" }));

    expect(await screen.findByText("Jet de Vries is toegevoegd en kan nu inloggen.")).toBeInTheDocument();
    expect(await screen.findByText("jet@example.com")).toBeInTheDocument();
    expect(screen.getByLabelText("Naam")).toHaveValue("");
  });
});
