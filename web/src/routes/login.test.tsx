import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiError, findAlert, memberMe, mockApi, ok, renderApp } from "../test-utils";

/** A fake API with no session until a correct code is given. */
function loginApi(opts: { code?: string; me?: typeof memberMe; codeReply?: ReturnType<typeof ok> } = {}) {
  let session = false;
  const me = opts.me ?? memberMe;
  return mockApi((call) => {
    if (!session && !call.path.startsWith("/api/auth/"))
      // Other screens' data answers later than /api/me, after the app went to the login screen.
      return { ...apiError(401, "auth.required"), delayMs: call.path === "/api/me" ? 0 : 30 };
    if (call.path === "/api/me" && call.method === "GET") return ok(me);
    if (call.path === "/api/auth/code") return opts.codeReply ?? { status: 202 };
    if (call.path === "/api/auth/verify") {
      if ((call.body as { code: string }).code !== (opts.code ?? "123456")) return apiError(401, "auth.code_invalid");
      session = true;
      return ok({ me });
    }
    return undefined;
  });
}

describe("login", () => {
  it("goes from email to code to the home screen", async () => {
    const user = userEvent.setup();
    const api = loginApi();
    renderApp("/");

    // No session: the app sends people to the login screen.
    expect(await screen.findByRole("heading", { level: 1, name: "Inloggen" })).toBeInTheDocument();
    expect(window.location.pathname).toBe("/login");

    await user.type(screen.getByLabelText("E-mailadres"), "lid001@demo.test");
    await user.click(screen.getByRole("button", { name: "Stuur mij een code" }));

    const code = await screen.findByLabelText(/Code uit de e-mail/);
    expect(api.find("POST", "/api/auth/code")[0]?.body).toEqual({ email: "lid001@demo.test" });
    expect(api.find("POST", "/api/auth/code")[0]?.init?.credentials).toBe("same-origin");
    // The message never says whether the address is known.
    const sent = screen.getByText(/Als lid001@demo.test bij ons bekend is, hebben we zojuist een code/);
    expect(sent.closest('[role="status"]')).not.toBeNull();
    expect(code).toHaveAttribute("inputmode", "numeric");
    expect(code).toHaveAttribute("autocomplete", "one-time-code");
    expect(code).toHaveFocus();

    await user.type(code, "123456");
    await user.click(screen.getByRole("button", { name: "Inloggen" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Hallo Anna de Vries" })).toBeInTheDocument();
    expect(api.find("POST", "/api/auth/verify")[0]?.body).toEqual({ email: "lid001@demo.test", code: "123456" });
    expect(window.location.pathname).toBe("/");
    // the cards below the share come a moment after the heading
    const card = await screen.findByRole("region", { name: "Jouw huishouden" }, { timeout: 10_000 });
    expect(within(card).getByText("Familie De Vries")).toBeInTheDocument();
    expect(within(card).getByText("2,5 monden")).toBeInTheDocument();
    expect(within(card).getByRole("link", { name: "Bekijk je huishouden" })).toHaveAttribute(
      "href",
      "/households/hh_devries",
    );
    expect(screen.getByRole("navigation", { name: "Hoofdmenu" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1 })).toHaveFocus();
  });

  it("shows that a wrong code is wrong or expired, and stays on the login screen", async () => {
    const user = userEvent.setup();
    const api = loginApi({ code: "123456" });
    renderApp("/login");

    await user.type(await screen.findByLabelText("E-mailadres"), "lid001@demo.test");
    await user.click(screen.getByRole("button", { name: "Stuur mij een code" }));
    await user.type(await screen.findByLabelText(/Code uit de e-mail/), "999999");
    await user.click(screen.getByRole("button", { name: "Inloggen" }));

    await findAlert("Deze code is fout of verlopen");
    expect(api.find("POST", "/api/auth/verify")).toHaveLength(1);
    expect(window.location.pathname).toBe("/login");
    expect(screen.queryByRole("navigation", { name: "Hoofdmenu" })).not.toBeInTheDocument();
  });

  it("says when there were too many attempts", async () => {
    const user = userEvent.setup();
    loginApi({ codeReply: apiError(429, "auth.rate_limited") });
    renderApp("/login");

    await user.type(await screen.findByLabelText("E-mailadres"), "lid001@demo.test");
    await user.click(screen.getByRole("button", { name: "Stuur mij een code" }));

    await findAlert("Te veel pogingen");
    expect(screen.queryByLabelText(/Code uit de e-mail/)).not.toBeInTheDocument();
  });

  it("says how long to wait after too many wrong codes, and after too many code requests", async () => {
    const user = userEvent.setup();
    const tooMany = (code: string, minutes: number) => ({
      status: 429,
      body: { error: { code, message: `The server says ${code}.`, retryAfterMinutes: minutes } },
    });
    let verifyReply = tooMany("auth.too_many_tries", 12);
    mockApi((call) => {
      if (call.path === "/api/me") return apiError(401, "auth.required");
      if (call.path === "/api/auth/code") return { status: 202 };
      if (call.path === "/api/auth/verify") return verifyReply;
      return undefined;
    });
    renderApp("/login");

    await user.type(await screen.findByLabelText("E-mailadres"), "lid001@demo.test");
    await user.click(screen.getByRole("button", { name: "Stuur mij een code" }));
    await user.type(await screen.findByLabelText(/Code uit de e-mail/), "123456");
    await user.click(screen.getByRole("button", { name: "Inloggen" }));
    await findAlert("Er is te vaak een verkeerde code geprobeerd. Om de accounts te beschermen kun je over 12 minuten weer inloggen.");

    verifyReply = tooMany("auth.rate_limited", 1);
    await user.click(screen.getByRole("button", { name: "Inloggen" }));
    await findAlert("Te veel pogingen achter elkaar. Wacht 1 minuut en probeer het dan opnieuw.");
  });

  it("shows an invalid address next to the email field", async () => {
    const user = userEvent.setup();
    loginApi({ codeReply: apiError(400, "input.invalid", [{ path: "email", message: "Invalid email address" }]) });
    renderApp("/login");

    const email = await screen.findByLabelText("E-mailadres");
    await user.type(email, "not-an-address");
    await user.click(screen.getByRole("button", { name: "Stuur mij een code" }));

    await waitFor(() => expect(email).toHaveAttribute("aria-invalid", "true"));
    expect(email).toHaveAccessibleDescription("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.");
    await findAlert("Niet alles is goed ingevuld");
  });

  it("uses the language saved with the person after logging in", async () => {
    const user = userEvent.setup();
    loginApi({ me: { ...memberMe, person: { ...memberMe.person, locale: "en" } } });
    renderApp("/login");

    await user.type(await screen.findByLabelText("E-mailadres"), "lid001@demo.test");
    await user.click(screen.getByRole("button", { name: "Stuur mij een code" }));
    await user.type(await screen.findByLabelText(/Code uit de e-mail/), "123456");
    await user.click(screen.getByRole("button", { name: "Inloggen" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Hello Anna de Vries" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem("akker.locale")).toBe("en");
  });

  it("returns to the screen that asked for the login", async () => {
    const user = userEvent.setup();
    loginApi();
    renderApp("/households/hh_devries");

    expect(await screen.findByRole("heading", { level: 1, name: "Inloggen" })).toBeInTheDocument();
    expect(window.location.search).toBe("?next=%2Fhouseholds%2Fhh_devries");
    await user.type(screen.getByLabelText("E-mailadres"), "lid001@demo.test");
    await user.click(screen.getByRole("button", { name: "Stuur mij een code" }));
    await user.type(await screen.findByLabelText(/Code uit de e-mail/), "123456");
    await user.click(screen.getByRole("button", { name: "Inloggen" }));

    await waitFor(() => expect(window.location.pathname).toBe("/households/hh_devries"));
  });
});
