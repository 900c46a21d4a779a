import { screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { MeInfo } from "../lib/person";
import type { WorkdayInfo } from "../lib/workday";
import {
  apiError,
  devries,
  findAlert,
  memberMe,
  mockApi,
  ok,
  renderApp,
  workday,
  type Call,
  type Reply,
} from "../test-utils";

/** Saturday 9 May 2099: weeding with places left and a full harvest; a tour the week after. */
const weeding = workday();
const harvest = workday({
  id: "wd_harvest",
  title: "Oogsten",
  task: "harvest",
  start: "2099-05-09T13:00:00+02:00",
  end: "2099-05-09T16:00:00+02:00",
  capacity: 2,
  confirmed: 2,
  waitlisted: 1,
  location: null,
});
const tour = workday({
  id: "wd_tour",
  title: "Rondleiding nieuwe leden",
  task: "tour",
  start: "2099-05-16T10:00:00+02:00",
  end: "2099-05-16T11:30:00+02:00",
  capacity: 10,
  confirmed: 0,
  location: "Erf",
});

/**
 * A small work-day server: signing up takes a free place or joins the end
 * of the waiting list, and cancelling gives the place back. `on` can answer
 * a call itself first (an error, a delay).
 */
function workdayApi(
  opts: { days?: WorkdayInfo[]; me?: MeInfo; on?: (call: Call) => Reply | undefined; slowSignup?: boolean } = {},
) {
  const days = new Map((opts.days ?? [weeding, harvest, tour]).map((d) => [d.id, { ...d }]));
  return mockApi((call) => {
    const answered = opts.on?.(call);
    if (answered) return answered;
    if (call.path === "/api/me") return ok(opts.me ?? memberMe);
    if (call.path === "/api/workdays" && call.method === "GET") return ok({ workdays: [...days.values()] });
    if (call.path === "/api/workdays/mine")
      return ok({ workdays: [...days.values()].filter((d) => d.mine).map((d) => ({ ...d, waitlistPlace: null })) });
    if (call.path === `/api/households/${devries.id}`) return ok({ household: devries });
    const m = /^\/api\/workdays\/([^/?]+)(\/signup)?(\?personID=.+)?$/.exec(call.path);
    const day = m && days.get(m[1]!);
    if (!day) return undefined;
    if (!m[2] && call.method === "GET") return ok({ workday: day });
    if (m[2] && call.method === "POST") {
      if (m[3]) return ok({ status: "confirmed" });
      if (!day.mine) {
        if (day.confirmed < day.capacity) Object.assign(day, { mine: "confirmed", confirmed: day.confirmed + 1 });
        else Object.assign(day, { mine: "waitlisted", waitlisted: day.waitlisted + 1, waitlistPlace: day.waitlisted + 1 });
      }
      return { ...ok({ status: day.mine }), delayMs: opts.slowSignup ? 150 : 0 };
    }
    if (m[2] && call.method === "DELETE") {
      if (m[3]) return { status: 204 };
      if (day.mine === "confirmed")
        Object.assign(day, day.waitlisted ? { waitlisted: day.waitlisted - 1 } : { confirmed: day.confirmed - 1 });
      if (day.mine === "waitlisted") day.waitlisted -= 1;
      Object.assign(day, { mine: null, waitlistPlace: null });
      return { status: 204 };
    }
    return undefined;
  });
}

/** A day's item in the list, found by its title link. */
async function item(title: string) {
  const link = await screen.findByRole("link", { name: title });
  return link.closest("li") as HTMLElement;
}

describe("the work-day list", () => {
  it("groups the coming days by week and day, with task, time, place and places left", async () => {
    workdayApi();
    renderApp("/workdays");

    expect(await screen.findByRole("heading", { level: 1, name: "Meewerken" })).toBeInTheDocument();
    expect(document.title).toBe("Meewerken · Akker");
    const weeks = await screen.findAllByRole("heading", { level: 2 });
    expect(weeks.map((h) => h.textContent)).toEqual([
      expect.stringMatching(/^Week 19 · 4–10 mei$/),
      expect.stringMatching(/^Week 20 · 11–17 mei$/),
    ]);
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "zaterdag 9 mei",
      "zaterdag 16 mei",
    ]);
    const first = await item("Wieden in de kas");
    expect(first).toHaveTextContent("Wieden · 09:00–12:00 · Kas 2");
    expect(first).toHaveTextContent("Nog 2 plekken");
    expect(within(first).getByRole("link", { name: "Wieden in de kas" })).toHaveAttribute("href", "/workdays/wd_weeding");
    const full = await item("Oogsten");
    expect(full).toHaveTextContent("Oogsten · 13:00–16:00");
    expect(full).toHaveTextContent("Vol — 1 op de wachtlijst");
    expect(within(full).getByRole("button", { name: "Op de wachtlijst: Oogsten, za 9 mei 13:00–16:00" })).toBeInTheDocument();
    expect(await item("Rondleiding nieuwe leden")).toHaveTextContent("Nog 10 plekken");
    const section = screen.getByRole("navigation", { name: "Meewerken" });
    expect(within(section).getAllByRole("link").map((a) => a.textContent)).toEqual([
      "Meewerkdagen",
      "Mijn meewerkdagen",
      "Mijn uren",
    ]);
    expect(screen.queryByRole("link", { name: "Nieuwe meewerkdag" })).not.toBeInTheDocument();
  });

  it("signs up in one tap: the day shows it at once, then the server's counts, and the button keeps focus", async () => {
    const user = userEvent.setup();
    const api = workdayApi({ slowSignup: true });
    renderApp("/workdays");

    const day = await item("Wieden in de kas");
    const button = within(day).getByRole("button", { name: "Aanmelden: Wieden in de kas, za 9 mei 09:00–12:00" });
    await user.click(button);

    // Before the server has answered.
    expect(day).toHaveTextContent("Je bent aangemeld");
    expect(day).toHaveTextContent("Nog 1 plek");
    expect(button).toHaveAttribute("aria-disabled", "true");

    expect(
      await within(day).findByText("Je bent aangemeld voor Wieden in de kas op za 9 mei 09:00–12:00. Dank je wel!"),
    ).toBeInTheDocument();
    expect(button).toHaveAccessibleName("Afmelden: Wieden in de kas, za 9 mei 09:00–12:00");
    expect(button).toHaveFocus();
    expect(button).not.toHaveAttribute("aria-disabled");
    expect(api.find("POST", "/api/workdays/wd_weeding/signup")).toHaveLength(1);
    // The answer and the day fetched after it are the new state: the list is not fetched again.
    expect(api.find("GET", "/api/workdays")).toHaveLength(1);
    expect(api.find("GET", "/api/workdays/wd_weeding")).toHaveLength(1);
  });

  it("shows what the server says when the last place went to someone else meanwhile", async () => {
    const user = userEvent.setup();
    const taken = workday({ confirmed: 3, waitlisted: 1, mine: "waitlisted", waitlistPlace: 1 });
    workdayApi({
      on: (call) => {
        if (call.method === "POST" && call.path === "/api/workdays/wd_weeding/signup")
          return { ...ok({ status: "waitlisted" }), delayMs: 100 };
        if (call.method === "GET" && call.path === "/api/workdays/wd_weeding") return ok({ workday: taken });
        return undefined;
      },
    });
    renderApp("/workdays");

    const day = await item("Wieden in de kas");
    await user.click(within(day).getByRole("button", { name: /^Aanmelden: Wieden in de kas/ }));
    expect(day).toHaveTextContent("Je bent aangemeld");

    expect(await within(day).findByText(/^Je staat op de wachtlijst, plek 1\./)).toBeInTheDocument();
    expect(day).toHaveTextContent("Op de wachtlijst, plek 1");
    expect(day).not.toHaveTextContent("Je bent aangemeld");
    expect(day).toHaveTextContent("Vol — 1 op de wachtlijst");
  });

  it("puts a full day's sign-up on the waiting list and says the place in line", async () => {
    const user = userEvent.setup();
    workdayApi();
    renderApp("/workdays");

    const day = await item("Oogsten");
    await user.click(within(day).getByRole("button", { name: /^Op de wachtlijst: Oogsten/ }));

    expect(
      await within(day).findByText("Je staat op de wachtlijst, plek 2. Komt er een plek vrij, dan krijg je een mail."),
    ).toBeInTheDocument();
    expect(day).toHaveTextContent("Op de wachtlijst, plek 2");
    expect(day).toHaveTextContent("Vol — 2 op de wachtlijst");
    expect(within(day).getByRole("button", { name: /^Van de wachtlijst af: Oogsten/ })).toBeInTheDocument();
  });

  it("cancels a sign-up and gives the place back", async () => {
    const user = userEvent.setup();
    const api = workdayApi({ days: [workday({ mine: "confirmed", confirmed: 2 })] });
    renderApp("/workdays");

    const day = await item("Wieden in de kas");
    expect(day).toHaveTextContent("Je bent aangemeld");
    expect(day).toHaveTextContent("Nog 1 plek");
    await user.click(within(day).getByRole("button", { name: /^Afmelden: Wieden in de kas/ }));

    expect(
      await within(day).findByText("Je bent afgemeld voor Wieden in de kas. Fijn dat je het laat weten."),
    ).toBeInTheDocument();
    expect(day).not.toHaveTextContent("Je bent aangemeld");
    expect(day).toHaveTextContent("Nog 2 plekken");
    expect(api.find("DELETE", "/api/workdays/wd_weeding/signup")).toHaveLength(1);
  });

  it("says so when the day began meanwhile, undoes the sign-up on screen and shows the day as begun", async () => {
    // Only the date is fake, and it runs: 08:00 in Amsterdam, an hour before the weeding starts.
    vi.useFakeTimers({
      toFake: ["Date"],
      now: new Date("2099-05-09T06:00:00Z"),
      shouldAdvanceTime: true,
      advanceTimeDelta: 1,
    });
    try {
      const user = userEvent.setup();
      const api = workdayApi({
        on: (call) =>
          call.method === "POST" && call.path === "/api/workdays/wd_weeding/signup"
            ? apiError(409, "workday.started")
            : undefined,
      });
      renderApp("/workdays");

      const day = await item("Wieden in de kas");
      expect(day).toHaveTextContent("Nog 2 plekken");
      // The screen stayed open past the start.
      vi.setSystemTime(new Date("2099-05-09T07:01:00Z"));
      await user.click(within(day).getByRole("button", { name: /^Aanmelden: Wieden in de kas/ }));

      await findAlert("Deze meewerkdag is al begonnen; aan- of afmelden kan niet meer.");
      await waitFor(() => expect(day).toHaveTextContent("Begonnen"));
      expect(day).not.toHaveTextContent("Je bent aangemeld");
      expect(within(day).queryByRole("button")).not.toBeInTheDocument();
      // The list was fetched again, to show every day as it is now.
      expect(api.find("GET", "/api/workdays")).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("offers no signing up to someone without a household, and says why", async () => {
    const farmerLike = { ...memberMe, household: null, roles: ["treasurer" as const] };
    workdayApi({ me: farmerLike });
    renderApp("/workdays");

    const day = await item("Wieden in de kas");
    expect(screen.getByText("Aanmelden kan voor mensen van een huishouden dat lid is.")).toBeInTheDocument();
    expect(within(day).queryByRole("button")).not.toBeInTheDocument();
  });

  it("speaks English, with dates the European way and errors in English", async () => {
    const user = userEvent.setup();
    localStorage.setItem("akker.locale", "en");
    workdayApi({
      me: { ...memberMe, person: { ...memberMe.person, locale: "en" } },
      on: (call) => (call.method === "POST" ? apiError(409, "workday.busy") : undefined),
    });
    renderApp("/workdays");

    const day = await item("Wieden in de kas");
    expect(screen.getByRole("heading", { level: 1, name: "Helping out" })).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 3 })[0]).toHaveTextContent("Saturday 9 May");
    expect(day).toHaveTextContent("Weeding · 09:00–12:00 · Kas 2");
    expect(day).toHaveTextContent("2 places left");
    await user.click(within(day).getByRole("button", { name: "Sign up: Wieden in de kas, Sat 9 May 09:00–12:00" }));
    await findAlert("Many people are signing up at once right now. Please try again in a moment.");
  });

  it("says when nothing is planned", async () => {
    workdayApi({ days: [] });
    renderApp("/workdays");

    expect(await screen.findByText("Er staan nu geen meewerkdagen gepland. Kijk later nog eens!")).toBeInTheDocument();
  });
});

