import * as z from "zod/mini";
import { hasRole, usePerson } from "@akker/core/actor";
import { VisibleError } from "@akker/core/error";
import { Household } from "@akker/core/household/household";
import { Person } from "@akker/core/person/person";
import { route, textParams, type App } from "../route";

const board = ["board"] as const;

/** What the routes on one household answer: it, with its people. */
const OneHousehold = z.object({ household: Household.WithPeople });
const oneHousehold = async (id: string) => ({ household: Household.mustExist(await Household.withPeople(id)) });

export function householdRoutes(app: App) {
  route(
    app,
    {
      method: "get",
      path: "/api/households",
      summary: "All households of the farm",
      tag: "households",
      access: board,
      responses: { 200: { description: "Households, each with its people's names and addresses", schema: z.object({ households: z.array(Household.Listed) }) } },
    },
    async (c) => c.json({ households: await Household.listWithPeople() }),
  );

  route(
    app,
    {
      method: "post",
      path: "/api/households",
      summary: "Create a household (with its people)",
      tag: "households",
      access: board,
      body: Household.CreateInput,
      responses: { 201: { description: "Created", schema: OneHousehold } },
    },
    async (c, { body }) => {
      const created = await Household.create(body);
      return c.json(await oneHousehold(created.id), 201);
    },
  );

  route(
    app,
    {
      method: "get",
      path: "/api/households/:id",
      summary: "A household with its people: for the board, or its own members",
      tag: "households",
      access: "session",
      params: textParams("id"),
      responses: {
        200: { description: "The household", schema: OneHousehold },
        404: { description: "Unknown, or another household" },
      },
    },
    async (c, { params }) => {
      // Someone else's household answers exactly like one that does not exist.
      if (usePerson().householdID !== params.id && !hasRole("board"))
        throw new VisibleError("not_found", "household.not_found", "No such household.");
      return c.json(await oneHousehold(params.id));
    },
  );

  route(
    app,
    {
      method: "patch",
      path: "/api/households/:id",
      summary: "Change composition, status or certificate",
      tag: "households",
      access: board,
      params: textParams("id"),
      body: Household.UpdateInput,
      responses: {
        200: { description: "The household", schema: OneHousehold },
        404: { description: "Unknown" },
      },
    },
    async (c, { body, params }) => {
      await Household.update({ id: params.id, changes: body });
      return c.json(await oneHousehold(params.id));
    },
  );

  route(
    app,
    {
      method: "post",
      path: "/api/households/:id/people",
      summary: "Add a person (who can then log in) to a household; its people are mailed, and the addition audited",
      tag: "households",
      access: board,
      params: textParams("id"),
      body: Household.AddPersonInput,
      responses: {
        201: { description: "Added", schema: z.object({ person: Person.Info }) },
        404: { description: "Unknown household" },
        409: { description: "Email address already in use" },
      },
    },
    async (c, { body, params }) => c.json({ person: await Household.addPerson(params.id, body) }, 201),
  );
}
