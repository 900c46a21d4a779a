import * as z from "zod/mini";
import { Harvest } from "@akker/core/harvest/harvest";
import { HarvestContact } from "@akker/core/harvest/contact";
import { Handover } from "@akker/core/harvest/handover";
import { OptOutPlan } from "@akker/core/harvest/opt-out";
import { HarvestSeason } from "@akker/core/harvest/season";
import { route, type App } from "../route";

// A member household's own planning: the coming weeks, a holiday, Herenburen, the season.
const members = ["member"] as const;
const tag = "harvest";
const ofWeek = z.object({ week: Harvest.Week });

export function memberHarvestRoutes(app: App) {
  route(
    app,
    {
      method: "get",
      path: "/api/harvests/mine/weeks",
      summary: "The household's coming weeks, from the first whose opt-out is open, with share and opt-out",
      tag,
      access: members,
      responses: { 200: { description: "The weeks", schema: z.object({ weeks: z.array(Harvest.Mine) }) } },
    },
    async (c) => c.json({ weeks: await OptOutPlan.upcoming() }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/harvests/mine/holiday",
      summary: "Opt out of (or back into) every week a range of dates touches; closed weeks are refused one by one",
      tag,
      access: members,
      body: OptOutPlan.HolidayInput,
      responses: {
        200: { description: "Each week and what became of it", schema: z.object({ weeks: z.array(OptOutPlan.WeekResult) }) },
        409: { description: "harvest.deadline_passed: no week of the range is open" },
      },
    },
    async (c, { body }) => c.json({ weeks: await OptOutPlan.holiday(body) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/harvests/mine/season",
      summary: "The household's harvest over a year, per crop, against its exact share and the farm's per mouth",
      tag,
      access: members,
      query: z.object({ year: HarvestSeason.Year }),
      responses: { 200: { description: "The season", schema: HarvestSeason.Info } },
    },
    async (c, { query }) => c.json(await HarvestSeason.mine(query.year)),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/harvests/mine/contact",
      summary: "The farmer's and the board's addresses, to write to about the share",
      tag,
      access: members,
      responses: { 200: { description: "Addresses", schema: HarvestContact.Info } },
    },
    async (c) => c.json(await HarvestContact.addresses()),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/harvests/mine/neighbours",
      summary: "Other active households whose name holds the typed text (at least 2 letters, at most 8, names only), to hand a share to",
      tag,
      access: members,
      query: Handover.NeighbourQuery,
      responses: {
        200: { description: "Households", schema: z.object({ households: z.array(Handover.Neighbour) }) },
        429: { description: "handover.rate_limited: searched too often this hour" },
      },
    },
    async (c, { query }) => c.json({ households: await Handover.neighbours(query.q) }),
  );

  const handover = { 200: { description: "The week's handovers, given and received", schema: Handover.Info } } as const;

  route(
    app,
    {
      method: "get",
      path: "/api/harvests/:week/handover",
      summary: "Whom the household handed its share to, and whose share it collects",
      tag,
      access: members,
      params: ofWeek,
      responses: handover,
    },
    async (c, { params }) => c.json(await Handover.get(params.week)),
  );

  route(
    app,
    {
      method: "put",
      path: "/api/harvests/:week/handover",
      summary: "Hand the household's share of the week to another household to collect (it accepts)",
      tag,
      access: members,
      params: ofWeek,
      body: Handover.OfferInput,
      responses: { ...handover, 404: { description: "No such household" }, 409: { description: "Already handed over, opted out, or past the pickup" } },
    },
    async (c, { params, body }) => c.json(await Handover.offer(params.week, body.toHouseholdID)),
  );

  route(
    app,
    {
      method: "delete",
      path: "/api/harvests/:week/handover",
      summary: "Take the offer back, until it is accepted",
      tag,
      access: members,
      params: ofWeek,
      responses: { ...handover, 409: { description: "Accepted already, or past the pickup" } },
    },
    async (c, { params }) => c.json(await Handover.withdraw(params.week)),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/harvests/:week/handover/answer",
      summary: "Accept or decline another household's share offered to the caller's",
      tag,
      access: members,
      params: ofWeek,
      body: z.extend(Handover.FromInput, { accepted: z.boolean() }),
      responses: { ...handover, 404: { description: "No offer from that household waits" }, 409: { description: "Past the pickup" } },
    },
    async (c, { params, body }) => c.json(await Handover.answer(params.week, body.fromHouseholdID, body.accepted)),
  );
}