describe("a work day", () => {
  it("shows the description as plain text, never as HTML", async () => {
    const description = 'Neem handschoenen mee.\n<img src="x" onerror="alert(1)"><b>niet vet</b>';
    workdayApi({ days: [workday({ description })] });
    renderApp("/workdays/wd_weeding");

    expect(await screen.findByRole("heading", { level: 1, name: "Wieden in de kas" })).toBeInTheDocument();
    expect(document.title).toBe("Wieden in de kas · Akker");
    const about = screen.getByRole("region", { name: "Wat gaan we doen" });
    expect(about.querySelector(".description")?.textContent).toBe(description);
    expect(about.querySelector("img, b")).toBeNull();
    expect(screen.getByText("Wanneer", { selector: "dt" }).nextElementSibling).toHaveTextContent("za 9 mei 09:00–12:00");
    expect(screen.getByText("Waar", { selector: "dt" }).nextElementSibling).toHaveTextContent("Kas 2");
    expect(screen.getByText("Plekken", { selector: "dt" }).nextElementSibling).toHaveTextContent("Nog 2 plekken1 van 3 bezet");
    // Organising is for the farmer and the coordinators.
    expect(screen.queryByRole("region", { name: "Organiseren" })).not.toBeInTheDocument();
  });

  it("signs up someone else of the household", async () => {
    const user = userEvent.setup();
    const api = workdayApi();
    renderApp("/workdays/wd_weeding");

    const other = await screen.findByRole("region", { name: "Iemand anders van je huishouden" });
    const who = await within(other).findByLabelText("Wie");
    expect(within(who).getAllByRole("option").map((o) => o.textContent)).toEqual(["Kees de Vries"]);
    await user.click(within(other).getByRole("button", { name: "Aanmelden" }));

    expect(await within(other).findByText("Kees de Vries is aangemeld.")).toBeInTheDocument();
    expect(api.find("POST", "/api/workdays/wd_weeding/signup?personID=person_kees")).toHaveLength(1);
    await user.click(within(other).getByRole("button", { name: "Afmelden" }));
    expect(await within(other).findByText("Kees de Vries is afgemeld.")).toBeInTheDocument();
    expect(api.find("DELETE", "/api/workdays/wd_weeding/signup?personID=person_kees")).toHaveLength(1);
  });

  it("says so for a day that does not exist (any more)", async () => {
    mockApi((call) =>
      call.path === "/api/me" ? ok(memberMe) : apiError(404, "workday.not_found"),
    );
    renderApp("/workdays/wd_gone");

    await findAlert("Deze meewerkdag bestaat niet (meer), of is geannuleerd.");
    expect(screen.getByRole("heading", { level: 1, name: "Meewerkdag" })).toBeInTheDocument();
  });
});

