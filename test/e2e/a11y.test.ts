import { readFileSync } from "node:fs";
import { join } from "node:path";
import axe, { type Result as Violation } from "axe-core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withActor } from "@akker/core/actor";
import { Session } from "@akker/core/auth/session";
import { Clock } from "@akker/core/clock";
import { seedActivity } from "@akker/core/demo/activity";
import { demoFarm } from "@akker/core/demo/seed";
import { Person } from "@akker/core/person/person";
import { addWeeks, dateOf, weekOf } from "@akker/core/week";
import { startE2E } from "./harness";

/*
 * axe-core on every screen of the web app, at phone size, as the role that
 * sees it, with the screen's data in it. A violation of impact "serious" or
 * "critical" fails; lesser ones are printed. The list of screens is checked
 * against the router (web/src/app.tsx), so a new screen fails here until it
 * has its check.
 */

type Who = "visitor" | "visitorEn" | "member" | "memberEn" | "farmer" | "coordinator" | "board" | "treasurer";

const logins: Record<Exclude<Who, "visitor" | "visitorEn">, string> = {
  member: "lid001@demo.test",
  memberEn: "lid002@demo.test",
  farmer: "boer@demo.test",
  coordinator: "coordinator@demo.test",
  board: "bestuur@demo.test",
  treasurer: "penningmeester@demo.test",
};

/** What the demo farm holds that screens need in their paths. */
interface Demo {
  week: string;
  nextWeek: string;
  householdID: string;
  householdName: string;
  workdayID: string;
  /** A work day that has begun, two signed up: the coordinator ticks who came. */
  startedID: string;
  openVoteID: string;
  draftID: string;
  closedID: string;
  statusToken: string;
  acceptToken: string;
  confirmToken: string;
  /** A group mail the board sent, for its log. */
  messageID: string;
  /** The demo farm's open teeltenquête. */
  pollID: string;
  /** A poll the farmer keeps as a draft, to change and open. */
  draftPollID: string;
  /** A general assembly with its ballot open and one household checked in; and one closed, with its results. */
  assemblyID: string;
  closedAssemblyID: string;
  /** A draft general assembly with a paper on an item: the board's agenda to change and reorder. */
  draftAssemblyID: string;
  /** The farmer's news post with a photo. */
  newsID: string;
  /** A board post mailed to the board. */
  newsMailedID: string;
}

interface Screen {
  /** The route in the router this screen is. */
  route: string;
  name: string;
  as: Who;
  path: (d: Demo) => string;
  /** Steps to a state that the path alone does not show. */
  then?: (page: Page) => Promise<void>;
  /** The API's answer that state is about (a form with errors): expected, not a failure. */
  refused?: number;
}

const screen = (
  route: string,
  as: Who,
  name: string,
  path: string | ((d: Demo) => string),
  then?: Screen["then"],
  refused?: number,
): Screen => ({ route, as, name, path: typeof path === "string" ? () => path : path, then, refused });

const openMenu = async (page: Page) => {
  await page.getByRole("button", { name: "Menu", exact: true }).click();
  await page.locator("#site-menu.open nav").waitFor();
};

/** Sends a form as it is, empty, and waits for the errors it gets back. */
const submitWithErrors = async (page: Page, button: string) => {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.locator(".field-error").first().waitFor();
};

/** A holiday from four to five weeks ahead: every week it touches opted out, the results listed. */
const planHoliday = async (page: Page) => {
  const day = (weeks: number) => dateOf(Date.now() + weeks * 7 * 86_400_000);
  await page.getByLabel("Eerste dag weg").fill(day(4));
  await page.getByLabel("Laatste dag weg").fill(day(5));
  await page.getByRole("button", { name: "Afmelden voor deze weken" }).click();
  await page.getByRole("heading", { name: "Zo staat het nu" }).waitFor();
};

/** The English member types the member's household's name: the server's matches listed under the field. */
const searchNeighbour = async (page: Page) => {
  await page.getByRole("combobox", { name: "Household that collects" }).fill(demo.householdName);
  await page.getByRole("option", { name: demo.householdName, exact: true }).waitFor();
};

/** The attendance form's search for someone who came without signing up, its matches listed. */
const searchWalkIn = async (page: Page) => {
  await page.getByText("Kwam er iemand zonder aanmelding?").click();
  await page.getByRole("combobox", { name: "Zoek op naam" }).fill("(00");
  await page.getByRole("option").first().waitFor();
};

/** Both who signed up ticked, one with other hours, a walk-in added, saved. */
const saveAttendance = async (page: Page) => {
  await page.getByRole("button", { name: "Iedereen aanvinken" }).click();
  await page.locator(".hours-input").first().fill("2.5");
  await searchWalkIn(page);
  await page.getByRole("option").first().click();
  await page.getByRole("button", { name: "Aanwezigheid opslaan" }).click();
  await page.getByText(/^Opgeslagen: /).waitFor();
};

/** The English member asks the member's household to collect this week's share. */
const handOver = async (page: Page) => {
  await searchNeighbour(page);
  await page.getByRole("option", { name: demo.householdName, exact: true }).click();
  await page.getByRole("button", { name: "Ask", exact: true }).click();
  await page.getByText(/^Asked /).first().waitFor();
};

