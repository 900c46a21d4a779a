import type { Context } from "hono";
import * as z from "zod/mini";
import { Mailing } from "@akker/core/mail/mailing";
import { VisibleError } from "@akker/core/error";
import { csvContentType } from "@akker/core/csv";
import { Calendar } from "@akker/core/workday/calendar";
import { ID } from "@akker/core/id";
import { Hours } from "@akker/core/workday/hours";
import { Workday } from "@akker/core/workday/workday";
import { ownOrigin } from "../origin";
import { route, textParams, type App, type Env } from "../route";

const organisers = ["farmer", "coordinator"] as const;
// Signing up and reporting hours is taking part: people of member (active) households only.
const members = ["member"] as const;
// The days themselves: those who take part, those who organise them, and the board that follows the hours.
const dayReaders = ["member", "farmer", "coordinator", "board"] as const;
const tag = "workdays";
const Workdays = z.object({ workdays: z.array(Workday.Info) });
const OneWorkday = z.object({ workday: Workday.Info });
/** The secret calendar link. */
const Link = z.object({ url: z.string() });
const Roster = z.object({ workday: Workday.Info, entries: z.array(Workday.RosterEntry) });
const forPerson = z.object({ personID: z.optional(ID) });

function calendarURL(c: Context<Env>, token: string) {
  return `${ownOrigin(c, c.get("secure"))}/api/calendar/${token}.ics`;
}

