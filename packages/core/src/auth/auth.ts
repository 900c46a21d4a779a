import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import * as z from "zod/mini";
import { useFarmID } from "../actor";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { Mail } from "../mail/mail";
import { loginCode } from "./mail";
import { Person } from "../person/person";
import { RateLimit } from "../ratelimit/ratelimit";
import { Session } from "./session";

export namespace Auth {
  export const codeTTLMinutes = 10;
  export const maxAttempts = 5;

  /**
   * What a login costs someone guessing (docs/login-limits.md): per code 5
   * tries; per address codes come with growing delays and so do wrong tries;
   * per client and per farm a budget of tries. A try is counted before its
   * code is looked at, and given back only when it was right.
   */
  export const limits = {
    /** Codes per address: five at once, then 1, 2, 4 … minutes apart, never more than an hour. */
    codesPerAddress: { free: 5, firstDelaySeconds: 60, maxDelaySeconds: 3600, windowSeconds: 24 * 3600 },
    codesPerClient: { limit: 30, windowSeconds: 15 * 60 },
    codesPerClientDaily: { limit: 50, windowSeconds: 24 * 3600 },
    /** Wrong tries per address: a code's worth at once, then growing delays, never more than an hour. */
    failuresPerAddress: { free: 5, firstDelaySeconds: 60, maxDelaySeconds: 3600, windowSeconds: 24 * 3600 },
    triesPerClient: { limit: 10, windowSeconds: 15 * 60 },
    triesPerClientDaily: { limit: 30, windowSeconds: 24 * 3600 },
    /** Wrong tries on the whole farm, wherever they come from (a botnet). */
    failuresPerFarm: { limit: 50, windowSeconds: 3600 },
    failuresPerFarmDaily: { limit: 200, windowSeconds: 24 * 3600 },
  };

  /**
   * How long a code request takes at least (ms): the answer for an address
   * nobody has comes no sooner than the one that also mails a code.
   */
  let answerMs = Number(process.env.AUTH_ANSWER_MS ?? 250);

  /** For tests: most run with no floor (AUTH_ANSWER_MS=0), the one about the time sets it. */
  export function setAnswerMs(ms: number) {
    answerMs = ms;
  }

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

  const tooMany = "auth.too_many_tries";

  /**
   * Mails a login code when the address belongs to someone. The caller
   * learns nothing either way: the rate limits, the work (a code hashed and
   * stored, also for an address nobody has, where no one ever reads it) and
   * the time to answer are the same; only the mail differs.
   */
  export async function requestCode({ email, client }: z.output<typeof RequestCodeInput> & { client: string }) {
    const started = performance.now();
    const farmID = useFarmID();
    await RateLimit.hit(`code-client:${client}`, limits.codesPerClient.limit, limits.codesPerClient.windowSeconds);
    await RateLimit.hit(`code-client-day:${client}`, limits.codesPerClientDaily.limit, limits.codesPerClientDaily.windowSeconds);
    await RateLimit.backoff(`code-address:${email}`, limits.codesPerAddress, { refuse: true, code: "auth.rate_limited" });
    const [person, farm] = await Promise.all([Person.byEmail(email), Farm.current()]);
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
    if (person) await Mail.send(loginCode, email, person.locale, { code, farm: farm.name, minutes: codeTTLMinutes });
    const rest = answerMs - (performance.now() - started);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }

  /**
   * Checks a code and, when right, opens a session. Returns the token for the cookie.
   * Every try is counted (for its code, its client and the farm) before the
   * code is compared, so concurrent guesses never get more than their tries.
   */
  export async function verify({ email, code, client }: z.output<typeof VerifyInput> & { client: string }) {
    const farmID = useFarmID();
    const held = [
      await RateLimit.hit(`verify-client:${client}`, limits.triesPerClient.limit, limits.triesPerClient.windowSeconds, tooMany),
      await RateLimit.hit(`verify-client-day:${client}`, limits.triesPerClientDaily.limit, limits.triesPerClientDaily.windowSeconds, tooMany),
      await RateLimit.hit("verify-farm", limits.failuresPerFarm.limit, limits.failuresPerFarm.windowSeconds, tooMany),
      await RateLimit.hit("verify-farm-day", limits.failuresPerFarmDaily.limit, limits.failuresPerFarmDaily.windowSeconds, tooMany),
    ];
    await RateLimit.waitFor(`verify-address:${email}`, limits.failuresPerAddress, tooMany);
    const wrong = async () => {
      await RateLimit.backoff(`verify-address:${email}`, limits.failuresPerAddress, { refuse: false, code: tooMany });
      return invalidCode();
    };

    const db = useDB().entities.loginCode;
    // The try takes one of the code's tries, atomically, before the code is looked at.
    const counted = await db
      .patch({ farmID, email })
      .add({ attempts: 1 })
      .where((a, op) => `${op.lt(a.attempts, maxAttempts)} AND ${op.gt(a.expiresAt, Clock.now())}`)
      .go({ response: "all_new" })
      .catch((e: unknown) => {
        if (isConditionFailure(e)) return undefined;
        throw e;
      });
    const stored = counted?.data;
    if (!stored?.codeHash) throw await wrong();
    const given = Buffer.from(await hashCode(farmID, email, code));
    const right = Buffer.from(stored.codeHash);
    if (given.length !== right.length || !timingSafeEqual(given, right)) throw await wrong();
    // Single use: only the request that deletes the code gets a session.
    try {
      await db
        .delete({ farmID, email })
        .where((a, op) => op.eq(a.codeHash, stored.codeHash))
        .go();
    } catch (e) {
      if (isConditionFailure(e)) throw invalidCode();
      throw e;
    }
    // a right try costs no one's budget
    await Promise.all(held.map(RateLimit.release));
    const person = await Person.byEmail(email);
    if (!person) throw invalidCode();
    return { token: await Session.open(person.id), person };
  }
}
