import * as z from "zod/mini";
import { Health } from "@akker/core/health";
import { route, type App } from "../route";

export function healthRoutes(app: App) {
  route(
    app,
    {
      method: "get",
      path: "/api/health",
      summary: "200 once the database answers",
      tag: "health",
      access: "public",
      responses: { 200: { description: "Healthy", schema: z.object({ ok: z.literal(true) }) } },
    },
    async (c) => {
      await Health.check();
      return c.json({ ok: true as const });
    },
  );
}
