import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ImportReport, ReviewLine, ReviewList } from "../lib/contribution";
import type { MeInfo } from "../lib/person";
import { apiError, boardMe, memberMe, mockApi, ok, renderApp } from "../test-utils";

const treasurerMe: MeInfo = { ...boardMe, roles: ["member", "treasurer"] };

const line = (id: string, over: Partial<ReviewLine> = {}): ReviewLine => ({
  id,
  state: "review",
  reason: "unknown",
  format: "camt053",
  line: 50,
  bookingDate: "2026-12-21",
  amountCents: 2167,
  currency: "EUR",
  counterIBAN: "NL75RABO6049081956",
  counterName: "Mulder & Zn",
  description: "Solidariteitsbijdrage",
  structuredReference: null,
  returnCode: null,
  batchID: null,
  candidates: [],
  householdID: null,
  ...over,
});

const households = [
  { householdID: "hh_bakker", name: "Bakker" },
  { householdID: "hh_meijer", name: "Meijer" },
  { householdID: "hh_meijerdijk", name: "Meijer-Dijk" },
  { householdID: "hh_mulder", name: "Mulder" },
];

function treasurerApi(me: MeInfo = treasurerMe) {
  const list: ReviewList = {
    review: [
      line("6d75", {}),
      line("616d", { reason: "ambiguous", counterName: "A. Meijer", amountCents: 4334, candidates: households.slice(1, 3) }),
    ],
    held: [line("6865", { state: "held", reason: "return", amountCents: -4334, counterName: "R. Smit", returnCode: "AC04" })],
    households,
  };
  const report: ImportReport = {
    format: "rabobank-csv",
    account: "NL71RABO6627312220",
    lines: 10,
    imported: 6,
    alreadyThere: 0,
    payments: [],
    review: [list.review[0]!],
    held: [],
    notForUs: [{ line: 4, reason: "debit", amountCents: -125_000, currency: "EUR", description: "Factuur 2026-118 zaaizaad" }],
    refused: [{ line: 7, code: "bank.line.amount", message: "Not an amount: \"veel\"." }],
  };
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(me);
    if (call.path === "/api/payments/review" && call.method === "GET") return ok(list);
    if (call.path === "/api/payments/import") return ok(report);
    const decide = /^\/api\/payments\/review\/([^/]+)$/.exec(call.path);
    if (decide && call.method === "POST") {
      const found = list.review.find((l) => l.id === decide[1]);
      if (!found) return apiError(409, "bank.line_decided");
      const body = call.body as { householdID?: string; alsoImported?: boolean };
      // Bakker paid € 21,67 on that day by hand already
      if (body.householdID === "hh_bakker" && found.amountCents === 2167 && !body.alsoImported)
        return {
          status: 409,
          body: { error: { code: "payment.maybe_imported", message: "Recorded by hand.", importedID: "pay_h", importedDate: found.bookingDate, importedAmountCents: 2167, importedReference: "contant", importedSource: "manual" } },
        };
      list.review = list.review.filter((l) => l !== found);
      return ok({ line: { ...found, state: body.householdID ? "booked" : "dismissed", householdID: body.householdID ?? null }, payment: null, created: true });
    }
    return undefined;
  });
}

describe("the bank import", () => {
  it("sends the chosen file's bytes as they are and reports, with refused lines in Dutch", async () => {
    const user = userEvent.setup();
    const api = treasurerApi();
    renderApp("/contribution/import");

    const region = await screen.findByRole("region", { name: "Bestand van de bank" });
    const file = new File(['"IBAN/BBAN","Munt"\n'], "CSV_A_20261231.csv", { type: "application/vnd.ms-excel" });
    await user.upload(within(region).getByLabelText("Bestand"), file);
    await user.click(within(region).getByRole("button", { name: "Inlezen" }));

    expect(await within(region).findByText(/^6 betalingen geboekt, 0 stonden er al, 1 om na te kijken, 0 bij een incasso\.$/)).toBeInTheDocument();
    expect(within(region).getByText("Regel 7: geen leesbaar bedrag")).toBeInTheDocument();
    expect(within(region).getByText("1 regel is geen bijdrage (afschrijvingen, andere valuta)")).toBeInTheDocument();
    const sent = api.find("POST", "/api/payments/import")[0]!;
    expect(sent.init?.body).toBe(file);
    expect(new Headers(sent.init?.headers).get("content-type")).toBe("application/octet-stream");
  });

  it("asks for a file before sending anything", async () => {
    const user = userEvent.setup();
    const api = treasurerApi();
    renderApp("/contribution/import");
    const region = await screen.findByRole("region", { name: "Bestand van de bank" });
    await user.click(within(region).getByRole("button", { name: "Inlezen" }));
    expect(await within(region).findByText("Kies eerst een bestand.")).toBeInTheDocument();
    expect(api.find("POST", "/api/payments/import")).toHaveLength(0);
  });
});