describe("my work days", () => {
  it("lists the days the member signed up for, with their date", async () => {
    workdayApi({
      days: [weeding, { ...harvest, mine: "waitlisted", waitlistPlace: 2 }, { ...tour, mine: "confirmed" }],
      on: (call) => (call.path === "/api/me/calendar" ? ok({ url: "https://akker.test/api/calendar/abc.ics" }) : undefined),
    });
    renderApp("/workdays/mine");

    const coming = await screen.findByRole("region", { name: "Komende dagen" });
    const titles = await within(coming).findAllByRole("heading", { level: 3 });
    expect(titles.map((h) => h.textContent)).toEqual(["Oogsten", "Rondleiding nieuwe leden"]);
    expect(titles[0]!.closest("li")).toHaveTextContent("Oogsten · za 9 mei 13:00–16:00");
    expect(titles[0]!.closest("li")).toHaveTextContent("Op de wachtlijst");
    expect(titles[1]!.closest("li")).toHaveTextContent("Je bent aangemeld");
  });
});

describe("the home card", () => {
  it("shows the next own work day", async () => {
    workdayApi({ days: [weeding, { ...tour, mine: "confirmed", confirmed: 1 }] });
    renderApp("/");

    const card = await screen.findByRole("region", { name: "Meewerken" });
    expect(await within(card).findByText("Je volgende meewerkdag")).toBeInTheDocument();
    expect(within(card).getByRole("link", { name: "Rondleiding nieuwe leden" })).toHaveAttribute("href", "/workdays/wd_tour");
    expect(card).toHaveTextContent("Rondleiding · za 16 mei 10:00–11:30 · Erf");
    expect(card).toHaveTextContent("Je bent aangemeld");
    expect(within(card).getByRole("link", { name: "Alle meewerkdagen" })).toHaveAttribute("href", "/workdays");
  });

  it("else the first day that still needs help, with signing up right there", async () => {
    const user = userEvent.setup();
    workdayApi({ days: [{ ...harvest }, tour, weeding] });
    renderApp("/");

    const card = await screen.findByRole("region", { name: "Meewerken" });
    expect(await within(card).findByText("Hulp gezocht")).toBeInTheDocument();
    // The full harvest needs no more hands; the weeding that morning does.
    expect(within(card).getByRole("link", { name: "Wieden in de kas" })).toBeInTheDocument();
    expect(card).toHaveTextContent("Nog 2 plekken");
    await user.click(within(card).getByRole("button", { name: /^Aanmelden: Wieden in de kas/ }));

    expect(await within(card).findByText(/^Je bent aangemeld voor Wieden in de kas/)).toBeInTheDocument();
    expect(within(card).getByText("Je volgende meewerkdag")).toBeInTheDocument();
    expect(within(card).getByRole("link", { name: "Wieden in de kas" })).toBeInTheDocument();
  });

  it("is not shown to the farmer, who has no household", async () => {
    const api = workdayApi({ me: { ...memberMe, household: null, roles: ["farmer"] } });
    renderApp("/");

    await screen.findByRole("region", { name: "Boer" });
    expect(screen.queryByRole("region", { name: "Meewerken" })).not.toBeInTheDocument();
    expect(api.find("GET", "/api/workdays")).toHaveLength(0);
  });
});
