import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { MeInfo } from "../lib/person";
import { type ContributionOverview, parseEuros, thisYear } from "../lib/contribution";
import { apiError, boardMe, findAlert, memberMe, mockApi, ok, renderApp } from "../test-utils";

const year = thisYear();
// a row's link opens the household's payments further down; jsdom cannot scroll there
Element.prototype.scrollIntoView ??= () => undefined;
const treasurerMe: MeInfo = { ...boardMe, roles: ["member", "treasurer"] };

function overview(paid: number): ContributionOverview {
  const row = (householdID: string, name: string, paidCents: number, mandate: boolean) => ({
    householdID,
    name,
    mouths: 2,
    yearlyCents: 52052,
    dueCents: 13014,
    paidCents,
    openCents: Math.max(0, 13014 - paidCents),
    toCollectCents: 52052 - Math.max(paidCents, 13014 - 4338),
    lateCents: Math.max(0, 13014 - paidCents - 4338),
    balanceCents: paidCents - 13014,
    late: 13014 - paidCents - 4338 > 0,
    daysLate: 13014 - paidCents - 4338 > 0 ? 40 : 0,
    state: (13014 - paidCents - 4338 > 0 ? "late" : paidCents < 13014 ? "open" : "paid") as "late" | "open" | "paid",
    mandate,
  });
  const households = [row("hh_devries", "Familie De Vries", paid, true), row("hh_jansen", "Familie Jansen", 13014, false)];
  const sum = (k: "openCents" | "toCollectCents") => households.reduce((n, h) => n + h[k], 0);
  return {
    year,
    today: `${year}-04-10`,
    graceDays: 5,
    households,
    budget: { budgetCents: 100000, contributionCents: 104104, differenceCents: 4104 },
    totals: {
      households: 2,
      late: households.filter((h) => h.late).length,
      yearlyCents: 104104,
      dueCents: 26028,
      paidCents: paid + 13014,
      openCents: sum("openCents"),
      toCollectCents: sum("toCollectCents"),
      lateCents: households.reduce((n, h) => n + h.lateCents, 0),
      balanceCents: paid + 13014 - 26028,
    },
  };
}

const entry = (id: string, amountCents: number, reference: string, reverses: string | null = null, date = `${year}-03-02`) => ({
  id,
  householdID: "hh_devries",
  year,
  kind: reverses ? ("reversal" as const) : ("payment" as const),
  amountCents,
  date,
  reference,
  source: "manual" as const,
  reverses,
  note: null,
  createdAt: `${year}-03-02T10:00:00Z`,
});

