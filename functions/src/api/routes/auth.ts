import * as z from "zod/mini";
import { usePerson } from "@akker/core/actor";
import { Auth } from "@akker/core/auth/auth";
import { Session } from "@akker/core/auth/session";
import { route, type App } from "../route";
import { clearSessionCookie, setSessionCookie } from "../session";
import { Me } from "@akker/core/person/me";

export function authRoutes(app: App) {
  route(
    app,
    {
      method: "post",
      path: "/api/auth/code",
      summary: "Mail a 6-digit login code; the answer is the same whether or not the address is known",
      tag: "auth",
      access: "public",
      body: Auth.RequestCodeInput,
      responses: {
        202: { description: "Accepted" },
        429: { description: "Too many requests from this client or for this address: `retryAfterMinutes` says when to try again" },
      },
    },
    async (c, { body }) => {
      await Auth.requestCode({ email: body.email, client: c.get("client") });
      return c.body(null, 202);
    },
  );

  route(
    app,
    {
      method: "post",
      path: "/api/auth/verify",
      summary: "Exchange the code for a session cookie",
      tag: "auth",
      access: "public",
      body: Auth.VerifyInput,
      responses: {
        200: { description: "Logged in", schema: z.object({ me: Me.Info }) },
        401: { description: "Wrong or expired code" },
        429: { description: "Too many tries from this client, at this address or on the farm: `retryAfterMinutes` says when to try again" },
      },
    },
    async (c, { body }) => {
      const { token, person } = await Auth.verify({ ...body, client: c.get("client") });
      setSessionCookie(c, token, { secure: c.get("secure") });
      // Answer with who logged in, so the client needs no second request.
      return c.json({ me: await Me.get(person.id) });
    },
  );

  route(
    app,
    {
      method: "post",
      path: "/api/auth/logout",
      summary: "End the session, server-side",
      tag: "auth",
      access: "session",
      responses: { 204: { description: "Logged out" } },
    },
    async (c) => {
      await Session.end(usePerson().sessionID);
      clearSessionCookie(c, { secure: c.get("secure") });
      return c.body(null, 204);
    },
  );
}
