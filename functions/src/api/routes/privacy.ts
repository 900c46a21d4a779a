import * as z from "zod/mini";
import { Privacy } from "@akker/core/privacy/privacy";
import { route, type App } from "../route";

/**
 * The caller's personal data (AVG/GDPR art. 15 and 20). Under /api/me/, so
 * deployed it runs in the work-days function with the rest of /api/me/*
 * (domains.ts).
 */
export function privacyRoutes(app: App) {
  route(
    app,
    {
      method: "get",
      path: "/api/me/export",
      summary: "Everything the platform holds about the caller's household and its people, as a JSON download (never ballots, tokens or code hashes)",
      tag: "session",
      access: "session",
      // its shape is Privacy's export, typed in core; every entity's items as they are held
      responses: { 200: { description: "JSON, as an attachment", schema: z.record(z.string(), z.unknown()) } },
    },
    async (c) => {
      const data = await Privacy.exportHousehold();
      c.header("Content-Disposition", `attachment; filename="mijn-gegevens-${data.exportedAt.slice(0, 10)}.json"`);
      c.header("Cache-Control", "no-store");
      return c.json(data);
    },
  );
}