export function workdayRoutes(app: App) {
  route(
    app,
    {
      method: "post",
      path: "/api/workdays",
      summary: "Create a work day, or a weekly series (repeatWeeks)",
      tag,
      access: organisers,
      body: Workday.CreateInput,
      responses: { 201: { description: "Created", schema: z.object({ workday: Workday.Info, workdays: z.array(Workday.Info) }) } },
    },
    async (c, { body }) => {
      const created = await Workday.create(body);
      return c.json({ workday: created[0]!, workdays: created }, 201);
    },
  );

  route(
    app,
    {
      method: "get",
      path: "/api/workdays",
      summary: "Work days in a period (default: from now on) with free places and the caller's sign-up",
      tag,
      access: dayReaders,
      query: Workday.ListInput,
      responses: { 200: { description: "Work days", schema: Workdays } },
    },
    async (c, { query }) => c.json({ workdays: await Workday.list(query) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/workdays/mine",
      summary: "The caller's own work days",
      tag,
      access: members,
      responses: { 200: { description: "Work days", schema: Workdays } },
    },
    async (c) => c.json({ workdays: await Workday.mine() }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/workdays/:id",
      summary: "One work day",
      tag,
      access: dayReaders,
      params: textParams("id"),
      responses: { 200: { description: "The work day", schema: OneWorkday }, 404: { description: "Unknown" } },
    },
    async (c, { params }) => c.json({ workday: await Workday.get(params.id) }),
  );

  route(
    app,
    {
      method: "patch",
      path: "/api/workdays/:id",
      summary: "Edit a work day",
      tag,
      access: organisers,
      params: textParams("id"),
      body: Workday.UpdateInput,
      responses: { 200: { description: "The work day", schema: OneWorkday }, 404: { description: "Unknown" } },
    },
    async (c, { body, params }) => c.json({ workday: await Workday.update(params.id, body) }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/workdays/:id/cancel",
      summary: "Cancel a work day; everyone signed up is mailed",
      tag,
      access: organisers,
      params: textParams("id"),
      responses: { 200: { description: "Cancelled", schema: OneWorkday }, 404: { description: "Unknown" } },
    },
    async (c, { params }) => c.json({ workday: await Workday.cancel(params.id) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/workdays/:id/mailing",
      summary: "How far the mail of a cancelled work day got (sent after the answer)",
      tag,
      access: organisers,
      params: textParams("id"),
      responses: { 200: { description: "People to mail, mailed so far, done", schema: Mailing.Progress }, 404: { description: "Unknown" } },
    },
    async (c, { params }) => c.json(await Workday.mailing(params.id)),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/workdays/:id/signup",
      summary: "Sign up one person of the household (the caller, or ?personID=); repeating it changes nothing",
      tag,
      access: members,
      params: textParams("id"),
      query: forPerson,
      responses: {
        200: { description: "Signed up", schema: z.object({ status: z.enum(["confirmed", "waitlisted"]) }) },
        404: { description: "Unknown or cancelled" },
        409: { description: "Already started" },
      },
    },
    async (c, { query, params }) => c.json(await Workday.signup(params.id, query.personID)),
  );

  route(
    app,
    {
      method: "delete",
      path: "/api/workdays/:id/signup",
      summary: "Cancel a sign-up; the first on the waiting list moves up and is mailed",
      tag,
      access: members,
      params: textParams("id"),
      query: forPerson,
      responses: { 204: { description: "Cancelled" }, 409: { description: "Already started" } },
    },
    async (c, { query, params }) => {
      await Workday.cancelSignup(params.id, query.personID);
      return c.body(null, 204);
    },
  );

  route(
    app,
    {
      method: "get",
      path: "/api/workdays/:id/roster",
      summary: "Who is confirmed and who waits, with attendance",
      tag,
      access: organisers,
      params: textParams("id"),
      responses: { 200: { description: "Roster", schema: Roster }, 404: { description: "Unknown" } },
    },
    async (c, { params }) => c.json(await Workday.roster(params.id)),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/workdays/:id/attendance",
      summary: "Mark who came (also walk-ins of member households); credits the day's hours, or each person's own, to their households",
      tag,
      access: organisers,
      params: textParams("id"),
      body: Workday.AttendanceInput,
      responses: { 200: { description: "Roster", schema: Roster }, 409: { description: "Not started yet" } },
    },
    async (c, { body, params }) => c.json(await Workday.attendance(params.id, body)),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/workdays/:id/walk-ins",
      summary: "The people of the member households by name, to mark one who came without signing up",
      tag,
      access: organisers,
      params: textParams("id"),
      responses: {
        200: {
          description: "People",
          schema: z.object({ people: z.array(z.object({ personID: z.string(), name: z.string(), household: z.string() })) }),
        },
      },
    },
    async (c, { params }) => c.json({ people: await Workday.walkInCandidates(params.id) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/me/hours",
      summary: "The caller's household's hours this season against the target",
      tag,
      // the household's own record: one that has left still reads the hours it made
      access: "session",
      query: z.object({ season: z.optional(z.string().check(z.regex(/^\d{4}$/))) }),
      responses: {
        200: {
          description: "Hours",
          schema: z.object({
            season: z.string(),
            targetHours: z.number(),
            confirmedHours: z.number(),
            pendingHours: z.number(),
            entries: z.array(Hours.Entry),
          }),
        },
      },
    },
    async (c, { query }) => c.json(await Hours.mine(query.season)),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/me/hours",
      summary: "Report hours of flexible work (counted once a coordinator approves)",
      tag,
      access: members,
      body: Hours.ReportInput,
      responses: { 201: { description: "Reported", schema: z.object({ entry: Hours.Entry }) } },
    },
    async (c, { body }) => c.json({ entry: await Hours.report(body) }, 201),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/hours/pending",
      summary: "Reported hours waiting for approval",
      tag,
      access: organisers,
      responses: { 200: { description: "Entries", schema: z.object({ entries: z.array(Hours.PendingEntry) }) } },
    },
    async (c) => c.json({ entries: await Hours.pending() }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/hours/:id/decision",
      summary: "Approve or decline reported hours (a changed decision is a new, audited one)",
      tag,
      access: organisers,
      params: textParams("id"),
      body: z.object({ decision: z.enum(["approved", "declined"]) }),
      responses: {
        200: { description: "Decided", schema: z.object({ entry: Hours.Entry }) },
        403: { description: "The caller's own or their household's hours: another coordinator decides" },
        404: { description: "Unknown" },
        409: { description: "Decided by someone else meanwhile" },
      },
    },
    async (c, { body, params }) => c.json({ entry: await Hours.decide(params.id, body.decision) }),
  );

  const Totals = z.object({
    season: z.string(),
    targetHours: z.number(),
    households: z.array(z.object({ householdID: z.string(), name: z.string(), hours: z.number() })),
    tasks: z.array(z.object({ task: z.string(), hours: z.number() })),
    total: z.number(),
  });
  const season = z.object({ season: z.optional(z.string().check(z.regex(/^\d{4}$/))) });

  route(
    app,
    {
      method: "get",
      path: "/api/hours/totals",
      summary: "Approved hours per household and per task type",
      tag,
      access: ["board", "coordinator"],
      query: season,
      responses: { 200: { description: "Totals", schema: Totals } },
    },
    async (c, { query }) => c.json(await Hours.totals(query.season)),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/hours/totals.csv",
      summary: "The totals as CSV for a Dutch spreadsheet: per household (default) or, with per=task, per task type",
      tag,
      access: ["board", "coordinator"],
      query: z.extend(season, { per: z.optional(z.enum(["household", "task"])) }),
      responses: { 200: { description: "CSV (text/csv)", download: "text/csv" } },
    },
    async (c, { query }) => {
      const totals = await Hours.totals(query.season);
      const per = query.per ?? "household";
      c.header("Content-Disposition", `attachment; filename="uren-${per === "task" ? "taken-" : ""}${totals.season}.csv"`);
      return c.body(Hours.toCSV(totals, per), 200, { "Content-Type": csvContentType });
    },
  );

  route(
    app,
    {
      method: "get",
      path: "/api/me/calendar",
      summary: "The caller's secret calendar link (iCalendar)",
      tag,
      // only the caller's own sign-ups; renewing is how anyone, also after leaving, stops a link they shared
      access: "session",
      responses: { 200: { description: "Link", schema: Link } },
    },
    async (c) => c.json({ url: calendarURL(c, await Calendar.token()) }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/me/calendar/renew",
      summary: "A new calendar link; the old one stops working",
      tag,
      access: "session",
      responses: { 200: { description: "Link", schema: Link } },
    },
    async (c) => c.json({ url: calendarURL(c, await Calendar.renew()) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/calendar/:file",
      summary: "A person's work days as iCalendar, at the secret link {token}.ics",
      tag,
      access: "public",
      params: textParams("file"),
      responses: { 200: { description: "text/calendar", download: "text/calendar" }, 404: { description: "Unknown or renewed link" } },
    },
    async (c, { params }) => {
      const { file } = params;
      const text = file.endsWith(".ics") ? await Calendar.feed(file.slice(0, -4)) : undefined;
      if (!text) throw new VisibleError("not_found", "calendar.not_found", "This calendar link does not exist (any more).");
      return c.body(text, 200, { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, max-age=300" });
    },
  );
}
