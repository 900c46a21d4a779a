import * as z from "zod/mini";
import { Mail } from "@akker/core/mail/mail";
import { route, type App } from "../route";

/** Local stage only: createApp never mounts these in a deployed stage. */
export function devRoutes(app: App) {
  route(
    app,
    {
      method: "get",
      path: "/api/dev/outbox",
      summary: "Local stage only: the mail that would have been sent, newest first",
      tag: "dev",
      access: "public",
      query: z.object({ to: z.optional(z.string().check(z.maxLength(254))) }),
      responses: {
        200: {
          description: "Messages",
          schema: z.object({
            messages: z.array(z.object({ to: z.string(), subject: z.string(), text: z.string(), sentAt: z.string() })),
          }),
        },
      },
    },
    async (c, { query }) => c.json({ messages: await Mail.outbox(query.to) }),
  );
}
