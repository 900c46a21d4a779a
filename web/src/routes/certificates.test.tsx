import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { MeInfo } from "../lib/person";
import type { CertificateDetail, Register } from "../lib/membership";
import { apiError, boardMe, certificateDetail, findAlert, mockApi, ok, renderApp } from "../test-utils";

const treasurerMe: MeInfo = { ...boardMe, roles: ["member", "treasurer"] };

function detail(paidCents: number): CertificateDetail {
  return certificateDetail({ paidCents, outstandingCents: 200_000 - paidCents, status: paidCents >= 200_000 ? "paid" : "pending" });
}

function register(paidCents: number): Register {
  const { instalments: _i, payments: _p, noticeEndDate: _n, ...info } = detail(paidCents);
  return {
    certificates: [info],
    totals: {
      households: 1,
      depositCents: 200_000,
      paidCents,
      outstandingCents: 200_000 - paidCents,
      refundDueCents: 0,
    },
  } as Register;
}

function registerApi(me: MeInfo = treasurerMe) {
  let paid = 0;
  const references = new Set<string>();
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(me);
    if (call.path === "/api/certificates") return ok(register(paid));
    if (call.path === "/api/certificates/hh_devries/deposit-payments" && call.method === "POST") {
      const body = call.body as { amountCents: number; date: string; reference: string };
      if (!Number.isFinite(body.amountCents))
        return apiError(400, "input.invalid", [{ path: "amountCents", message: "Expected a number." }]);
      if (body.reference === "elders") return apiError(409, "deposit.reference_used");
      const duplicate = references.has(body.reference);
      if (!duplicate) {
        references.add(body.reference);
        paid += body.amountCents;
      }
      const payment = { reference: body.reference, householdID: "hh_devries", amountCents: body.amountCents, date: body.date };
      return { status: duplicate ? 200 : 201, body: { payment, certificate: detail(paid), duplicate } };
    }
    return undefined;
  });
}

describe("the certificate register", () => {
  it("lets the treasurer record a deposit payment, once per reference", async () => {
    const user = userEvent.setup();
    const api = registerApi();
    renderApp("/certificates");

    const form = await screen.findByRole("region", { name: "Inlegbetaling boeken" });
    expect(within(form).getByLabelText("Huishouden")).toHaveValue("hh_devries");
    const amount = within(form).getByLabelText("Bedrag in euro");
    await user.type(amount, "veel");
    await user.type(within(form).getByLabelText("Kenmerk"), "INLEG-1");
    await user.click(within(form).getByRole("button", { name: "Betaling boeken" }));
    await findAlert("Niet alles is goed ingevuld.");
    expect(amount).toHaveAttribute("aria-invalid", "true");

    await user.clear(amount);
    await user.type(amount, "500,00");
    await user.click(within(form).getByRole("button", { name: "Betaling boeken" }));
    expect(await within(form).findByText("€ 500,00 inleg van Familie De Vries is geboekt.")).toBeInTheDocument();
    const post = api.find("POST", "/api/certificates/hh_devries/deposit-payments");
    expect(post[1]?.body).toMatchObject({ amountCents: 50_000, reference: "INLEG-1" });
    expect((post[1]?.body as { date: string }).date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The register's totals are read again.
    await waitFor(() => expect(api.find("GET", "/api/certificates").length).toBeGreaterThan(1));
    const totals = screen.getByRole("region", { name: "Totaal" });
    await waitFor(() =>
      expect(within(totals).getByText("Betaald").nextElementSibling?.textContent?.replace(/\s/g, " ")).toBe("€ 500,00"),
    );

    await user.type(within(form).getByLabelText("Bedrag in euro"), "500");
    await user.type(within(form).getByLabelText("Kenmerk"), "INLEG-1");
    await user.click(within(form).getByRole("button", { name: "Betaling boeken" }));
    expect(
      await within(form).findByText(
        "Deze betaling van Familie De Vries was al geboekt onder dit kenmerk. Er is niets dubbel geboekt.",
      ),
    ).toBeInTheDocument();

    await user.type(within(form).getByLabelText("Bedrag in euro"), "100");
    await user.type(within(form).getByLabelText("Kenmerk"), "elders");
    await user.click(within(form).getByRole("button", { name: "Betaling boeken" }));
    await findAlert("Dit kenmerk hoort al bij een andere inlegbetaling.");
  });

  it("shows the board the register without the payment form", async () => {
    registerApi(boardMe);
    renderApp("/certificates");

    expect(await screen.findByRole("table", { name: "Alle certificaten" })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Inlegbetaling boeken" })).not.toBeInTheDocument();
  });
});
