import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { HarvestOverview, HarvestSaveInput } from "../lib/harvest";
import { addWeeks, currentWeek, weekLabel } from "../lib/week";
import {
  apiError,
  boardMe,
  farmerMe,
  findAlert,
  harvestItems,
  harvestOverview,
  mockApi,
  ok,
  renderApp,
  type Reply,
} from "../test-utils";

const week = currentWeek();
const n = weekLabel(week, "nl");
/** A week published once and changed since: members still see the first split. */
const changedSincePublished = {
  status: "published",
  version: 1,
  dirty: true,
  publishedAt: "2027-04-09T10:00:00.000Z",
} satisfies Partial<HarvestOverview>;

/** The farm's harvest API for one week: saving gives a draft with its split, publishing publishes it. */
function farmerApi(
  opts: {
    stored?: HarvestOverview | null;
    save?: (body: HarvestSaveInput) => Reply;
    publish?: () => Reply;
    earlier?: Record<string, HarvestOverview>;
    me?: typeof farmerMe;
  } = {},
) {
  let stored = opts.stored ?? null;
  return mockApi((call) => {
    if (call.path === "/api/me") return ok(opts.me ?? farmerMe);
    if (call.path === `/api/harvests/${week}`) {
      if (call.method === "GET") return stored ? ok(stored) : apiError(404, "harvest.not_found");
      if (call.method === "PUT") {
        const body = call.body as HarvestSaveInput;
        const reply =
          opts.save?.(body) ??
          ok(
            harvestOverview(week, {
              ...(stored ?? {}),
              items: body.items,
              note: body.note || null,
              dirty: stored?.status === "published",
            }),
          );
        if (reply.status === 200) stored = reply.body as HarvestOverview;
        return reply;
      }
    }
    if (call.path === `/api/harvests/${week}/publish` && call.method === "POST") {
      const reply =
        opts.publish?.() ??
        ok({ ...stored!, status: "published", dirty: false, version: 1, publishedAt: "2027-04-09T10:00:00.000Z" });
      if (reply.status === 200) stored = reply.body as HarvestOverview;
      return reply;
    }
    const earlier = /^\/api\/harvests\/(\d{4}-W\d{2})$/.exec(call.path)?.[1];
    if (earlier && call.method === "GET")
      return opts.earlier?.[earlier] ? ok(opts.earlier[earlier]) : apiError(404, "harvest.not_found");
    return undefined;
  });
}

// The screen loads lazily: load its code once before the tests, so the first one does not wait for it on a busy machine.
beforeAll(() => import("./harvest-week"), 30_000);

const fields = (label: string) => screen.getAllByLabelText(label) as HTMLInputElement[];

