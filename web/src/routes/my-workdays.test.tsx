import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { apiError, findAlert, memberMe, mockApi, ok, renderApp } from "../test-utils";

const first = "https://akker.test/api/calendar/first-secret-token-0123456789.ics";
const renewed = "https://akker.test/api/calendar/second-secret-token-987654321.ics";

function calendarApi(renew: () => ReturnType<typeof ok> = () => ok({ url: renewed })) {
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(memberMe);
    if (call.path === "/api/workdays/mine") return ok({ workdays: [] });
    if (call.path === "/api/me/calendar") return ok({ url: first });
    if (call.path === "/api/me/calendar/renew" && call.method === "POST") return renew();
    return undefined;
  });
}

describe("the calendar link", () => {
  it("shows the secret link, copies it, and offers it to the phone's calendar", async () => {
    const user = userEvent.setup();
    calendarApi();
    renderApp("/workdays/mine");

    const calendar = await screen.findByRole("region", { name: "In je eigen agenda" });
    const link = await within(calendar).findByLabelText("Jouw agenda-link");
    expect(link).toHaveValue(first);
    expect(link).toHaveAttribute("readonly");
    expect(calendar).toHaveTextContent("Houd de link voor jezelf");
    expect(within(calendar).getByRole("link", { name: "Openen in je agenda" })).toHaveAttribute(
      "href",
      "webcal://akker.test/api/calendar/first-secret-token-0123456789.ics",
    );
    await user.click(within(calendar).getByRole("button", { name: "Link kopiëren" }));

    expect(await within(calendar).findByText("De link is gekopieerd.")).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(first);
    // No work days yet: a way to find them.
    expect(screen.getByText("Je hebt je nog niet aangemeld voor een meewerkdag.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Bekijk de meewerkdagen" })).toHaveAttribute("href", "/workdays");
  });

  it("renews the link after explaining and confirming that the old one stops working", async () => {
    const user = userEvent.setup();
    const api = calendarApi();
    renderApp("/workdays/mine");

    const calendar = await screen.findByRole("region", { name: "In je eigen agenda" });
    expect(calendar).toHaveTextContent("De oude link werkt daarna niet meer, dus zet de nieuwe opnieuw in je agenda.");
    await user.click(within(calendar).getByRole("button", { name: "Nieuwe link maken" }));
    const yes = within(calendar).getByRole("button", { name: "Ja, nieuwe link" });
    expect(yes).toHaveFocus();
    expect(yes).toHaveAccessibleDescription("De oude link stopt meteen met werken. Wil je een nieuwe link maken?");
    await user.click(within(calendar).getByRole("button", { name: "Annuleren" }));
    expect(api.find("POST", "/api/me/calendar/renew")).toHaveLength(0);
    expect(within(calendar).getByRole("button", { name: "Nieuwe link maken" })).toHaveFocus();

    await user.click(within(calendar).getByRole("button", { name: "Nieuwe link maken" }));
    await user.click(within(calendar).getByRole("button", { name: "Ja, nieuwe link" }));

    expect(
      await within(calendar).findByText("Je hebt een nieuwe link. De oude werkt niet meer; zet de nieuwe in je agenda."),
    ).toBeInTheDocument();
    const link = within(calendar).getByLabelText("Jouw agenda-link");
    expect(link).toHaveValue(renewed);
    await waitFor(() => expect(link).toHaveFocus());
    expect(api.find("POST", "/api/me/calendar/renew")).toHaveLength(1);
    expect(api.find("GET", "/api/me/calendar")).toHaveLength(1);
  });

  it("says so when renewing failed, and keeps the old link", async () => {
    const user = userEvent.setup();
    calendarApi(() => apiError(500, "internal"));
    renderApp("/workdays/mine");

    const calendar = await screen.findByRole("region", { name: "In je eigen agenda" });
    await user.click(within(calendar).getByRole("button", { name: "Nieuwe link maken" }));
    await user.click(within(calendar).getByRole("button", { name: "Ja, nieuwe link" }));

    await findAlert("Er ging iets mis aan onze kant.");
    expect(within(calendar).getByLabelText("Jouw agenda-link")).toHaveValue(first);
  });
});
