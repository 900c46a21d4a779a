import * as z from "zod/mini";
import { hasRole, useActor, useFarmID, usePerson, type Role } from "../actor";
import { Audit } from "../audit/audit";
import { writeAll } from "../batch-write";
import { Clock } from "../clock";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { certificates } from "../household/entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { Household } from "../household/household";
import { Mail } from "../mail/mail";
import { membershipNotice } from "./mail";
import { oneAtATime } from "../one-at-a-time";
import { Person } from "../person/person";
import { dateOf, depositSchedule, euros, isDate, noticeEnd } from "./rules";
import { amount, toCSV } from "../csv";
import { backoff } from "../backoff";
import {
  depositFor as depositOf,
  effective,
  loadCertificate,
  loadHousehold,
  notFound,
  serialize,
  today,
  type HouseholdItem,
  type Stored,
} from "./stored-certificate";

/**
 * Certificates (certificaten) and their deposits (inleg): one per member
 * household, full or half, with a deposit paid at once or in instalments
 * and refunded when the membership ends.
 *
 * A payment and the certificate's running total change in one transaction
 * that also bumps the certificate's version on the condition nobody else
 * did meanwhile, so the total always equals the payments and never exceeds
 * the deposit; the payment's key is its bank reference, so one reference is
 * recorded once however often it is sent.
 */
export namespace Certificate {
  export const statuses = ["pending", "paid", "refund_due", "refunded"] as const;
  export const plans = ["once", "instalments"] as const;

  export const Info = z.object({
    householdID: z.string(),
    householdName: z.string(),
    householdStatus: z.enum(["active", "pending", "left"]),
    certificate: z.enum(certificates),
    mouths: z.number(),
    depositCents: z.int(),
    paidCents: z.int(),
    outstandingCents: z.int(),
    plan: z.enum(plans),
    instalmentCount: z.int(),
    status: z.enum(statuses),
    /** YYYY-MM-DD */
    memberSince: z.string(),
    firstPossibleEndDate: z.string(),
    noticeGivenAt: z.nullable(z.string()),
    /** The last day of membership, once notice is given. */
    endDate: z.nullable(z.string()),
    refundedAt: z.nullable(z.string()),
    refundedCents: z.nullable(z.int()),
  });
  export type Info = z.infer<typeof Info>;

  export const Payment = z.object({
    reference: z.string(),
    householdID: z.string(),
    amountCents: z.int(),
    date: z.string(),
  });
  export type Payment = z.infer<typeof Payment>;

  export const Detail = z.extend(Info, {
    instalments: z.array(z.object({ due: z.string(), amountCents: z.int(), status: z.enum(["paid", "open", "late"]) })),
    payments: z.array(Payment),
    /** The end date notice given today would have, or null while the minimum term does not allow it (or notice was given). */
    noticeEndDate: z.nullable(z.string()),
  });
  export type Detail = z.infer<typeof Detail>;

  export const Totals = z.object({
    households: z.int(),
    depositCents: z.int(),
    paidCents: z.int(),
    outstandingCents: z.int(),
    refundDueCents: z.int(),
    byStatus: z.object({ pending: z.int(), paid: z.int(), refund_due: z.int(), refunded: z.int() }),
  });

  const date = z.string().check(z.refine(isDate, "A date as YYYY-MM-DD."));

  export const PaymentInput = z.object({
    amountCents: z.int().check(z.minimum(1), z.maximum(10_000_000)),
    date,
    reference: z.string().check(z.trim(), z.minLength(1), z.maxLength(140)),
  });

  export const UpdateInput = z.object({ plan: z.enum(plans) });

  export const depositFor = depositOf;

  /** The household's own people, or the given roles; anyone else gets the answer an unknown household gets. */
  export function assertAccess(householdID: string, ...roles: Role[]) {
    if (useActor().type === "system") return;
    const person = usePerson();
    if (person.householdID !== householdID && !hasRole(...roles)) throw notFound();
  }

