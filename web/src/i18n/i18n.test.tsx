import { screen, waitFor } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiError, memberMe, mockApi, ok, renderApp } from "../test-utils";
import { en } from "./en";
import { nl } from "./nl";
import { electionEn } from "./election/en";
import { electionNl } from "./election/nl";
import { workdayEn } from "./workday/en";
import { workdayNl } from "./workday/nl";

describe("language switch", () => {
  it("changes the screen to English and saves the choice with the person", async () => {
    const user = userEvent.setup();
    const api = mockApi((call) => {
      if (call.path !== "/api/me") return undefined;
      if (call.method === "PATCH") return ok({ ...memberMe, person: { ...memberMe.person, locale: "en" } });
      return ok(memberMe);
    });
    renderApp("/");

    expect(await screen.findByRole("heading", { level: 1, name: "Hallo Anna de Vries" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("nl");
    const english = screen.getByRole("button", { name: "English" });
    expect(english).toHaveAttribute("aria-pressed", "false");

    await user.click(english);

    expect(await screen.findByRole("heading", { level: 1, name: "Hello Anna de Vries" })).toBeInTheDocument();
    expect(await screen.findByRole("region", { name: "Your household" }, { timeout: 10_000 })).toHaveTextContent("2.5 mouths");
    expect(screen.getByRole("navigation", { name: "Main menu" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "My household" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Log out" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Language" })).toBeInTheDocument();
    expect(english).toHaveAttribute("aria-pressed", "true");
    expect(document.documentElement.lang).toBe("en");
    expect(document.title).toBe("Home · Akker");
    expect(localStorage.getItem("akker.locale")).toBe("en");
    await waitFor(() => expect(api.find("PATCH", "/api/me").map((c) => c.body)).toEqual([{ locale: "en" }]));
  });

  it("works before logging in, on this device only", async () => {
    const user = userEvent.setup();
    const api = mockApi((call) => (call.path === "/api/me" ? apiError(401, "auth.required") : undefined));
    renderApp("/login");

    await user.click(await screen.findByRole("button", { name: "English" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Log in" })).toBeInTheDocument();
    expect(screen.getByLabelText("Email address")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Email me a code" })).toBeInTheDocument();
    expect(localStorage.getItem("akker.locale")).toBe("en");
    expect(api.find("PATCH", "/api/me")).toHaveLength(0);
  });

  it("starts in the language chosen on this device before", async () => {
    localStorage.setItem("akker.locale", "en");
    mockApi((call) => (call.path === "/api/me" ? apiError(401, "auth.required") : undefined));
    renderApp("/login");

    // English loads on first use (the first screen carries Dutch only)
    expect(await screen.findByRole("heading", { level: 1, name: "Log in" }, { timeout: 10_000 })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en");
  });

  it("says so when the choice could not be saved", async () => {
    const user = userEvent.setup();
    mockApi((call) => {
      if (call.path !== "/api/me") return undefined;
      return call.method === "PATCH" ? apiError(500, "internal") : ok(memberMe);
    });
    renderApp("/");

    await user.click(await screen.findByRole("button", { name: "English" }));

    expect(await screen.findByText(/was not saved to your account/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Hello Anna de Vries" })).toBeInTheDocument();
  });
});

describe("dictionaries", () => {
  it("have the same strings in both languages", () => {
    const shape = (value: unknown): unknown =>
      typeof value === "object" && value !== null
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
        : typeof value;
    expect(shape(en)).toEqual(shape(nl));
    // The work-day screens' own strings, which load with those screens.
    expect(shape(workdayEn)).toEqual(shape(workdayNl));
    expect(shape(electionEn)).toEqual(shape(electionNl));
  });
});
