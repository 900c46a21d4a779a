import * as z from "zod/mini";
import { Mailing } from "@akker/core/mail/mailing";
import { Audience } from "@akker/core/message/audience";
import { Message } from "@akker/core/message/message";
import { MailPreferences } from "@akker/core/message/preferences";
import { route, textParams, type App } from "../route";

const tag = "messages";
/** The farmer writes to all members; the board to any group; who may write to which is checked in core. */
const writers = ["board", "treasurer", "farmer"] as const;

/** The answer to a send, here and for the treasurer's mail to arrears (message-arrears.ts). */
export const sent = {
  201: { description: "Sent: its people frozen, mailed after the answer", schema: z.object({ message: Message.Info, duplicate: z.boolean() }) },
  200: { description: "Sent before with this key (duplicate: true)", schema: z.object({ message: Message.Info, duplicate: z.boolean() }) },
  403: { description: "message.audience_forbidden: not a group the caller may mail" },
  409: { description: "message.no_recipients, message.vote_not_open, message.key_taken" },
} as const;

/** Mail to a group (core) and each person's choice of mail. */
export function messageRoutes(app: App) {
  route(
    app,
    {
      method: "post",
      path: "/api/messages/preview",
      summary: "How many people and households a group mail would reach, each person once (the farmer's mail leaves out who turned news off)",
      tag,
      access: writers,
      body: z.object({ audience: Audience }),
      responses: { 200: { description: "The count", schema: Message.Preview }, 403: { description: "message.audience_forbidden" }, 404: { description: "Unknown work day or vote" } },
    },
    async (c, { body }) => c.json(await Message.preview(body.audience)),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/messages",
      summary:
        "Mail one message to a group: all members (the farmer too), the households of a work day, the households that have not voted in an open vote, people with a role. Its people are frozen now and mailed once each after the answer",
      tag,
      access: writers,
      body: Message.Input,
      responses: sent,
    },
    async (c, { body }) => {
      const out = await Message.send(body.audience, body);
      return c.json(out, out.duplicate ? 200 : 201);
    },
  );

  route(
    app,
    {
      method: "get",
      path: "/api/messages",
      summary: "The group mails sent, newest first (the farmer sees those to all members; only the treasurer those to arrears)",
      tag,
      access: writers,
      responses: { 200: { description: "Messages", schema: z.object({ messages: z.array(Message.Info) }) } },
    },
    async (c) => c.json({ messages: await Message.list() }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/messages/:id",
      summary: "A group mail with each of its people and when they were mailed",
      tag,
      access: writers,
      params: textParams("id"),
      responses: { 200: { description: "The message", schema: Message.Detail }, 404: { description: "Unknown, or not the caller's to read" } },
    },
    async (c, { params }) => c.json(await Message.get(params.id)),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/messages/:id/mailing",
      summary: "How far a group mail got (sent after the answer, at a pace the mail service allows)",
      tag,
      access: writers,
      params: textParams("id"),
      responses: { 200: { description: "People to mail, mailed so far, done", schema: Mailing.Progress }, 404: { description: "Unknown" } },
    },
    async (c, { params }) => c.json(await Message.progress(params.id)),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/me/preferences",
      summary: "Which mail the caller gets beyond what always goes (login, money, votes, the board's mail): news and reminders",
      tag: "session",
      access: "session",
      responses: { 200: { description: "The caller's choice", schema: MailPreferences.Info } },
    },
    async (c) => c.json(await MailPreferences.get()),
  );

  route(
    app,
    {
      method: "put",
      path: "/api/me/preferences",
      summary: "Choose whether to get news and reminders by mail",
      tag: "session",
      access: "session",
      body: MailPreferences.Info,
      responses: { 200: { description: "The caller's choice", schema: MailPreferences.Info } },
    },
    async (c, { body }) => c.json(await MailPreferences.set(body)),
  );
}