  /** The register: every household's certificate, by name, with totals. */
  export async function register(): Promise<{ certificates: Info[]; totals: z.infer<typeof Totals> }> {
    const farmID = useFarmID();
    const [farm, households, stored] = await Promise.all([
      Farm.current(),
      useDB().entities.household.query.byID({ farmID }).go({ pages: "all" }),
      useDB().entities.certificate.query.byHousehold({ farmID }).go({ pages: "all" }),
    ]);
    const byHousehold = new Map(stored.data.map((c) => [c.householdID, c]));
    const day = today();
    const list = households.data
      .map((h) => serialize(h, byHousehold.get(h.householdID), farm, day))
      .sort((a, b) => a.householdName.localeCompare(b.householdName, "nl"));
    const sum = (f: (c: Info) => number) => list.reduce((n, c) => n + f(c), 0);
    const count = (s: Info["status"]) => list.filter((c) => c.status === s).length;
    return {
      certificates: list,
      totals: {
        households: list.length,
        depositCents: sum((c) => c.depositCents),
        paidCents: sum((c) => (c.status === "refunded" ? 0 : c.paidCents)),
        outstandingCents: sum((c) => (c.status === "pending" ? c.outstandingCents : 0)),
        refundDueCents: sum((c) => (c.status === "refund_due" ? c.paidCents : 0)),
        byStatus: { pending: count("pending"), paid: count("paid"), refund_due: count("refund_due"), refunded: count("refunded") },
      },
    };
  }

  /** The register as CSV for a Dutch spreadsheet (../csv.ts). */
  export function registerCSV(list: Info[]) {
    const statusNames: Record<Info["status"], string> = { pending: "openstaand", paid: "betaald", refund_due: "terug te betalen", refunded: "terugbetaald" };
    return toCSV(
      ["huishouden", "certificaat", "monden", "inleg", "betaald", "status", "lid sinds", "opgezegd per", "terugbetaald op", "terugbetaald"],
      list.map((c) => [
        c.householdName,
        c.certificate === "full" ? "heel" : "half",
        c.mouths,
        amount(c.depositCents),
        amount(c.paidCents),
        statusNames[c.status],
        c.memberSince,
        c.endDate,
        c.refundedAt,
        c.refundedCents === null ? null : amount(c.refundedCents),
      ]),
    );
  }

  async function payments(householdID: string): Promise<Payment[]> {
    const res = await useDB()
      .entities.depositPayment.query.byHousehold({ farmID: useFarmID(), householdID })
      .go({ pages: "all" });
    return res.data.map((p) => ({ reference: p.reference, householdID: p.householdID, amountCents: p.amountCents, date: p.date }));
  }

  /** One household's certificate with its instalments and payments: for its own people, the board and the treasurer. */
  export async function get(householdID: string): Promise<Detail> {
    assertAccess(householdID, "board", "treasurer");
    const [farm, h, c, paid] = await Promise.all([Farm.current(), loadHousehold(householdID), loadCertificate(householdID), payments(householdID)]);
    if (!h) throw notFound();
    const day = today();
    const info = serialize(h, c, farm, day);
    const e = effective(h, c, farm);
    const notice = noticeEnd(day, info.memberSince, farm.minimumTermYears);
    return {
      ...info,
      instalments: depositSchedule({ ...e, today: day }),
      payments: paid,
      noticeEndDate: !info.endDate && h.status !== "left" && notice.ok ? notice.endDate : null,
    };
  }

  /** The item that issues a household's certificate: as it reads before it is stored. */
  function issued(h: HouseholdItem, farm: Farm.Info) {
    const { certificate, depositCents, plan, instalments, memberSince } = effective(h, undefined, farm);
    return { farmID: h.farmID, householdID: h.householdID, certificate, depositCents, plan, instalments, paidCents: 0, memberSince };
  }

