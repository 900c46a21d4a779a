import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { MeInfo } from "../lib/person";
import type { ApplicationInfo, CertificateInfo, Register, Waitlist } from "../lib/membership";
import { apiError, boardMe, findAlert, memberMe, mockApi, ok, renderApp } from "../test-utils";

function application(id: string, name: string, position: number | null, changes: Partial<ApplicationInfo> = {}): ApplicationInfo {
  return {
    id,
    name,
    email: `${id}@voorbeeld.nl`,
    adults: 2,
    children: 0,
    mouths: 2,
    vegetarian: false,
    certificate: "full",
    plan: "once",
    locale: "nl",
    status: "waiting",
    position,
    appliedAt: "2027-01-10T10:00:00.000Z",
    offeredAt: null,
    offerExpiresAt: null,
    closedAt: null,
    householdID: null,
    ...changes,
  };
}

const capacity = { capacityMouths: 500, memberMouths: 496, offeredMouths: 0, freeMouths: 4, leavingMouths: 2.5 };

function waitlistApi(me: MeInfo = boardMe) {
  let list: Waitlist = {
    applications: [
      application("application_1", "Familie Bakker", 1, { mouths: 3, adults: 3 }),
      application("application_2", "Jansen", 2, { vegetarian: true }),
      application("application_3", "Öztürk", 3),
    ],
    capacity,
  };
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(me);
    if (call.path === "/api/applications" && call.method === "GET") return ok(list);
    if (call.path === "/api/applications/offers") {
      const offered = application("application_1", "Familie Bakker", null, {
        mouths: 3,
        status: "offered",
        offerExpiresAt: "2027-03-15T09:00:00.000Z",
      });
      list = {
        applications: [offered, application("application_2", "Jansen", 1, { vegetarian: true }), application("application_3", "Öztürk", 2)],
        capacity: { ...capacity, offeredMouths: 3, freeMouths: 1 },
      };
      return ok({ offers: [offered], capacity: list.capacity });
    }
    if (call.path === "/api/applications/application_3/offer") return apiError(409, "application.does_not_fit");
    return undefined;
  });
}