describe("entering the harvest", () => {
  it("takes decimals with a comma, saves, shows the split, and publishes after confirming", async () => {
    const user = userEvent.setup();
    const api = farmerApi();
    renderApp(`/harvest/${week}`);

    expect(await screen.findByRole("heading", { level: 1, name: `Oogst ${n}` })).toBeInTheDocument();
    expect(document.title).toBe("Oogst invoeren · Akker");
    await user.type(await screen.findByLabelText("Gewas"), "Spinazie");
    await user.type(fields("Hoeveelheid")[0]!, "12,37");
    expect(fields("Hoeveelheid")[0]).toHaveAttribute("inputmode", "decimal");
    // The step shows the unit's default until the farmer names another.
    expect(fields("Stap")[0]).toHaveAttribute("placeholder", "0,05");

    await user.click(screen.getByRole("button", { name: "Gewas toevoegen" }));
    expect(fields("Gewas")[1]).toHaveFocus();
    await user.keyboard("Courgette");
    await user.selectOptions(fields("Eenheid")[1]!, "piece");
    expect(fields("Stap")[1]).toHaveAttribute("placeholder", "1");
    await user.type(fields("Hoeveelheid")[1]!, "40");

    await user.click(screen.getByRole("button", { name: "Gewas toevoegen" }));
    await user.keyboard("Gehakt");
    await user.type(fields("Hoeveelheid")[2]!, "5");
    await user.type(fields("Stap")[2]!, "0,5");
    await user.click(fields("Vlees")[2]!);
    // An empty row is left out.
    await user.click(screen.getByRole("button", { name: "Gewas toevoegen" }));
    await user.type(screen.getByLabelText("Bericht aan de leden"), "De eerste courgettes!");

    expect(screen.queryByRole("button", { name: "Publiceren" })).not.toBeInTheDocument();
    // jsdom does not scroll: see what is asked to come into view
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = function (this: Element, arg?: boolean | ScrollIntoViewOptions) {
      scrolled(this, arg);
    };
    await user.click(screen.getByRole("button", { name: "Opslaan en verdeling bekijken" }));

    expect(await screen.findByText("Opgeslagen. Hieronder staat de verdeling.")).toBeInTheDocument();
    expect(api.find("PUT", `/api/harvests/${week}`).map((c) => c.body)).toEqual([
      {
        items: [
          { crop: "Spinazie", unit: "kg", quantity: 12.37 },
          { crop: "Courgette", unit: "piece", quantity: 40 },
          { crop: "Gehakt", unit: "kg", quantity: 5, step: 0.5, meat: true },
        ],
        note: "De eerste courgettes!",
      },
    ]);

    const split = screen.getByRole("region", { name: "Voorbeeld van de verdeling" });
    await waitFor(() => expect(within(split).getByRole("heading", { level: 2 })).toHaveFocus());
    // the split's heading comes to the top of the screen, not left at the fold
    expect(scrolled).toHaveBeenCalledWith(within(split).getByRole("heading", { level: 2 }), { block: "start" });
    delete (Element.prototype as Partial<Element>).scrollIntoView;
    expect(split).toHaveTextContent("Concept: de leden zien deze week nog niet.");
    expect(within(split).getByText("Huishoudens", { selector: "dt" }).nextElementSibling).toHaveTextContent("3");
    expect(within(split).getByText("Monden", { selector: "dt" }).nextElementSibling).toHaveTextContent("6,5");
    expect(within(split).getByText("Afgemeld", { selector: "dt" }).nextElementSibling).toHaveTextContent("1");
    expect(split).toHaveTextContent("Afmelden sluit: donderdag 8 april 18:00");
    // Per crop first: per mouth, smallest to largest share, who gets none, what is left.
    const crops = within(split).getByRole("table", { name: "Per gewas" });
    expect(within(crops).getAllByRole("row").slice(1).map((r) => r.textContent)).toEqual([
      "Spinazie1,9 kg1,9 kg – 5,7 kg–0,02 kg",
      "Courgette6,154 stuks6 stuks – 19 stuks–0 stuks",
      "Gehakt0,909 kg2,5 kg–0 kg",
    ]);
    const table = within(split).getByRole("table", { name: "Per huishouden" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell").map((c) => c.textContent))).toEqual([
      ["2,5", "4,75 kg Spinazie15 stuks Courgette2,5 kg Gehakt"],
      ["1", "1,9 kg Spinazie6 stuks Courgette"],
      ["3", "5,7 kg Spinazie19 stuks Courgette2,5 kg Gehakt"],
    ]);
    expect(within(rows[1]!).getByRole("rowheader")).toHaveTextContent("Familie Jansen · vegetarisch");
    expect(within(split).getByRole("link", { name: "Paklijst" })).toHaveAttribute("href", `/harvest/${week}/picklist`);

    await user.click(within(split).getByRole("button", { name: "Publiceren" }));
    const yes = screen.getByRole("button", { name: "Ja, publiceren" });
    expect(yes).toHaveFocus();
    expect(yes).toHaveAccessibleDescription(
      "3 huishoudens krijgen een mail met hun aandeel. Wil je de oogst publiceren?",
    );
    expect(api.find("POST", `/api/harvests/${week}/publish`)).toHaveLength(0);
    await user.click(yes);

    expect(await screen.findByText("Gepubliceerd. De leden krijgen een mail met hun aandeel.")).toBeInTheDocument();
    expect(api.find("POST", `/api/harvests/${week}/publish`)).toHaveLength(1);
    const published = screen.getByRole("region", { name: "Verdeling" });
    expect(published).toHaveTextContent("Gepubliceerd op vrijdag 9 april 12:00. De leden zien hun aandeel.");
    expect(within(published).queryByRole("button", { name: /publiceren/i })).not.toBeInTheDocument();
    // The answers were the new state: nothing was fetched again.
    expect(api.find("GET", `/api/harvests/${week}`)).toHaveLength(1);
  }, 20_000); // a long walk through the screen, slow on a busy machine

  it("does not publish when the farmer cancels", async () => {
    const user = userEvent.setup();
    const api = farmerApi({ stored: harvestOverview(week) });
    renderApp(`/harvest/${week}`);

    await user.click(await screen.findByRole("button", { name: "Publiceren" }));
    await user.click(screen.getByRole("button", { name: "Annuleren" }));

    expect(screen.getByRole("button", { name: "Publiceren" })).toHaveFocus();
    expect(api.find("POST", `/api/harvests/${week}/publish`)).toHaveLength(0);
  });

  it("shows the API's issues at the fields of the row they are about", async () => {
    const user = userEvent.setup();
    const api = farmerApi({
      save: () =>
        apiError(400, "input.invalid", [
          { path: "items.1.quantity", message: "Invalid input: expected number, received null" },
          { path: "items.1.step", message: "Too small: expected number to be >=0.001" },
        ]),
    });
    renderApp(`/harvest/${week}`);

    await user.type(await screen.findByLabelText("Gewas"), "Spinazie");
    await user.type(fields("Hoeveelheid")[0]!, "12.5");
    await user.click(screen.getByRole("button", { name: "Gewas toevoegen" }));
    await user.keyboard("Prei");
    await user.type(fields("Hoeveelheid")[1]!, "veel");
    await user.type(fields("Stap")[1]!, "0");
    await user.click(screen.getByRole("button", { name: "Opslaan en verdeling bekijken" }));

    await findAlert("Niet alles is goed ingevuld. Kijk bij de velden wat er moet veranderen.");
    const quantity = fields("Hoeveelheid")[1]!;
    expect(quantity).toHaveAttribute("aria-invalid", "true");
    expect(quantity).toHaveAccessibleDescription("Vul een hoeveelheid in van 0 of meer, zoals 12,5.");
    expect(fields("Stap")[1]).toHaveAccessibleDescription(
      "Leeg: 0,05 Vul een stap in van minstens 0,001, of laat het veld leeg.",
    );
    expect(fields("Hoeveelheid")[0]).not.toHaveAttribute("aria-invalid");
    expect(screen.getByRole("group", { name: "Gewas 2" })).toHaveTextContent("Vul een hoeveelheid in");
    // A number the field cannot read goes as null, so the server names the field.
    expect(api.find("PUT", `/api/harvests/${week}`)[0]?.body).toEqual({
      items: [
        { crop: "Spinazie", unit: "kg", quantity: 12.5 },
        { crop: "Prei", unit: "kg", quantity: null, step: 0 },
      ],
      note: "",
    });
    // What was typed stays, so it can be corrected.
    expect(quantity).toHaveValue("veel");
    expect(screen.queryByRole("region", { name: "Voorbeeld van de verdeling" })).not.toBeInTheDocument();
  });

  it("copies last week's crops without their quantities, looking back past an empty week", async () => {
    const user = userEvent.setup();
    const api = farmerApi({ earlier: { [addWeeks(week, -2)]: harvestOverview(addWeeks(week, -2)) } });
    renderApp(`/harvest/${week}`);

    await user.click(await screen.findByRole("button", { name: "Gewassen van vorige week overnemen" }));

    const from = weekLabel(addWeeks(week, -2), "nl");
    expect(await screen.findByText(`3 gewassen overgenomen uit ${from}. Vul de hoeveelheden in.`)).toBeInTheDocument();
    expect(fields("Gewas").map((f) => f.value)).toEqual(harvestItems.map((i) => i.crop));
    expect(fields("Eenheid").map((f) => f.value)).toEqual(["kg", "piece", "kg"]);
    expect(fields("Hoeveelheid").map((f) => f.value)).toEqual(["", "", ""]);
    expect(fields("Stap").map((f) => f.value)).toEqual(["", "", "0,5"]);
    expect(fields("Vlees").map((f) => f.checked)).toEqual([false, false, true]);
    expect(fields("Hoeveelheid")[0]).toHaveFocus();
    const weeksAsked = api.calls.filter((c) => c.method === "GET" && /harvests\/\d{4}-W\d{2}$/.test(c.path));
    expect(weeksAsked.map((c) => c.path)).toEqual([
      `/api/harvests/${week}`,
      `/api/harvests/${addWeeks(week, -1)}`,
      `/api/harvests/${addWeeks(week, -2)}`,
    ]);

    // Asking again adds nothing twice.
    await user.click(screen.getByRole("button", { name: "Gewassen van vorige week overnemen" }));
    expect(await screen.findByText("De gewassen van vorige week staan er al.")).toBeInTheDocument();
    expect(fields("Gewas")).toHaveLength(3);
  });

  it("fills the form with what was saved, and warns that a change after publishing is not visible yet", async () => {
    const user = userEvent.setup();
    farmerApi({
      stored: harvestOverview(week, { ...changedSincePublished, note: "Vers van het land." }),
    });
    renderApp(`/harvest/${week}`);

    const split = await screen.findByRole("region", { name: "Voorbeeld van de verdeling" });
    expect(fields("Gewas").map((f) => f.value)).toEqual(["Spinazie", "Courgette", "Gehakt"]);
    expect(fields("Hoeveelheid").map((f) => f.value)).toEqual(["12,37", "40", "5"]);
    expect(screen.getByLabelText("Bericht aan de leden")).toHaveValue("Vers van het land.");
    expect(split).toHaveTextContent("Gewijzigd na publiceren: de leden zien nog de vorige verdeling.");
    expect(split).toHaveTextContent("alle huishoudens krijgen dan een mail dat hun aandeel is gewijzigd");

    // A change not saved yet cannot be published.
    await user.type(fields("Hoeveelheid")[1]!, "0");
    expect(within(split).queryByRole("button", { name: "Opnieuw publiceren" })).not.toBeInTheDocument();
    expect(split).toHaveTextContent("Er zijn wijzigingen die nog niet zijn opgeslagen.");
    await user.click(screen.getByRole("button", { name: "Opslaan en verdeling bekijken" }));

    await user.click(await within(split).findByRole("button", { name: "Opnieuw publiceren" }));
    expect(screen.getByRole("button", { name: "Ja, publiceren" })).toHaveAccessibleDescription(
      "3 huishoudens krijgen een mail dat hun aandeel is gewijzigd. Wil je opnieuw publiceren?",
    );
  });

  it("says why publishing failed when a later week is already published", async () => {
    const user = userEvent.setup();
    farmerApi({ stored: harvestOverview(week), publish: () => apiError(409, "harvest.not_latest") });
    renderApp(`/harvest/${week}`);

    await user.click(await screen.findByRole("button", { name: "Publiceren" }));
    await user.click(screen.getByRole("button", { name: "Ja, publiceren" }));

    await findAlert("Er is al een latere week gepubliceerd.");
    expect(screen.getByRole("button", { name: "Publiceren" })).toHaveFocus();
  });

  it("moves between weeks with the week picker", async () => {
    const user = userEvent.setup();
    const previous = addWeeks(week, -1);
    const leeks = harvestOverview(previous, { items: [{ crop: "Prei", unit: "piece", quantity: 80 }] });
    farmerApi({ earlier: { [previous]: leeks } });
    renderApp(`/harvest/${week}`);

    const picker = await screen.findByRole("navigation", { name: "Week kiezen" });
    expect(within(picker).queryByRole("link", { name: "Naar deze week" })).not.toBeInTheDocument();
    await user.click(within(picker).getByRole("link", { name: `Vorige week: ${weekLabel(previous, "nl")}` }));

    const heading = await screen.findByRole("heading", { level: 1, name: `Oogst ${weekLabel(previous, "nl")}` });
    expect(heading).toBeInTheDocument();
    await waitFor(() => expect(fields("Gewas").map((f) => f.value)).toEqual(["Prei"]));
    expect(fields("Hoeveelheid")[0]).toHaveValue("80");
    expect(window.location.pathname).toBe(`/harvest/${previous}`);
    const back = within(screen.getByRole("navigation", { name: "Week kiezen" })).getByRole("link", { name: "Naar deze week" });
    expect(back).toHaveAttribute("href", `/harvest/${week}`);
  });
});

