import { useFarmID } from "../actor";
import { Audit } from "../audit/audit";
import { Clock } from "../clock";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { mouths } from "../household/mouths";
import { Mail } from "../mail/mail";
import { applicationExpired, applicationOffer } from "./mail";
import { oneAtATime } from "../one-at-a-time";
import { Certificate } from "./certificate";
import { planOffers } from "./rules";
import { type Stored, notFound, hash, newToken, open, load, all, serialize, waitlistVersion, backoff, actorName, byToken, capacityOf } from "./waitlist";

/*
 * Offers and how an application ends: the board offers places in list
 * order, and an offer is declined, withdrawn or expires, its mouths moving
 * on to the next in line. The Application namespace exposes these.
 */

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
}

/**
 * Ends an open application (declined by the applicant, expired, withdrawn);
 * `mail` (kept with the change) tells the applicant. When it held an offer,
 * its mouths move on to the next in line.
 */
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
