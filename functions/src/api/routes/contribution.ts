import * as z from "zod/mini";
import { Clock } from "@akker/core/clock";
import { dateOf } from "@akker/core/contribution/rules";
import { ArrearsReminders } from "@akker/core/contribution/reminder";
import { Season } from "@akker/core/contribution/season";
import { Solidarity } from "@akker/core/contribution/solidarity";
import { Statement } from "@akker/core/contribution/statement";
import { route, textParams, type App } from "../route";

const treasurer = ["treasurer"] as const;
const tag = "contribution";
const yearQuery = z.object({ year: z.optional(Season.year) });
const thisYear = () => Number(dateOf(Clock.now()).slice(0, 4));

const yearMessage = { error: "The year must be between 2000 and 2200." };
const ofYear = z.object({
  year: z.coerce.number(yearMessage).check(z.int(yearMessage), z.minimum(2000, yearMessage), z.maximum(2200, yearMessage)),
});

export function contributionRoutes(app: App) {
  route(
    app,
    {
      method: "get",
      path: "/api/seasons/:year",
      summary: "A year's contribution: budget, weeks, proposed and confirmed price per mouth per week, price versions, farm settings",
      tag,
      access: ["board", "treasurer"],
      params: ofYear,
      responses: { 200: { description: "The season", schema: z.object({ season: Season.Info }) }, 404: { description: "Not entered yet" } },
    },
    async (c, { params }) => c.json({ season: await Season.get(params.year) }),
  );

  route(
    app,
    {
      method: "put",
      path: "/api/seasons/:year",
      summary:
        "Enter the ALV's budget and weeks; the price per mouth per week is proposed from the active households' mouths (rounded up to the cent); child factor, deposits, opt-out deadline and target hours are saved as farm settings",
      tag,
      access: ["board", "treasurer"],
      params: ofYear,
      body: Season.Input,
      responses: { 200: { description: "The season with its proposal", schema: z.object({ season: Season.Info }) } },
    },
    async (c, { body, params }) => c.json({ season: await Season.save(params.year, body) }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/seasons/:year/confirm",
      summary:
        "Confirm the proposed price, or set it (body optional); the first version applies from 1 January, a change from effectiveFrom (default: the first of next month)",
      tag,
      access: treasurer,
      params: ofYear,
      body: Season.ConfirmInput,
      bodyOptional: true,
      responses: {
        200: { description: "The season", schema: z.object({ season: Season.Info }) },
        409: { description: "Nothing to confirm, or no mouths to price" },
      },
    },
    async (c, { body, params }) => c.json({ season: await Season.confirm(params.year, body) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/households/:id/statement",
      summary: "A household's statement for a year: the treasurer, or its own members",
      tag,
      access: "session",
      params: textParams("id"),
      query: yearQuery,
      responses: {
        200: { description: "The statement", schema: Statement.Info },
        404: { description: "Unknown, or another household" },
        409: { description: "The year's price is not confirmed yet" },
      },
    },
    async (c, { query, params }) => c.json(await Statement.forHousehold(params.id, query.year ?? thisYear())),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/contribution/overview",
      summary:
        "Per household what is due, paid, still to collect and in arrears (unpaid past the pay-by date and the grace days), with totals and the budget against the year's contribution",
      tag,
      access: treasurer,
      query: yearQuery,
      responses: { 200: { description: "Overview", schema: Statement.Overview } },
    },
    async (c, { query }) => c.json(await Statement.overview(query.year ?? thisYear())),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/contribution/reminders/:year",
      summary: "The season's schedule of reminders for arrears: days after an instalment's pay-by date, and the treasurer's contact address",
      tag,
      access: treasurer,
      params: ofYear,
      responses: { 200: { description: "The schedule", schema: z.object({ schedule: ArrearsReminders.Schedule }) } },
    },
    async (c, { params }) => c.json({ schedule: await ArrearsReminders.get(params.year) }),
  );

  route(
    app,
    {
      method: "put",
      path: "/api/contribution/reminders/:year",
      summary:
        "Set the season's reminders for arrears: up to five steps in days (ascending, from the grace days to 365; none: no reminders) and the address members may write to (default: the caller's)",
      tag,
      access: treasurer,
      params: ofYear,
      body: ArrearsReminders.Input,
      responses: {
        200: { description: "The schedule", schema: z.object({ schedule: ArrearsReminders.Schedule }) },
        404: { description: "No season for the year" },
      },
    },
    async (c, { body, params }) => c.json({ schedule: await ArrearsReminders.save(params.year, body) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/contribution/overview.csv",
      summary: "The overview as CSV (semicolons, euros with a decimal comma)",
      tag,
      access: treasurer,
      query: yearQuery,
      responses: { 200: { description: "CSV (text/csv)", download: "text/csv" } },
    },
    async (c, { query }) => {
      const overview = await Statement.overview(query.year ?? thisYear());
      c.header("Content-Disposition", `attachment; filename="bijdragen-${overview.year}.csv"`);
      return c.body(Statement.toCSV(overview), 200, { "Content-Type": "text/csv; charset=utf-8" });
    },
  );

  route(
    app,
    {
      method: "get",
      path: "/api/households/:id/solidarity",
      summary: "The household's solidarity choice: its own members, or the treasurer",
      tag,
      access: "session",
      params: textParams("id"),
      query: yearQuery,
      responses: { 200: { description: "The choice", schema: z.object({ solidarity: Solidarity.Mine }) }, 404: { description: "Another household" } },
    },
    async (c, { query, params }) => c.json({ solidarity: await Solidarity.mine(params.id, query.year ?? thisYear()) }),
  );

  route(
    app,
    {
      method: "put",
      path: "/api/households/:id/solidarity",
      summary:
        "Choose standard, supporter (pay percent more) or reduced (pay percent less, with a reason for the treasurer); its own members only; 409 solidarity.pot_exhausted when the supporters' extra does not cover a reduction, solidarity.pot_promised (with lowestPercent) when a supporter's step back would leave the pot short of the reductions it granted",
      tag,
      // a choice for the coming payments: a household that has left still reads it (its statement follows from it) but no longer makes it
      access: ["member"],
      params: textParams("id"),
      body: Solidarity.Input,
      responses: {
        200: { description: "The choice", schema: z.object({ solidarity: Solidarity.Mine }) },
        404: { description: "Another household" },
        409: { description: "The pot cannot carry the reduction or the step back, or the year's price is not confirmed" },
      },
    },
    async (c, { body, params }) => c.json({ solidarity: await Solidarity.choose(params.id, body) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/contribution/solidarity",
      summary: "The solidarity pot's totals (never who)",
      tag,
      access: ["member", "board", "treasurer"],
      query: yearQuery,
      responses: { 200: { description: "Totals", schema: Solidarity.Totals } },
    },
    async (c, { query }) => c.json(await Solidarity.totals(query.year ?? thisYear())),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/contribution/solidarity/households",
      summary: "Who supports and who has a reduction, with reasons: the treasurer only",
      tag,
      access: treasurer,
      query: yearQuery,
      responses: { 200: { description: "Choices", schema: z.object({ year: z.number(), households: z.array(Solidarity.Entry) }) } },
    },
    async (c, { query }) => {
      const year = query.year ?? thisYear();
      return c.json({ year, households: await Solidarity.list(year) });
    },
  );
}
