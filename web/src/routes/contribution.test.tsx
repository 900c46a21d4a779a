import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { CertificateDetail } from "../lib/membership";
import { type MandateInfo, type SolidarityMine, type StatementInfo, thisYear } from "../lib/contribution";
import { apiError, certificateDetail, findAlert, memberMe, mockApi, ok, renderApp } from "../test-utils";

const year = thisYear();

const certificate: CertificateDetail = certificateDetail();

function statement(): StatementInfo {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  return {
    householdID: "hh_devries",
    name: "Familie De Vries",
    paymentReference: "RF47 1234 5678 9012",
    year,
    mouths: 2.5,
    rateCents: 1053,
    solidarityPercent: 0,
    solidarity: { choice: "standard", percent: 0 },
    yearlyCents: 52052,
    instalments: months.map((month, i) => ({
      month,
      due: `${month}-01`,
      mouths: 2.5,
      rateCents: 1053,
      amountCents: i < 8 ? 4338 : 4337,
      paidCents: i < 2 ? (i < 8 ? 4338 : 4337) : 0,
      payBy: `${month}-01`,
      inRun: false,
      status: i < 2 ? "paid" : i === 2 ? "late" : "upcoming",
    })),
    paidCents: 8676,
    dueCents: 13014,
    openCents: 4338,
    toCollectCents: 52052 - 8676 - 4338,
    lateCents: 4338,
    balanceCents: -4338,
    payments: [],
  };
}

const pot = {
  year,
  supporters: 9,
  supporterMouths: 20,
  reduced: 4,
  carriesMouths: 12,
  supportCents: 300_000,
  grantedCents: 250_000,
  availableCents: 50_000,
};

/** A household that has left: no member role, its membership ended and its deposit to be refunded. */
const formerMe = { ...memberMe, household: { ...memberMe.household!, status: "left" as const }, roles: [] };
const leftCertificate: CertificateDetail = {
  ...certificate,
  householdStatus: "left",
  paidCents: 200_000,
  outstandingCents: 0,
  status: "refund_due",
  noticeGivenAt: "2026-06-01T10:00:00.000Z",
  endDate: "2026-12-31",
};

function contributionApi(opts: { confirmed?: boolean; noticeEndDate?: string; former?: boolean } = {}) {
  let mandate: MandateInfo | null = null;
  let mineCertificate: CertificateDetail = opts.former ? leftCertificate : { ...certificate, noticeEndDate: opts.noticeEndDate ?? null };
  let mine: SolidarityMine = { year, choice: "standard", percent: 0, reason: null };
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(opts.former ? formerMe : memberMe);
    if (call.path === "/api/households/hh_devries/certificate") return ok({ certificate: mineCertificate });
    if (call.path === "/api/households/hh_devries/certificate/notice" && call.method === "POST") {
      if (!opts.noticeEndDate)
        return {
          status: 409,
          body: {
            error: {
              firstPossibleEndDate: "2028-12-31",
              code: "membership.minimum_term",
              message: "The minimum term of 3 years is not over: the membership can end on 2028-12-31 at the earliest.",
            },
          },
        };
      mineCertificate = { ...mineCertificate, noticeGivenAt: "2027-03-01T10:00:00.000Z", endDate: opts.noticeEndDate, noticeEndDate: null };
      return ok({ certificate: mineCertificate });
    }
    if (call.path === "/api/households/hh_devries/certificate/notice" && call.method === "DELETE") {
      mineCertificate = { ...mineCertificate, noticeGivenAt: null, endDate: null, noticeEndDate: opts.noticeEndDate ?? null };
      return ok({ certificate: mineCertificate });
    }
    if (call.path === `/api/households/hh_devries/statement?year=${year}`)
      return opts.confirmed === false ? apiError(409, "season.not_confirmed") : ok(statement());
    if (call.path === "/api/households/hh_devries/mandate" && call.method === "GET")
      return ok({ mandate: mandate ?? null });
    if (call.path === "/api/households/hh_devries/mandate" && call.method === "DELETE") {
      if (!mandate) return apiError(404, "mandate.not_found");
      mandate = { ...mandate, status: "revoked" };
      return ok({ mandate });
    }
    if (call.path === "/api/households/hh_devries/mandate" && call.method === "PUT") {
      const body = call.body as { iban: string; accountHolder: string; signedOn: string };
      // another household's account
      if (body.iban === "NL20INGB0001234567") return apiError(409, "mandate.iban_taken");
      if (body.iban !== "NL91ABNA0417164300")
        return apiError(400, "input.invalid", [{ path: "iban", message: "This is not a valid IBAN." }]);
      mandate = {
        householdID: "hh_devries",
        mandateID: "AKKER-01",
        iban: "NL91 ABNA 0417 1643 00",
        bic: null,
        accountHolder: body.accountHolder,
        signedOn: body.signedOn,
        status: "active",
        firstCollection: null,
        updatedAt: "2027-03-01T10:00:00.000Z",
      };
      return ok({ mandate });
    }
    if (call.path === `/api/households/hh_devries/solidarity?year=${year}`) return ok({ solidarity: mine });
    if (call.path === "/api/households/hh_devries/solidarity" && call.method === "PUT") {
      const body = call.body as { choice: "reduced"; percent: number; reason?: string };
      if (body.percent > 30) return apiError(409, "solidarity.pot_exhausted");
      mine = { year, choice: body.choice, percent: body.percent, reason: body.reason ?? null };
      return ok({ solidarity: mine });
    }
    if (call.path === `/api/contribution/solidarity?year=${year}`) return ok(pot);
    return undefined;
  });
}