/** A waiting line booked on a household that has a payment alike by hand: the question whether to book it anyway (answers mocked). */
const bookAlike = async (page: Page) => {
  const line = { id: "6d75", state: "review", reason: "unknown", format: "camt053", line: 50, bookingDate: "2027-01-05", amountCents: 2167, currency: "EUR", counterIBAN: "NL75RABO6049081956", counterName: "Mulder & Zn", description: "Solidariteit", structuredReference: null, returnCode: null, batchID: null, candidates: [{ householdID: "hh_bakker", name: "Bakker" }], householdID: null };
  const alike = { code: "payment.maybe_imported", message: "Recorded by hand.", importedID: "pay_h", importedDate: "2027-01-05", importedAmountCents: 2167, importedReference: "contant", importedSource: "manual" };
  await page.route("**/api/payments/review", (r) => r.fulfill({ json: { review: [line], held: [], households: line.candidates } }));
  await page.route("**/api/payments/review/6d75", (r) => r.fulfill({ status: 409, json: { error: alike } }));
  await page.reload();
  await page.getByRole("button", { name: "Boek op Bakker", exact: true }).click();
  await page.getByRole("button", { name: "Toch boeken op Bakker" }).waitFor();
  await page.unrouteAll();
};

const screens: Screen[] = [
  // Without a login
  screen("/login", "visitor", "login: e-mail", "/login"),
  screen("/login", "visitor", "login: code", "/login", async (page) => {
    await page.getByLabel("E-mailadres").fill("lid003@demo.test");
    await page.getByRole("button", { name: "Stuur mij een code" }).click();
    await page.getByLabel("Code uit de e-mail").waitFor();
  }),
  screen(
    "/login",
    "visitor",
    "login: no address given",
    "/login",
    (page) => submitWithErrors(page, "Stuur mij een code"),
    400,
  ),
  screen("/login", "visitorEn", "login in English", "/login"),
  screen("/apply", "visitor", "waiting list application", "/apply"),
  screen("/farm", "visitor", "the farm's public page", "/farm"),
  screen("/farm", "visitorEn", "the farm's public page in English", "/farm"),
  screen("/apply", "visitor", "application with errors", "/apply", (page) => submitWithErrors(page, "Aanmelden"), 400),
  screen("/apply/status/:token", "visitor", "application status", (d) => `/apply/status/${d.statusToken}`),
  screen("/apply/confirm/:token", "visitor", "confirm an application", (d) => `/apply/confirm/${d.confirmToken}`),
  screen("/apply/accept/:token", "visitor", "accept an offered place", (d) => `/apply/accept/${d.acceptToken}`),

  // A member
  screen("/", "member", "home", "/"),
  screen("/", "member", "home, phone menu open", "/", openMenu),
  screen("/", "memberEn", "home in English", "/"),
  screen("/", "memberEn", "home in English, phone menu open", "/", openMenu),
  screen("/households/:id", "member", "own household", (d) => `/households/${d.householdID}`),
  screen("/harvest", "member", "my harvest", "/harvest"),
  screen("/harvest", "memberEn", "my harvest in English", "/harvest"),
  screen("/harvest/weeks", "member", "my weeks", "/harvest/weeks"),
  screen("/harvest/weeks", "member", "my weeks, a holiday planned", "/harvest/weeks", planHoliday),
  screen("/harvest/weeks", "memberEn", "my weeks in English", "/harvest/weeks"),
  screen("/harvest/season", "member", "my harvest this season", "/harvest/season"),
  screen("/harvest/season", "memberEn", "my harvest this season in English", "/harvest/season"),
  screen("/", "memberEn", "home, searching a neighbour to collect the share", "/", searchNeighbour),
  screen("/", "memberEn", "home, share handed to a neighbour", "/", handOver),
  screen("/", "member", "home, a neighbour asks to collect their share", "/"),
  screen("/workdays", "member", "work days", "/workdays"),
  screen("/workdays/mine", "member", "my work days", "/workdays/mine"),
  screen("/workdays/:id", "member", "a work day", (d) => `/workdays/${d.workdayID}`),
  screen("/hours", "member", "my hours", "/hours"),
  screen("/elections", "member", "elections", "/elections"),
  screen("/elections/:id", "member", "ballot", (d) => `/elections/${d.openVoteID}`),
  screen("/elections/:id", "member", "ballot, confirm step", (d) => `/elections/${d.openVoteID}`, async (page) => {
    await page.getByRole("radio", { name: "Voor" }).check();
    await page.getByRole("button", { name: "Verder" }).click();
    await page.getByRole("button", { name: "Stem uitbrengen" }).waitFor();
  }),
  screen("/elections/:id", "member", "results", (d) => `/elections/${d.closedID}`),
  screen("/elections/:id", "memberEn", "ballot in English", (d) => `/elections/${d.openVoteID}`),
  screen("/contribution", "member", "my contribution", "/contribution"),
  screen("/contribution", "memberEn", "my contribution in English", "/contribution"),
  screen("/my-data", "member", "my data", "/my-data"),
  screen("/polls", "member", "polls", "/polls"),
  screen("/assemblies/:id", "member", "the general assembly's agenda and its open ballot", (d) => `/assemblies/${d.assemblyID}`),
  screen("/assemblies/:id", "member", "the ballot sent, with a tracker per item", (d) => `/assemblies/${d.assemblyID}`, async (page) => {
    await page.getByRole("radio", { name: "Voor" }).check();
    await page.getByRole("button", { name: "Stembiljet versturen" }).click();
    await page.getByRole("heading", { name: "Jullie controlecodes" }).waitFor();
  }),
  screen("/assemblies/:id", "memberEn", "a closed general assembly's results", (d) => `/assemblies/${d.closedAssemblyID}`),
  screen("/assemblies/manage", "board", "the general assemblies and the form for a new one", "/assemblies/manage"),
  screen("/assemblies/manage/:id", "board", "an assembly with its ballot open", (d) => `/assemblies/manage/${d.assemblyID}`),
  screen("/assemblies/manage/:id", "board", "a closed assembly's results", (d) => `/assemblies/manage/${d.closedAssemblyID}`),
  screen("/assemblies/manage/:id/door", "board", "check-in at the door, one household present", (d) => `/assemblies/manage/${d.assemblyID}/door`),
  // the meeting's papers and minutes: the board adds them on its page, members read them on theirs
  screen("/assemblies/manage/:id", "board", "a paper added to an assembly", (d) => `/assemblies/manage/${d.assemblyID}`, async (page) => {
    await page.getByLabel("Titel van het stuk").fill("Begroting 2027");
    await page.getByLabel("Bestand (PDF of afbeelding, tot 5 MB)").setInputFiles({ name: "begroting.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
    await page.getByRole("button", { name: "Stuk toevoegen" }).click();
    await page.getByText("Begroting 2027 staat bij de stukken.").waitFor();
  }),
  screen("/assemblies/manage/:id", "board", "a closed assembly's minutes published", (d) => `/assemblies/manage/${d.closedAssemblyID}`, async (page) => {
    await page.getByLabel("Notulen (PDF, tot 5 MB)").setInputFiles({ name: "notulen.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
    await page.getByRole("button", { name: "Notulen publiceren" }).click();
    await page.getByRole("region", { name: "Notulen" }).waitFor();
  }),
  screen("/assemblies/:id", "member", "an assembly's papers to download", (d) => `/assemblies/${d.assemblyID}`),
  screen("/assemblies/:id", "member", "the budget motion's price for the household, and an item's paper", (d) => `/assemblies/${d.assemblyID}`, async (page) => {
    await page.getByRole("heading", { name: "Voor jullie huishouden" }).waitFor();
    await page.getByRole("link", { name: "offerte.pdf" }).waitFor();
  }),
  screen("/assemblies/manage/:id", "board", "a draft assembly's agenda to reorder and change, a paper on an item", (d) => `/assemblies/manage/${d.draftAssemblyID}`, async (page) => {
    await page.getByText("Kippen erbij wijzigen").click();
    await page.getByRole("button", { name: "Opslaan" }).waitFor();
  }),
  screen("/assemblies/manage/:id", "board", "a reminder sent to the households that have not voted", (d) => `/assemblies/manage/${d.assemblyID}`, async (page) => {
    await page.getByRole("button", { name: "Herinnering sturen" }).click();
    await page.getByText("De herinnering gaat naar wie nog niet stemde.").waitFor();
  }),
  screen("/assemblies/:id", "member", "a closed assembly's minutes to download", (d) => `/assemblies/${d.closedAssemblyID}`),
  screen("/polls/:id", "member", "the teeltenquête to answer", (d) => `/polls/${d.pollID}`),
  screen("/polls/:id", "member", "the teeltenquête answered", (d) => `/polls/${d.pollID}`, async (page) => {
    await page.getByRole("group", { name: "Prei" }).getByRole("radio", { name: "5: graag meer" }).check();
    await page.getByRole("button", { name: "Antwoord opslaan" }).click();
    await page.getByText(/^Je antwoord is opgeslagen/).waitFor();
  }),
  screen("/polls/:id/results", "member", "the teeltenquête's results", (d) => `/polls/${d.pollID}/results`),
  screen("/polls/:id", "memberEn", "the teeltenquête in English", (d) => `/polls/${d.pollID}`),
  screen("/my-data", "memberEn", "my data in English", "/my-data"),
  screen("*404", "member", "not found", "/no-such-screen"),

  // The farmer
  screen("/", "farmer", "home", "/"),
  screen("/harvest/:week", "farmer", "harvest entry, published week", (d) => `/harvest/${d.week}`),
  screen("/harvest/:week", "farmer", "harvest entry with preview", (d) => `/harvest/${d.nextWeek}`),
  screen("/harvest/:week/picklist", "farmer", "pick list", (d) => `/harvest/${d.week}/picklist`),
  screen("/harvest/:week", "farmer", "harvest preview, households unfolded and searched", (d) => `/harvest/${d.nextWeek}`, async (page) => {
    await page.getByText(/^Alle \d+ huishoudens bekijken$/).click();
    await page.getByRole("searchbox", { name: "Huishouden zoeken" }).fill("a");
    await page.getByText(/^\d+ van \d+ huishoudens$/).waitFor();
  }),
  screen("/harvest/:week", "farmer", "harvest published, its mail going out", (d) => `/harvest/${d.nextWeek}`, async (page) => {
    await page.getByRole("button", { name: "Publiceren", exact: true }).click();
    await page.getByRole("button", { name: "Ja, publiceren" }).click();
    await page.getByText(/huishoudens hebben (hem|de mail)/).waitFor();
  }),
  screen("/harvest/:week/pickup", "farmer", "pickup, ticking off", (d) => `/harvest/${d.week}/pickup`, async (page) => {
    await page.getByRole("checkbox").first().check();
    await page.locator(".pickup-list input:checked:enabled").first().waitFor();
  }),
  screen("/harvest/:week/pickup", "farmer", "pickup closed and counted", (d) => `/harvest/${d.week}/pickup`, async (page) => {
    await page.getByRole("radio", { name: "Voedselbank" }).check();
    await page.getByRole("button", { name: /^(Afsluiten en tellen|Opnieuw tellen)$/ }).click();
    await page.getByRole("table", { name: "Niet opgehaald dit seizoen" }).waitFor();
  }),
  screen("/harvest/:week/pickup", "board", "pickup, read only", (d) => `/harvest/${d.week}/pickup`),
  screen("/polls/:id/results", "farmer", "the teeltenquête's results with each household's answer", (d) => `/polls/${d.pollID}/results`),
  screen("/polls/:id", "farmer", "the teeltenquête, close asked", (d) => `/polls/${d.pollID}`, async (page) => {
    await page.getByRole("button", { name: "Peiling sluiten" }).click();
    await page.getByRole("button", { name: "Ja, sluiten" }).waitFor();
  }),
  screen("/polls/:id", "farmer", "a draft poll, to change or open with a mail", (d) => `/polls/${d.draftPollID}`, async (page) => {
    await page.getByRole("button", { name: "Peiling openen" }).waitFor();
  }),
  screen("/polls/:id/edit", "farmer", "changing a draft poll", (d) => `/polls/${d.draftPollID}/edit`, async (page) => {
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).waitFor();
  }),
  screen("/polls/:id/edit", "board", "changing a poll answered already", (d) => `/polls/${d.pollID}/edit`, async (page) => {
    await page.getByText("Er is al geantwoord, of de peiling is gesloten").waitFor();
  }),
  screen("/polls/new", "farmer", "new poll, dates", "/polls/new", async (page) => {
    await page.getByRole("radio", { name: /^Datumprikker/ }).check();
    await page.getByLabel("Datum 1", { exact: true }).waitFor();
  }),
  screen("/harvest/:week/pickup", "farmer", "last week's pickup, over and counted by itself", (d) => `/harvest/${addWeeks(d.week, -1)}/pickup`, async (page) => {
    await page.getByText(/^Het ophalen is voorbij: /).waitFor();
  }),
  screen("/harvest/:week/pickup", "farmer", "the season's figures, linked from home", (d) => `/harvest/${d.week}/pickup#season`, async (page) => {
    await page.locator("#season-heading:focus").waitFor();
  }),

  // The coordinator
  screen("/workdays", "coordinator", "work days to organise", "/workdays"),
  screen("/workdays/new", "coordinator", "new work day", "/workdays/new"),
  screen("/workdays/:id", "coordinator", "a work day, organiser", (d) => `/workdays/${d.workdayID}`),
  screen("/workdays/:id/edit", "coordinator", "edit a work day", (d) => `/workdays/${d.workdayID}/edit`),
  screen("/workdays/:id/roster", "coordinator", "roster", (d) => `/workdays/${d.workdayID}/roster`),
  screen("/workdays/:id/roster", "coordinator", "roster, attendance of a day that has begun", (d) => `/workdays/${d.startedID}/roster`),
  screen("/workdays/:id/roster", "coordinator", "roster, attendance: searching who came without signing up", (d) => `/workdays/${d.startedID}/roster`, searchWalkIn),
  screen("/workdays/:id/roster", "coordinator", "roster, attendance saved with own hours and a walk-in", (d) => `/workdays/${d.startedID}/roster`, saveAttendance),
  screen("/hours/pending", "coordinator", "hours to approve", "/hours/pending"),
  screen("/hours/totals", "coordinator", "hour totals", "/hours/totals"),

  // The board
  screen("/", "board", "home, phone menu open", "/", openMenu),
  screen("/households", "board", "households", "/households"),
  screen("/households/:id", "board", "a household", (d) => `/households/${d.householdID}`),
  screen("/households/:id/edit", "board", "edit a household", (d) => `/households/${d.householdID}/edit`),
  screen("/harvest/:week", "board", "harvest overview", (d) => `/harvest/${d.week}`),
  screen("/elections", "board", "elections, board", "/elections"),
  screen("/elections/new", "board", "new election", "/elections/new"),
  screen("/elections/:id", "board", "a draft", (d) => `/elections/${d.draftID}`),
  screen("/elections/:id", "board", "an open vote, board", (d) => `/elections/${d.openVoteID}`),
  screen("/elections/:id", "board", "a draft, delete asked", (d) => `/elections/${d.draftID}`, async (page) => {
    await page.getByRole("button", { name: "Concept verwijderen" }).click();
    await page.getByRole("button", { name: "Ja, verwijderen" }).waitFor();
  }),
  screen("/elections/:id", "board", "an open vote, close asked with its quorum", (d) => `/elections/${d.openVoteID}`, async (page) => {
    await page.getByRole("button", { name: "Nu sluiten" }).click();
    await page.getByRole("button", { name: /^Ja, (nu sluiten|sluiten zonder geldige uitslag)$/ }).waitFor();
  }),
  screen("/elections/:id", "board", "results, board", (d) => `/elections/${d.closedID}`),
  screen("/elections/:id/edit", "board", "edit a draft", (d) => `/elections/${d.draftID}/edit`),
  screen("/elections/:id/audit", "board", "election log", (d) => `/elections/${d.closedID}/audit`),
  screen("/waitlist", "board", "waiting list", "/waitlist"),
  screen("/polls/new", "board", "new poll with errors", "/polls/new", (page) => submitWithErrors(page, "Peiling starten"), 400),
  screen("/messages", "board", "mail to a group, its count shown and sending asked", "/messages", async (page) => {
    await page.getByText(/^Gaat naar \d+ mensen/).waitFor();
    await page.getByLabel("Onderwerp").fill("Ledenvergadering");
    await page.getByLabel("Tekst", { exact: true }).fill("Dinsdag om acht uur.\nhttps://example.nl/agenda");
    await page.getByRole("button", { name: "Versturen" }).click();
    await page.getByRole("button", { name: "Ja, versturen" }).waitFor();
  }),
  screen("/messages/:id", "board", "a group mail with who got it and when", (d) => `/messages/${d.messageID}`),
  screen("/messages", "farmer", "the farmer's mail to all members", "/messages"),
  screen("/farm/settings", "board", "farm settings", "/farm/settings"),
  screen("/documents", "board", "the library, a document added and its PDF uploaded, the add form open", "/documents", async (page) => {
    // the add form's fields: each document the board keeps has a Titel and Soort of its own
    const add = page.locator("details", { hasText: "Document toevoegen" });
    await add.getByText("Document toevoegen").click();
    await add.getByLabel("Titel").fill("Statuten");
    await add.getByLabel("Soort").selectOption({ label: "Statuten" });
    await add.getByRole("button", { name: "Toevoegen", exact: true }).click();
    const file = { name: "statuten.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") };
    await page.getByLabel("Bestand (PDF of afbeelding, tot 5 MB)").setInputFiles(file);
    await page.getByRole("button", { name: "Uploaden" }).click();
    await page.getByText("statuten.pdf is geüpload.").waitFor();
  }),
  // after the board's upload: a document to read
  screen("/documents", "member", "the library", "/documents"),
  screen("/documents", "memberEn", "the library in English", "/documents"),
  // news: the post on the home screen (the home screens above), its own page, writing and changing one
  screen("/news/:id", "member", "a news post with its photo", (d) => `/news/${d.newsID}`),
  screen("/news/:id", "memberEn", "a news post in English", (d) => `/news/${d.newsID}`),
  screen("/news/:id", "farmer", "their own news post, delete asked", (d) => `/news/${d.newsID}`, async (page) => {
    await page.getByRole("button", { name: "Verwijderen" }).click();
    await page.getByRole("button", { name: "Ja, verwijderen" }).waitFor();
  }),
  screen("/news/:id", "board", "a mailed post, how far its mail got", (d) => `/news/${d.newsMailedID}`, async (page) => {
    await page.getByText(/hebben de mail|De mail is verstuurd/).waitFor();
  }),
  screen("/news/new", "farmer", "writing news, a photo picked and its text previewed", "/news/new", async (page) => {
    await page.getByLabel("Titel").fill("Pompoenen");
    await page.getByLabel("Tekst").fill("Ze zijn binnen.\nKijk op https://example.nl");
    await page.locator("#news-files").setInputFiles(join(import.meta.dirname, "../fixtures/photos/leeks-1200x900.jpg"));
    await page.getByRole("button", { name: "Foto 1 weghalen" }).waitFor();
  }),
  screen("/news/new", "farmer", "writing news sent without a title", "/news/new", (page) => submitWithErrors(page, "Plaatsen"), 400),
  screen("/news/:id/edit", "board", "changing a post, for whom to choose", (d) => `/news/${d.newsID}/edit`),
  screen(
    "/farm/settings",
    "board",
    "farm settings with errors",
    "/farm/settings",
    async (page) => {
      await page.getByLabel("Capaciteit in monden").fill("");
      await submitWithErrors(page, "Instellingen opslaan");
    },
    400,
  ),

  // The treasurer
  screen("/certificates", "treasurer", "register of certificates", "/certificates"),
  screen("/contribution/overview", "treasurer", "contribution overview", "/contribution/overview"),
  screen("/contribution/season", "treasurer", "season and price", "/contribution/season"),
  screen("/contribution/import", "treasurer", "bank import and review", "/contribution/import"),
  screen("/contribution/import", "treasurer", "a waiting line alike to a payment by hand", "/contribution/import", bookAlike, 409),
];

/** The leaf routes of the router, with their full paths, read from web/src/app.tsx. */
function routerRoutes(): string[] {
  const source = readFileSync(new URL("../../web/src/app.tsx", import.meta.url), "utf8");
  const tags = [...source.matchAll(/<Route\b([^>]*?)(\/?)>|<\/Route>/g)];
  const stack: string[] = [];
  const leaves: string[] = [];
  for (const [tag, attributes, selfClosing] of tags) {
    if (tag === "</Route>") {
      stack.pop();
      continue;
    }
    const path = /\bpath="([^"]+)"/.exec(attributes!)?.[1];
    if (path === undefined) throw new Error(`a <Route> without a literal path: ${tag}`);
    const full = [...stack, path].join("/").replace(/\/+/g, "/");
    const normalised = full.length > 1 ? full.replace(/\/$/, "") : full;
    if (selfClosing) leaves.push(normalised.replace(/^\/\*/, "*"));
    else stack.push(path);
  }
  return leaves;
}