describe("the review list", () => {
  it("offers the likely households first and books a line on one in one tap", async () => {
    const user = userEvent.setup();
    const api = treasurerApi();
    renderApp("/contribution/import");

    const items = await within(await screen.findByRole("region", { name: "Na te kijken" })).findAllByRole("listitem");
    const meijer = items.find((i) => i.textContent?.includes("A. Meijer"))!;
    expect(within(meijer).getByText(/Past bij meer dan één huishouden/)).toBeInTheDocument();
    await user.click(within(meijer).getByRole("button", { name: "Boek op Meijer-Dijk" }));

    expect(await screen.findByText("€ 43,34 geboekt op Meijer-Dijk.")).toBeInTheDocument();
    expect(api.find("POST", "/api/payments/review/616d")[0]?.body).toEqual({ householdID: "hh_meijerdijk" });
    await waitFor(() => expect(screen.queryByText(/A\. Meijer/)).not.toBeInTheDocument());
  });

  it("asks before booking a line alike to a payment recorded by hand, and books it when told it is another", async () => {
    const user = userEvent.setup();
    const api = treasurerApi();
    renderApp("/contribution/import");

    const items = await within(await screen.findByRole("region", { name: "Na te kijken" })).findAllByRole("listitem");
    const mulder = items.find((i) => i.textContent?.includes("Mulder & Zn"))!;
    await user.type(within(mulder).getByLabelText("Zoek huishouden"), "bak");
    await user.click(within(mulder).getByRole("button", { name: "Boek op Bakker" }));

    expect(await within(mulder).findByText(/Op 21 december 2026 staat al € 21,67 op dit huishouden, met de hand geboekt \(kenmerk: contant\)/)).toBeInTheDocument();
    await user.click(within(mulder).getByRole("button", { name: "Toch boeken op Bakker" }));
    expect(await screen.findByText("€ 21,67 geboekt op Bakker.")).toBeInTheDocument();
    expect(api.find("POST", "/api/payments/review/6d75").map((c) => c.body)).toEqual([{ householdID: "hh_bakker" }, { householdID: "hh_bakker", alsoImported: true }]);
  });

  it("finds any household by a part of its name, and sets a line aside as no contribution", async () => {
    const user = userEvent.setup();
    const api = treasurerApi();
    renderApp("/contribution/import");

    const items = await within(await screen.findByRole("region", { name: "Na te kijken" })).findAllByRole("listitem");
    const mulder = items.find((i) => i.textContent?.includes("Mulder & Zn"))!;
    await user.type(within(mulder).getByLabelText("Zoek huishouden"), "mul");
    expect(within(mulder).getAllByRole("button", { name: /^Boek op/ }).map((b) => b.textContent)).toEqual(["Boek op Mulder"]);
    await user.clear(within(mulder).getByLabelText("Zoek huishouden"));
    await user.type(within(mulder).getByLabelText("Zoek huishouden"), "xyz");
    expect(within(mulder).getByText("Geen huishouden met deze naam.")).toBeInTheDocument();
    await user.click(within(mulder).getByRole("button", { name: "Geen bijdrage" }));
    expect(await screen.findByText("Weggezet: niet geboekt.")).toBeInTheDocument();
    expect(api.find("POST", "/api/payments/review/6d75")[0]?.body).toEqual({ dismiss: true });
  });

  it("shows collections and returns as kept for the collection run, without buttons", async () => {
    treasurerApi();
    renderApp("/contribution/import");
    const held = await screen.findByRole("region", { name: "Bij een incasso" });
    expect(within(held).getByText("1 regel bekijken")).toBeInTheDocument();
    expect(within(held).getByText(/R\. Smit/)).toBeInTheDocument();
    expect(within(held).queryByRole("button")).not.toBeInTheDocument();
  });

  it("is not for members", async () => {
    const api = treasurerApi(memberMe);
    renderApp("/contribution/import");
    expect(await screen.findByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeInTheDocument();
    expect(api.calls.some((c) => c.path.startsWith("/api/payments"))).toBe(false);
  });
});
