import { usePerson } from "@akker/core/actor";
import { Me } from "@akker/core/person/me";
import { route, type App } from "../route";

export function meRoutes(app: App) {
  route(
    app,
    {
      method: "get",
      path: "/api/me",
      summary: "Who is logged in: person, household, roles, farm",
      tag: "session",
      access: "session",
      responses: { 200: { description: "The caller", schema: Me.Info } },
    },
    async (c) => c.json(await Me.get(usePerson().personID, usePerson())),
  );

  route(
    app,
    {
      method: "patch",
      path: "/api/me",
      summary: "Change the caller's own settings (language of screens and mails)",
      tag: "session",
      access: "session",
      body: Me.UpdateInput,
      responses: { 200: { description: "The caller", schema: Me.Info } },
    },
    async (c, { body }) => c.json(await Me.update(body)),
  );
}