function treasurerApi(me: MeInfo = treasurerMe) {
  let paid = 0;
  let schedule = { year, steps: [] as number[], contact: null as string | null, graceDays: 5, updatedAt: null as string | null };
  // an import's payment (a batch's, its ID after the others) booked earlier in the year
  const ledger = [entry("pay_a", 4338, "Bijdrage maart"), entry("pay_b", 4338, "Bijdrage dubbel"), entry("pay_c.001", 4334, "Bijdrage januari", null, `${year}-01-15`)];
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(me);
    if (call.path === `/api/payments?year=${year}&householdID=hh_devries`)
      return ok({ payments: ledger, totalCents: ledger.reduce((n, p) => n + p.amountCents, 0) });
    if (call.path === `/api/payments?year=${year}&householdID=hh_jansen`) return ok({ payments: [], totalCents: 0 });
    const reverse = /^\/api\/payments\/([^/]+)\/reverse$/.exec(call.path);
    if (reverse && call.method === "POST") {
      const original = ledger.find((p) => p.id === reverse[1]);
      if (!original) return apiError(404, "payment.not_found");
      if (ledger.some((p) => p.reverses === original.id)) return apiError(409, "payment.already_reversed");
      const reversal = entry("pay_r", -original.amountCents, `reversal of ${original.reference}`, original.id);
      ledger.push(reversal);
      return { status: 201, body: { reversal } };
    }
    if (call.path === `/api/contribution/solidarity/households?year=${year}`)
      return ok({
        year,
        households: [
          { householdID: "hh_jansen", name: "Familie Jansen", choice: "supporter", percent: 10, reason: null, potCents: 5205, mouths: 2, updatedAt: "2027-01-10T10:00:00Z" },
          { householdID: "hh_devries", name: "Familie De Vries", choice: "reduced", percent: 20, reason: "Minder werk dit jaar", potCents: 10410, mouths: 2, updatedAt: "2027-01-11T10:00:00Z" },
        ],
      });
    if (call.path === `/api/contribution/overview?year=${year}`) return ok(overview(paid));
    if (call.path === "/api/payments") {
      const body = call.body as { amountCents: number; reference: string };
      if (!Number.isFinite(body.amountCents))
        return apiError(400, "input.invalid", [{ path: "amountCents", message: "Expected a number." }]);
      if (body.reference === "taken") return apiError(409, "payment.reference_taken");
      if (body.reference === "overschrijving" && !(call.body as { alsoImported?: boolean }).alsoImported)
        return {
          status: 409,
          body: { error: { code: "payment.maybe_imported", message: "Imported already.", importedID: "pay_i", importedDate: `${year}-01-05`, importedAmountCents: body.amountCents, importedReference: "Bijdrage januari" } },
        };
      paid += body.amountCents;
      return {
        status: 201,
        body: {
          payment: { id: "pay_1", householdID: "hh_devries", year, kind: "payment", amountCents: body.amountCents, date: "2027-03-02", reference: body.reference, source: "manual", reverses: null, note: null, createdAt: "2027-03-02T10:00:00Z" },
          duplicate: false,
        },
      };
    }
    if (call.path.startsWith("/api/sepa/")) return apiError(409, "sepa.nothing_to_collect");
    if (call.path === `/api/contribution/reminders/${year}`) {
      if (call.method === "GET") return ok({ schedule });
      const body = call.body as { steps: (number | null)[]; contact?: string };
      if (body.steps.some((d) => typeof d !== "number" || d < 5))
        return apiError(400, "input.invalid", [{ path: "steps", message: "Steps are whole days from 5 to 365." }]);
      schedule = { ...schedule, steps: body.steps as number[], contact: body.contact ?? "penning@example.nl", updatedAt: `${year}-03-02T10:00:00Z` };
      return ok({ schedule });
    }
    if (call.path === "/api/households/hh_jansen/mandate" && call.method === "PUT") {
      const body = call.body as { iban: string; accountHolder: string; signedOn: string; shareIBAN?: boolean };
      if (!body.shareIBAN) return apiError(409, "mandate.iban_taken");
      return ok({ mandate: { householdID: "hh_jansen", mandateID: "AKKER-01", iban: body.iban, bic: null, accountHolder: body.accountHolder, signedOn: body.signedOn, status: "active", firstCollection: null, updatedAt: `${year}-03-02T10:00:00Z` } });
    }
    return undefined;
  });
}

/** The treasurer's screen with Familie De Vries picked in one region's household picker. */
async function withDeVries(regionName: string) {
  const user = userEvent.setup();
  const api = treasurerApi();
  renderApp("/contribution/overview");
  const region = await screen.findByRole("region", { name: regionName });
  await user.type(within(region).getByRole("combobox", { name: "Huishouden" }), "vries");
  await user.click(within(region).getByRole("option", { name: "Familie De Vries" }));
  return { user, api, region };
}

describe("amounts in euros", () => {
  it("reads what people type as whole cents", () => {
    expect(parseEuros("43,38")).toBe(4338);
    expect(parseEuros("43.38")).toBe(4338);
    expect(parseEuros("€ 1.043,50")).toBe(104350);
    expect(parseEuros("1000")).toBe(100000);
    expect(parseEuros("12,5")).toBe(1250);
    expect(parseEuros("twaalf")).toBeNaN();
    expect(parseEuros("")).toBeNaN();
  });
});

