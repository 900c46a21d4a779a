import * as z from "zod/mini";
import { Catalogue } from "@akker/core/harvest/catalogue";
import { Harvest } from "@akker/core/harvest/harvest";
import { Pickup } from "@akker/core/harvest/pickup";
import { Clock } from "@akker/core/clock";
import { weekOf } from "@akker/core/week";
import { route, type App } from "../route";

/*
 * The farmer's catalogue of crops, and the pickup: ticking off who collected
 * and counting what was left. Registered before the week's routes, so
 * `/api/harvests/catalogue` is never read as a week.
 */

const tag = "harvest";
const farmer = ["farmer"] as const;
const ofWeek = z.object({ week: Harvest.Week });

export function pickupRoutes(app: App) {
  route(
    app,
    {
      method: "get",
      path: "/api/harvests/catalogue",
      summary: "Crops entered in past weeks, with the unit, step and meat flag last used; most used first",
      tag,
      access: farmer,
      responses: { 200: { description: "The catalogue", schema: z.object({ crops: z.array(Catalogue.Crop) }) } },
    },
    async (c) => c.json({ crops: await Catalogue.list() }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/harvests/uncollected",
      summary: "The season's weeks whose pickup was closed or is over (counted by itself): shares not collected and where they went",
      tag,
      access: ["farmer", "board"],
      query: z.object({ year: z.optional(z.coerce.number().check(z.int(), z.minimum(2000), z.maximum(2200))) }),
      responses: { 200: { description: "The season", schema: z.object({ year: z.number(), weeks: z.array(Pickup.Uncollected) }) } },
    },
    async (c, { query }) => {
      const year = query.year ?? Number(weekOf(Clock.now()).slice(0, 4));
      return c.json({ year, weeks: await Pickup.season(year) });
    },
  );

  route(
    app,
    {
      method: "get",
      path: "/api/harvests/:week/pickups",
      summary: "Who collected their share of the week so far, and the count once the pickup is closed or its last moment over",
      tag,
      access: ["farmer", "board"],
      params: ofWeek,
      responses: { 200: { description: "The pickup", schema: Pickup.Week } },
    },
    async (c, { params }) => c.json(await Pickup.week(params.week)),
  );

  route(
    app,
    {
      method: "put",
      path: "/api/harvests/:week/pickups/:householdID",
      summary: "Tick a household's share collected, or not; ticking twice is one tick",
      tag,
      access: farmer,
      params: z.extend(ofWeek, { householdID: z.string() }),
      body: z.object({ collected: z.boolean() }),
      responses: {
        200: { description: "The pickup", schema: Pickup.Week },
        404: { description: "The week is not published, or the household has no share in it" },
      },
    },
    async (c, { body, params }) => c.json(await Pickup.mark(params.week, params.householdID, body.collected)),
  );

  route(
    app,
    {
      method: "put",
      path: "/api/harvests/:week/uncollected",
      summary: "Close the week's pickup: count the shares nobody collected and say where they went",
      tag,
      access: farmer,
      params: ofWeek,
      body: z.object({ destination: Pickup.Destination }),
      responses: {
        200: { description: "The pickup, with its count", schema: Pickup.Week },
        404: { description: "The week is not published" },
      },
    },
    async (c, { body, params }) => c.json(await Pickup.close(params.week, body.destination)),
  );
}