let e2e: Awaited<ReturnType<typeof startE2E>>;
let demo: Demo;
/** One logged-in page per role, reused screen after screen. */
const tabs = new Map<Who, Tab>();

beforeAll(async () => {
  e2e = await startE2E();
  await seedActivity();
  const tokens = Object.fromEntries(
    await Promise.all(Object.entries(logins).map(async ([who, email]) => [who, await session(email)] as const)),
  ) as Record<keyof typeof logins, string>;
  demo = await prepare(tokens);
  for (const who of ["visitor", "visitorEn", ...Object.keys(logins)] as Who[]) {
    const page = await e2e.phone();
    if (who.endsWith("En")) await page.addInitScript({ content: `localStorage.setItem("akker.locale", "en")` });
    const token = tokens[who as keyof typeof logins];
    if (token) await page.context().addCookies([{ name: "akker_session", value: token, url: e2e.url }]);
    tabs.set(who, track(page));
  }
}, 120_000);

afterAll(async () => {
  await e2e?.stop();
});

describe("accessibility: axe on every screen", () => {
  it("checks every route of the router", () => {
    const routes = routerRoutes();
    expect(routes.length).toBeGreaterThan(20);
    const checked = new Set(screens.map((s) => s.route));
    expect(routes.filter((r) => !checked.has(r)), "routes without an axe check here").toEqual([]);
    expect([...checked].filter((r) => !routes.includes(r)), "checks of routes the router lacks").toEqual([]);
  });

  for (const s of screens)
    it(`${s.as}: ${s.name} (${s.route})`, async () => {
      const tab = tabs.get(s.as)!;
      const { page, failed } = tab;
      page.errors.length = 0;
      failed.length = 0;
      await page.goto(e2e.url + s.path(demo));
      await settle(tab);
      if (s.then) {
        await s.then(page);
        await settle(tab);
      }
      expect(await page.locator("html").getAttribute("lang")).toBe(s.as.endsWith("En") ? "en" : "nl");
      const { violations } = await audit(page);
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      const lesser = violations.filter((v) => !serious.includes(v));
      if (lesser.length) console.log(`${s.as}: ${s.name}: lesser axe findings\n${report(lesser)}`);
      if (serious.length) expect.fail(`axe on ${s.path(demo)} as ${s.as}:\n${report(serious)}`);
      // The browser logs every failed request as an error; the answers themselves say which were expected.
      expect(page.errors.filter((e) => !/^Failed to load resource/.test(e))).toEqual([]);
      expect(failed.filter((f) => f.status !== s.refused)).toEqual([]);
    });
});

