import { screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { devries, memberMe, mockApi, ok, renderApp } from "../test-utils";
import type { PersonalData } from "./my-data";

const at = "2027-03-01T09:00:00.000Z";
const data: PersonalData = {
  exportedAt: at,
  farm: { id: "demo", name: "Demoboerderij" },
  household: { householdID: "hh_devries", name: "Familie De Vries", adults: 2, children: 1, vegetarian: false, certificate: "full", status: "active", createdAt: at, updatedAt: at },
  people: [{ personID: "per_kees", name: "Kees de Vries", email: "kees@demo.test", householdID: "hh_devries", adult: true, locale: "nl", createdAt: at, updatedAt: at, roles: [] }],
  sessions: [{ personID: "per_kees", createdAt: at, lastSeenAt: at }],
  loginCodes: [],
  calendarLinks: [{ personID: "per_kees", exists: true }],
  contribution: {
    compositionPeriods: [],
    mandate: { householdID: "hh_devries", mandateID: "M-1", iban: "NL91ABNA0417164300", accountHolder: "K. de Vries", signedOn: "2027-01-05", status: "active", createdAt: at, updatedAt: at },
    payments: [{ householdID: "hh_devries", entryID: "pay_1", year: 2027, kind: "payment", amountCents: 4250, date: "2027-02-01", reference: "BIJDRAGE FEB", source: "import", createdBy: "per_t", createdAt: at }],
    solidarity: [],
  },
  membership: { certificate: null, depositPayments: [], applications: [] },
  harvest: { shares: [], optOuts: [] },
  workdays: {
    signups: [{ workdayID: "wd_1", title: "Oogsten", start: at, status: "waitlisted" }],
    hours: [{ date: "2027-02-20", hours: 3, status: "pending" }],
  },
  elections: { roll: [{ electionID: "el_1", title: "ALV voorjaar", voted: true, via: "self", proxyTo: null, proxiesHeld: 0 }], proxies: [] },
  auditEvents: [{ createdAt: at, action: "mandate.given" }],
  mails: [],
} as unknown as PersonalData;

describe("my data", () => {
  it("shows what is kept, grouped, with the download of the same answer", async () => {
    mockApi((call) => {
      if (call.path === "/api/me") return ok(memberMe);
      if (call.path === "/api/me/export") return ok(data);
      if (call.path === "/api/me/preferences") return ok({ news: true, reminders: false });
      return undefined;
    });
    renderApp("/my-data");

    // the screen loads lazily: its first import takes a while in jsdom
    expect(await screen.findByRole("heading", { level: 1, name: "Mijn gegevens" }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Download als JSON" })).toHaveAttribute("href", "/api/me/export");
    const household = await screen.findByRole("region", { name: "Huishouden" });
    expect(within(household).getByText("Familie De Vries")).toBeInTheDocument();
    expect(within(screen.getByRole("region", { name: "Mensen" })).getByText("kees@demo.test")).toBeInTheDocument();
    const money = screen.getByRole("region", { name: "Bijdrage" });
    expect(within(money).getByText("NL91ABNA0417164300")).toBeInTheDocument();
    expect(within(money).getByText(/BIJDRAGE FEB/)).toHaveTextContent("1 februari 2027: € 42,50 (BIJDRAGE FEB)");
    // states and records in words, never their codes
    expect(within(money).getByText("actief")).toBeInTheDocument();
    const work = screen.getByRole("region", { name: "Meewerken" });
    expect(within(work).getByText(/Oogsten/)).toHaveTextContent(/\(op de wachtlijst\)$/);
    expect(within(work).getByText(/3 uur/)).toHaveTextContent(/\(wacht op goedkeuring\)$/);
    expect(within(screen.getByRole("region", { name: "Wat er is vastgelegd" })).getByText(/Machtiging gegeven$/)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/\b(active|waitlisted|pending|mandate\.given)\b/);
    expect(within(screen.getByRole("region", { name: "Stemmingen" })).getByText("ALV voorjaar: gestemd")).toBeInTheDocument();
    expect(within(screen.getByRole("region", { name: "Inloggen" })).getByText(/persoonlijke agendalink/)).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Als je huishouden vertrekt" })).toHaveTextContent("zeven jaar");
    // the person's own choice of mail: news on, reminders turned off
    const mail = screen.getByRole("region", { name: "Mail die je krijgt" });
    expect(await within(mail).findByRole("checkbox", { name: "Nieuws van de boer" })).toBeChecked();
    expect(within(mail).getByRole("checkbox", { name: "Herinneringen aan meewerkdagen" })).not.toBeChecked();
  }, 20_000);

  it("is linked from the member's own household", async () => {
    mockApi((call) => {
      if (call.path === "/api/me") return ok(memberMe);
      if (call.path === "/api/households/hh_devries") return ok({ household: devries });
      return undefined;
    });
    renderApp("/households/hh_devries");
    expect(await screen.findByRole("link", { name: /Mijn gegevens/ })).toHaveAttribute("href", "/my-data");
  });
});
