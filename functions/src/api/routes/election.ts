import * as z from "zod/mini";
import { Election } from "@akker/core/election/election";
import { ID } from "@akker/core/id";
import { Mailing } from "@akker/core/mail/mailing";
import { route, textParams, type App } from "../route";

const board = ["board"] as const;
/*
 * One member household, one vote: voting, proxies and the roll's names are
 * for people of member (active) households; the elections and their results
 * also for the board that runs them. A household that has left is no longer
 * part of the assembly; the result of a vote it was on the roll for was
 * mailed to it at closing.
 */
const members = ["member"] as const;
const readers = ["member", "board"] as const;
const tag = "elections";
const One = z.object({ election: Election.Info });

export function electionRoutes(app: App) {
  route(
    app,
    {
      method: "post",
      path: "/api/elections",
      summary: "Create a draft: a board election (candidates, seats) or a motion (yes/no/abstain)",
      tag,
      access: board,
      body: Election.CreateInput,
      responses: { 201: { description: "Draft", schema: One } },
    },
    async (c, { body }) => c.json({ election: await Election.create(body) }, 201),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/elections",
      summary: "Elections with turnout and the caller's own position (voted, proxies it can use)",
      tag,
      access: readers,
      responses: { 200: { description: "Elections", schema: z.object({ elections: z.array(Election.Info) }) } },
    },
    async (c) => c.json({ elections: await Election.list() }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/elections/:id",
      summary: "One election: turnout during voting, never choices",
      tag,
      access: readers,
      params: textParams("id"),
      responses: { 200: { description: "The election", schema: One }, 404: { description: "Unknown (or a draft, for members)" } },
    },
    async (c, { params }) => c.json({ election: await Election.get(params.id) }),
  );

  route(
    app,
    {
      method: "patch",
      path: "/api/elections/:id",
      summary: "Edit a draft",
      tag,
      access: board,
      params: textParams("id"),
      body: Election.UpdateInput,
      responses: { 200: { description: "The election", schema: One }, 409: { description: "Not a draft" } },
    },
    async (c, { body, params }) => c.json({ election: await Election.update(params.id, body) }),
  );

  route(
    app,
    {
      method: "delete",
      path: "/api/elections/:id",
      summary: "Delete a draft; a vote that opened stays",
      tag,
      access: board,
      params: textParams("id"),
      responses: { 204: { description: "Deleted" }, 404: { description: "Unknown" }, 409: { description: "election.not_draft" } },
    },
    async (c, { params }) => {
      await Election.remove(params.id);
      return c.body(null, 204);
    },
  );

  for (const action of ["open", "close"] as const)
    route(
      app,
      {
        method: "post",
        path: `/api/elections/:id/${action}`,
        summary: action === "open" ? "Open voting now and freeze the voter roll" : "Close voting now; the result is counted and mailed",
        tag,
        access: board,
        params: textParams("id"),
        responses: { 200: { description: "The election", schema: One } },
      },
      async (c, { params }) => c.json({ election: await Election[action](params.id) }),
    );

  route(
    app,
    {
      method: "get",
      path: "/api/elections/:id/mailing",
      summary: "How far the mail of the opening (while open) or of the results (once closed) got; sent after the answer",
      tag,
      access: board,
      params: textParams("id"),
      responses: { 200: { description: "Households to mail, mailed so far, done", schema: Mailing.Progress }, 404: { description: "Unknown" } },
    },
    async (c, { params }) => c.json(await Election.mailing(params.id)),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/elections/:id/ballots",
      summary: "Cast the household's secret ballot (or a proxy's, with onBehalfOf); answers the tracker",
      tag,
      access: members,
      params: textParams("id"),
      body: Election.BallotInput,
      responses: {
        201: { description: "Counted", schema: z.object({ tracker: z.string() }) },
        403: { description: "Not on the voter roll" },
        409: { description: "election.already_voted, or voting not open" },
      },
    },
    async (c, { body, params }) => c.json(await Election.cast(params.id, body), 201),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/elections/:id/proxies",
      summary: "Hand the household's vote to another household (volmacht)",
      tag,
      access: members,
      params: textParams("id"),
      body: z.object({ toHouseholdID: ID }),
      responses: { 201: { description: "Given", schema: One }, 409: { description: "The receiver holds the maximum" } },
    },
    async (c, { body, params }) => c.json({ election: await Election.grantProxy(params.id, body.toHouseholdID) }, 201),
  );

  route(
    app,
    {
      method: "delete",
      path: "/api/elections/:id/proxies",
      summary: "Withdraw the household's proxy, until it is used",
      tag,
      access: members,
      params: textParams("id"),
      responses: { 200: { description: "Withdrawn", schema: One }, 409: { description: "Already used" } },
    },
    async (c, { params }) => c.json({ election: await Election.withdrawProxy(params.id) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/elections/:id/households",
      summary: "The households on the voter roll, by name (to choose a proxy)",
      tag,
      access: members,
      params: textParams("id"),
      responses: { 200: { description: "Households", schema: z.object({ households: z.array(z.object({ id: z.string(), name: z.string() })) }) } },
    },
    async (c, { params }) => c.json({ households: await Election.rollHouseholds(params.id) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/elections/:id/results",
      summary: "After closing: eligible, voted, quorum, the tally and the winners",
      tag,
      access: readers,
      params: textParams("id"),
      responses: {
        200: {
          description: "Results",
          schema: z.object({
            eligible: z.number(),
            voted: z.number(),
            turnoutPercent: z.number(),
            quorumPercent: z.nullable(z.number()),
            quorumMet: z.boolean(),
            tally: z.array(z.object({ option: z.string(), name: z.string(), votes: z.number() })),
            winners: z.array(z.string()),
            tied: z.array(z.string()),
            passed: z.optional(z.boolean()),
          }),
        },
        409: { description: "Before closing" },
      },
    },
    async (c, { params }) => c.json(await Election.results(params.id)),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/elections/:id/trackers",
      summary: "After closing: every counted ballot as tracker and choices",
      tag,
      access: readers,
      params: textParams("id"),
      responses: {
        200: { description: "Ballots", schema: z.object({ ballots: z.array(z.object({ tracker: z.string(), choices: z.array(z.string()) })) }) },
        409: { description: "Before closing" },
      },
    },
    async (c, { params }) => c.json({ ballots: await Election.trackers(params.id) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/elections/:id/audit",
      summary: "The board's log of actions on the election (no ballot contents)",
      tag,
      access: board,
      params: textParams("id"),
      responses: {
        200: {
          description: "Events",
          schema: z.object({ events: z.array(z.object({ id: z.string(), actorID: z.string(), action: z.string(), data: z.unknown(), at: z.string() })) }),
        },
      },
    },
    async (c, { params }) => c.json({ events: await Election.audit(params.id) }),
  );
}