async function audit(page: Page): Promise<{ violations: Violation[] }> {
  // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') does not stop it.
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: typeof axe }).axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return { violations: result.violations };
  });
}

function report(violations: Violation[]) {
  return violations
    .map(
      (v) =>
        `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    at ${n.target.join(" ")}\n      ${n.html.slice(0, 160)}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`)
          .join("\n") +
        (v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : ""),
    )
    .join("\n");
}

/** Until the screen has its heading and, for a little while, no request is under way and nothing says it is loading. */
async function settle({ page, busy }: Tab) {
  await page.locator("main h1").first().waitFor();
  for (let quiet = 0; quiet < 2; ) {
    await new Promise((r) => setTimeout(r, 50));
    quiet = busy() === 0 && !(await page.locator(".loading").count()) ? quiet + 1 : 0;
  }
}

interface Tab {
  page: Page & { errors: string[] };
  /** Requests under way. */
  busy: () => number;
  /** Answers 400 and up, and requests that got no answer, that no screen expects. */
  failed: { status: number; url: string }[];
}

/** Expected failures: no session yet (the login screen). */
const expected = (status: number) => status === 401;

function track(page: Tab["page"]): Tab {
  let n = 0;
  const failed: Tab["failed"] = [];
  page.on("request", () => n++);
  page.on("requestfinished", () => n--);
  page.on("requestfailed", (r) => {
    n--;
    // Aborted by the page itself: a body nobody reads (a 202), or a navigation.
    const error = r.failure()?.errorText ?? "";
    if (error !== "net::ERR_ABORTED") failed.push({ status: 0, url: `${r.url()} ${error}` });
  });
  page.on("response", (r) => {
    const path = new URL(r.url()).pathname;
    if (r.status() >= 400 && !expected(r.status())) failed.push({ status: r.status(), url: path });
  });
  return { page, busy: () => n, failed };
}