  /**
   * Stores the certificate as it reads now, fixing its deposit. Only a
   * change that is going to be made calls this, after its checks: a
   * refused request must not issue a certificate.
   */
  async function ensure(h: HouseholdItem, farm: Farm.Info): Promise<Stored> {
    const existing = await loadCertificate(h.householdID);
    if (existing) return existing;
    try {
      await useDB().entities.certificate.create(issued(h, farm)).go();
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
    return (await loadCertificate(h.householdID))!;
  }

  async function paymentByReference(reference: string) {
    return (await useDB().entities.depositPayment.get({ farmID: useFarmID(), reference }).go({ consistent: true })).data ?? undefined;
  }

  /** A reference seen before: the same payment again changes nothing; another payment under it is refused. */
  function repeated(p: NonNullable<Awaited<ReturnType<typeof paymentByReference>>>, householdID: string, amountCents: number) {
    if (p.householdID !== householdID || p.amountCents !== amountCents)
      throw new VisibleError("conflict", "deposit.reference_used", "This reference was already used for another payment.");
    return { reference: p.reference, householdID: p.householdID, amountCents: p.amountCents, date: p.date };
  }

  /**
   * Records a deposit payment (treasurer). The same reference records one
   * payment, however often and however concurrently it is sent; more than
   * the outstanding deposit is refused.
   */
  export async function recordPayment(householdID: string, input: z.infer<typeof PaymentInput>) {
    const farmID = useFarmID();
    const farm = await Farm.current();
    const h = await loadHousehold(householdID);
    if (!h) throw notFound();
    if (input.date > today())
      throw new VisibleError("input", "input.invalid", "The date cannot be in the future.", [{ path: "date", message: "The date cannot be in the future." }]);
    const result = await oneAtATime(`certificate:${farmID}:${householdID}`, async () => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const seen = await paymentByReference(input.reference);
        if (seen) return { payment: repeated(seen, householdID, input.amountCents), duplicate: true };
        const c = await loadCertificate(householdID);
        const info = serialize(h, c, farm, today());
        if (info.status === "refund_due" || info.status === "refunded")
          throw new VisibleError("conflict", "certificate.ended", "This membership has ended; no deposit is due.");
        if (input.amountCents > info.outstandingCents)
          throw new VisibleError(
            "conflict",
            "certificate.overpaid",
            `This is more than the outstanding deposit (${euros(info.outstandingCents)}).`,
            undefined,
            { outstandingCents: info.outstandingCents },
          );
        const res = await useDB()
          .transaction.write(({ certificate, depositPayment, audit }) => [
            depositPayment
              .create({ farmID, reference: input.reference, householdID, amountCents: input.amountCents, date: input.date, recordedBy: actorName() })
              .commit(),
            // the audit event too: a crash after the payment cannot leave it out of the log
            audit.create(Audit.event("deposit.paid", householdID, { reference: input.reference, amountCents: input.amountCents })).commit(),
            // the first payment issues the certificate, in the same transaction
            c
              ? certificate
                  .patch({ farmID, householdID })
                  .set({ paidCents: c.paidCents + input.amountCents, version: c.version + 1, certificate: info.certificate, depositCents: info.depositCents })
                  .where((a, op) => op.eq(a.version, c.version))
                  .commit()
              : certificate.create({ ...issued(h, farm), paidCents: input.amountCents, version: 1 }).commit(),
          ])
          .go();
        if (!res.canceled)
          return { payment: { reference: input.reference, householdID, amountCents: input.amountCents, date: input.date }, duplicate: false };
        await backoff(attempt);
      }
      throw new VisibleError("conflict", "certificate.busy", "Too many changes at once; try again.");
    });
    return { ...result, certificate: await get(householdID) };
  }

  function actorName() {
    const actor = useActor();
    return actor.type === "person" ? actor.personID : actor.type;
  }

  /** Deposit at once or in instalments (board, treasurer). */
  export async function update(householdID: string, input: z.infer<typeof UpdateInput>) {
    const farm = await Farm.current();
    const h = await loadHousehold(householdID);
    if (!h) throw notFound();
    await ensure(h, farm);
    const res = await useDB()
      .transaction.write(({ certificate, audit }) => [
        certificate.patch({ farmID: useFarmID(), householdID }).set({ plan: input.plan }).commit(),
        audit.create(Audit.event("certificate.updated", householdID, input)).commit(),
      ])
      .go();
    if (res.canceled) throw new VisibleError("conflict", "certificate.busy", "Too many changes at once; try again.");
    return get(householdID);
  }

  /**
   * Notice (opzegging) for the end of this year: possible once the minimum
   * term is over by then, else 409 with the first possible end date. Giving
   * notice again changes nothing.
   */
  export async function giveNotice(householdID: string) {
    assertAccess(householdID, "board");
    const farmID = useFarmID();
    const farm = await Farm.current();
    const h = await loadHousehold(householdID);
    if (!h) throw notFound();
    if (h.status === "left") throw new VisibleError("conflict", "membership.ended", "This household is no longer a member.");
    const c = effective(h, await loadCertificate(householdID), farm);
    if (c.endDate) return get(householdID);
    const end = noticeEnd(today(), c.memberSince, farm.minimumTermYears);
    if (!end.ok)
      throw new VisibleError(
        "conflict",
        "membership.minimum_term",
        `The minimum term of ${farm.minimumTermYears} years is not over: the membership can end on ${end.firstPossibleEndDate} at the earliest.`,
        undefined,
        { firstPossibleEndDate: end.firstPossibleEndDate },
      );
    await ensure(h, farm);
    const mails = (await Person.byHousehold(householdID)).map((p) =>
      Mail.compose(membershipNotice, p.email, p.locale, {
        farm: farm.name,
        household: h.name,
        endDate: end.endDate,
        depositCents: c.paidCents,
        link: `/households/${householdID}`,
      }),
    );
    // the household learns of its notice with it, or not at all; refused when
    // given at the same moment by someone else of the household
    await Mail.commitWith(mails, ({ certificate, audit }) => [
      certificate
        .patch({ farmID, householdID })
        .set({ noticeGivenAt: Clock.iso(), noticeGivenBy: actorName(), endDate: end.endDate })
        .where((a, op) => op.notExists(a.endDate))
        .commit(),
      audit.create(Audit.event("membership.notice", householdID, { endDate: end.endDate })).commit(),
    ]);
    return get(householdID);
  }

  /** Takes notice back, until the membership has ended. */
  export async function withdrawNotice(householdID: string) {
    assertAccess(householdID, "board");
    const h = await loadHousehold(householdID);
    if (!h) throw notFound();
    const c = await loadCertificate(householdID);
    if (!c?.endDate) return get(householdID);
    if (today() > c.endDate || h.status === "left")
      throw new VisibleError("conflict", "membership.ended", "The membership has already ended.");
    // Withdrawn at the same moment by someone else (the transaction is refused): theirs is the one logged.
    await useDB()
      .transaction.write(({ certificate, audit }) => [
        certificate
          .patch({ farmID: useFarmID(), householdID })
          .remove(["endDate", "noticeGivenAt", "noticeGivenBy"])
          .where((a, op) => op.eq(a.endDate, c.endDate!))
          .commit(),
        audit.create(Audit.event("membership.notice_withdrawn", householdID, { endDate: c.endDate })).commit(),
      ])
      .go();
    return get(householdID);
  }

  /** The treasurer paid the deposit back: once the refund is due; marking it again changes nothing. */
  export async function refund(householdID: string) {
    const farm = await Farm.current();
    const h = await loadHousehold(householdID);
    if (!h) throw notFound();
    const info = serialize(h, await loadCertificate(householdID), farm, today());
    if (info.status === "refunded") return get(householdID);
    if (info.status !== "refund_due")
      throw new VisibleError("conflict", "certificate.not_refund_due", "The deposit is refunded once the membership has ended.");
    const c = await ensure(h, farm);
    await useDB()
      .transaction.write(({ certificate, audit }) => [
        certificate
          .patch({ farmID: useFarmID(), householdID })
          .set({ refundedAt: today(), refundedCents: c.paidCents, version: c.version + 1 })
          .where((a, op) => `${op.notExists(a.refundedAt)} AND ${op.eq(a.version, c.version)}`)
          .commit(),
        audit.create(Audit.event("deposit.refunded", householdID, { refundedCents: c.paidCents })).commit(),
      ])
      .go();
    return get(householdID);
  }

  /** The scheduled part: a household whose membership ended (after its end date) leaves. */
  export async function endMemberships(now: Date) {
    const farmID = useFarmID();
    const day = dateOf(now.getTime());
    const stored = await useDB().entities.certificate.query.byHousehold({ farmID }).go({ pages: "all" });
    for (const c of stored.data) {
      if (!c.endDate || day <= c.endDate) continue;
      const h = await loadHousehold(c.householdID);
      if (!h || h.status === "left") continue;
      await Household.update({ id: c.householdID, changes: { status: "left" } });
    }
  }

  /** The stored-item fields of a new certificate, for the transaction that makes the household. */
  export function issue(farm: Farm.Info, input: { householdID: string; certificate: "full" | "half"; plan: "once" | "instalments"; memberSince: string }) {
    return {
      farmID: farm.id,
      householdID: input.householdID,
      certificate: input.certificate,
      depositCents: depositFor(farm, input.certificate),
      plan: input.plan,
      instalments: farm.depositInstalments,
      paidCents: 0,
      memberSince: input.memberSince,
    };
  }

  /** Demo data: certificates paid in full, each with its one payment. */
  export async function seedPaid(entries: { householdID: string; certificate: "full" | "half"; memberSince: string; reference: string }[]) {
    const farm = await Farm.current();
    const certs = entries.map((e) => ({ ...issue(farm, { ...e, plan: "once" }), paidCents: depositFor(farm, e.certificate) }));
    const pays = entries.map((e) => ({
      farmID: farm.id,
      reference: e.reference,
      householdID: e.householdID,
      amountCents: depositFor(farm, e.certificate),
      date: e.memberSince,
      recordedBy: "system",
    }));
    // a few batches at a time: DynamoDB Local serialises a table's writes, and
    // what waits too long behind its lock comes back unprocessed
    const db = useDB().entities;
    await writeAll((items) => db.certificate.put(items).go({ concurrency: 4 }), certs);
    await writeAll((items) => db.depositPayment.put(items).go({ concurrency: 4 }), pays);
  }
}
