import { useFarmID } from "../actor";
import { Clock } from "../clock";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { mouths } from "../household/mouths";
import type { Certificate } from "./certificate";
import { certificateStatus, dateOf, firstPossibleEnd } from "./rules";

/*
 * A household's certificate as stored, and as every verb of Certificate
 * answers it: shared by certificate.ts and not part of its namespace.
 */

export type HouseholdItem = NonNullable<Awaited<ReturnType<typeof loadHousehold>>>;
export type Stored = NonNullable<Awaited<ReturnType<typeof loadCertificate>>>;

export const notFound = () => new VisibleError("not_found", "household.not_found", "No such household.");

export async function loadHousehold(householdID: string) {
  return (await useDB().entities.household.get({ farmID: useFarmID(), householdID }).go({ consistent: true })).data ?? undefined;
}

export async function loadCertificate(householdID: string) {
  return (await useDB().entities.certificate.get({ farmID: useFarmID(), householdID }).go({ consistent: true })).data ?? undefined;
}

export function depositFor(farm: Farm.Info, certificate: "full" | "half") {
  return certificate === "full" ? farm.depositFullCents : farm.depositHalfCents;
}

/**
 * What a certificate holds now. A household that changed certificate
 * (full ↔ half) owes the farm's current deposit of the new one; one
 * without a stored certificate reads as pending since it was made.
 */
export function effective(h: HouseholdItem, c: Stored | undefined, farm: Farm.Info) {
  const sameKind = c && c.certificate === h.certificate;
  return {
    certificate: h.certificate,
    depositCents: sameKind ? c.depositCents : depositFor(farm, h.certificate),
    plan: c?.plan ?? "once",
    instalments: c?.instalments ?? farm.depositInstalments,
    paidCents: c?.paidCents ?? 0,
    memberSince: c?.memberSince ?? dateOf(Date.parse(h.createdAt)),
    noticeGivenAt: c?.noticeGivenAt ?? null,
    endDate: c?.endDate ?? null,
    refundedAt: c?.refundedAt ?? null,
    refundedCents: c?.refundedCents ?? null,
  };
}

export function serialize(h: HouseholdItem, c: Stored | undefined, farm: Farm.Info, today: string): Certificate.Info {
  const e = effective(h, c, farm);
  return {
    householdID: h.householdID,
    householdName: h.name,
    householdStatus: h.status,
    certificate: e.certificate,
    mouths: mouths(h.adults, h.children, farm.childFactor),
    depositCents: e.depositCents,
    paidCents: e.paidCents,
    outstandingCents: Math.max(0, e.depositCents - e.paidCents),
    plan: e.plan,
    instalmentCount: e.plan === "once" ? 1 : e.instalments,
    status: certificateStatus({ ...e, householdLeft: h.status === "left" }, today),
    memberSince: e.memberSince,
    firstPossibleEndDate: firstPossibleEnd(e.memberSince, farm.minimumTermYears),
    noticeGivenAt: e.noticeGivenAt,
    endDate: e.endDate,
    refundedAt: e.refundedAt,
    refundedCents: e.refundedCents,
  };
}

export const today = () => dateOf(Clock.now());