describe("the treasurer's overview", () => {
  // the month's collection run has its own test (components/sepa-run.test.tsx)
  it("shows what is due, paid, still to collect and in arrears per household, with CSV", async () => {
    treasurerApi();
    renderApp("/contribution/overview");

    // the first screen of the file loads its lazy code: on a busy machine that takes a while
    expect(await screen.findByRole("heading", { level: 1, name: "Bijdragen en betalingen" }, { timeout: 5000 })).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: "Per huishouden" });
    const cells = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => [...r.children].map((c) => c.textContent?.replace(/\s/g, " ")));
    expect(cells).toEqual([
      ["Familie De Vries", "€ 130,14", "€ 0,00", "€ 433,76", "€ 86,76", "40", "ja"],
      ["Familie Jansen", "€ 130,14", "€ 130,14", "€ 390,38", "€ 0,00", "", "nee"],
    ]);
    expect(screen.getByText("€ 41,04 boven de begroting")).toBeInTheDocument();
    expect(screen.getByText("1 huishouden met achterstand")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Download als CSV (voor een spreadsheet)" })).toHaveAttribute(
      "href",
      `/api/contribution/overview.csv?year=${year}`,
    );
  });

  it("records a payment, telling a bad amount at its field", async () => {
    const user = userEvent.setup();
    const api = treasurerApi();
    renderApp("/contribution/overview");

    const form = await screen.findByRole("region", { name: "Betaling invoeren" });
    // at the top of the screen, before the table of every household
    const table = screen.getByRole("table", { name: "Per huishouden" });
    expect(form.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.type(within(form).getByRole("combobox", { name: "Huishouden" }), "vries");
    await user.click(within(form).getByRole("option", { name: "Familie De Vries" }));
    const amount = within(form).getByLabelText("Bedrag in euro");
    await user.type(amount, "veel");
    await user.type(within(form).getByLabelText("Kenmerk van de bank"), "Bijdrage maart");
    await user.click(within(form).getByRole("button", { name: "Betaling opslaan" }));
    await findAlert("Niet alles is goed ingevuld.");
    expect(amount).toHaveAccessibleDescription(expect.stringContaining("Vul een bedrag in van meer dan 0"));

    await user.clear(amount);
    await user.type(amount, "43,38");
    await user.click(within(form).getByRole("button", { name: "Betaling opslaan" }));

    expect(await within(form).findByText(/^€ 43,38 van Familie De Vries is opgeslagen\.$/)).toBeInTheDocument();
    expect(api.find("POST", "/api/payments")[1]?.body).toMatchObject({
      householdID: "hh_devries",
      amountCents: 4338,
      reference: "Bijdrage maart",
      year,
    });
    await waitFor(() => expect(within(table).getAllByRole("row")[1]?.children[2]?.textContent?.replace(/\s/g, " ")).toBe("€ 43,38"));
  });

  it("asks before saving a transfer a bank file booked already, and saves it anyway when told", async () => {
    const { user, api, region: form } = await withDeVries("Betaling invoeren");
    await user.type(within(form).getByLabelText("Bedrag in euro"), "43,34");
    await user.type(within(form).getByLabelText("Kenmerk van de bank"), "overschrijving");
    await user.click(within(form).getByRole("button", { name: "Betaling opslaan" }));
    await findAlert("Deze betaling is misschien al uit een bankbestand ingelezen.");
    const anyway = within(form).getByRole("button", { name: "Toch opslaan" });
    expect(anyway).toHaveAccessibleDescription(
      /^Op 5 januari \d{4} is al €\s43,34 van dit huishouden uit een bankbestand geboekt \(kenmerk: Bijdrage januari\)\. Is dit een andere betaling\? Sla hem dan toch op\.$/,
    );
    expect(api.find("POST", "/api/payments")[0]?.body).not.toHaveProperty("alsoImported");

    await user.click(anyway);
    expect(await within(form).findByText(/^€ 43,34 van Familie De Vries is opgeslagen\.$/)).toBeInTheDocument();
    expect(api.find("POST", "/api/payments")[1]?.body).toMatchObject({ householdID: "hh_devries", amountCents: 4334, reference: "overschrijving", alsoImported: true });
    expect(within(form).queryByRole("button", { name: "Toch opslaan" })).not.toBeInTheDocument();
  });

  it("records a mandate for a household, sharing an account only when ticked", async () => {
    const user = userEvent.setup();
    const api = treasurerApi();
    renderApp("/contribution/overview");

    const form = await screen.findByRole("region", { name: "Machtiging vastleggen" });
    await user.type(within(form).getByRole("combobox", { name: "Huishouden" }), "jansen");
    await user.click(within(form).getByRole("option", { name: "Familie Jansen" }));
    await user.type(within(form).getByLabelText("IBAN"), "NL91 ABNA 0417 1643 00");
    await user.type(within(form).getByLabelText("Naam rekeninghouder"), "Ouders Jansen");
    await user.click(within(form).getByRole("button", { name: "Machtiging opslaan" }));
    await findAlert("Dit rekeningnummer staat al op de machtiging van een ander huishouden.");
    expect(api.find("PUT", "/api/households/hh_jansen/mandate")[0]?.body).not.toHaveProperty("shareIBAN");

    await user.click(within(form).getByLabelText("Deze rekening mag ook op de machtiging van een ander huishouden staan"));
    await user.click(within(form).getByRole("button", { name: "Machtiging opslaan" }));
    expect(await within(form).findByText("De machtiging van Familie Jansen is opgeslagen.")).toBeInTheDocument();
    expect(api.find("PUT", "/api/households/hh_jansen/mandate")[1]?.body).toMatchObject({
      iban: "NL91 ABNA 0417 1643 00",
      accountHolder: "Ouders Jansen",
      shareIBAN: true,
    });
  });

  it("leads to the bank import", async () => {
    treasurerApi();
    renderApp("/contribution/overview");
    expect(await screen.findByRole("link", { name: "Bankafschrift inlezen en nakijken" })).toHaveAttribute("href", "/contribution/import");
  });

  it("is not for members", async () => {
    const api = treasurerApi(memberMe);
    renderApp("/contribution/overview");

    expect(await screen.findByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeInTheDocument();
    expect(screen.queryByText("Solidariteit: wie koos wat")).not.toBeInTheDocument();
    expect(api.calls.some((c) => c.path.startsWith("/api/contribution/solidarity/households"))).toBe(false);
  });

  it("reverses a payment from a household's ledger with a counter-entry", async () => {
    const { user, api, region } = await withDeVries("Betalingen van een huishouden");
    await user.click(within(region).getByRole("button", { name: "Betalingen tonen" }));
    const table = await within(region).findByRole("table", { name: "Betalingen van Familie De Vries" });
    expect(within(table).getAllByRole("row")).toHaveLength(4);
    // by booking date, as on the bank statement
    expect(within(table).getAllByRole("row")[1]).toHaveTextContent("Bijdrage januari");

    await user.click(within(table).getByRole("button", { name: "Betaling Bijdrage dubbel terugdraaien" }));
    const yes = within(table).getByRole("button", { name: "Ja, terugdraaien" });
    expect(yes).toHaveAccessibleDescription(/^Betaling van €\s43,38 \(Bijdrage dubbel\) terugdraaien met een tegenboeking\?$/);
    await user.click(yes);

    expect(await within(region).findByText("De betaling van € 43,38 is teruggedraaid.")).toBeInTheDocument();
    expect(api.find("POST", "/api/payments/pay_b/reverse")).toHaveLength(1);
    await waitFor(() => expect(within(region).getAllByRole("row")).toHaveLength(5));
    const rows = within(region).getAllByRole("row");
    expect(rows[3]!.lastElementChild).toHaveTextContent("Teruggedraaid");
    expect(rows[4]!.children[2]).toHaveTextContent("Tegenboeking");
    expect(within(region).getByRole("button", { name: "Betaling Bijdrage maart terugdraaien" })).toBeInTheDocument();
    expect(within(region).getByText("Totaal: € 86,72")).toBeInTheDocument();

    await user.clear(within(region).getByRole("combobox", { name: "Huishouden" }));
    await user.type(within(region).getByRole("combobox", { name: "Huishouden" }), "jansen");
    await user.click(within(region).getByRole("option", { name: "Familie Jansen" }));
    await user.click(within(region).getByRole("button", { name: "Betalingen tonen" }));
    expect(await within(region).findByText("Er zijn dit jaar nog geen betalingen van Familie Jansen.")).toBeInTheDocument();
  });

  it("filters, searches and sorts the households, and links each to its payments", async () => {
    const user = userEvent.setup();
    treasurerApi();
    renderApp("/contribution/overview");
    await screen.findByRole("table", { name: "Per huishouden" });
    // the table goes when no row is left, and comes back: find it each time
    const table = () => screen.getByRole("table", { name: "Per huishouden" });
    const names = () => within(table()).queryAllByRole("rowheader").map((r) => r.textContent);
    const filter = (name: string) => user.click(screen.getByRole("button", { name }));

    await filter("Betaald");
    expect(names()).toEqual(["Familie Jansen"]);
    expect(screen.getByRole("button", { name: "Betaald" })).toHaveAttribute("aria-pressed", "true");
    await filter("Met achterstand");
    expect(names()).toEqual(["Familie De Vries"]);
    await filter("Zonder machtiging");
    expect(names()).toEqual(["Familie Jansen"]);
    await filter("Nog open");
    expect(screen.getByText("Geen huishoudens bij deze keuze.")).toBeInTheDocument();
    await filter("Alle");
    expect(screen.getByText("2 huishoudens")).toBeInTheDocument();

    const search = screen.getByLabelText("Zoek een huishouden");
    await user.type(search, "jans");
    expect(names()).toEqual(["Familie Jansen"]);
    expect(screen.getByText("1 van 2 huishoudens")).toBeInTheDocument();
    await user.clear(search);
    // by number: the household's ID without its prefix
    await user.type(search, "devries");
    expect(names()).toEqual(["Familie De Vries"]);
    await user.clear(search);

    const late = within(table()).getByRole("button", { name: "Achterstand" });
    await user.click(late);
    expect(within(table()).getByRole("columnheader", { name: /Achterstand/ })).toHaveAttribute("aria-sort", "descending");
    expect(names()).toEqual(["Familie De Vries", "Familie Jansen"]);
    await user.click(late);
    expect(names()).toEqual(["Familie Jansen", "Familie De Vries"]);
    await user.click(within(table()).getByRole("button", { name: "Huishouden" }));
    expect(names()).toEqual(["Familie De Vries", "Familie Jansen"]);

    await user.click(within(table()).getByRole("link", { name: "Familie De Vries" }));
    const region = screen.getByRole("region", { name: "Betalingen van een huishouden" });
    expect(await within(region).findByRole("table", { name: "Betalingen van Familie De Vries" })).toBeInTheDocument();
  });

  it("sets the reminders for arrears, telling a bad step at its field", async () => {
    const user = userEvent.setup();
    const api = treasurerApi();
    renderApp("/contribution/overview");
    const region = await screen.findByRole("region", { name: "Herinneringen bij achterstand" });
    expect(await within(region).findByText("Er gaan nog geen herinneringen uit.")).toBeInTheDocument();
    const steps = within(region).getByLabelText("Na hoeveel dagen");
    await user.type(steps, "14, 2");
    await user.click(within(region).getByRole("button", { name: "Herinneringen opslaan" }));
    await findAlert("Niet alles is goed ingevuld.");
    expect(steps).toHaveAccessibleDescription(expect.stringContaining("Vul dagen in van 5 tot 365"));
    await user.clear(steps);
    await user.type(steps, "14, 30");
    await user.click(within(region).getByRole("button", { name: "Herinneringen opslaan" }));
    expect(await within(region).findByText("Opgeslagen: herinneringen na 14 en 30 dagen.")).toBeInTheDocument();
    expect(api.find("PUT", `/api/contribution/reminders/${year}`)[1]?.body).toEqual({ steps: [14, 30] });
    await waitFor(() => expect(within(region).getByLabelText("Contactadres voor leden")).toHaveValue("penning@example.nl"));
  });

  it("shows the treasurer who chose what in solidarity, with the reasons", async () => {
    treasurerApi();
    renderApp("/contribution/overview");

    const region = await screen.findByRole("region", { name: "Solidariteit: wie koos wat" });
    const table = await within(region).findByRole("table", { name: "Solidariteit: wie koos wat" });
    const cells = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => [...r.children].map((c) => c.textContent?.replace(/\s/g, " ")));
    expect(cells).toEqual([
      ["Familie Jansen", "Betaalt meer", "+10%", "+€ 52,05", ""],
      ["Familie De Vries", "Betaalt minder", "−20%", "−€ 104,10", "Minder werk dit jaar"],
    ]);
  });
});
