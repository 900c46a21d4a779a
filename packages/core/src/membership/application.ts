import * as z from "zod/mini";
import { useFarmID } from "../actor";
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
import { applicationAccepted, applicationConfirm, applicationKnown, applicationReceived } from "./mail";
import { identityChanged } from "../person/changes";
import { Person } from "../person/person";
import { RateLimit } from "../ratelimit/ratelimit";
import { Certificate } from "./certificate";
import { applicationStatuses } from "./entities";
import { dateOf, nameProblem } from "./rules";
import * as Offers from "./offers";
import { notFound, hash, newToken, open, load, all, positions, iso, serialize, backoff, byToken, capacityOf } from "./waitlist";

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
      const [farm, list] = await Promise.all([Farm.current(), all()]);
      const applicationID = createID("application");
      const statusToken = newToken();
      const position = positions(list).size + 1;
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

  /** The board offers places: in list order, to every application that fits the free mouths. */
  export const offerInOrder = Offers.offerInOrder;

  /** The board offers a place to one application: 409 when it does not fit the free mouths. */
  export async function offer(applicationID: string) {
    await Offers.offer(applicationID);
    return get(applicationID);
  }

  /** The applicant declines an offer with its link; the place goes to the next in line. */
  export const decline = Offers.decline;

  /** Leaves the waiting list: by the applicant (status link) or the board. */
  export const withdraw = Offers.withdraw;

  /** Offers past their deadline expire and their mouths move on (Offers.expireOverdue). */
  export const expireOverdue = Offers.expireOverdue;

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
}
