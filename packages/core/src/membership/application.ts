import { createHash, randomBytes } from "node:crypto";
import * as z from "zod/mini";
import { useActor, useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { certificates } from "../household/entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { checkComposition, mouths } from "../household/mouths";
import { createID } from "../id";
import { Mail } from "../mail/mail";
import { applicationAccepted, applicationConfirm, applicationExpired, applicationKnown, applicationOffer, applicationReceived } from "./mail";
import { oneAtATime } from "../one-at-a-time";
import { identityChanged } from "../person/changes";
import { Person } from "../person/person";
import { RateLimit } from "../ratelimit/ratelimit";
import { Certificate } from "./certificate";
import { applicationStatuses } from "./entities";
import { dateOf, freeMouths, nameProblem, planOffers } from "./rules";

/**
 * The waiting list (wachtlijst). Anyone can apply; applications wait in the
 * order they came in. When mouths are free the board offers places in that
 * order wherever an application fits; the applicant accepts with the link
 * from the offer mail before the deadline, and becomes a member household
 * with a pending certificate. An offer that expires, or is declined, moves
 * on to the next in line.
 *
 * Every offer and every acceptance bumps the list's version in the same
 * transaction, on the condition (for offers) that nobody else did
 * meanwhile, so two rounds of offers never hand out the same free mouths.
 * An acceptance is one transaction that flips the application from offered
 * to accepted and writes the household, its person and its certificate, so
 * it happens once however often the link is used.
 */
export namespace Application {
  export const statuses = applicationStatuses;
  const count = z.int().check(z.minimum(0), z.maximum(20));

  export const ApplyInput = z.object({
    /** One line without anything like an address: the farm mails it back (see nameProblem). */
    name: z.string().check(
      z.trim(),
      z.minLength(1),
      z.maxLength(100),
      z.refine((n) => nameProblem(n) !== "line", { message: "A name is one line." }),
      z.refine((n) => nameProblem(n) !== "address", { message: "A name holds no web or mail address (put a space after a full stop)." }),
    ),
    email: Person.email,
    adults: count.check(z.minimum(1)),
    children: z._default(count, 0),
    vegetarian: z._default(z.boolean(), false),
    /** Left out: half for one mouth, full otherwise. */
    certificate: z.optional(z.enum(certificates)),
    /** How the deposit will be paid: at once (default) or in instalments. */
    plan: z._default(z.enum(Certificate.plans), "once"),
    locale: z.optional(z.enum(["nl", "en"])),
  });

  export const TokenInput = z.object({ token: z.string().check(z.trim(), z.minLength(16), z.maxLength(200)) });

  /** What the board sees. */
  export const Info = z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    adults: z.int(),
    children: z.int(),
    mouths: z.number(),
    vegetarian: z.boolean(),
    certificate: z.enum(certificates),
    plan: z.enum(Certificate.plans),
    locale: z.enum(["nl", "en"]),
    status: z.enum(applicationStatuses),
    /** Place among the waiting (1 = next), null when not waiting. */
    position: z.nullable(z.int()),
    appliedAt: z.string(),
    offeredAt: z.nullable(z.string()),
    offerExpiresAt: z.nullable(z.string()),
    closedAt: z.nullable(z.string()),
    householdID: z.nullable(z.string()),
  });
  export type Info = z.infer<typeof Info>;

  /** What the applicant sees with the private link: their own application, never anyone else's. */
  export const Status = z.object({
    id: z.string(),
    name: z.string(),
    adults: z.int(),
    children: z.int(),
    mouths: z.number(),
    certificate: z.enum(certificates),
    status: z.enum(applicationStatuses),
    position: z.nullable(z.int()),
    /** How many applications wait in all. */
    waiting: z.int(),
    appliedAt: z.string(),
    offerExpiresAt: z.nullable(z.string()),
  });
  export type Status = z.infer<typeof Status>;

  export const Capacity = z.object({
    capacityMouths: z.number(),
    /** Mouths of active and pending households. */
    memberMouths: z.number(),
    /** Mouths of offers not yet accepted. */
    offeredMouths: z.number(),
    freeMouths: z.number(),
    /** Mouths of households that gave notice and have not left yet: free after their end date. */
    leavingMouths: z.number(),
  });
  export type Capacity = z.infer<typeof Capacity>;

  export const limits = {
    perClient: { limit: 10, windowSeconds: 3600 },
    perAddress: { limit: 3, windowSeconds: 3600 },
  };

  type Stored = NonNullable<Awaited<ReturnType<typeof load>>>;

  const notFound = () => new VisibleError("not_found", "application.not_found", "No such application.");
  const hash = (token: string) => createHash("sha256").update(token).digest("base64url");
  const newToken = () => randomBytes(32).toString("base64url");
  const open = (a: { status: string }) => a.status === "waiting" || a.status === "offered";

  async function load(applicationID: string) {
    return (await useDB().entities.application.get({ farmID: useFarmID(), applicationID }).go({ consistent: true })).data ?? undefined;
  }

  /** Every application, in the list's order (the order they came in). */
  async function all() {
    const res = await useDB().entities.application.query.byID({ farmID: useFarmID() }).go({ pages: "all", consistent: true });
    return res.data.sort((a, b) => (a.applicationID < b.applicationID ? -1 : 1));
  }

  function positions(list: Stored[]) {
    const map = new Map<string, number>();
    for (const a of list) if (a.status === "waiting") map.set(a.applicationID, map.size + 1);
    return map;
  }

  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

  function serialize(a: Stored, childFactor: number, position: number | null): Info {
    return {
      id: a.applicationID,
      name: a.name,
      email: a.email,
      adults: a.adults,
      children: a.children,
      mouths: mouths(a.adults, a.children, childFactor),
      vegetarian: a.vegetarian,
      certificate: a.certificate,
      plan: a.plan,
      locale: a.locale,
      status: a.status,
      position,
      appliedAt: a.createdAt,
      offeredAt: a.offeredAt ?? null,
      offerExpiresAt: iso(a.offerExpiresAt),
      closedAt: a.closedAt ?? null,
      householdID: a.householdID ?? null,
    };
  }

  async function waitlistVersion() {
    const farmID = useFarmID();
    const got = await useDB().entities.waitlist.get({ farmID }).go({ consistent: true });
    if (got.data) return got.data.version;
    try {
      await useDB().entities.waitlist.create({ farmID, version: 0 }).go();
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
    }
    return (await useDB().entities.waitlist.get({ farmID }).go({ consistent: true })).data!.version;
  }

  async function backoff(attempt: number) {
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6))));
  }

  function actorName() {
    const actor = useActor();
    return actor.type === "person" ? actor.personID : actor.type;
  }

  /** How long the link that confirms an address works; an application never confirmed lapses with it. */
  export const confirmHours = 48;

  /** What every application answers, whoever's address it names: the rest goes to that address. */
  export const Applied = z.object({ mailed: z.literal(true) });

  /**
   * Asks to join the waiting list (anyone, no login; rate-limited per client
   * and per address). Nothing the applicant typed goes out yet, and nothing
   * is on the list: the address gets a link to confirm it, and the
   * application takes its place once confirmed (`confirm`). An address
   * already on the list is mailed a link to its status instead. The answer
   * is the same either way, so it tells nobody whether an address waits.
   */
  export async function apply(input: z.infer<typeof ApplyInput>, client: string): Promise<z.infer<typeof Applied>> {
    const farmID = useFarmID();
    await RateLimit.hit(`apply-client:${client}`, limits.perClient.limit, limits.perClient.windowSeconds);
    await RateLimit.hit(`apply-address:${input.email}`, limits.perAddress.limit, limits.perAddress.windowSeconds);
    const farm = await Farm.current();
    const m = mouths(input.adults, input.children, farm.childFactor);
    const certificate = input.certificate ?? (m === 1 ? "half" : "full");
    const issues = checkComposition({ ...input, certificate }, farm.childFactor);
    if (issues.length) throw new VisibleError("input", "household.composition", issues[0]!.message, issues);
    const locale = input.locale ?? farm.defaultLocale;
    const token = newToken();
    const claim = (await useDB().entities.applicationEmail.get({ farmID, email: input.email }).go({ consistent: true })).data;
    const existing = claim ? await load(claim.applicationID) : undefined;
    if (existing) {
      // in the address's own language, as it chose when it confirmed
      const mail = Mail.compose(applicationKnown, input.email, existing.locale, { farm: farm.name, link: `/apply/status/${token}` });
      const made = await Mail.commitWith([mail], ({ applicationToken }) => [
        applicationToken.create({ farmID, tokenHash: hash(token), applicationID: existing.applicationID, purpose: "status" }).commit(),
      ]);
      if (!made) throw new VisibleError("conflict", "application.busy", "Please try again.");
      return { mailed: true };
    }
    const expiresAt = Clock.now() + confirmHours * 3600_000;
    const mail = Mail.compose(applicationConfirm, input.email, locale, { farm: farm.name, link: `/apply/confirm/${token}`, hours: confirmHours });
    // the confirm link exists only in this mail: kept with the request, like an offer's
    const made = await Mail.commitWith([mail], ({ applicationRequest }) => [
      applicationRequest
        .create({
          farmID,
          tokenHash: hash(token),
          name: input.name,
          email: input.email,
          adults: input.adults,
          children: input.children,
          vegetarian: input.vegetarian,
          certificate,
          plan: input.plan,
          locale,
          expiresAt,
          expiresAtEpoch: Math.ceil(expiresAt / 1000),
        })
        .commit(),
    ]);
    if (!made) throw new VisibleError("conflict", "application.busy", "Please try again.");
    return { mailed: true };
  }

  export const Confirmed = z.object({ application: z.object({ id: z.string(), position: z.nullable(z.int()), statusToken: z.string() }) });

  /**
   * Confirms an address with the mailed link: the application joins the
   * list (its place counts from now) with its audit event and the mail with
   * its status link, in one transaction. The link works until it lapses,
   * also again and at once: one application, and each answer carries a
   * fresh status link to it. When the address got on the list meanwhile
   * (two requests, both confirmed), it leads to that application.
   */
  export async function confirm(token: string): Promise<z.infer<typeof Confirmed>> {
    const farmID = useFarmID();
    const tokenHash = hash(token);
    const lapsed = () => new VisibleError("not_found", "application.confirm_not_found", "This link does not exist (any more).");
    for (let attempt = 0; attempt < 20; attempt++) {
      const request = (await useDB().entities.applicationRequest.get({ farmID, tokenHash }).go({ consistent: true })).data;
      if (!request || request.expiresAt <= Clock.now()) throw lapsed();
      if (request.applicationID) return confirmed(request.applicationID);
      const claim = (await useDB().entities.applicationEmail.get({ farmID, email: request.email }).go({ consistent: true })).data;
      if (claim) {
        // the address is on the list already: this request leads there
        await useDB()
          .entities.applicationRequest.patch({ farmID, tokenHash })
          .set({ applicationID: claim.applicationID })
          .where((x, op) => op.notExists(x.applicationID))
          .go()
          .catch((e: unknown) => {
            if (!isConditionFailure(e)) throw e;
          });
        continue;
      }
      const farm = await Farm.current();
      const applicationID = createID("application");
      const statusToken = newToken();
      const position = positions(await all()).size + 1;
      const mail = Mail.compose(applicationReceived, request.email, request.locale, {
        farm: farm.name,
        name: request.name,
        mouths: mouths(request.adults, request.children, farm.childFactor),
        position,
        link: `/apply/status/${statusToken}`,
      });
      const made = await Mail.commitWith([mail], ({ applicationRequest, applicationEmail, application, applicationToken, audit }) => [
        applicationRequest
          .patch({ farmID, tokenHash })
          .set({ applicationID })
          .where((x, op) => `${op.notExists(x.applicationID)} AND ${op.gt(x.expiresAt, Clock.now())}`)
          .commit(),
        applicationEmail.create({ farmID, email: request.email, applicationID }).commit(),
        application
          .create({
            farmID,
            applicationID,
            name: request.name,
            email: request.email,
            adults: request.adults,
            children: request.children,
            vegetarian: request.vegetarian,
            certificate: request.certificate,
            plan: request.plan,
            locale: request.locale,
            status: "waiting",
          })
          .commit(),
        applicationToken.create({ farmID, tokenHash: hash(statusToken), applicationID, purpose: "status" }).commit(),
        audit.create(Audit.event("application.confirmed", applicationID)).commit(),
      ]);
      if (!made) {
        // confirmed at the same moment, the address claimed meanwhile, or lapsed: look again
        await backoff(attempt);
        continue;
      }
      return { application: { id: applicationID, position: positions(await all()).get(applicationID) ?? null, statusToken } };
    }
    throw new VisibleError("conflict", "application.busy", "Please try again.");
  }

  /** A confirmation seen before: a fresh status link to the application it led to. */
  async function confirmed(applicationID: string): Promise<z.infer<typeof Confirmed>> {
    const statusToken = newToken();
    await useDB().entities.applicationToken.create({ farmID: useFarmID(), tokenHash: hash(statusToken), applicationID, purpose: "status" }).go();
    return { application: { id: applicationID, position: positions(await all()).get(applicationID) ?? null, statusToken } };
  }

  async function byToken(token: string, purpose: "status" | "offer") {
    const found = (await useDB().entities.applicationToken.get({ farmID: useFarmID(), tokenHash: hash(token) }).go({ consistent: true })).data;
    if (!found || found.purpose !== purpose) return undefined;
    return load(found.applicationID);
  }

  /** The applicant's own view, with the private link's token. */
  export async function status(token: string): Promise<Status> {
    const a = await byToken(token, "status");
    if (!a) throw notFound();
    const [farm, list] = await Promise.all([Farm.current(), all()]);
    const place = positions(list);
    return {
      id: a.applicationID,
      name: a.name,
      adults: a.adults,
      children: a.children,
      mouths: mouths(a.adults, a.children, farm.childFactor),
      certificate: a.certificate,
      status: a.status,
      position: place.get(a.applicationID) ?? null,
      waiting: place.size,
      appliedAt: a.createdAt,
      offerExpiresAt: a.status === "offered" ? iso(a.offerExpiresAt) : null,
    };
  }

  async function capacityOf(list: Stored[]): Promise<Capacity> {
    const farmID = useFarmID();
    const [farm, households, certs] = await Promise.all([
      Farm.current(),
      useDB().entities.household.query.byID({ farmID }).go({ pages: "all", consistent: true }),
      useDB().entities.certificate.query.byHousehold({ farmID }).go({ pages: "all" }),
    ]);
    const hh = households.data.map((h) => ({ id: h.householdID, status: h.status, mouths: mouths(h.adults, h.children, farm.childFactor) }));
    const offers = list.filter((a) => a.status === "offered").map((a) => ({ mouths: mouths(a.adults, a.children, farm.childFactor) }));
    const free = freeMouths({ capacityMouths: farm.capacityMouths, households: hh, openOffers: offers });
    const leaving = new Set(certs.data.filter((c) => c.endDate).map((c) => c.householdID));
    const round = (n: number) => Math.round(n * 1000) / 1000;
    return {
      capacityMouths: farm.capacityMouths,
      memberMouths: round(hh.filter((h) => h.status !== "left").reduce((n, h) => n + h.mouths, 0)),
      offeredMouths: round(offers.reduce((n, o) => n + o.mouths, 0)),
      freeMouths: free,
      leavingMouths: round(hh.filter((h) => h.status !== "left" && leaving.has(h.id)).reduce((n, h) => n + h.mouths, 0)),
    };
  }

  /** The board's list: open applications in order (or all with `all`), with mouths and the farm's free mouths. */
  export async function list(opts: { all?: boolean } = {}) {
    await expireOverdue(new Date(Clock.now()));
    const [farm, stored] = await Promise.all([Farm.current(), all()]);
    const place = positions(stored);
    return {
      applications: stored.filter((a) => opts.all || open(a)).map((a) => serialize(a, farm.childFactor, place.get(a.applicationID) ?? null)),
      capacity: await capacityOf(stored),
    };
  }

  export async function get(applicationID: string): Promise<Info> {
    const farm = await Farm.current();
    const a = await load(applicationID);
    if (!a) throw notFound();
    return serialize(a, farm.childFactor, positions(await all()).get(applicationID) ?? null);
  }

  /**
   * Makes offers in list order wherever an application fits the free mouths
   * (and `limitMouths`, when the offers replace ones that ended), in rounds
   * small enough for one transaction each. Returns the applications offered.
   */
  async function makeOffers(opts: { only?: string; limitMouths?: number }): Promise<string[]> {
    const farmID = useFarmID();
    const farm = await Farm.current();
    const offered: string[] = [];
    let budget = opts.limitMouths;
    for (let attempt = 0, rounds = 0; attempt < 100 && rounds < 50; attempt++) {
      const version = await waitlistVersion();
      const stored = await all();
      const cap = await capacityOf(stored);
      const free = budget === undefined ? cap.freeMouths : Math.min(budget, cap.freeMouths);
      const waiting = stored
        .filter((a) => a.status === "waiting" && (!opts.only || a.applicationID === opts.only))
        .map((a) => ({ id: a.applicationID, mouths: mouths(a.adults, a.children, farm.childFactor), a }));
      if (opts.only && !waiting.length) {
        const a = stored.find((x) => x.applicationID === opts.only);
        if (!a) throw notFound();
        throw new VisibleError("conflict", "application.not_waiting", "This application is not waiting for a place.");
      }
      // 24 offers of four items (the application, its token, its audit event, its mail) and the waiting list: 97 of a transaction's 100
      const picks = planOffers(waiting, free).slice(0, 24);
      if (!picks.length) {
        if (opts.only) {
          const m = waiting[0]!.mouths;
          throw new VisibleError("conflict", "application.does_not_fit", `This application needs ${m} mouths; ${free} are free.`, undefined, {
            mouths: m,
            freeMouths: free,
          });
        }
        return offered;
      }
      const now = Clock.now();
      const expiresAt = now + farm.offerDays * 24 * 3600_000;
      const chosen = picks.map((id) => {
        const w = waiting.find((x) => x.id === id)!;
        const token = newToken();
        // the accept link exists only in this mail: it is kept with the offer, so an offer is never made unsent
        const mail = Mail.compose(applicationOffer, w.a.email, w.a.locale, {
          farm: farm.name,
          name: w.a.name,
          mouths: w.mouths,
          certificate: w.a.certificate,
          depositCents: Certificate.depositFor(farm, w.a.certificate),
          deadline: when(expiresAt, w.a.locale),
          link: `/apply/accept/${token}`,
        });
        return { ...w, token, mail };
      });
      const made = await Mail.commitWith(chosen.map((c) => c.mail), ({ waitlist, application, applicationToken, audit }) => [
          waitlist
            .patch({ farmID })
            .set({ version: version + 1 })
            .where((a, op) => op.eq(a.version, version))
            .commit(),
          ...chosen.flatMap((c) => [
            application
              .patch({ farmID, applicationID: c.id })
              .set({ status: "offered", offerTokenHash: hash(c.token), offeredAt: new Date(now).toISOString(), offerExpiresAt: expiresAt, offeredBy: actorName() })
              .where((a, op) => op.eq(a.status, "waiting"))
              .commit(),
            applicationToken
              .create({ farmID, tokenHash: hash(c.token), applicationID: c.id, purpose: "offer", expiresAtEpoch: Math.ceil(expiresAt / 1000) + 30 * 24 * 3600 })
              .commit(),
            audit.create(Audit.event("application.offered", c.id, { mouths: c.mouths, expiresAt: new Date(expiresAt).toISOString() })).commit(),
          ]),
        ]);
      if (!made) {
        await backoff(attempt);
        continue;
      }
      rounds++;
      offered.push(...chosen.map((c) => c.id));
      if (opts.only) return offered;
      if (budget !== undefined) budget = Math.round((budget - chosen.reduce((n, c) => n + c.mouths, 0)) * 1000) / 1000;
    }
    if (!offered.length) throw new VisibleError("conflict", "application.busy", "The waiting list is changing right now; try again.");
    return offered;
  }

  /** "maandag 15 maart 2027 10:00" on the farm's clock. */
  function when(instant: number, locale: "nl" | "en") {
    return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
      timeZone: "Europe/Amsterdam",
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    }).format(new Date(instant));
  }

  const serialized = <T>(task: () => Promise<T>) => oneAtATime(`waitlist:${useFarmID()}`, task);

  /** The board offers places: in list order, to every application that fits the free mouths. */
  export async function offerInOrder() {
    await expireOverdue(new Date(Clock.now()));
    const ids = await serialized(() => makeOffers({}));
    const farm = await Farm.current();
    const stored = await all();
    return {
      offers: ids.map((id) => serialize(stored.find((a) => a.applicationID === id)!, farm.childFactor, null)),
      capacity: await capacityOf(stored),
    };
  }

  /** The board offers a place to one application: 409 when it does not fit the free mouths. */
  export async function offer(applicationID: string) {
    await expireOverdue(new Date(Clock.now()));
    await serialized(() => makeOffers({ only: applicationID }));
    return get(applicationID);
  }

  /**
   * Accepts an offer with the link's token: makes the household (active,
   * with a pending certificate) and its person, who can then log in with a
   * code. Accepting again, or many times at once, makes one household and
   * answers the same.
   */
  export async function accept(token: string) {
    const farmID = useFarmID();
    const farm = await Farm.current();
    const tokenHash = hash(token);
    for (let attempt = 0; attempt < 50; attempt++) {
      const a = await byToken(token, "offer");
      if (!a || a.offerTokenHash !== tokenHash) throw new VisibleError("not_found", "application.offer_not_found", "This offer link does not exist (any more).");
      if (a.status === "accepted") return accepted(a);
      if (a.status === "expired" || (a.status === "offered" && (a.offerExpiresAt ?? 0) <= Clock.now()))
        throw new VisibleError("conflict", "application.offer_expired", "This offer has expired.");
      if (a.status !== "offered") throw new VisibleError("conflict", "application.not_offered", "This offer is no longer open.");

      const person = await Person.byEmail(a.email);
      if (person?.householdID) {
        const current = (await useDB().entities.household.get({ farmID, householdID: person.householdID }).go()).data;
        if (current && current.status !== "left") {
          // this very acceptance may have made that household a moment ago
          const now = await load(a.applicationID);
          if (now?.status === "accepted") return accepted(now);
          throw new VisibleError("conflict", "application.already_member", "This email address already belongs to a member household.");
        }
      }
      const householdID = createID("household");
      const personID = person?.id ?? createID("person");
      const memberSince = dateOf(Clock.now());
      const now = Clock.now();
      const welcome = Mail.compose(applicationAccepted, a.email, a.locale, {
        farm: farm.name,
        name: a.name,
        email: a.email,
        depositCents: Certificate.depositFor(farm, a.certificate),
        link: "/login",
      });
      const made = await Mail.commitWith([welcome], ({ application, applicationEmail, waitlist, household, person: personEntity, emailClaim, certificate, audit }) => [
          application
            .patch({ farmID, applicationID: a.applicationID })
            .set({ status: "accepted", householdID, closedAt: new Date(now).toISOString() })
            .where((x, op) => `${op.eq(x.status, "offered")} AND ${op.eq(x.offerTokenHash, tokenHash)} AND ${op.gt(x.offerExpiresAt, now)}`)
            .commit(),
          applicationEmail.delete({ farmID, email: a.email }).commit(),
          // not conditional: only makes a concurrent round of offers read again
          waitlist.patch({ farmID }).add({ version: 1 }).commit(),
          household
            .create({
              farmID,
              householdID,
              name: a.name,
              adults: a.adults,
              children: a.children,
              vegetarian: a.vegetarian,
              certificate: a.certificate,
              status: "active",
            })
            .commit(),
          certificate.create(Certificate.issue(farm, { householdID, certificate: a.certificate, plan: a.plan, memberSince })).commit(),
          ...(person
            ? [
                personEntity
                  .patch({ farmID, personID })
                  .set({ householdID })
                  .where((x, op) => op.eq(x.householdID, person.householdID ?? "none"))
                  .commit(),
              ]
            : [
                emailClaim.create({ farmID, email: a.email, personID }).commit(),
                personEntity.create({ farmID, personID, name: a.name, email: a.email, householdID, locale: a.locale }).commit(),
              ]),
          audit.create(Audit.event("application.accepted", a.applicationID, { householdID })).commit(),
        ]);
      if (!made) {
        // accepted meanwhile (then the loop answers with it), expired, or the address was taken: look again
        await backoff(attempt);
        continue;
      }
      identityChanged();
      return accepted({ ...a, householdID });
    }
    throw new VisibleError("conflict", "application.busy", "Please try again.");
  }

  function accepted(a: { applicationID: string; householdID?: string; email: string; name: string }) {
    return { application: { id: a.applicationID, status: "accepted" as const }, household: { id: a.householdID!, name: a.name }, email: a.email };
  }

  /**
   * Ends an open application (declined by the applicant, expired, withdrawn);
   * when it held an offer, its mouths move on to the next in line.
   */
  /** Ends an application; `mail` (kept with the change) tells the applicant. */
  async function close(a: Stored, status: "declined" | "expired" | "withdrawn", mail?: Mail.Message) {
    const farmID = useFarmID();
    const wasOffered = a.status === "offered";
    const closed = await Mail.commitWith(mail ? [mail] : [], ({ application, applicationEmail, waitlist, audit }) => [
        application
          .patch({ farmID, applicationID: a.applicationID })
          .set({ status, closedAt: Clock.iso() })
          .where((x, op) => (wasOffered ? `${op.eq(x.status, "offered")} AND ${op.eq(x.offerTokenHash, a.offerTokenHash!)}` : op.eq(x.status, "waiting")))
          .commit(),
        applicationEmail.delete({ farmID, email: a.email }).commit(),
        waitlist.patch({ farmID }).add({ version: 1 }).commit(),
        audit.create(Audit.event(`application.${status}`, a.applicationID)).commit(),
      ]);
    if (!closed) return false;
    if (wasOffered) {
      const farm = await Farm.current();
      await serialized(() => makeOffers({ limitMouths: mouths(a.adults, a.children, farm.childFactor) }));
    }
    return true;
  }

  /** The applicant declines an offer with its link; the place goes to the next in line. */
  export async function decline(token: string) {
    const a = await byToken(token, "offer");
    if (!a || a.offerTokenHash !== hash(token)) throw new VisibleError("not_found", "application.offer_not_found", "This offer link does not exist (any more).");
    if (a.status === "declined") return { application: { id: a.applicationID, status: a.status } };
    if (a.status !== "offered") throw new VisibleError("conflict", "application.not_offered", "This offer is no longer open.");
    await waitlistVersion();
    if (!(await close(a, "declined"))) throw new VisibleError("conflict", "application.not_offered", "This offer is no longer open.");
    return { application: { id: a.applicationID, status: "declined" as const } };
  }

  /** Leaves the waiting list: by the applicant (status link) or the board. */
  export async function withdraw(ref: { token: string } | { applicationID: string }) {
    const a = "token" in ref ? await byToken(ref.token, "status") : await load(ref.applicationID);
    if (!a) throw notFound();
    if (a.status === "withdrawn") return { application: { id: a.applicationID, status: a.status } };
    if (!open(a)) throw new VisibleError("conflict", "application.closed", "This application is no longer on the list.");
    await waitlistVersion();
    if (!(await close(a, "withdrawn"))) throw new VisibleError("conflict", "application.changed", "The application changed meanwhile; try again.");
    return { application: { id: a.applicationID, status: "withdrawn" as const } };
  }

  /**
   * Offers past their deadline expire (the applicant is mailed) and their
   * mouths move on to the next in line. Run by the scheduled job, and
   * before the board reads or changes the list; safe to run twice.
   */
  export async function expireOverdue(now: Date) {
    const overdue = (await all()).filter((a) => a.status === "offered" && (a.offerExpiresAt ?? 0) <= now.getTime());
    if (!overdue.length) return 0;
    const farm = await Farm.current();
    await waitlistVersion();
    let expired = 0;
    for (const a of overdue) {
      if (!(await close(a, "expired", Mail.compose(applicationExpired, a.email, a.locale, { farm: farm.name, name: a.name })))) continue;
      expired++;
    }
    return expired;
  }
}