/** A session for a demo login, opened in core as the login code would. */
async function session(email: string) {
  return withActor({ type: "system", farmID: demoFarm.id }, async () => {
    const person = await Person.byEmail(email);
    if (!person) throw new Error(`no demo login ${email}`);
    return Session.open(person.id);
  });
}

/** Fills the demo farm with what the screens need that the seed does not make, through the API. */
async function prepare(tokens: Record<keyof typeof logins, string>): Promise<Demo> {
  async function call<T>(who: keyof typeof logins | null, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${e2e.url}/api${path}`, {
      method,
      headers: {
        origin: e2e.url,
        ...(who ? { cookie: `akker_session=${tokens[who]}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  const week = weekOf(Date.now());
  const nextWeek = addWeeks(week, 1);
  // Next week saved, not published: the farmer sees the preview of the split.
  await call("farmer", "PUT", `/harvests/${nextWeek}`, {
    items: [
      { crop: "spinazie", unit: "kg", quantity: 20 },
      { crop: "courgette", unit: "piece", quantity: 40 },
    ],
  });

  await call("memberEn", "PATCH", "/me", { locale: "en" });
  const me = await call<{ household: { id: string; name: string } }>("member", "GET", "/me");
  const { workdays } = await call<{ workdays: { id: string }[] }>("member", "GET", "/workdays");
  const workdayID = workdays[0]!.id;
  await call("member", "POST", `/workdays/${workdayID}/signup`);
  // a day that began yesterday: made and signed up for on a clock three days back
  const yesterday = Date.now() - 86_400_000;
  Clock.set(yesterday - 2 * 86_400_000);
  let startedID: string;
  try {
    ({ workday: { id: startedID } } = await call<{ workday: { id: string } }>("coordinator", "POST", "/workdays", {
      title: "Oogsten",
      task: "harvest",
      start: new Date(yesterday).toISOString(),
      end: new Date(yesterday + 3 * 3_600_000).toISOString(),
      capacity: 10,
    }));
    for (const who of ["member", "memberEn"] as const) await call(who, "POST", `/workdays/${startedID}/signup`);
  } finally {
    Clock.set(undefined);
  }
  // The member has given a mandate; the English member has not, so both states are checked.
  await call("member", "PUT", `/households/${me.household.id}/mandate`, {
    iban: "NL91ABNA0417164300",
    accountHolder: "Fam. Lid",
    signedOn: dateOf(Date.now()),
  });
  await call("member", "POST", "/me/hours", { date: dateOf(Date.now()), hours: 2, task: "weeding", note: "Onkruid bij de kas" });

  const { elections } = await call<{ elections: { id: string; status: string }[] }>("member", "GET", "/elections");
  const openVoteID = elections.find((e) => e.status === "open")!.id;
  const hour = 3600_000;
  const times = { opensAt: new Date(Date.now() + 24 * hour).toISOString(), closesAt: new Date(Date.now() + 48 * hour).toISOString() };
  const candidates = [
    { name: "Anne de Vries", statement: "Ik wil de boerderij gezond houden." },
    { name: "Bram Jansen", statement: "Meer jonge leden." },
  ];
  const draft = await call<{ election: { id: string } }>("board", "POST", "/elections", {
    kind: "board",
    title: "Bestuursverkiezing voorjaar",
    seats: 1,
    candidates,
    ...times,
  });
  const closed = await call<{ election: { id: string } }>("board", "POST", "/elections", {
    kind: "board",
    title: "Bestuursverkiezing najaar",
    seats: 1,
    candidates,
    ...times,
  });
  await call("board", "POST", `/elections/${closed.election.id}/open`);
  await call("memberEn", "POST", `/elections/${closed.election.id}/ballots`, { choices: ["c1"] });
  await call("board", "POST", `/elections/${closed.election.id}/close`);

  await call(null, "POST", "/applications", { name: "Familie Bakker", email: "bakker@voorbeeld.test", adults: 2, children: 1 });
  await call(null, "POST", "/applications", { name: "Familie Smit", email: "smit@voorbeeld.test", adults: 1 });
  // an application has its place once its address is confirmed with the mailed link
  const applied = await call<{ application: { id: string; statusToken: string } }>(null, "POST", "/applications/confirm", {
    token: await mailedToken("bakker@voorbeeld.test", "confirm"),
  });
  await call(null, "POST", "/applications/confirm", { token: await mailedToken("smit@voorbeeld.test", "confirm") });
  await call(null, "POST", "/applications", { name: "Familie Veen", email: "veen@voorbeeld.test", adults: 2 });
  const confirmToken = await mailedToken("veen@voorbeeld.test", "confirm");
  await call("board", "POST", `/applications/${applied.application.id}/offer`);
  const acceptToken = await mailedToken("bakker@voorbeeld.test", "accept");
  // a general assembly with its ballot open and the member's household at the door; one closed
  const assembly = async (title: string, items: Record<string, unknown>[]) => {
    const made = await call<{ assembly: { id: string } }>("board", "POST", "/assemblies", { title, startsAt: new Date(Date.now() + 2 * 3600_000).toISOString(), place: "De schuur" });
    for (const item of items) await call("board", "POST", `/assemblies/${made.assembly.id}/items`, item);
    await call("board", "POST", `/assemblies/${made.assembly.id}/announce`);
    await call("board", "POST", `/assemblies/${made.assembly.id}/open`);
    return made.assembly.id;
  };
  const assemblyID = await assembly("ALV voorjaar", [
    { kind: "discussion", title: "Opening en mededelingen" },
    { kind: "motion", title: "Begroting", inRoom: true, quorumPercent: 30, budget: { year: new Date().getFullYear() + 1, budgetCents: 26_000_000, weeks: 52 } },
    { kind: "board", title: "Bestuurszetel", seats: 1, candidates: [{ name: "Anne de Vries" }, { name: "Bram Jansen" }] },
  ]);
  await call("board", "PUT", `/assemblies/${assemblyID}/attendance/${me.household.id}`);
  const closedAssemblyID = await assembly("ALV najaar", [{ kind: "motion", title: "Kippen erbij" }]);
  // a paper on an item: one on the open meeting, one on a draft
  const paper = async (id: string, itemTitle: string) => {
    const { assembly: a } = await call<{ assembly: { items: { id: string; title: string }[] } }>("board", "GET", `/assemblies/${id}`);
    const { document } = await call<{ document: { id: string } }>("board", "POST", `/assemblies/${id}/papers`, { title: "Offerte", itemID: a.items.find((i) => i.title === itemTitle)!.id });
    await fetch(`${e2e.url}/api/documents/${document.id}/versions?name=offerte.pdf`, {
      method: "POST",
      headers: { origin: e2e.url, cookie: `akker_session=${tokens.board}`, "content-type": "application/pdf" },
      body: "%PDF-1.4\n%%EOF\n",
    });
  };
  await paper(assemblyID, "Begroting");
  const draftAssembly = await call<{ assembly: { id: string } }>("board", "POST", "/assemblies", { title: "ALV zomer", startsAt: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(), place: "De kas" });
  const draftAssemblyID = draftAssembly.assembly.id;
  for (const title of ["Opening", "Kippen erbij"]) await call("board", "POST", `/assemblies/${draftAssemblyID}/items`, { kind: "motion", title });
  await paper(draftAssemblyID, "Kippen erbij");
  await call("board", "POST", `/assemblies/${closedAssemblyID}/close`);
  const { polls } = await call<{ polls: { id: string }[] }>("member", "GET", "/polls");
  const draftPoll = await call<{ poll: { id: string } }>("farmer", "POST", "/polls", {
    kind: "choice",
    title: "Oogstfeest: welke dag?",
    options: [{ label: "Zaterdag" }, { label: "Zondag" }],
    draft: true,
    mail: true,
  });
  const photo = await fetch(`${e2e.url}/api/news/photos`, {
    method: "POST",
    headers: { origin: e2e.url, cookie: `akker_session=${tokens.farmer}`, "content-type": "image/jpeg" },
    body: readFileSync(join(import.meta.dirname, "../fixtures/photos/leeks-1200x900.jpg")),
  }).then((r) => r.json() as Promise<{ photo: { id: string } }>);
  const post = await call<{ post: { id: string } }>("farmer", "POST", "/news", {
    title: "De prei staat er mooi bij",
    text: "Deze week de eerste prei.\n\nMeer over prei: https://example.nl/prei",
    photoIDs: [photo.photo.id],
  });
  const mailed = await call<{ post: { id: string } }>("board", "POST", "/news", { title: "Bestuursnieuws", text: "Alleen voor het bestuur.", audience: "board", mail: true });
  const sent = await call<{ message: { id: string } }>("board", "POST", "/messages", { audience: { kind: "roles", roles: ["board", "treasurer"] }, subject: "Bestuursoverleg", text: "Dinsdag om acht uur." });

  return {
    week,
    nextWeek,
    householdID: me.household.id,
    householdName: me.household.name,
    workdayID,
    startedID,
    openVoteID,
    draftID: draft.election.id,
    closedID: closed.election.id,
    statusToken: applied.application.statusToken,
    acceptToken,
    confirmToken,
    pollID: polls[0]!.id,
    draftPollID: draftPoll.poll.id,
    assemblyID,
    closedAssemblyID,
    draftAssemblyID,
    newsID: post.post.id,
    newsMailedID: mailed.post.id,
    messageID: sent.message.id,
  };
}

/** The token in a mail's link: the offer's (accept) or the one that confirms an address. */
async function mailedToken(email: string, kind: "accept" | "confirm") {
  for (let i = 0; i < 50; i++) {
    const res = await fetch(`${e2e.url}/api/dev/outbox?to=${encodeURIComponent(email)}`);
    const { messages } = (await res.json()) as { messages: { text: string }[] };
    const link = messages.map((m) => new RegExp(`/apply/${kind}/(\\S+)`).exec(m.text)?.[1]).find(Boolean);
    if (link) return link;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${kind} mail to ${email}`);
}