describe("the board", () => {
  it("sees the same split, read only: no form, no save, no publish", async () => {
    farmerApi({ stored: harvestOverview(week), me: boardMe });
    renderApp(`/harvest/${week}`);

    const split = await screen.findByRole("region", { name: "Voorbeeld van de verdeling" });
    expect(document.title).toBe("Oogstverdeling · Akker");
    expect(within(split).getByRole("table", { name: "Per huishouden" })).toBeInTheDocument();
    expect(within(split).getByRole("link", { name: "Paklijst" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Opslaan/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /publiceren/i })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Gewas toevoegen" })).not.toBeInTheDocument();
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
    const menu = screen.getByRole("navigation", { name: "Hoofdmenu" });
    expect(within(menu).getByRole("link", { name: "Beheer" })).toHaveAttribute("aria-current", "page");
    const tabs = await screen.findByRole("navigation", { name: "Beheer" });
    expect(within(tabs).getByRole("link", { name: "Oogstverdeling" })).toHaveAttribute("aria-current", "page");
  });

  it("is told when members do not see a change yet, without being asked to publish", async () => {
    farmerApi({
      stored: harvestOverview(week, changedSincePublished),
      me: boardMe,
    });
    renderApp(`/harvest/${week}`);

    const split = await screen.findByRole("region", { name: "Voorbeeld van de verdeling" });
    expect(split).toHaveTextContent(
      "Gewijzigd na publiceren: de leden zien nog de vorige verdeling, tot de boer opnieuw publiceert.",
    );
    expect(screen.queryByRole("button", { name: /publiceren/i })).not.toBeInTheDocument();
  });

  it("is told when nothing was entered for the week yet", async () => {
    farmerApi({ me: boardMe });
    renderApp(`/harvest/${week}`);

    expect(await screen.findByText(`Voor ${n} is nog geen oogst ingevoerd.`)).toBeInTheDocument();
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
  });
});

describe("a harvest address", () => {
  it("that is not a week is a page that does not exist", async () => {
    mockApi((call) => (call.path === "/api/me" ? ok(farmerMe) : undefined));
    renderApp("/harvest/2027-W54");

    expect(await screen.findByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeInTheDocument();
  });
});

describe("entering from the catalogue", () => {
  const catalogue = [
    { crop: "Spinazie", unit: "kg", step: 0.1, meat: false, weeks: 5, lastWeek: addWeeks(week, -1) },
    { crop: "Gehakt", unit: "kg", step: 0.5, meat: true, weeks: 2, lastWeek: addWeeks(week, -2) },
    { crop: "Prei", unit: "piece", meat: false, weeks: 1, lastWeek: addWeeks(week, -3) },
  ];

  it("adds a crop in one tap with its unit, step and meat, and steps the quantity by it", async () => {
    const user = userEvent.setup();
    const api = mockApi((call) => {
      if (call.path === "/api/me") return ok(farmerMe);
      if (call.path === "/api/harvests/catalogue") return ok({ crops: catalogue });
      if (call.path === `/api/harvests/${week}` && call.method === "PUT")
        return ok(harvestOverview(week, { items: (call.body as HarvestSaveInput).items }));
      return apiError(404, "harvest.not_found");
    });
    renderApp(`/harvest/${week}`);
    const picks = await screen.findByRole("region", { name: "Uit de catalogus" });
    await user.click(within(picks).getByRole("button", { name: "Gehakt (kg)" }));
    // the blank first row took it, and the quantity is next
    expect(fields("Gewas")).toHaveLength(1);
    expect(fields("Hoeveelheid")[0]).toHaveFocus();
    await user.keyboard("3");
    await user.click(screen.getByRole("button", { name: "Meer Gehakt" }));
    expect(fields("Hoeveelheid")[0]).toHaveValue("3,5");
    await user.click(within(picks).getByRole("button", { name: "Spinazie (kg)" }));
    await user.click(screen.getByRole("button", { name: "Meer Spinazie" }));
    await user.click(screen.getByRole("button", { name: "Meer Spinazie" }));
    await user.click(screen.getByRole("button", { name: "Minder Spinazie" }));
    expect(fields("Hoeveelheid")[1]).toHaveValue("0,1");
    // entered crops leave the catalogue's buttons
    expect(within(picks).getAllByRole("button").map((b) => b.textContent)).toEqual(["+ Prei (stuks)"]);
    // typing a known name fills in the rest
    await user.click(screen.getByRole("button", { name: "Gewas toevoegen" }));
    await user.keyboard("prei");
    await user.type(fields("Hoeveelheid")[2]!, "12");
    await user.click(screen.getByRole("button", { name: "Opslaan en verdeling bekijken" }));
    await screen.findByText("Opgeslagen. Hieronder staat de verdeling.");
    expect(api.find("PUT", `/api/harvests/${week}`)[0]?.body).toEqual({
      items: [
        { crop: "Gehakt", unit: "kg", quantity: 3.5, step: 0.5, meat: true },
        { crop: "Spinazie", unit: "kg", quantity: 0.1, step: 0.1 },
        { crop: "prei", unit: "piece", quantity: 12 },
      ],
      note: "",
    });
  });

  it("'Oogst invoeren' opens the first week from this one not published yet", async () => {
    mockApi((call) => {
      if (call.path === "/api/me") return ok(farmerMe);
      if (call.path === "/api/harvests")
        return ok({ harvests: [{ week, publishedAt: "2027-04-09T10:00:00.000Z", changed: false, note: null, lines: null }] });
      return apiError(404, "harvest.not_found");
    });
    renderApp("/harvest/next");
    const next = addWeeks(week, 1);
    expect(await screen.findByRole("heading", { level: 1, name: `Oogst ${weekLabel(next, "nl")}` })).toBeInTheDocument();
    await waitFor(() => expect(window.location.pathname).toBe(`/harvest/${next}`));
  });
});
