import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ListedHousehold } from "../lib/household";
import { apiError, boardMe, devries, findAlert, households, mockApi, ok, renderApp, type Reply } from "../test-utils";

const search = () => screen.getByLabelText("Zoek op naam van huishouden of persoon, of e-mailadres");

function boardApi(create: (body: unknown) => Reply = () => ok()) {
  let list: ListedHousehold[] = households.map((h) => ({ ...h, people: h.id === devries.id ? devries.people : [] }));
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(boardMe);
    if (call.path === "/api/households" && call.method === "GET") return ok({ households: list });
    if (call.path === "/api/households" && call.method === "POST") {
      const reply = create(call.body);
      if (reply.status === 201) list = [...list, (reply.body as { household: ListedHousehold }).household];
      return reply;
    }
    return undefined;
  });
}

const names = () =>
  within(screen.getByRole("region", { name: "Alle huishoudens" }))
    .queryAllByRole("link")
    .map((a) => a.querySelector(".household-name")?.textContent);

/** A total as shown: the figure next to its term. */
const total = (term: string) => screen.getByText(term, { selector: "dt" }).nextElementSibling?.textContent;

describe("household list", () => {
  it("filters on name as you type, with the totals of what is shown", async () => {
    const user = userEvent.setup();
    boardApi();
    renderApp("/households");

    // the first test loads the screen's lazy chunk: on a busy machine that takes more than a second
    expect(await screen.findByRole("link", { name: /Familie Jansen/ }, { timeout: 5000 })).toBeInTheDocument();
    expect(names()).toEqual(["Familie De Vries", "Familie Jansen", "Öztürk"]);
    expect(total("Huishoudens")).toBe("3");
    expect(total("Monden")).toBe("6,5");

    await user.type(search(), "jans");

    expect(names()).toEqual(["Familie Jansen"]);
    expect(total("Huishoudens")).toBe("1");
    expect(total("Monden")).toBe("1");
    expect(screen.getByText("1 van 3 huishoudens")).toBeInTheDocument();

    // Accents do not matter: "oz" finds Öztürk.
    await user.clear(search());
    await user.type(search(), "oz");
    expect(names()).toEqual(["Öztürk"]);

    await user.clear(search());
    await user.type(search(), "xyz");
    expect(names()).toEqual([]);
    expect(screen.getByText("Geen huishoudens gevonden met deze naam of dit adres.")).toBeInTheDocument();
  });

  it("finds a household by a person's name or address", async () => {
    const user = userEvent.setup();
    boardApi();
    renderApp("/households");
    await screen.findByRole("link", { name: /Familie Jansen/ });

    await user.type(search(), "kees");
    expect(names()).toEqual(["Familie De Vries"]);
    expect(screen.getByRole("link", { name: /Familie De Vries/ })).toHaveTextContent("Anna de Vries, Kees de Vries");

    await user.clear(search());
    await user.type(search(), "lid001@demo");
    expect(names()).toEqual(["Familie De Vries"]);
  });

  it("links every household to its overview and shows a status other than active", async () => {
    boardApi();
    renderApp("/households");

    const link = await screen.findByRole("link", { name: /Öztürk/ });
    expect(link).toHaveAttribute("href", "/households/hh_ozturk");
    expect(link.closest("li")).toHaveTextContent("Nog niet actief");
    expect(screen.getByRole("link", { name: /Familie Jansen/ })).toHaveTextContent(
      "1 mond · Half certificaat · vegetarisch",
    );
  });
});

