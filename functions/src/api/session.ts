import type { Context } from "hono";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { Actor } from "@akker/core/actor";
import { Session } from "@akker/core/auth/session";
import { Identity } from "@akker/core/person/identity";
import { withActor } from "@akker/core/actor";

export const cookieName = "akker_session";

export interface CookieOptions {
  secure: boolean;
}

export function setSessionCookie(c: Context, token: string, opts: CookieOptions) {
  setCookie(c, cookieName, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: opts.secure,
    path: "/",
    maxAge: Math.floor(Session.absoluteMs / 1000),
  });
}

export function clearSessionCookie(c: Context, opts: CookieOptions) {
  deleteCookie(c, cookieName, { path: "/", secure: opts.secure, httpOnly: true, sameSite: "Lax" });
}

/** Builds the actor for a request: anonymous for the farm, or the person behind a live session. */
export async function resolveActor(c: Context, farmID: string): Promise<Actor> {
  const token = getCookie(c, cookieName);
  if (!token) return { type: "public", farmID };
  return withActor({ type: "public", farmID }, async () => {
    const session = await Session.find(token);
    if (!session) return { type: "public", farmID } as Actor;
    const identity = await Identity.get(session.personID);
    if (!identity) return { type: "public", farmID } as Actor;
    return {
      type: "person",
      farmID,
      personID: identity.personID,
      householdID: identity.householdID,
      roles: identity.roles,
      sessionID: session.id,
    } as Actor;
  });
}