describe("the waiting list", () => {
  it("shows the list in order with the room on the farm, and offers places in order", async () => {
    const user = userEvent.setup();
    const api = waitlistApi();
    renderApp("/waitlist");

    expect(await screen.findByRole("heading", { level: 1, name: "Wachtlijst" })).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: "Op de wachtlijst" });
    expect(within(table).getAllByRole("row").slice(1).map((r) => r.children[1]?.textContent)).toEqual([
      "Familie Bakker",
      "Jansen · vegetarisch",
      "Öztürk",
    ]);
    expect(screen.getByText("Vrij", { selector: "dt" }).nextElementSibling).toHaveTextContent("4");
    expect(screen.getByText("Vertrekkend", { selector: "dt" }).nextElementSibling).toHaveTextContent("2,5");
    expect(screen.getByRole("button", { name: "Plek aanbieden aan Jansen" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Plaatsen aanbieden" }));

    expect(await screen.findByText("1 plek aangeboden.")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText("Vrij", { selector: "dt" }).nextElementSibling).toHaveTextContent("1"));
    expect(screen.getByText(/^Aangeboden tot 15 maart 2027/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Plek aanbieden aan Familie Bakker" })).not.toBeInTheDocument();
    expect(api.find("POST", "/api/applications/offers")).toHaveLength(1);
  });

  it("tells when one application does not fit", async () => {
    const user = userEvent.setup();
    waitlistApi();
    renderApp("/waitlist");

    await user.click(await screen.findByRole("button", { name: "Plek aanbieden aan Öztürk" }));

    await findAlert("Deze aanmelding past niet in de vrije monden.");
  });

  it("is not for members", async () => {
    waitlistApi(memberMe);
    renderApp("/waitlist");

    expect(await screen.findByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeInTheDocument();
  });
});

function certificate(householdID: string, householdName: string, changes: Partial<CertificateInfo> = {}): CertificateInfo {
  return {
    householdID,
    householdName,
    householdStatus: "active",
    certificate: "full",
    mouths: 2,
    depositCents: 200_000,
    paidCents: 200_000,
    outstandingCents: 0,
    plan: "once",
    instalmentCount: 8,
    status: "paid",
    memberSince: "2024-01-01",
    firstPossibleEndDate: "2026-12-31",
    noticeGivenAt: null,
    endDate: null,
    refundedAt: null,
    refundedCents: null,
    ...changes,
  };
}

function register(leaving: CertificateInfo["status"]): Register {
  return {
    certificates: [
      certificate("hh_devries", "Familie De Vries"),
      certificate("hh_jansen", "Familie Jansen", {
        certificate: "half",
        depositCents: 100_000,
        paidCents: 25_000,
        outstandingCents: 75_000,
        status: "pending",
        plan: "instalments",
      }),
      certificate("hh_weg", "Familie Weg", { status: leaving, endDate: "2026-12-31", householdStatus: "left" }),
    ],
    totals: {
      households: 3,
      depositCents: 500_000,
      paidCents: 425_000,
      outstandingCents: 75_000,
      refundDueCents: leaving === "refund_due" ? 200_000 : 0,
      byStatus: { pending: 1, paid: 1, refund_due: leaving === "refund_due" ? 1 : 0, refunded: leaving === "refunded" ? 1 : 0 },
    },
  };
}

const treasurerMe: MeInfo = { ...boardMe, roles: ["member", "treasurer"] };

describe("the certificate register", () => {
  it("lists every certificate with totals and a CSV download; the treasurer marks a refund", async () => {
    const user = userEvent.setup();
    let state: CertificateInfo["status"] = "refund_due";
    const api = mockApi((call) => {
      if (call.path === "/api/me") return ok(treasurerMe);
      if (call.path === "/api/certificates") return ok(register(state));
      if (call.path === "/api/certificates/hh_weg/refund") {
        state = "refunded";
        const c = register(state).certificates[2]!;
        return ok({ certificate: { ...c, instalments: [], payments: [], noticeEndDate: null } });
      }
      return undefined;
    });
    renderApp("/certificates");

    expect(await screen.findByRole("heading", { level: 1, name: "Certificaten" })).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: "Alle certificaten" });
    const cells = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => [...r.children].slice(0, 5).map((c) => c.textContent?.replace(/\s/g, " ")));
    expect(cells).toEqual([
      ["Familie De Vries", "Heel certificaat", "€ 2.000,00", "€ 2.000,00", "Betaald"],
      ["Familie Jansen", "Half certificaat", "€ 1.000,00", "€ 250,00", "Inleg nog open"],
      ["Familie Weg", "Heel certificaat", "€ 2.000,00", "€ 2.000,00", "Terug te betalen"],
    ]);
    expect(screen.getByText("Terug te betalen", { selector: "dt" }).nextElementSibling?.textContent?.replace(/\s/g, " ")).toBe(
      "€ 2.000,00",
    );
    expect(screen.getByRole("link", { name: "Download als CSV (voor een spreadsheet)" })).toHaveAttribute(
      "href",
      "/api/certificates.csv",
    );

    await user.click(screen.getByRole("button", { name: "Inleg van Familie Weg terugbetaald" }));
    await user.click(screen.getByRole("button", { name: "Ja, terugbetaald" }));

    expect(await screen.findByText("De inleg van Familie Weg staat nu als terugbetaald.")).toBeInTheDocument();
    await waitFor(() => expect(within(table).getByText("Terugbetaald")).toBeInTheDocument());
    expect(api.find("POST", "/api/certificates/hh_weg/refund")).toHaveLength(1);
  });

  it("shows the board the register without refund buttons", async () => {
    mockApi((call) => {
      if (call.path === "/api/me") return ok(boardMe);
      if (call.path === "/api/certificates") return ok(register("refund_due"));
      return undefined;
    });
    renderApp("/certificates");

    await screen.findByRole("table");
    expect(screen.queryByRole("button", { name: /terugbetaald/ })).not.toBeInTheDocument();
  });
});