describe("create household", () => {
  it("shows the composition error from the server next to the certificate", async () => {
    const user = userEvent.setup();
    const api = boardApi(() =>
      apiError(400, "household.composition", [
        { path: "certificate", message: "A half certificate holds exactly 1 mouth; this household has 2." },
      ]),
    );
    renderApp("/households");

    await user.click(await screen.findByText("Nieuw huishouden"));
    await user.type(screen.getByLabelText("Naam van het huishouden"), "Familie Bakker");
    await user.click(screen.getByLabelText(/Half certificaat/));
    await user.click(screen.getByRole("button", { name: "Huishouden aanmaken" }));

    await findAlert("Het certificaat past niet bij het aantal monden.");
    const certificate = screen.getByRole("group", { name: "Certificaat" });
    expect(certificate).toHaveTextContent("Een half certificaat is voor precies 1 mond");
    for (const radio of within(certificate).getAllByRole("radio")) {
      expect(radio).toHaveAttribute("aria-invalid", "true");
      expect(radio).toHaveAccessibleDescription(/Een half certificaat is voor precies 1 mond/);
    }
    expect(screen.getByLabelText("Naam van het huishouden")).not.toHaveAttribute("aria-invalid");
    // What was typed stays, so it can be corrected.
    expect(screen.getByLabelText("Naam van het huishouden")).toHaveValue("Familie Bakker");
    expect(api.find("POST", "/api/households")[0]?.body).toEqual({
      name: "Familie Bakker",
      adults: 2,
      children: 0,
      certificate: "half",
      vegetarian: false,
      status: "active",
      people: [],
    });
  });

  it("shows field issues of input.invalid at their fields, also for a person", async () => {
    const user = userEvent.setup();
    boardApi(() =>
      apiError(400, "input.invalid", [
        { path: "name", message: "Too small: expected string to have >=1 characters" },
        { path: "people.0.email", message: "Invalid email address" },
      ]),
    );
    renderApp("/households");

    await user.click(await screen.findByText("Nieuw huishouden"));
    await user.click(screen.getByRole("button", { name: "Persoon toevoegen" }));
    await user.type(screen.getByLabelText("Naam"), "Piet");
    await user.type(screen.getByLabelText("E-mailadres"), "piet@");
    await user.click(screen.getByRole("button", { name: "Huishouden aanmaken" }));

    await findAlert("Niet alles is goed ingevuld");
    expect(screen.getByLabelText("Naam van het huishouden")).toHaveAccessibleDescription(
      "Vul een naam in van hoogstens 100 tekens.",
    );
    expect(screen.getByLabelText("E-mailadres")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("E-mailadres")).toHaveAccessibleDescription(
      "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
    );
  });

  it("creates a household with its people and adds it to the list", async () => {
    const user = userEvent.setup();
    const api = boardApi((body) => {
      const input = body as Omit<ListedHousehold, "id" | "mouths">;
      return {
        status: 201,
        body: { household: { ...input, id: "hh_bakker", mouths: 3, people: [] } },
      };
    });
    renderApp("/households");

    await user.click(await screen.findByText("Nieuw huishouden"));
    await user.type(screen.getByLabelText("Naam van het huishouden"), "Familie Bakker");
    await user.clear(screen.getByLabelText("Kinderen"));
    await user.type(screen.getByLabelText("Kinderen"), "2");
    await user.click(screen.getByLabelText(/Vegetarisch/));
    await user.click(screen.getByRole("button", { name: "Persoon toevoegen" }));
    await user.type(screen.getByLabelText("Naam"), "Piet Bakker");
    await user.type(screen.getByLabelText("E-mailadres"), "piet@example.com");
    await user.selectOptions(screen.getByLabelText("Taal van de e-mails"), "en");
    await user.click(screen.getByRole("button", { name: "Huishouden aanmaken" }));

    expect(await screen.findByText("Huishouden Familie Bakker is aangemaakt.")).toBeInTheDocument();
    expect(api.find("POST", "/api/households")[0]?.body).toEqual({
      name: "Familie Bakker",
      adults: 2,
      children: 2,
      certificate: "full",
      vegetarian: true,
      status: "active",
      people: [{ name: "Piet Bakker", email: "piet@example.com", locale: "en" }],
    });
    await waitFor(() => expect(names()).toContain("Familie Bakker"));
    // A fresh form for the next one.
    expect(screen.getByLabelText("Naam van het huishouden")).toHaveValue("");
    expect(screen.queryByLabelText("Taal van de e-mails")).not.toBeInTheDocument();
  });
});

describe("households for someone not on the board", () => {
  it("says there is no access, and offers no form", async () => {
    mockApi((call) => {
      if (call.path === "/api/me") return ok({ ...boardMe, roles: ["member"] });
      if (call.path === "/api/households") return apiError(403, "auth.forbidden");
      return undefined;
    });
    renderApp("/households");

    await findAlert("Je hebt geen toegang tot deze pagina.");
    expect(screen.queryByText("Nieuw huishouden")).not.toBeInTheDocument();
    expect(screen.queryByRole("navigation", { name: "Hoofdmenu" })).toBeInTheDocument();
  });
});
