import { createHash, randomBytes } from "node:crypto";
import { useActor, useFarmID } from "../actor";
import { isConditionFailure } from "../dynamo";
import { useDB } from "../entities";
import { VisibleError } from "../error";
import { Farm } from "../farm/farm";
import { mouths } from "../household/mouths";
import { freeMouths } from "./rules";
import type { Application } from "./application";

/*
 * The waiting list as stored: reading applications and their tokens, the
 * list's version, and the capacity offers are made against. Shared by
 * application.ts and offers.ts; not part of the Application namespace.
 */

export type Stored = NonNullable<Awaited<ReturnType<typeof load>>>;

export const notFound = () => new VisibleError("not_found", "application.not_found", "No such application.");
export const hash = (token: string) => createHash("sha256").update(token).digest("base64url");
export const newToken = () => randomBytes(32).toString("base64url");
export const open = (a: { status: string }) => a.status === "waiting" || a.status === "offered";

export async function load(applicationID: string) {
  return (await useDB().entities.application.get({ farmID: useFarmID(), applicationID }).go({ consistent: true })).data ?? undefined;
}

/** Every application, in the list's order (the order they came in). */
export async function all() {
  const res = await useDB().entities.application.query.byID({ farmID: useFarmID() }).go({ pages: "all", consistent: true });
  return res.data.sort((a, b) => (a.applicationID < b.applicationID ? -1 : 1));
}

export function positions(list: Stored[]) {
  const map = new Map<string, number>();
  for (const a of list) if (a.status === "waiting") map.set(a.applicationID, map.size + 1);
  return map;
}

export const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export function serialize(a: Stored, childFactor: number, position: number | null): Application.Info {
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

export async function waitlistVersion() {
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

export { backoff } from "../backoff";

export function actorName() {
  const actor = useActor();
  return actor.type === "person" ? actor.personID : actor.type;
}

export async function byToken(token: string, purpose: "status" | "offer") {
  const found = (await useDB().entities.applicationToken.get({ farmID: useFarmID(), tokenHash: hash(token) }).go({ consistent: true })).data;
  if (!found || found.purpose !== purpose) return undefined;
  return load(found.applicationID);
}

export async function capacityOf(list: Stored[]): Promise<Application.Capacity> {
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
