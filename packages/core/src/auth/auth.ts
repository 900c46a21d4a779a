import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import * as z from "zod/mini";
import { useFarmID } from "../actor";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { fn } from "../fn";
import { Mail } from "../mail/mail";
import { Person } from "../person/person";
import { RateLimit } from "../ratelimit/ratelimit";
import { Session } from "./session";

export namespace Auth {
  export const codeTTLMinutes = 10;
  export const maxAttempts = 5;

  export const limits = {
    perAddress: { limit: 5, windowSeconds: 15 * 60 },
    // caps the guesses at one address to 12 codes × 5 tries a day, wherever they come from
    perAddressDaily: { limit: 12, windowSeconds: 24 * 3600 },
    perClient: { limit: 30, windowSeconds: 15 * 60 },
  };

  /**
   * Where the HMAC key comes from: AUTH_SECRET in the environment locally and
   * in tests; Lambda plugs in a loader that reads the SST secret from SSM on
   * first use, so a cold start that only serves pages never loads SSM.
   */
  let secretSource: () => string | undefined | Promise<string | undefined> = () => process.env.AUTH_SECRET;
  let loaded: Promise<string> | undefined;

  export function useSecretSource(source: typeof secretSource) {
    secretSource = source;
    loaded = undefined;
  }

  function secret(): Promise<string> {
    if (!loaded) {
      const loading = Promise.resolve(secretSource()).then((s) => {
        if (!s || s.length < 16) throw new Error("AUTH_SECRET is not set (at least 16 characters)");
        return s;
      });
      // a failed load (SSM throttled) is tried again on the next request
      loading.catch(() => {
        if (loaded === loading) loaded = undefined;
      });
      loaded = loading;
    }
    return loaded;
  }

  /** Keyed hash: a 6-digit code hashed without a secret could be guessed back from the database. */
  async function hashCode(farmID: string, email: string, code: string) {
    return createHmac("sha256", await secret()).update(`${farmID}\n${email}\n${code}`).digest("base64url");
  }

  export const RequestCodeInput = z.object({ email: Person.email });
  export const VerifyInput = z.object({
    email: Person.email,
    code: z.string().check(z.trim(), z.regex(/^\d{6}$/, "The code has 6 digits.")),
  });

  const invalidCode = () =>
    new VisibleError("unauthenticated", "auth.code_invalid", "This code is wrong or has expired.");

  /**
   * Mails a login code when the address belongs to someone. The caller
   * learns nothing either way: the answer and the rate limits are the same.
   */
  export const requestCode = fn(
    z.object({ email: Person.email, client: z.string() }),
    async ({ email, client }) => {
      const farmID = useFarmID();
      await RateLimit.hit(`code-client:${client}`, limits.perClient.limit, limits.perClient.windowSeconds);
      await RateLimit.hit(`code-address:${email}`, limits.perAddress.limit, limits.perAddress.windowSeconds);
      await RateLimit.hit(`code-address-day:${email}`, limits.perAddressDaily.limit, limits.perAddressDaily.windowSeconds);
      const person = await Person.byEmail(email);
      if (!person) return;
      const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
      const expiresAt = Clock.now() + codeTTLMinutes * 60_000;
      // A new code replaces the previous one and starts with a fresh try count.
      await useDB()
        .entities.loginCode.put({
          farmID,
          email,
          codeHash: await hashCode(farmID, email, code),
          expiresAt,
          attempts: 0,
          expiresAtEpoch: Math.ceil(expiresAt / 1000),
        })
        .go();
      const farm = await Farm.current();
      await Mail.send("loginCode", email, person.locale, {
        code,
        farm: farm.name,
        minutes: codeTTLMinutes,
      });
    },
  );

  /** Checks a code and, when right, opens a session. Returns the token for the cookie. */
  export const verify = fn(VerifyInput, async ({ email, code }) => {
    const farmID = useFarmID();
    const db = useDB().entities.loginCode;
    const stored = (await db.get({ farmID, email }).go()).data;
    if (!stored || stored.expiresAt <= Clock.now() || stored.attempts >= maxAttempts) throw invalidCode();
    const given = Buffer.from(await hashCode(farmID, email, code));
    const right = Buffer.from(stored.codeHash);
    if (given.length !== right.length || !timingSafeEqual(given, right)) {
      // Count the try; the condition stops concurrent guesses from exceeding the limit.
      await db
        .patch({ farmID, email })
        .add({ attempts: 1 })
        .where((a, op) => `${op.eq(a.codeHash, stored.codeHash)} AND ${op.lt(a.attempts, maxAttempts)}`)
        .go({ response: "none" })
        .catch((e: unknown) => {
          if (!isConditionFailure(e)) throw e;
        });
      throw invalidCode();
    }
    // Single use: only the request that deletes the code gets a session.
    try {
      await db
        .delete({ farmID, email })
        .where((a, op) => `${op.eq(a.codeHash, stored.codeHash)} AND ${op.lt(a.attempts, maxAttempts)}`)
        .go();
    } catch (e) {
      if (isConditionFailure(e)) throw invalidCode();
      throw e;
    }
    const person = await Person.byEmail(email);
    if (!person) throw invalidCode();
    return { token: await Session.open(person.id), person };
  });
}
