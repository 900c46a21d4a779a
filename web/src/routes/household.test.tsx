import { screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { apiError, boardMe, devries, memberMe, mockApi, ok, renderApp } from "../test-utils";

describe("my household", () => {
  it("shows the people, the mouths with how they are counted, the certificate and vegetarian", async () => {
    mockApi((call) => {
      if (call.path === "/api/me") return ok(memberMe);
      if (call.path === "/api/households/hh_devries") return ok({ household: devries });
      return undefined;
    });
    renderApp("/households/hh_devries");

    expect(await screen.findByRole("heading", { level: 1, name: "Mijn huishouden" })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { level: 2, name: "Familie De Vries" })).toBeInTheDocument();
    const mouths = screen.getByText("Monden", { selector: "dt" }).nextElementSibling as HTMLElement;
    expect(mouths).toHaveTextContent("2,5 monden");
    expect(mouths).toHaveTextContent("2 volwassenen × 1 + 1 kind × 0,5 = 2,5 monden");
    expect(mouths).toHaveTextContent("Een volwassene telt als 1 mond, een kind als een deel van een mond");
    expect(screen.getByText("Certificaat", { selector: "dt" }).nextElementSibling).toHaveTextContent(
      "Heel certificaat (voor 2 tot 5 monden)",
    );
    expect(screen.getByText("Vegetarisch", { selector: "dt" }).nextElementSibling).toHaveTextContent("Nee");
    const people = screen.getByRole("region", { name: "Mensen" });
    expect(within(people).getByText("Kees de Vries")).toBeInTheDocument();
    expect(within(people).getByRole("link", { name: "kees@demo.test" })).toHaveAttribute("href", "mailto:kees@demo.test");
    // Members cannot edit.
    expect(screen.queryByRole("link", { name: "Huishouden bewerken" })).not.toBeInTheDocument();
  });

  it("offers the board the edit screen", async () => {
    mockApi((call) => {
      if (call.path === "/api/me") return ok(boardMe);
      if (call.path === "/api/households/hh_devries") return ok({ household: devries });
      return undefined;
    });
    renderApp("/households/hh_devries");

    expect(await screen.findByRole("link", { name: "Huishouden bewerken" })).toHaveAttribute(
      "href",
      "/households/hh_devries/edit",
    );
    expect(screen.getByRole("heading", { level: 1, name: "Huishouden" })).toBeInTheDocument();
  });

  it("says so when the household is not there", async () => {
    mockApi((call) => {
      if (call.path === "/api/me") return ok(memberMe);
      if (call.path === "/api/households/hh_other") return apiError(404, "household.not_found");
      return undefined;
    });
    renderApp("/households/hh_other");

    expect(
      await screen.findByText("Dit huishouden bestaat niet, of je hebt er geen toegang toe."),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Naar de startpagina" })).toHaveAttribute("href", "/");
  });
});
