import * as z from "zod/mini";
import { Message } from "@akker/core/message/arrears";
import { route, type App } from "../route";
import { sent } from "./message";

const treasurer = ["treasurer"] as const;
const tag = "messages";

/**
 * The treasurer's mail to the households in arrears: in the contribution
 * function, which has the payments overview that says who they are (the
 * core function would otherwise carry the contribution rules).
 */
export function arrearsMessageRoutes(app: App) {
  route(
    app,
    {
      method: "post",
      path: "/api/contribution/messages/preview",
      summary: "How many people and households in arrears (this year's payments overview) a mail would reach",
      tag,
      access: treasurer,
      bodyOptional: true,
      body: z.object({}),
      responses: { 200: { description: "The count", schema: Message.Preview } },
    },
    async (c) => c.json(await Message.preview({ kind: "arrears" })),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/contribution/messages",
      summary: "Mail one message to the people of every household in arrears; frozen now, mailed once each after the answer",
      tag,
      access: treasurer,
      body: Message.ArrearsInput,
      responses: sent,
    },
    async (c, { body }) => {
      const out = await Message.send({ kind: "arrears" }, body);
      return c.json(out, out.duplicate ? 200 : 201);
    },
  );
}
