import * as z from "zod/mini";
import { Harvest } from "@akker/core/harvest/harvest";
import { Mailing } from "@akker/core/mail/mailing";
import { route, type App } from "../route";
import { pickupRoutes } from "./harvest-pickup";

const farmer = ["farmer"] as const;
// A share is for the people of a member household (active, so not one that has left)…
const members = ["member"] as const;
// …and the published weeks are theirs, and the farmer's and the board's who look on.
const weekReaders = ["member", "farmer", "board"] as const;
const tag = "harvest";

const ofWeek = z.object({ week: Harvest.Week });

export function harvestRoutes(app: App) {
  pickupRoutes(app);
  route(
    app,
    {
      method: "get",
      path: "/api/harvests",
      summary: "Published weeks, newest first, with the caller's own lines",
      tag,
      access: weekReaders,
      responses: {
        200: { description: "Weeks", schema: z.object({ harvests: z.array(Harvest.Published) }) },
      },
    },
    async (c) => c.json({ harvests: await Harvest.list() }),
  );

  route(
    app,
    {
      method: "put",
      path: "/api/harvests/:week",
      summary: "Enter or edit the week's items; answers the draft with a preview of the split",
      tag,
      access: farmer,
      params: ofWeek,
      body: Harvest.SaveInput,
      responses: { 200: { description: "The week with its preview", schema: Harvest.Overview } },
    },
    async (c, { body, params }) => c.json(await Harvest.save(params.week, body)),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/harvests/:week",
      summary: "The week: items, the split per household, leftovers",
      tag,
      access: ["farmer", "board"],
      params: ofWeek,
      responses: { 200: { description: "The week", schema: Harvest.Overview }, 404: { description: "No such week" } },
    },
    async (c, { params }) => c.json(await Harvest.overview(params.week)),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/harvests/:week/standing",
      summary: "Where the week stands (not entered, draft, published, changed since) and how many households take part",
      tag,
      access: ["farmer", "board"],
      params: ofWeek,
      responses: { 200: { description: "The week's standing", schema: Harvest.Standing } },
    },
    async (c, { params }) => c.json(await Harvest.standing(params.week)),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/harvests/:week/publish",
      summary: "Freeze the split, show it to the members and mail them; again after an edit to correct it",
      tag,
      access: farmer,
      params: ofWeek,
      responses: {
        200: { description: "Published", schema: Harvest.Overview },
        404: { description: "No such week" },
        409: { description: "A later week is already published" },
      },
    },
    async (c, { params }) => c.json(await Harvest.publish(params.week)),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/harvests/:week/mailing",
      summary: "How far the mail of the week's published version got (sent after the publish answered)",
      tag,
      access: ["farmer", "board"],
      params: ofWeek,
      responses: { 200: { description: "Households to mail, mailed so far, done", schema: Mailing.Progress } },
    },
    async (c, { params }) => c.json(await Harvest.mailing(params.week)),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/harvests/:week/mine",
      summary: "The caller's household's share of the week, and its opt-out",
      tag,
      access: members,
      params: ofWeek,
      responses: { 200: { description: "The share", schema: Harvest.Mine } },
    },
    async (c, { params }) => c.json(await Harvest.mine(params.week)),
  );

  route(
    app,
    {
      method: "put",
      path: "/api/harvests/:week/opt-out",
      summary: "Opt the household out of the week (or back in) until the deadline",
      tag,
      access: members,
      params: ofWeek,
      body: z.object({ optedOut: z.boolean() }),
      responses: {
        200: { description: "The share", schema: Harvest.Mine },
        409: { description: "harvest.deadline_passed" },
      },
    },
    async (c, { body, params }) => c.json(await Harvest.setOptOut(params.week, body.optedOut)),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/harvests/:week/households/:householdID",
      summary: "One household's published share: farmer, board, or that household",
      tag,
      access: weekReaders,
      params: z.extend(ofWeek, { householdID: z.string() }),
      responses: {
        200: {
          description: "The share",
          schema: z.object({ week: z.string(), householdID: z.string(), lines: z.array(Harvest.LineInfo) }),
        },
        404: { description: "Unknown, unpublished, or another household" },
      },
    },
    async (c, { params }) => c.json(await Harvest.householdShare(params.week, params.householdID)),
  );
}
