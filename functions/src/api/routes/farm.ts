import * as z from "zod/mini";
import { FarmPublic } from "@akker/core/farm/public";
import { FarmSettings } from "@akker/core/farm/settings";
import { route, type App } from "../route";

const tag = "farm";
const Settings = z.object({ settings: FarmSettings.Info });

/** The farm itself: its public page, and the settings the board keeps. */
export function farmRoutes(app: App) {
  route(
    app,
    {
      method: "get",
      path: "/api/farm/public",
      summary: "What anyone may know before logging in: pickup moments, costs, the waiting list's length",
      tag,
      access: "public",
      responses: { 200: { description: "The farm's public facts", schema: z.object({ farm: FarmPublic.Info }) } },
    },
    async (c) => c.json({ farm: await FarmPublic.get() }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/farm/settings",
      summary: "Capacity, opt-out deadline, child factor, hours target, pickup moments and proxy limit, with their version",
      tag,
      access: ["board"],
      responses: { 200: { description: "The settings", schema: Settings } },
    },
    async (c) => c.json({ settings: await FarmSettings.get() }),
  );

  route(
    app,
    {
      method: "put",
      path: "/api/farm/settings",
      summary: "Save the settings over the version read (audited); a save after another's is refused",
      tag,
      access: ["board"],
      body: FarmSettings.Input,
      responses: {
        200: { description: "The settings as saved", schema: Settings },
        409: { description: "farm.changed: saved by someone else since they were read" },
      },
    },
    async (c, { body }) => c.json({ settings: await FarmSettings.save(body) }),
  );
}