describe("my contribution", () => {
  it("shows the certificate and the year's instalments with their status", async () => {
    contributionApi();
    renderApp("/contribution");

    expect(await screen.findByRole("heading", { level: 1, name: "Mijn bijdrage" })).toBeInTheDocument();
    const cert = await screen.findByRole("region", { name: "Ons certificaat" });
    expect(within(cert).getByText("Heel certificaat")).toBeInTheDocument();
    expect(within(cert).getByText("Nog te betalen").nextElementSibling?.textContent?.replace(/\s/g, " ")).toBe("€ 1.500,00");

    const table = await screen.findByRole("table", { name: "Termijnen" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(12);
    expect([...rows[0]!.children].map((c) => c.textContent?.replace(/\s/g, " "))).toEqual([
      `januari ${year}`,
      "€ 43,38",
      "€ 43,38",
      "Betaald",
    ]);
    expect(rows[2]!.lastElementChild).toHaveTextContent("Nog open");
    expect(rows[11]!.children[1]?.textContent?.replace(/\s/g, " ")).toBe("€ 43,37");
    const statement = screen.getByRole("region", { name: `Jaaroverzicht ${year}` });
    expect(within(statement).getByText("Saldo").nextElementSibling?.textContent?.replace(/\s/g, " ")).toBe(
      "€ 43,38 nog te betalen",
    );
    // the reference that books a transfer on the household by itself
    expect(within(statement).getByText("Betalingskenmerk").nextElementSibling).toHaveTextContent("RF47 1234 5678 9012");
  });

  it("shows a household that has left its refund and statement, and offers no solidarity choice it may no longer make", async () => {
    const api = contributionApi({ former: true });
    renderApp("/contribution");

    const menu = await screen.findByRole("navigation", { name: "Hoofdmenu" });
    expect(within(menu).getAllByRole("link").map((a) => a.textContent)).toEqual(["Start", "Mijn huishouden", "Lidmaatschap"]);
    const cert = await screen.findByRole("region", { name: "Ons certificaat" });
    expect(within(cert).getByText("Terug te betalen")).toBeInTheDocument();
    expect(within(cert).queryByRole("button")).not.toBeInTheDocument();
    expect(await screen.findByRole("table", { name: "Termijnen" })).toBeInTheDocument();
    expect(await screen.findByRole("region", { name: "Automatische incasso" })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Solidariteit" })).not.toBeInTheDocument();
    expect(api.calls.filter((c) => c.path.includes("solidarity"))).toEqual([]);
  });

  it("says when the year's price is not set yet", async () => {
    contributionApi({ confirmed: false });
    renderApp("/contribution");

    expect(await screen.findByText(`De bijdrage voor ${year} is nog niet vastgesteld.`)).toBeInTheDocument();
  });

  it("gives a mandate, with an invalid IBAN told at the field", async () => {
    const user = userEvent.setup();
    const api = contributionApi();
    renderApp("/contribution");

    const region = await screen.findByRole("region", { name: "Automatische incasso" });
    await within(region).findByText("Jullie hebben nog geen machtiging gegeven.");
    const iban = within(region).getByLabelText("IBAN");
    await user.type(iban, "NL91 ABNA 0417 1643 01");
    await user.type(within(region).getByLabelText("Naam rekeninghouder"), "A. de Vries");
    await user.click(within(region).getByRole("button", { name: "Machtiging opslaan" }));

    await findAlert("Niet alles is goed ingevuld.");
    expect(iban).toHaveAttribute("aria-invalid", "true");
    expect(iban).toHaveAccessibleDescription(expect.stringContaining("Dit is geen geldig IBAN van een SEPA-land."));

    // an account on another household's mandate: only the treasurer can let them share it
    await user.clear(iban);
    await user.type(iban, "NL20INGB0001234567");
    await user.click(within(region).getByRole("button", { name: "Machtiging opslaan" }));
    await findAlert("Dit rekeningnummer staat al op de machtiging van een ander huishouden. Klopt het dat jullie een rekening delen? Vraag de penningmeester om het vast te leggen.");

    await user.clear(iban);
    await user.type(iban, "NL91ABNA0417164300");
    await user.click(within(region).getByRole("button", { name: "Machtiging opslaan" }));

    expect(await within(region).findByText("Nu: NL91 ABNA 0417 1643 00 op naam van A. de Vries")).toBeInTheDocument();
    expect(within(region).getByText("De machtiging is opgeslagen.")).toBeInTheDocument();
    const put = api.find("PUT", "/api/households/hh_devries/mandate");
    expect(put[2]?.body).toMatchObject({ iban: "NL91ABNA0417164300", accountHolder: "A. de Vries" });
    expect((put[2]?.body as { signedOn: string }).signedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("shows only the pot's totals, and asks for a reduction with a reason for the treasurer", async () => {
    const user = userEvent.setup();
    const api = contributionApi();
    renderApp("/contribution");

    const region = await screen.findByRole("region", { name: "Solidariteit" });
    expect(await within(region).findByText("De pot draagt 12 monden.")).toBeInTheDocument();
    expect(within(region).getByText("Hier staan alleen totalen, nooit wie.")).toBeInTheDocument();

    await user.click(within(region).getByRole("radio", { name: /Ik vraag een lagere bijdrage/ }));
    const reason = within(region).getByLabelText("Korte toelichting");
    expect(reason).toHaveAccessibleDescription(
      "Alleen de penningmeester leest dit. Het bestuur en andere leden zien het niet.",
    );
    const percent = within(region).getByLabelText("Percentage");
    expect(percent).toHaveValue(25);
    await user.clear(percent);
    await user.type(percent, "50");
    await user.type(reason, "Minder werk dit jaar");
    await user.click(within(region).getByRole("button", { name: "Keuze opslaan" }));

    await findAlert("De solidariteitspot kan deze verlaging nu niet dragen.");

    await user.clear(percent);
    await user.type(percent, "20");
    await user.click(within(region).getByRole("button", { name: "Keuze opslaan" }));

    expect(await within(region).findByText("Jullie keuze is opgeslagen.")).toBeInTheDocument();
    await waitFor(() =>
      expect(within(region).getByText("Nu gekozen: Ik vraag een lagere bijdrage (20%)")).toBeInTheDocument(),
    );
    expect(api.find("PUT", "/api/households/hh_devries/solidarity")[1]?.body).toEqual({
      choice: "reduced",
      year,
      percent: 20,
      reason: "Minder werk dit jaar",
    });
  });

  it("tells the first possible end date when notice comes before the minimum term is over", async () => {
    const user = userEvent.setup();
    const api = contributionApi();
    renderApp("/contribution");

    const notice = await screen.findByRole("region", { name: "Opzeggen" });
    await user.click(within(notice).getByRole("button", { name: "Lidmaatschap opzeggen" }));
    const yes = within(notice).getByRole("button", { name: "Ja, opzeggen" });
    expect(yes).toHaveAccessibleDescription("Weet je zeker dat jullie willen opzeggen?");
    await user.click(yes);

    await findAlert(
      "De minimale looptijd is nog niet voorbij. Het lidmaatschap kan op zijn vroegst eindigen op 31 december 2028.",
    );
    expect(api.find("POST", "/api/households/hh_devries/certificate/notice")).toHaveLength(1);
  });

  it("gives notice for the end of the year, and withdraws it", async () => {
    const user = userEvent.setup();
    const api = contributionApi({ noticeEndDate: "2027-12-31" });
    renderApp("/contribution");

    const notice = await screen.findByRole("region", { name: "Opzeggen" });
    expect(within(notice).getByText("Als jullie nu opzeggen, eindigt het lidmaatschap op 31 december 2027.")).toBeInTheDocument();
    await user.click(within(notice).getByRole("button", { name: "Lidmaatschap opzeggen" }));
    await user.click(within(notice).getByRole("button", { name: "Ja, opzeggen" }));

    expect(
      await within(notice).findByText("De opzegging is opgeslagen. Het lidmaatschap eindigt op 31 december 2027."),
    ).toBeInTheDocument();
    expect(within(notice).getByText("Jullie hebben opgezegd. Het lidmaatschap eindigt op 31 december 2027.")).toBeInTheDocument();

    await user.click(within(notice).getByRole("button", { name: "Opzegging intrekken" }));
    await user.click(within(notice).getByRole("button", { name: "Ja, intrekken" }));
    expect(await within(notice).findByText("De opzegging is ingetrokken. Het lidmaatschap loopt door.")).toBeInTheDocument();
    expect(within(notice).getByRole("button", { name: "Lidmaatschap opzeggen" })).toBeInTheDocument();
    expect(api.find("DELETE", "/api/households/hh_devries/certificate/notice")).toHaveLength(1);
  });

  it("revokes the mandate after asking", async () => {
    const user = userEvent.setup();
    const api = contributionApi();
    renderApp("/contribution");

    const region = await screen.findByRole("region", { name: "Automatische incasso" });
    await within(region).findByText("Jullie hebben nog geen machtiging gegeven.");
    expect(within(region).queryByRole("button", { name: "Machtiging intrekken" })).not.toBeInTheDocument();
    await user.type(within(region).getByLabelText("IBAN"), "NL91ABNA0417164300");
    await user.type(within(region).getByLabelText("Naam rekeninghouder"), "A. de Vries");
    await user.click(within(region).getByRole("button", { name: "Machtiging opslaan" }));

    const revoke = await within(region).findByRole("button", { name: "Machtiging intrekken" });
    await user.click(revoke);
    await user.click(within(region).getByRole("button", { name: "Annuleren" }));
    expect(api.find("DELETE", "/api/households/hh_devries/mandate")).toHaveLength(0);
    expect(within(region).getByRole("button", { name: "Machtiging intrekken" })).toHaveFocus();

    await user.click(within(region).getByRole("button", { name: "Machtiging intrekken" }));
    const yes = within(region).getByRole("button", { name: "Ja, intrekken" });
    expect(yes).toHaveAccessibleDescription(expect.stringContaining("De boerderij schrijft dan niets meer af"));
    await user.click(yes);

    expect(await within(region).findByText("De machtiging is ingetrokken.")).toBeInTheDocument();
    expect(within(region).getByText("Deze machtiging is ingetrokken.")).toBeInTheDocument();
    expect(within(region).queryByRole("button", { name: "Machtiging intrekken" })).not.toBeInTheDocument();
    expect(api.find("DELETE", "/api/households/hh_devries/mandate")).toHaveLength(1);
  });
});
