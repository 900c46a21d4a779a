import * as z from "zod/mini";
import { Poll } from "@akker/core/poll/poll";
import { route, textParams, type App } from "../route";

const tag = "polls";
const One = z.object({ poll: Poll.Info });
const params = textParams("id");
const staff = ["board", "farmer"] as const;
const viewers = ["member", "board", "farmer"] as const;

/** Open polls: the board and the farmer ask, member households answer, everyone sees the counts. */
export function pollRoutes(app: App) {
  route(
    app,
    {
      method: "get",
      path: "/api/polls",
      summary: "Every poll (drafts for the board and the farmer only), drafts, then open ones, then closed, with the caller's household's answer",
      tag,
      access: viewers,
      responses: { 200: { description: "The polls", schema: z.object({ polls: z.array(Poll.Info) }) } },
    },
    async (c) => c.json({ polls: await Poll.list() }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/polls",
      summary: "Start a poll: dates to pick, items to rate 1–5, or one choice; open at once, or a `draft` to change and open later; with `mail`, the members are mailed when it opens",
      tag,
      access: staff,
      body: Poll.CreateInput,
      responses: { 201: { description: "The poll", schema: One } },
    },
    async (c, { body }) => c.json({ poll: await Poll.create(body) }, 201),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/polls/:id",
      summary: "A poll, with the caller's household's answer",
      tag,
      access: viewers,
      params,
      responses: { 200: { description: "The poll", schema: One }, 404: { description: "poll.not_found" } },
    },
    async (c, { params }) => c.json({ poll: await Poll.get(params.id) }),
  );

  route(
    app,
    {
      method: "put",
      path: "/api/polls/:id/answer",
      summary: "Answer for the caller's household, or change its answer, while the poll is open",
      tag,
      access: ["member"],
      params,
      body: Poll.AnswerInput,
      responses: {
        200: { description: "The poll with the answer", schema: One },
        404: { description: "poll.not_found" },
        409: { description: "poll.closed: the poll is closed" },
      },
    },
    async (c, { params, body }) => c.json({ poll: await Poll.answer(params.id, body) }),
  );

  route(
    app,
    {
      method: "patch",
      path: "/api/polls/:id",
      summary: "Change a poll's title, question, options or closing time (`closesAt: null` takes it away), while it is a draft or open and nobody has answered",
      tag,
      access: staff,
      params,
      body: Poll.UpdateInput,
      responses: {
        200: { description: "The poll as saved", schema: One },
        400: { description: "Nothing to change, options that do not fit its kind (input.invalid), a closing time passed (poll.closes_in_past)" },
        404: { description: "poll.not_found" },
        409: { description: "poll.answered: a household answered; poll.closed; poll.changed: changed by someone else meanwhile" },
      },
    },
    async (c, { params, body }) => c.json({ poll: await Poll.update(params.id, body) }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/polls/:id/open",
      summary: "Open a draft; with `mail`, the members are mailed once that it is open (those who keep news mail on), after the answer",
      tag,
      access: staff,
      params,
      body: Poll.OpenInput,
      responses: {
        200: { description: "The open poll", schema: One },
        404: { description: "poll.not_found" },
        409: { description: "poll.not_draft: open or closed already; poll.closes_in_past; poll.changed" },
      },
    },
    async (c, { params, body }) => c.json({ poll: await Poll.open(params.id, body) }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/polls/:id/close",
      summary: "Close a poll now; its answers stand",
      tag,
      access: staff,
      params,
      responses: { 200: { description: "The closed poll", schema: One }, 409: { description: "poll.closed: closed already" } },
    },
    async (c, { params }) => c.json({ poll: await Poll.close(params.id) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/polls/:id/results",
      summary: "Counts per option (yes/maybe/no, chosen, or average and spread of 1–5) and the comments, without names",
      tag,
      access: viewers,
      params,
      responses: { 200: { description: "The results", schema: Poll.Results }, 404: { description: "poll.not_found" } },
    },
    async (c, { params }) => c.json(await Poll.results(params.id)),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/polls/:id/answers",
      summary: "What each household answered, by name (the poll is open, not secret)",
      tag,
      access: staff,
      params,
      responses: { 200: { description: "The answers", schema: z.object({ answers: z.array(Poll.HouseholdAnswer) }) }, 404: { description: "poll.not_found" } },
    },
    async (c, { params }) => c.json({ answers: await Poll.answers(params.id) }),
  );
}
