import * as z from "zod/mini";
import { Assembly } from "@akker/core/assembly/assembly";
import { checkIn, checkOut, present, results, Results } from "@akker/core/assembly/attendance";
import { ItemUpdate, OrderInput, reorder, updateItem } from "@akker/core/assembly/agenda";
import { BallotInput, castBallot, Receipt } from "@akker/core/assembly/ballot";
import { addPaper, Paper, PaperInput } from "@akker/core/assembly/papers";
import { route, textParams, type App } from "../route";

/*
 * The general assembly (ALV), in the core Lambda: the board runs the
 * meeting, checks households in at the door and opens and closes its one
 * ballot; member households see the agenda, vote the ballot and read the
 * results. Each vote item is an election, so its trackers, proxies and
 * mailing stay at /api/elections/{id}/….
 */

const board = ["board"] as const;
const members = ["member"] as const;
const readers = ["member", "board"] as const;
const tag = "assemblies";
const One = z.object({ assembly: Assembly.Info });
const Present = z.object({ present: z.array(z.object({ householdID: z.string(), name: z.string(), checkedInAt: z.string() })) });
const id = textParams("id");
const itemParams = textParams("id", "itemID");
const householdParams = textParams("id", "householdID");

export function assemblyRoutes(app: App) {
  route(
    app,
    { method: "post", path: "/api/assemblies", summary: "Plan a meeting (a draft only the board sees)", tag, access: board, body: Assembly.CreateInput, responses: { 201: { description: "Draft", schema: One } } },
    async (c, { body }) => c.json({ assembly: await Assembly.create(body) }, 201),
  );

  route(
    app,
    { method: "get", path: "/api/assemblies", summary: "Meetings, newest first, each with its agenda and the caller's position on each vote", tag, access: readers, responses: { 200: { description: "Meetings", schema: z.object({ assemblies: z.array(Assembly.Info) }) } } },
    async (c) => c.json({ assemblies: await Assembly.list() }),
  );

  route(
    app,
    { method: "get", path: "/api/assemblies/:id", summary: "One meeting with its agenda", tag, access: readers, params: id, responses: { 200: { description: "The meeting", schema: One }, 404: { description: "Unknown (or a draft, for members)" } } },
    async (c, { params }) => c.json({ assembly: await Assembly.get(params.id) }),
  );

  route(
    app,
    {
      method: "patch",
      path: "/api/assemblies/:id",
      summary: "Change the meeting until its ballot opens",
      tag,
      access: board,
      params: id,
      body: Assembly.UpdateInput,
      responses: { 200: { description: "The meeting", schema: One }, 409: { description: "assembly.ballot_opened" } },
    },
    async (c, { body, params }) => c.json({ assembly: await Assembly.update(params.id, body) }),
  );

  for (const action of ["announce", "open", "remind", "close"] as const)
    route(
      app,
      {
        method: "post",
        path: `/api/assemblies/:id/${action}`,
        summary:
          action === "announce"
            ? "Show the meeting and its agenda to the members"
            : action === "open"
              ? "Open the ballot: every vote item's vote opens"
              : action === "remind"
                ? "Remind who has not voted, once each"
                : "Close the ballot: count, mail the results, hand an adopted budget to the treasurer",
        tag,
        access: board,
        params: id,
        responses: { 200: { description: "The meeting", schema: One }, 409: { description: "Not in a state to do this" } },
      },
      async (c, { params }) => c.json({ assembly: await Assembly[action](params.id) }),
    );

  route(
    app,
    {
      method: "post",
      path: "/api/assemblies/:id/items",
      summary: "Add an agenda item: a discussion point, a motion or the board seats",
      tag,
      access: board,
      params: id,
      body: Assembly.ItemInput,
      responses: { 201: { description: "The meeting", schema: One }, 409: { description: "assembly.ballot_opened" } },
    },
    async (c, { body, params }) => c.json({ assembly: await Assembly.addItem(params.id, body) }, 201),
  );

  route(
    app,
    {
      method: "patch",
      path: "/api/assemblies/:id/items/:itemID",
      summary: "Change an agenda item until the ballot opens",
      tag,
      access: board,
      params: itemParams,
      body: ItemUpdate,
      responses: { 200: { description: "The meeting", schema: One }, 404: { description: "assembly.item_not_found" }, 409: { description: "assembly.ballot_opened" } },
    },
    async (c, { body, params }) => c.json({ assembly: await updateItem(params.id, params.itemID, body) }),
  );

  route(
    app,
    {
      method: "put",
      path: "/api/assemblies/:id/agenda",
      summary: "Reorder the agenda until the ballot opens",
      tag,
      access: board,
      params: id,
      body: OrderInput,
      responses: { 200: { description: "The meeting", schema: One }, 409: { description: "assembly.ballot_opened" } },
    },
    async (c, { body, params }) => c.json({ assembly: await reorder(params.id, body) }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/assemblies/:id/papers",
      summary: "Add a paper (board-only while a draft); its file goes to /api/documents/{id}/versions",
      tag,
      access: board,
      params: id,
      body: PaperInput,
      responses: { 201: { description: "The paper's document", schema: z.object({ document: Paper }) }, 404: { description: "assembly.item_not_found" } },
    },
    async (c, { body, params }) => c.json({ document: await addPaper(params.id, body) }, 201),
  );

  route(
    app,
    {
      method: "delete",
      path: "/api/assemblies/:id/items/:itemID",
      summary: "Take an item off the agenda until the ballot opens",
      tag,
      access: board,
      params: itemParams,
      responses: { 200: { description: "The meeting", schema: One }, 409: { description: "assembly.ballot_opened" } },
    },
    async (c, { params }) => c.json({ assembly: await Assembly.removeItem(params.id, params.itemID) }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/assemblies/:id/ballot",
      summary: "Vote the meeting's ballot in one submit: each item its own secret vote with its own tracker",
      tag,
      access: members,
      params: id,
      body: BallotInput,
      responses: { 200: { description: "Per item a tracker, or why it was not counted", schema: z.object({ receipts: z.array(Receipt) }) } },
    },
    async (c, { body, params }) => c.json({ receipts: await castBallot(params.id, body) }),
  );

  route(
    app,
    { method: "get", path: "/api/assemblies/:id/attendance", summary: "The households checked in at the door", tag, access: board, params: id, responses: { 200: { description: "Present", schema: Present } } },
    async (c, { params }) => c.json({ present: await present(params.id) }),
  );

  route(
    app,
    {
      method: "put",
      path: "/api/assemblies/:id/attendance/:householdID",
      summary: "Check a household in at the door (again is the same)",
      tag,
      access: board,
      params: householdParams,
      responses: { 200: { description: "Present", schema: Present }, 409: { description: "assembly.not_at_door" } },
    },
    async (c, { params }) => c.json({ present: await checkIn(params.id, params.householdID) }),
  );

  route(
    app,
    {
      method: "delete",
      path: "/api/assemblies/:id/attendance/:householdID",
      summary: "Undo a check-in made by mistake, until the ballot closes",
      tag,
      access: board,
      params: householdParams,
      responses: { 200: { description: "Present", schema: Present }, 409: { description: "assembly.not_at_door" } },
    },
    async (c, { params }) => c.json({ present: await checkOut(params.id, params.householdID) }),
  );

  route(
    app,
    {
      method: "get",
      path: "/api/assemblies/:id/results",
      summary: "Each vote item's result once counted, with the room's quorum for items voted in the room",
      tag,
      access: readers,
      params: id,
      responses: {
        200: {
          description: "Results",
          schema: Results,
        },
      },
    },
    async (c, { params }) => c.json(await results(params.id)),
  );
}
