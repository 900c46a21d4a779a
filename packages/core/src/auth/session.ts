import { createHash, randomBytes } from "node:crypto";
import { useFarmID } from "../actor";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";

/**
 * Sessions: an opaque token in the cookie, stored only as its hash. Apart
 * from logging in (auth.ts, which mails codes), so that every API function
 * can find the session behind a request without carrying the login code's
 * mail and templates.
 */
export namespace Session {
  /** A session dies after two weeks without use, and after 90 days whatever happens. */
  export const idleMs = 14 * 24 * 3600 * 1000;
  export const absoluteMs = 90 * 24 * 3600 * 1000;
  /** lastSeenAt is refreshed at most this often, so reading pages costs no writes. */
  const touchMs = 3600 * 1000;

  export function hashToken(token: string) {
    return createHash("sha256").update(token).digest("base64url");
  }

  /** Starts a session for a person whose identity is proven; returns the token for the cookie. */
  export async function open(personID: string) {
    const token = randomBytes(32).toString("base64url");
    const now = Clock.now();
    await useDB()
      .entities.session.create({
        farmID: useFarmID(),
        tokenHash: hashToken(token),
        personID,
        createdAt: now,
        lastSeenAt: now,
        expiresAtEpoch: Math.ceil(Math.min(now + idleMs, now + absoluteMs) / 1000),
      })
      .go();
    return token;
  }

  /** The session behind a cookie token, or undefined when unknown, idle too long or too old. */
  export async function find(token: string) {
    if (!token || token.length > 100) return undefined;
    const farmID = useFarmID();
    const tokenHash = hashToken(token);
    const db = useDB().entities.session;
    const s = (await db.get({ farmID, tokenHash }).go()).data;
    const now = Clock.now();
    if (!s || now - s.lastSeenAt > idleMs || now - s.createdAt > absoluteMs) return undefined;
    if (now - s.lastSeenAt > touchMs) {
      await db
        .patch({ farmID, tokenHash })
        .set({
          lastSeenAt: now,
          expiresAtEpoch: Math.ceil(Math.min(now + idleMs, s.createdAt + absoluteMs) / 1000),
        })
        .go({ response: "none" })
        .catch((e: unknown) => {
          // logged out meanwhile
          if (!isConditionFailure(e)) throw e;
        });
    }
    return { id: tokenHash, personID: s.personID };
  }

  /** Logout: the session is gone server-side, whatever the browser keeps. */
  export async function end(sessionID: string) {
    await useDB().entities.session.delete({ farmID: useFarmID(), tokenHash: sessionID }).go();
  }
}
